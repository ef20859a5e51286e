import ParleyValues

/// An error or warning about a source text (a query, a script, a JSON file), with its position.
///
/// Every error Parley shows to a user goes through ``Diagnostic/render(source:fileName:color:)``,
/// so they all look alike:
///
/// ```
/// weekly.cypher:14:9: error: Invalid input 'RETRUN': expected RETURN, WITH, ...
///   MATCH (n) RETRUN n
///             ^~~~~~
/// ```
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    /// How serious the diagnostic is.
    public enum Severity: String, Sendable { case error, warning, note }

    /// How serious the diagnostic is.
    public var severity: Severity
    /// The message, without position: what was expected and what was found.
    public var message: String
    /// Where in the source the problem is, if anywhere.
    public var range: SourceRange?
    /// An optional hint shown after the caret line (`did you mean RETURN?`).
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, _ message: String, at range: SourceRange? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.range = range
        self.hint = hint
    }

    public var description: String {
        if let range { return "\(range.start): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }

    /// Renders the diagnostic as `FILE:LINE:COL: error: message`, then the source line and a
    /// caret under the range, then the hint.
    ///
    /// - Parameters:
    ///   - source: the whole source text the range points into, if available.
    ///   - fileName: the file name shown as prefix, if any (`<query>` style names are fine).
    ///   - lineOffset: added to the line number (for a statement that starts inside a script).
    ///   - color: whether to use ANSI colours.
    public func render(source: String?, fileName: String? = nil, lineOffset: Int = 0, color: Bool = false) -> String {
        var out = ""
        let bold = color ? "\u{1B}[1m" : "", red = color ? "\u{1B}[1;31m" : "", green = color ? "\u{1B}[1;32m" : ""
        let reset = color ? "\u{1B}[0m" : ""
        out += bold
        var prefix: [String] = []
        if let fileName, !fileName.isEmpty { prefix.append(fileName) }
        if let range {
            prefix.append("\(range.start.line + lineOffset)")
            prefix.append("\(range.start.column)")
        }
        if !prefix.isEmpty { out += prefix.joined(separator: ":") + ": " }
        out += reset + red + severity.rawValue + ":" + reset + bold + " " + message + reset
        if let range, let source {
            let lines = Diagnostic.lines(of: source)
            let index = range.start.line - 1
            if index >= 0 && index < lines.count {
                var caretColumn = max(1, range.start.column)
                var width = 1
                if range.end.line == range.start.line && range.end.column > range.start.column {
                    width = range.end.column - range.start.column
                }
                let (line, windowColumn) = Diagnostic.window(lines[index], around: caretColumn)
                caretColumn = windowColumn
                out += "\n" + line.replacingTabs()
                let scalars = Array(line.unicodeScalars)
                let before = min(caretColumn - 1, scalars.count)
                let covered = min(before + width, scalars.count)
                let indent = String(String.UnicodeScalarView(scalars[..<before])).replacingTabs().displayWidth
                // The underline spans the columns the range's text takes on screen (two per wide
                // character, four per tab), at least one.
                let text = String(String.UnicodeScalarView(scalars[before..<covered])).replacingTabs()
                let span = max(1, text.displayWidth + (width - (covered - before)))
                out += "\n" + String(repeating: " ", count: indent)
                out += green + "^" + String(repeating: "~", count: max(0, span - 1)) + reset
            }
        }
        if let hint { out += "\n" + hint }
        return out
    }

    /// The lines of `source` as every position in Parley counts them: a line ends at `\n`,
    /// `\r\n` or a lone `\r` (the ends are not part of the lines), and a UTF-8 byte order mark
    /// at the very start is not part of line 1.
    public static func lines(of source: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = source.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var afterCR = false
        for scalar in scalars {
            if scalar == "\n" && afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    /// The longest source line shown whole, in Unicode scalars; longer lines are cut to a
    /// window around the caret, with `…` where text was left out.
    static let maximumLineLength = 160

    /// `line` cut to at most about ``maximumLineLength`` scalars around `column`, and the
    /// caret's column in the cut line.
    static func window(_ line: String, around column: Int) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > maximumLineLength else { return (line, column) }
        let half = maximumLineLength / 2
        let start = max(0, min(column - 1 - half, scalars.count - maximumLineLength))
        let end = min(scalars.count, start + maximumLineLength)
        var text = start > 0 ? "…" : ""
        text.unicodeScalars.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text += "…" }
        return (text, column - start + (start > 0 ? 1 : 0))
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        var s = ""
        for c in self { if c == "\t" { s += "    " } else { s.append(c) } }
        return s
    }

    /// The number of terminal columns this string takes (wide East Asian characters and
    /// emoji count two, combining marks zero).
    public var displayWidth: Int {
        var width = 0
        for scalar in unicodeScalars { width += scalar.displayWidth }
        return width
    }
}

extension Unicode.Scalar {
    /// The number of terminal columns this scalar takes: 0, 1 or 2.
    public var displayWidth: Int {
        let v = value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF && v != 0x303F)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x1F680 && v <= 0x1F6FF) || (v >= 0x20000 && v <= 0x3FFFD)
            || (v >= 0x2600 && v <= 0x26FF && properties.isEmojiPresentation)
        {
            return 2
        }
        return 1
    }
}
