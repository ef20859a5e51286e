import ParleyValues
import Testing
@testable import ParleyREPL

@Suite("Diagnostic rendering")
struct DiagnosticTests {
    @Test("an error renders as FILE:LINE:COL, the source line, and a caret under the range")
    func caret() {
        let d = Diagnostic(.error, "Invalid input 'RETRUN'", at: SourceRange(
            start: SourceLocation(line: 2, column: 11, offset: 20), end: SourceLocation(line: 2, column: 17, offset: 26)),
            hint: "did you mean RETURN?")
        let text = d.render(source: "// q\nMATCH (n) RETRUN n;", fileName: "w.cypher", lineOffset: 3)
        #expect(text == "w.cypher:5:11: error: Invalid input 'RETRUN'\nMATCH (n) RETRUN n;\n          ^~~~~~\ndid you mean RETURN?")
    }

    @Test("a caret after wide characters is placed by display width")
    func wideCharacters() {
        let d = Diagnostic(.error, "bad", at: SourceRange(at: SourceLocation(line: 1, column: 4, offset: 9)))
        #expect(d.render(source: "中文 x") == "1:4: error: bad\n中文 x\n     ^")
    }

    @Test("a very long source line is cut to a window around the caret, with … where text was left out")
    func longLine() {
        let line = String(repeating: "a", count: 1000) + "X" + String(repeating: "b", count: 1000)
        let d = Diagnostic(.error, "here", at: SourceRange(at: SourceLocation(line: 1, column: 1001, offset: 1000)))
        let lines = d.render(source: line).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
        #expect(lines[1].unicodeScalars.count <= Diagnostic.maximumLineLength + 2)
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret] == "X")
    }

    @Test("a short line is shown whole")
    func shortLine() {
        #expect(Diagnostic.window("MATCH (n)", around: 3) == ("MATCH (n)", 3))
    }
}
