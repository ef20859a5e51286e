#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyIO
import Synchronization

/// Somewhere text goes: standard output, standard error, a file, or a string (tests).
public protocol TextOutput: AnyObject {
    /// Writes `text` as is.
    func write(_ text: String)
    /// Whether this is a terminal (colours, paging, width).
    var isTerminal: Bool { get }
}

private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

/// Writes to a file descriptor, unbuffered.
public final class FileOutput: TextOutput, Sendable {
    /// The descriptor written to.
    public let fd: Int32
    private let ownsDescriptor: Bool
    /// For `:output FILE`: the file being written, which appears only when ``finish()`` commits it.
    private let stream: AtomicFile.Stream?

    /// Standard output.
    public static let standardOutput = FileOutput(fd: 1)
    /// Standard error.
    public static let standardError = FileOutput(fd: 2)

    /// Wraps `fd`; with `owns`, the descriptor is closed on ``close()``.
    public init(fd: Int32, owns: Bool = false) {
        self.fd = fd
        self.ownsDescriptor = owns
        stream = nil
    }

    private init(stream: AtomicFile.Stream) {
        fd = stream.descriptor
        ownsDescriptor = false
        self.stream = stream
    }

    /// Starts writing the file at `path` through a temporary file beside it: an existing file
    /// is not touched until ``finish()`` renames the new one over it.
    static func create(path: String) -> Result<FileOutput, OutputOpenError> {
        do {
            return .success(FileOutput(stream: try AtomicFile.Stream(path: path)))
        } catch {
            return .failure(OutputOpenError(message: error.reason))
        }
    }

    /// Ends a file output: commits what was written (fsync, rename over the old file), or, when
    /// a write failed, throws it away and keeps the old file. Returns why it failed, if it did.
    func finish() -> String? {
        guard let stream else {
            close()
            return nil
        }
        let pending = takeWriteError()
        if stream.isInPlace {
            // A device or pipe: failures were reported as they happened; nothing to keep.
            stream.discard()
            return pending
        }
        if pending != nil || everFailed.load(ordering: .relaxed) {
            stream.discard()
            return (pending ?? "an earlier write failed") + "; the file was left as it was"
        }
        do {
            try stream.commit()
            return nil
        } catch {
            return error.reason
        }
    }

    /// The errno of the first write that failed since the last ``takeWriteError()`` (0: none).
    private let writeError = Atomic<Int32>(0)
    /// Whether any write ever failed (not cleared by ``takeWriteError()``): such a file is not
    /// committed by ``finish()``.
    private let everFailed = Atomic<Bool>(false)

    public func write(_ text: String) {
        if !FileOutput.writeAll(fd, text) {
            _ = writeError.compareExchange(expected: 0, desired: errno, ordering: .relaxed)
            everFailed.store(true, ordering: .relaxed)
        }
    }

    /// Why a write failed since the last call, in words (`no space left on the device`), and
    /// clears it; nil when every write succeeded.
    public func takeWriteError() -> String? {
        let code = writeError.exchange(0, ordering: .relaxed)
        guard code != 0 else { return nil }
        switch code {
        case ENOSPC: return "no space left on the device"
        case EPIPE: return "the reader closed the pipe"
        case EIO: return "input/output error"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    public var isTerminal: Bool { isatty(fd) == 1 }

    /// Closes the descriptor if this output owns it.
    public func close() {
        if ownsDescriptor { _ = systemClose(fd) }
    }

    /// Writes all of `text` to `fd`, retrying on EINTR; false on any other error.
    @discardableResult
    static func writeAll(_ fd: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var done = 0
        return bytes.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while done < buffer.count {
                let n = systemWrite(fd, base + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += n
            }
            return true
        }
    }
}

/// Why a file could not be opened for output.
struct OutputOpenError: Error {
    var message: String
}

/// Collects text in memory (tests, and capturing output for the pager).
public final class StringOutput: TextOutput {
    /// Everything written so far.
    public private(set) var text = ""
    /// Whether to claim to be a terminal.
    public var isTerminal: Bool

    /// Creates an empty collector.
    public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

    public func write(_ text: String) { self.text += text }

    /// Empties the collector.
    public func clear() { text = "" }
}
