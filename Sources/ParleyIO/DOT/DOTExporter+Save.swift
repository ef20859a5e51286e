import Foundation

/// A DOT file that could not be written.
public struct DOTSaveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file Parley tried to write.
    public var path: String
    /// Why it failed.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `FILE: error: message`.
    public var description: String { "\(path): error: \(message)" }
}

extension DOTExporter {
    /// Writes DOT text to `path` atomically (a temporary file in the same folder, then a
    /// rename), so a failed write never leaves half a file.
    public static func save(_ dot: String, to path: String) throws(DOTSaveError) {
        do {
            try Data(dot.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DOTSaveError(path: path, message: "cannot write the DOT file: \(error.localizedDescription)")
        }
    }
}
