import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

@Suite("Lexer")
struct LexerTests {
    @Test("tokens carry line and column, keywords stay words, comments are skipped")
    func positions() throws {
        let tokens = try Lexer.tokenize("MATCH (n) // comment\n  RETURN /* c */ n.name")
        let kinds = tokens.map(\.kind)
        #expect(kinds == [.word, .symbol, .word, .symbol, .word, .word, .symbol, .word, .end])
        #expect(tokens[0].range.start == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(tokens[4].text == "RETURN")
        #expect(tokens[4].range.start.line == 2 && tokens[4].range.start.column == 3)
        #expect(tokens[5].range.start.column == 18)
    }

    @Test("numbers: decimal, hex, octal, floats with exponent and leading dot")
    func numbers() throws {
        let tokens = try Lexer.tokenize("42 0x1F 0o17 1.5 .5 1e3 2.5E-2")
        #expect(tokens.dropLast().map(\.kind) == [.integer, .integer, .integer, .float, .float, .float, .float])
        #expect(tokens.dropLast().map(\.text) == ["42", "0x1F", "0o17", "1.5", ".5", "1e3", "2.5E-2"])
    }

    @Test("string escapes are decoded, both quote styles")
    func strings() throws {
        let tokens = try Lexer.tokenize(#"'it\'s' "a\"b" 'tab\there' '\u00e9\U0001F600' 'back\\slash\n'"#)
        #expect(tokens.dropLast().map(\.text) == ["it's", "a\"b", "tab\there", "é😀", "back\\slash\n"])
    }

    @Test("backtick identifiers and parameters")
    func namesAndParameters() throws {
        let tokens = try Lexer.tokenize("`weird name` $param $0")
        #expect(tokens[0].kind == .quotedName && tokens[0].text == "weird name")
        #expect(tokens[1].kind == .parameter && tokens[1].text == "param")
        #expect(tokens[2].kind == .parameter && tokens[2].text == "0")
    }

    @Test("two-character operators")
    func operators() throws {
        let tokens = try Lexer.tokenize("<= >= <> =~ .. -> <-")
        #expect(tokens.dropLast().map(\.text) == ["<=", ">=", "<>", "=~", "..", "-", ">", "<", "-"])
    }

    @Test("an unterminated string is an error at its start")
    func unterminated() {
        #expect(throws: QueryError.self) { try Lexer.tokenize("RETURN 'abc") }
        let e = failure("RETURN\n  'abc")
        #expect(e?.range?.start.line == 2)
        #expect(e?.range?.start.column == 3)
    }

    @Test("a bad unicode escape is an error")
    func badUnicode() {
        #expect(failure(#"RETURN '\uZZZZ'"#)?.type == "SyntaxError")
    }
}

@Suite("Lexer line ends and byte order mark")
struct LexerLineEndTests {
    @Test("a lone CR and a CRLF end a line as LF does", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(end: String) throws {
        let tokens = try Lexer.tokenize("MATCH (n) // c" + end + "  RETURN n")
        #expect(tokens.map(\.text).prefix(5) == ["MATCH", "(", "n", ")", "RETURN"])
        #expect(tokens[4].range.start.line == 2 && tokens[4].range.start.column == 3)
    }

    @Test("a byte order mark at the start is skipped and takes no column")
    func byteOrderMark() throws {
        let tokens = try Lexer.tokenize("\u{FEFF}RETURN 1")
        #expect(tokens[0].text == "RETURN" && tokens[0].range.start.column == 1 && tokens[0].range.start.offset == 3)
        #expect(tokens[1].range.start.column == 8)
    }
}
