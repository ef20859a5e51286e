import ParleyGraph
import ParleyValues
import Testing

@testable import ParleyQuery

/// Invalid patterns are query errors that say what was expected and point into the pattern.
@Suite("Regular expression errors")
struct RegexErrorTests {
    /// The message, and the column and length of the error's caret, for `query`.
    func error(_ query: String, _ parameters: [String: Value] = [:]) throws -> (message: String, column: Int, length: Int) {
        let e = try #require(failure(query, on: GraphStore(), parameters), "no error for \(query)")
        let r = try #require(e.range, "no position for \(query)")
        #expect(e.type == "ArgumentError")
        return (e.message, r.start.column, r.end.column - r.start.column)
    }

    /// The parse error of `pattern`, or nil when it is valid.
    func syntaxError(_ pattern: String) -> RegexSyntaxError? {
        do {
            _ = try RegexProgram(pattern: pattern)
            return nil
        } catch {
            return error
        }
    }

    @Test("an invalid literal pattern points at the offending character inside the literal")
    func literalPositions() throws {
        // RETURN 'zzz' =~ 'a)|(z': the literal starts at column 17, its ')' is at column 19.
        let e = try error("RETURN 'zzz' =~ 'a)|(z'")
        #expect(e.message == "Invalid regular expression: unmatched ')' at offset 1 in 'a)|(z'")
        #expect(e.column == 19 && e.length == 1)
        let end = try error("RETURN 'x' =~ '[a-'")
        #expect(end.message == "Invalid regular expression: unclosed character class: expected ']' to close the '[' at offset 0 at the end of '[a-'")
        #expect(end.column == 19)    // the closing quote
        #expect(try error("RETURN 'x' =~ 'x{3,1}'").column == 17)
        #expect(try error("RETURN 'x' =~ '(?<'").column == 19)
        // Escapes in the literal: '\\\\' is one pattern scalar written with two, '\\u0041' one with six.
        #expect(try error("RETURN 'x' =~ '\\\\\\\\*)'").column == 21)
        #expect(try error("RETURN 'x' =~ '\\u0041)'").column == 22)
        #expect(try error("RETURN 'x' =~ \"a\\n)\"").column == 19)
        // A literal over two lines.
        let multi = try #require(failure("RETURN 'x' =~ 'a\n)'"))
        #expect(multi.range?.start.line == 2 && multi.range?.start.column == 1)
        // Lines end at CRLF and at a lone CR too, as the lexer counts them.
        let crlf = try #require(failure("RETURN 'x' =~ 'a\r\nb)'"))
        #expect(crlf.range?.start.line == 2 && crlf.range?.start.column == 2)
        let cr = try #require(failure("RETURN 'x' =~ 'a\rbc)'"))
        #expect(cr.range?.start.line == 2 && cr.range?.start.column == 3)
    }

    @Test("a pattern from a variable or parameter is reported at that expression")
    func expressionPositions() throws {
        let v = try error("WITH '(' AS p RETURN 'x' =~ p")
        #expect(v.message == "Invalid regular expression: unclosed group: expected ')' to close the '(' at offset 0 at the end of '('")
        #expect(v.column == 29 && v.length == 1)
        let p = try error("RETURN 'x' =~ $p", ["p": .string("*")])
        #expect(p.column == 15 && p.length == 2)
        #expect(p.message.contains("dangling '*': nothing to repeat"))
    }

    @Test("each kind of syntax error names what was expected and where")
    func messages() {
        let cases: [(String, String, Int)] = [
            ("a)", "unmatched ')'", 1),
            ("(a", "unclosed group: expected ')' to close the '(' at offset 0", 2),
            ("[a-", "unclosed character class", 3),
            ("[z-a]", "illegal character range 'z'-'a'", 1),
            ("x{3,1}", "repetition {3,1}: the maximum is smaller than the minimum", 1),
            ("x{", "expected a number after '{'", 2),
            ("x{2", "expected '}' to close the repetition opened at offset 1", 3),
            ("{2}", "dangling '{'", 0),
            ("*a", "dangling '*': nothing to repeat", 0),
            ("a**", "dangling '*'", 2),
            ("(?<", "expected a group name", 3),
            ("(?<1a>x)", "expected a group name", 3),
            ("(?z)", "unknown group construct or inline flag 'z'", 2),
            ("\\", "unfinished escape", 0),
            ("\\y", "unknown escape '\\y'", 0),
            ("\\xZ", "illegal hexadecimal escape", 0),
            ("\\u12", "illegal hexadecimal escape", 0),
            ("\\x{110000}", "not a Unicode scalar value", 0),
            ("\\p{Nope}", "unknown character property 'Nope'", 0),
            ("[\\b]", "not allowed in a character class", 1),
            ("[a-\\d]", "a range cannot end with a class", 3),
            ("a{100001}", "repetition count too large (at most 100000)", 2),
            ("(a{1000}){1000}", "larger than 100000 instructions (the pattern size limit)", 9),
            ("(a{1000}b{5}){1000}", "the pattern size limit", 13),
        ]
        for (pattern, message, offset) in cases {
            let e = syntaxError(pattern)
            #expect(e?.message.contains(message) == true, "\(pattern): \(e?.message ?? "valid")")
            #expect(e?.offset == offset, "\(pattern): offset \(e?.offset ?? -1)")
        }
    }

    @Test("features that need backtracking are rejected by name, never answered wrong")
    func unsupported() {
        #expect(syntaxError("(a)\\1")?.message == "backreferences (\\1) are not supported")
        #expect(syntaxError("(?<n>a)\\k<n>")?.message == "backreferences (\\k<name>) are not supported")
        #expect(syntaxError("(?<=a)b")?.message == "lookbehind (?<=...) is not supported")
        #expect(syntaxError("(?<!a)b")?.message == "lookbehind (?<!...) is not supported")
        #expect(syntaxError("\\X")?.message == "the escape \\X is not supported")
        #expect(syntaxError("(?U)a")?.message == "the inline flag 'U' is not supported")
    }

    @Test("deep nesting is an error, not a crash")
    func nesting() {
        let deep = String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)
        #expect(syntaxError(deep)?.message == "groups nested too deeply (at most 200 levels)")
        let classes = String(repeating: "[", count: 5000) + "a" + String(repeating: "]", count: 5000)
        #expect(syntaxError(classes)?.message == "classes nested too deeply (at most 200 levels)")
        #expect(syntaxError(String(repeating: "(", count: 150) + "a" + String(repeating: ")", count: 150)) == nil)
    }
}
