/// An error or warning about a source text (a query, a script, a JSON file), with its position.
///
/// This is the data every module reports; the REPL renders it (with colours, the source line
/// and a caret under the range), so every error Parley shows to a user looks alike:
///
/// ```
/// weekly.cypher:14:9: error[SyntaxError.UnexpectedSyntax]: Invalid input 'RETRUN': expected RETURN, WITH, ...
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
    /// What kind of problem it is, if it has a name: a query error's class and detail
    /// (`SyntaxError.UndefinedVariable`), shown as `error[CODE]:`. Nil for the rest (files
    /// that cannot be loaded, meta-command usage).
    public var code: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, _ message: String, at range: SourceRange? = nil, hint: String? = nil, code: String? = nil) {
        self.severity = severity
        self.message = message
        self.range = range
        self.hint = hint
        self.code = code
    }

    public var description: String { headline(fileName: nil) }

    /// Where the diagnostic points, as `FILE:LINE:COL`: the file name when there is one, the
    /// line (moved by `lineOffset`) and column when there is a range; empty when neither.
    public func location(fileName: String?, lineOffset: Int = 0) -> String {
        var parts: [String] = []
        if let fileName, !fileName.isEmpty { parts.append(fileName) }
        if let range {
            parts.append("\(range.start.line + lineOffset)")
            parts.append("\(range.start.column)")
        }
        return parts.joined(separator: ":")
    }

    /// The severity and the code, as the headline shows them: `error`, `error[SyntaxError.UndefinedVariable]`.
    public var label: String { code.map { severity.rawValue + "[" + $0 + "]" } ?? severity.rawValue }

    /// The first line of the diagnostic in plain text: `FILE:LINE:COL: error[CODE]: message`.
    public func headline(fileName: String?) -> String {
        let location = self.location(fileName: fileName)
        return (location.isEmpty ? "" : location + ": ") + label + ": " + message
    }

    /// The diagnostic as plain text, without its source line: the ``headline(fileName:)``,
    /// then the hint on a line of its own.
    public func text(fileName: String?) -> String {
        hint.map { headline(fileName: fileName) + "\n" + $0 } ?? headline(fileName: fileName)
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
}
