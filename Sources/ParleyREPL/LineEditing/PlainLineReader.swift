#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyGraph
import ParleyValues

/// A ``LineEditor`` without editing: reads lines from a file descriptor (pipes, scripts) or
/// from a list (tests). Prompts are shown only when asked for (the fallback on a terminal
/// when libedit is unavailable).
public final class PlainLineReader: LineEditor {
    private let fd: Int32
    private var queued: [String]?
    /// The next line of `queued` to hand out (lines are not removed: that would be quadratic).
    private var nextQueued = 0
    private var buffer: [UInt8] = []
    /// Where the unread bytes of `buffer` start; the consumed prefix is dropped only when it is
    /// most of the buffer, so a long input costs linear time.
    private var start = 0
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

    /// The text of `bytes` in the buffer, without the byte order mark a first line may start with.
    private func takeLine(_ bytes: Range<Int>) -> String {
        var line = buffer[bytes]
        if isFirstLine && line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        isFirstLine = false
        return String(decoding: line, as: UTF8.self)
    }

    public func readLine(prompt: String) -> LineInput {
        if let queued {
            guard nextQueued < queued.count else { return .endOfInput }
            nextQueued += 1
            return .line(queued[nextQueued - 1])
        }
        if showsPrompts { FileOutput.writeAll(1, prompt) }
        while true {
            // A line ends at LF, CRLF or a lone CR; a CR last in the buffer waits for the next
            // byte, unless the input has ended.
            if let end = buffer[start...].firstIndex(where: { $0 == 10 || $0 == 13 }), buffer[end] == 10 || end + 1 < buffer.count || atEnd {
                let length = buffer[end] == 13 && end + 1 < buffer.count && buffer[end + 1] == 10 ? 2 : 1
                let line = takeLine(start..<end)
                start = end + length
                return .line(line)
            }
            if atEnd {
                guard start < buffer.count else { return .endOfInput }
                let line = takeLine(start..<buffer.count)
                start = buffer.count
                return .line(line)
            }
            if start > 0 {
                buffer.removeSubrange(..<start)
                start = 0
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
