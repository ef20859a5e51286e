import ParleyGraph
import ParleyValues

/// Cuts input lines into statements and meta-commands.
///
/// A statement ends with `;` outside quotes (`'…'`, `"…"`, `` `…` ``) and comments (`//`,
/// `/* */`), however many lines it spans; a meta-command (a line starting with `:` when no
/// statement is pending) ends at the end of its line. A last statement without `;` is
/// returned by ``finish()``. Every unit knows where it started, so errors can point into
/// the script.
public struct StatementSplitter: Sendable {
    private enum Mode: Sendable { case code, single, double, backtick, blockComment }

    private var mode = Mode.code
    private var escaped = false
    private var pending = ""           // statement text since its first token
    private var pendingStart: SourceLocation?
    private var pendingLines: [String] = []
    private var pendingStartLineIndex = 0
    private var line = 0                // number of lines fed so far
    private var offset = 0              // UTF-8 offset of the start of the next line

    /// Creates a splitter at line 1.
    public init() {}

    /// Whether a statement (or a block comment) is unfinished: the REPL shows the
    /// continuation prompt.
    public var isPending: Bool { pendingStart != nil || mode == .blockComment }

    /// The unfinished statement's text so far.
    public var pendingText: String { pending }

    /// Drops the unfinished statement (Ctrl-C at the prompt).
    public mutating func reset() {
        mode = .code
        escaped = false
        pending = ""
        pendingStart = nil
        pendingLines = []
    }

    /// Feeds one line (without its newline) and returns the units it completes.
    public mutating func feed(_ text: String) -> [InputUnit] {
        line += 1
        let lineStartOffset = offset
        offset += text.utf8.count + 1
        var units: [InputUnit] = []
        if pendingStart != nil { pendingLines.append(text) }

        let scalars = Array(text.unicodeScalars)
        var column = 1
        var byte = lineStartOffset
        var i = 0
        func location() -> SourceLocation { SourceLocation(line: line, column: column, offset: byte) }

        while i < scalars.count {
            let c = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            var advance = 1
            switch mode {
            case .blockComment:
                if c == "*" && next == "/" { mode = .code; advance = 2 }
            case .single, .double, .backtick:
                if escaped {
                    escaped = false
                } else if c == "\\" && mode != .backtick {
                    escaped = true
                } else if (c == "'" && mode == .single) || (c == "\"" && mode == .double) || (c == "`" && mode == .backtick) {
                    mode = .code
                }
            case .code:
                if pendingStart == nil {
                    if c == " " || c == "\t" || c == "\r" {
                        break
                    }
                    if c == ":" {
                        // A meta-command: the rest of the line.
                        let rest = String(String.UnicodeScalarView(scalars[i...]))
                        let trimmed = rest.trimmingTrailingWhitespace()
                        units.append(InputUnit(kind: .meta, text: trimmed, start: location(), lines: [text], historyEntry: trimmed))
                        return units
                    }
                    if c == "/" && (next == "/" || next == "*") {
                        // A comment before any statement text: not part of a statement.
                        if next == "/" { i = scalars.count; continue }
                        mode = .blockComment
                        advance = 2
                        break
                    }
                    if c == ";" { break }  // empty statement
                    pendingStart = location()
                    pendingLines = [text]
                }
                if c == ";" {
                    units.append(finishPending())
                    column += 1
                    byte += c.utf8Length
                    i += 1
                    continue
                }
                if c == "/" && next == "/" {
                    // Line comment: keep it in the statement text, it ends at the newline.
                    for s in scalars[i...] { pending.unicodeScalars.append(s) }
                    i = scalars.count
                    continue
                }
                if c == "/" && next == "*" { mode = .blockComment; advance = 2 }
                else if c == "'" { mode = .single }
                else if c == "\"" { mode = .double }
                else if c == "`" { mode = .backtick }
            }
            for k in 0..<advance where i + k < scalars.count {
                let s = scalars[i + k]
                if pendingStart != nil { pending.unicodeScalars.append(s) }
                column += 1
                byte += s.utf8Length
            }
            i += advance
        }
        if pendingStart != nil { pending += "\n" }
        return units
    }

    /// Ends the input: returns the last statement if it had no `;`.
    public mutating func finish() -> InputUnit? {
        defer { reset() }
        guard pendingStart != nil else { return nil }
        var text = pending
        while let last = text.unicodeScalars.last, last == "\n" || last == " " || last == "\t" || last == "\r" {
            text.unicodeScalars.removeLast()
        }
        guard !text.isEmpty else { return nil }
        pending = text
        return makeUnit(historySuffix: "")
    }

    /// Completes the pending statement at its `;`.
    private mutating func finishPending() -> InputUnit {
        var text = pending
        while let last = text.unicodeScalars.last, last == "\n" || last == " " || last == "\t" || last == "\r" {
            text.unicodeScalars.removeLast()
        }
        pending = text
        let unit = makeUnit(historySuffix: ";")
        pending = ""
        pendingStart = nil
        pendingLines = []
        escaped = false
        return unit
    }

    /// The pending statement as a unit; `historySuffix` is appended to its history entry.
    private func makeUnit(historySuffix: String) -> InputUnit {
        let start = pendingStart ?? SourceLocation(line: line, column: 1, offset: offset)
        return InputUnit(kind: .statement, text: pending, start: start, lines: pendingLines, historyEntry: pending + historySuffix)
    }
}

extension Unicode.Scalar {
    /// The number of bytes of this scalar in UTF-8.
    var utf8Length: Int {
        switch value {
        case 0..<0x80: return 1
        case 0x80..<0x800: return 2
        case 0x800..<0x10000: return 3
        default: return 4
        }
    }
}

extension String {
    /// The string without trailing spaces, tabs and carriage returns.
    func trimmingTrailingWhitespace() -> String {
        var s = self
        while let last = s.unicodeScalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
            s.unicodeScalars.removeLast()
        }
        return s
    }

    /// The string without leading and trailing whitespace.
    func trimmed() -> String {
        var s = trimmingTrailingWhitespace()
        while let first = s.unicodeScalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" {
            s.unicodeScalars.removeFirst()
        }
        return s
    }
}
