import ParleyValues

/// Rendering diagnostics for a terminal.
extension Diagnostic {
    /// Renders the diagnostic as `FILE:LINE:COL: error[CODE]: message` (`error:` when it has no
    /// ``code``), then the source line and a
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
        let location = self.location(fileName: fileName, lineOffset: lineOffset)
        if !location.isEmpty { out += location + ": " }
        out += reset + red + label + ":" + reset + bold + " " + message + reset
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
}
