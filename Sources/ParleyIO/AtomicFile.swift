/// The one way Parley writes a file: a temporary file in the same folder, fsync, rename.
///
/// Graphs (`:save`), DOT exports, rendered images and the REPL's history all go through it, so
/// an existing file is never truncated first and a crash leaves either the old file or the
/// complete new one.
public enum AtomicFile {
    /// A write that failed; the old file, if any, is untouched.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// The file that could not be written.
        public var path: String
        /// Why, in words (`permission denied`, `no space left on the device`, ...).
        public var reason: String
        public var description: String { "\(path): error: \(reason)" }
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        do {
            try FileAccess.writeAtomically(bytes, to: path)
        } catch {
            throw WriteError(path: path, reason: error.message)
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }
}
