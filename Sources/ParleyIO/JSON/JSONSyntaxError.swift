import ParleyGraph
import ParleyValues

/// A problem found while parsing a JSON graph file: a message and the byte offset it is about.
///
/// The line and column are worked out only when the error is reported
/// (``JSONSyntaxError/diagnostic(in:)``), so the parser's hot path never counts lines.
struct JSONSyntaxError: Error {
    /// The byte offset of the offending text, or `nil` for errors about the whole file.
    var offset: Int?
    /// How many bytes the offending text covers (for the caret underline), at least 1.
    var length: Int
    /// What went wrong: what was expected and what was found.
    var message: String

    /// Creates an error at `offset`.
    init(at offset: Int?, length: Int = 1, _ message: String) {
        self.offset = offset
        self.length = max(1, length)
        self.message = message
    }

    /// The diagnostic, with the offset turned into a line and a column (in Unicode scalars).
    func diagnostic(in bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        guard let offset else { return Diagnostic(.error, message) }
        let start = JSONSyntaxError.location(of: offset, in: bytes)
        let end = JSONSyntaxError.location(of: min(bytes.count, offset + length), in: bytes)
        return Diagnostic(.error, message, at: SourceRange(start: start, end: end))
    }

    /// The 1-based line and column of byte `offset`: lines end at `\n`, `\r\n` or a lone `\r`
    /// (as ``Diagnostic/lines(of:)`` cuts them), columns count Unicode scalars (every byte
    /// that is not a UTF-8 continuation byte), and a byte order mark at the start takes no column.
    static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let offset = min(max(0, offset), bytes.count)
        var line = 1, column = 1
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var i = hasBOM ? min(3, offset) : 0
        while i < offset {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                line += 1
                column = 1
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(line: line, column: column, offset: offset)
    }
}
