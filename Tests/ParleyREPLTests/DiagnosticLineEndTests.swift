import ParleyValues
import Testing
@testable import ParleyREPL

@Suite("Diagnostic rendering: line ends, byte order marks, tabs and wide characters")
struct DiagnosticLineEndTests {
    /// An error at `line`:`column` spanning `width` columns.
    func diagnostic(_ line: Int, _ column: Int, width: Int = 1) -> Diagnostic {
        Diagnostic(.error, "bad", at: SourceRange(start: SourceLocation(line: line, column: column, offset: 0),
                                                  end: SourceLocation(line: line, column: column + width, offset: 0)))
    }

    @Test("lines end at LF, CRLF and a lone CR; a leading byte order mark is not part of line 1")
    func lines() {
        #expect(Diagnostic.lines(of: "a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(Diagnostic.lines(of: "a\r\n\r\nb\r") == ["a", "", "b", ""])
        #expect(Diagnostic.lines(of: "\u{FEFF}x\n\u{FEFF}y") == ["x", "\u{FEFF}y"])
        #expect(Diagnostic.lines(of: "") == [""])
    }

    @Test("a CRLF source shows the line and the caret", arguments: ["{\r\n{\"id\": 5}\r\n}", "{\r{\"id\": 5}\r}", "{\n{\"id\": 5}\n}"])
    func lineEnds(source: String) {
        #expect(diagnostic(2, 8).render(source: source, fileName: "x.json") == "x.json:2:8: error: bad\n{\"id\": 5}\n       ^")
    }

    @Test("a byte order mark at the start is not shown and takes no column")
    func byteOrderMark() {
        #expect(diagnostic(1, 2).render(source: "\u{FEFF}[5}") == "1:2: error: bad\n[5}\n ^")
    }

    @Test("tabs are shown as four spaces and the caret and underline follow them")
    func tabs() {
        #expect(diagnostic(1, 3, width: 2).render(source: "\t\tab\tc") == "1:3: error: bad\n        ab    c\n        ^~")
        #expect(diagnostic(1, 2, width: 2).render(source: "a\t\tb") == "1:2: error: bad\na        b\n ^~~~~~~~")
    }

    @Test("the underline covers wide characters by their display width")
    func wideUnderline() {
        #expect(diagnostic(1, 2, width: 4).render(source: "{\"名前\": 1}") == "1:2: error: bad\n{\"名前\": 1}\n ^~~~~~")
        #expect(diagnostic(1, 3, width: 1).render(source: "😀 x😀") == "1:3: error: bad\n😀 x😀\n   ^")
        #expect(diagnostic(1, 4, width: 1).render(source: "😀 x😀") == "1:4: error: bad\n😀 x😀\n    ^~")
    }

    @Test("a range past the end of its line still gets a caret of its width")
    func pastTheEnd() {
        #expect(diagnostic(1, 3, width: 2).render(source: "ab") == "1:3: error: bad\nab\n  ^~")
    }

    @Test("an empty file name adds no prefix (never ': error:')")
    func emptyFileName() {
        #expect(Diagnostic(.error, "cannot save").render(source: nil, fileName: "") == "error: cannot save")
    }
}
