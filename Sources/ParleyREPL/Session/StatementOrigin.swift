import ParleyGraph
import ParleyQuery
import ParleyValues

/// Where a statement came from, so its errors point into the script: `FILE:LINE:COL`.
struct StatementOrigin: Sendable {
    /// The file name shown before positions (`weekly.cypher`, `<command>`, `<stdin>`), or
    /// nil in interactive sessions.
    var fileName: String?
    /// Where the statement text starts in its source.
    var start: SourceLocation
    /// The source lines the statement spans, whole, starting at `start.line`.
    var lines: [String]
    /// Whether line numbers count from the statement's first line (interactive input).
    var relativeLines = false

    /// The origin of a unit read by the splitter.
    init(unit: InputUnit, fileName: String?, relativeLines: Bool = false) {
        self.fileName = fileName
        self.start = unit.start
        self.lines = unit.lines
        self.relativeLines = relativeLines
    }

    /// An origin for text that is not from a source file.
    init(fileName: String?, start: SourceLocation, lines: [String], relativeLines: Bool) {
        self.fileName = fileName
        self.start = start
        self.lines = lines
        self.relativeLines = relativeLines
    }

    /// This origin, moved `columns` scalars right on the first line (for text found inside a
    /// meta-command line).
    func shifted(columns: Int, bytes: Int) -> StatementOrigin {
        var copy = self
        copy.start.column += columns
        copy.start.offset += bytes
        return copy
    }

    /// The diagnostic of `error`, rendered with positions in the source.
    func render(_ diagnostic: Diagnostic, color: Bool) -> String {
        located(diagnostic).render(source: lines.joined(separator: "\n"), fileName: fileName, lineOffset: lineOffset, color: color)
    }

    /// What is added to a line of ``lines`` to give its line in the source.
    var lineOffset: Int { relativeLines ? 0 : start.line - 1 }

    /// `diagnostic` with its range in ``lines`` (a statement without one points at its start).
    func located(_ diagnostic: Diagnostic) -> Diagnostic {
        var d = diagnostic
        if let range = d.range {
            d.range = SourceRange(start: map(range.start), end: map(range.end))
        } else if fileName != nil {
            d.range = SourceRange(at: SourceLocation(line: 1, column: start.column, offset: start.offset))
        }
        return d
    }

    private func map(_ location: SourceLocation) -> SourceLocation {
        var l = location
        if l.line <= 1 {
            l.line = 1
            l.column += start.column - 1
        }
        l.offset += start.offset
        return l
    }
}
