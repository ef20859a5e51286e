#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyGraph

/// A ``LineEditor`` without editing: reads lines from a file descriptor (pipes, scripts) or
/// from a list (tests). Prompts are shown only when asked for (the fallback on a terminal
/// when libedit is unavailable).
public final class PlainLineReader: LineEditor {
    private let fd: Int32
    private var queued: [String]?
    private var buffer: [UInt8] = []
    private var atEnd = false
    private var isFirstLine = true
    private let showsPrompts: Bool
    /// The history entries, oldest first (in memory only).
    public private(set) var history: [String] = []

    /// Reads from `fileDescriptor` (standard input by default); with `prompts`, writes each
    /// prompt to standard output first.
    public init(fileDescriptor: Int32 = 0, prompts: Bool = false) {
        self.fd = fileDescriptor
        self.showsPrompts = prompts
    }

    /// Reads the given lines, then reports the end of input.
    public init(lines: [String]) {
        self.fd = -1
        self.queued = lines
        self.showsPrompts = false
    }

    /// Reads the lines of `text`: a line ends at LF, CRLF or a lone CR, and a byte order mark
    /// at the start is dropped (see ``Diagnostic/lines(of:)``).
    public convenience init(text: String) {
        var lines = Diagnostic.lines(of: text)
        if lines.last == "" { lines.removeLast() }
        self.init(lines: lines)
    }

    public var isInteractive: Bool { showsPrompts }

    public func readLine(prompt: String) -> LineInput {
        if queued != nil {
            guard !queued!.isEmpty else { return .endOfInput }
            return .line(queued!.removeFirst())
        }
        if showsPrompts { FileOutput.writeAll(1, prompt) }
        while true {
            // A line ends at LF, CRLF or a lone CR; a CR last in the buffer waits for the next
            // byte, unless the input has ended.
            if let end = buffer.firstIndex(where: { $0 == 10 || $0 == 13 }), buffer[end] == 10 || end + 1 < buffer.count || atEnd {
                var bytes = Array(buffer[..<end])
                let length = buffer[end] == 13 && end + 1 < buffer.count && buffer[end + 1] == 10 ? 2 : 1
                buffer.removeSubrange(..<(end + length))
                if isFirstLine && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                isFirstLine = false
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            if atEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                var bytes = buffer
                buffer = []
                if isFirstLine && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                isFirstLine = false
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR {
                    buffer = []
                    if showsPrompts { FileOutput.writeAll(1, "\n") }
                    return .interrupted
                }
                atEnd = true
            } else if n == 0 {
                atEnd = true
            } else {
                buffer += chunk[..<n]
            }
        }
    }

    public func addHistory(_ entry: String) {
        if history.last != entry { history.append(entry) }
    }
}
