#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        public var description: String { path.isEmpty ? "error: \(reason)" : "\(path): error: \(reason)" }
    }

    /// Writes `bytes` to `path` atomically; a new file gets `newFileMode` (an existing one
    /// keeps its mode).
    public static func write(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o644) throws(WriteError) {
        do {
            try FileAccess.writeAtomically(bytes, to: path, newFileMode: newFileMode)
        } catch {
            throw WriteError(path: path, reason: error.message)
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String, newFileMode: mode_t = 0o644) throws(WriteError) {
        try write(Array(text.utf8), to: path, newFileMode: newFileMode)
    }

    /// A file written piece by piece that appears at its path, complete, only on ``commit()``
    /// (`:output FILE`): until then the old file, if any, is untouched; ``discard()`` or a crash
    /// leaves it so (a crash's temporary file is removed by the next write of the same file).
    public final class Stream: @unchecked Sendable {
        /// The file being written.
        public let path: String
        private var target: FileAccess.AtomicTarget?

        /// Starts writing `path`: creates the temporary file beside it.
        public init(path: String, newFileMode: mode_t = 0o644) throws(WriteError) {
            self.path = path
            do {
                target = try FileAccess.beginAtomic(path, newFileMode: newFileMode)
            } catch {
                throw WriteError(path: path, reason: error.message)
            }
        }

        /// The descriptor to write to (-1 once committed or discarded).
        public var descriptor: Int32 { target?.fd ?? -1 }

        /// Whether the file is written in place (a device, a pipe, `/dev/stdout`): there is no
        /// old file to keep, and ``discard()`` only closes it.
        public var isInPlace: Bool { target?.temporary == nil }

        /// Makes the written bytes the file's content: fsync, rename over the old file.
        public func commit() throws(WriteError) {
            guard let t = target else { return }
            target = nil
            do {
                try FileAccess.commitAtomic(t)
            } catch {
                throw WriteError(path: path, reason: error.message)
            }
        }

        /// Throws the written bytes away; the old file stays as it was.
        public func discard() {
            guard let t = target else { return }
            target = nil
            FileAccess.abortAtomic(t)
        }

        deinit { discard() }
    }
}
