import Foundation

/// A DOT style file or DOT output file that could not be read, understood or written.
public struct DOTFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or name) the error is about.
    public var path: String
    /// What is wrong, saying what was expected and what was found.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `FILE: error: message`.
    public var description: String { path.isEmpty ? "error: \(message)" : "\(path): error: \(message)" }
}

extension DOTExporter {
    /// Writes DOT text to `path` atomically (a temporary file in the same folder, then a
    /// fsync, rename: ``AtomicFile``), so a failed write never leaves half a file.
    public static func save(_ dot: String, to path: String) throws(DOTFileError) {
        do {
            try AtomicFile.write(dot, to: path)
        } catch {
            throw DOTFileError(path: path, message: "cannot write the DOT file: \(error.reason)")
        }
    }
}
