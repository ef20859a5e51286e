import ParleyGraph
import ParleyQuery
import ParleyValues

/// Parameter names and values from text: `:param NAME VALUE`, `--param NAME=VALUE`.
///
/// A name is what may follow `$` in a query: letters, digits and `_` (`city`, `0`), or any
/// text in backquotes (`` `home town` ``, a backquote doubled inside); a leading `$` is
/// allowed. A value is one Cypher expression without variables.
public enum ParameterParsing {
    /// What is put before the value to evaluate it.
    static let prefix = "RETURN "

    /// How a name was read from the start of a text.
    struct NameMatch {
        /// The name (without `$` and backquotes).
        var name: String
        /// How many Unicode scalars of the text it took.
        var length: Int
    }

    /// Reads a name at the start of `text` (see the type's summary); nil if there is none
    /// (no name characters, an empty or unterminated backquoted name).
    static func name(at text: Substring.UnicodeScalarView) -> NameMatch? {
        var i = text.startIndex
        var length = 0
        if i < text.endIndex, text[i] == "$" { i = text.index(after: i); length += 1 }
        var name = ""
        if i < text.endIndex, text[i] == "`" {
            i = text.index(after: i); length += 1
            while true {
                guard i < text.endIndex else { return nil }
                let c = text[i]
                i = text.index(after: i); length += 1
                if c == "`" {
                    guard i < text.endIndex, text[i] == "`" else { break }
                    i = text.index(after: i); length += 1
                }
                name.unicodeScalars.append(c)
            }
        } else {
            while i < text.endIndex, isNamePart(text[i]) {
                name.unicodeScalars.append(text[i])
                i = text.index(after: i); length += 1
            }
        }
        return name.isEmpty ? nil : NameMatch(name: name, length: length)
    }

    /// Whether `c` may appear in a parameter name without backquotes (as the lexer reads `$name`).
    static func isNamePart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }

    /// The name in `text` if all of `text` is one name (`city`, `$city`, `` `home town` ``).
    static func wholeName(_ text: String) -> String? {
        let scalars = Substring(text).unicodeScalars
        guard let match = name(at: scalars), match.length == scalars.count else { return nil }
        return match.name
    }

    /// Why `written` is not a name, and how to write one.
    static func notAName(_ written: some StringProtocol) -> String {
        var bare = String(written)
        if bare.hasPrefix("$") { bare.removeFirst() }
        let quoted = bare.isEmpty || bare.hasPrefix("`") ? "`home town`" : "`" + bare.replacingOccurrences(of: "`", with: "``") + "`"
        return "'\(written)' is not a parameter name: use letters, digits and _, or backquotes (\(quoted))"
    }

    /// Splits `--param NAME=VALUE`: the name and the value text, or the usage error (without
    /// a final period).
    public static func assignment(_ text: String) -> Result<(name: String, value: String), UsageProblem> {
        let scalars = Substring(text).unicodeScalars
        let match = name(at: scalars)
        let nameEnd = scalars.index(scalars.startIndex, offsetBy: match?.length ?? 0)
        guard nameEnd < scalars.endIndex, scalars[nameEnd] == "=" else {
            guard text.unicodeScalars.contains("=") else {
                return .failure(UsageProblem("--param expects name=value, not '\(text)'"))
            }
            let written = text.prefix { $0 != "=" }
            if written == "$" { return .failure(UsageProblem("--param '\(text)': the parameter name before '=' is missing")) }
            return .failure(UsageProblem("--param '\(text)': " + notAName(written)))
        }
        guard let match else {
            return .failure(UsageProblem("--param '\(text)': the parameter name before '=' is missing"))
        }
        let value = String(String.UnicodeScalarView(scalars[scalars.index(after: nameEnd)...]))
        guard !value.trimmed().isEmpty else {
            return .failure(UsageProblem("--param '\(text)': the value after '=' is missing (a Cypher literal: --param n=3, --param city=\"'Astana'\")"))
        }
        return .success((match.name, value))
    }

    /// Whether `rest` holds nothing but white space and comments (`// …`, `/* … */`).
    static func onlyComments(_ rest: Substring) -> Bool {
        var rest = rest
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.isEmpty { return true }
            if rest.hasPrefix("//") {
                rest = rest.drop { !$0.isNewline }
            } else if rest.hasPrefix("/*"), let end = rest.range(of: "*/") {
                rest = rest[end.upperBound...]
            } else {
                return false
            }
        }
    }

    /// Evaluates `text` as one Cypher expression; errors are positioned in `text` (column 1
    /// is its first character).
    static func evaluate(_ text: String, graph: GraphStore, parameters: [String: Value]) -> Result<Value, QueryError> {
        let trimmed = text.trimmed()
        guard !trimmed.isEmpty else {
            let end = SourceLocation(line: 1, column: text.unicodeScalars.count + 1, offset: text.utf8.count)
            return .failure(QueryError(.compileTime, .syntax(.unexpectedSyntax), "Expected a value (a Cypher literal such as 'Astana', 3 or [1, 2])", at: SourceRange(at: end)))
        }
        var engine = QueryEngine(graph: graph)
        do {
            return .success(try engine.evaluate(expression: text, parameters: parameters))
        } catch {
            return .failure(error)
        }
    }
}

/// A command-line usage problem (exit status 2), as a message without a final period.
public struct UsageProblem: Error, Sendable {
    /// The message.
    public var message: String
    /// Creates a problem with `message`.
    public init(_ message: String) { self.message = message }
}
