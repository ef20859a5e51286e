import Testing
@testable import ParleyREPL

/// Every meta-command's argument errors point at the argument that is wrong (or where a
/// missing one would go), not at the command's first argument.
@Suite("Meta-command errors point at the wrong argument")
struct MetaArgumentPositionTests {
    /// A line, the position and caret expected, a piece of the message, and the label: a
    /// meta-command's own errors have no code, a Cypher value's syntax error has its class.
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var position: String
        var caret: String
        var message: String
        var label = "error"
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case(line: ":set width abc", position: "1:12", caret: "           ^~~", message: "width must be a whole number, 0 or more (0: never cut), or auto, not 'abc'"),
        Case(line: ":set maxRows -5", position: "1:14", caret: "             ^~", message: "maxRows must be a whole number, 0 or more (0: no limit), not '-5'"),
        Case(line: ":set maxMemory lots", position: "1:16", caret: "               ^~~~", message: "maxMemory must be a size such as 512M, 4G or 0 (no limit), not 'lots'"),
        Case(line: ":set display 1.5", position: "1:14", caret: "             ^~~", message: "display must be a whole number, 0 or more (0: all rows), not '1.5'"),
        Case(line: ":set width", position: "1:11", caret: "          ^", message: "Expected a value after width"),
        Case(line: ":set width 5 6", position: "1:14", caret: "             ^", message: "Expected one value after width"),
        Case(line: ":set wdth 5", position: "1:6", caret: "     ^~~~", message: "Unknown setting 'wdth' (did you mean width?)"),
        Case(line: ":width -3", position: "1:8", caret: "       ^~", message: "width must be a whole number"),
        Case(line: ":width 80 90", position: "1:11", caret: "          ^~", message: "Expected one width"),
        Case(line: ":timing on off", position: "1:12", caret: "           ^~~", message: "Expected on or off"),
        Case(line: ":pager maybe", position: "1:8", caret: "       ^~~~~", message: "Expected on or off, not 'maybe'"),
        Case(line: ":mode csv json", position: "1:11", caret: "          ^~~~", message: "Expected one mode"),
        Case(line: ":mode 'fancy'", position: "1:7", caret: "      ^~~~~~~", message: "Unknown mode 'fancy'"),
        Case(line: ":load a.json b.json", position: "1:14", caret: "             ^~~~~~", message: "Expected one file name"),
        Case(line: ":source a b", position: "1:11", caret: "          ^", message: "Expected one file name"),
        Case(line: ":source /nonexistent/x.cypher", position: "1:9", caret: "        ^~~~~~~~~~~~~~~~~~~~~", message: "Cannot read '/nonexistent/x.cypher': no such file"),
        Case(line: ":output a b", position: "1:11", caret: "          ^", message: "Expected at most one file name"),
        Case(line: ":output /nonexistent/x.csv", position: "1:9", caret: "        ^~~~~~~~~~~~~~~~~~", message: "Cannot write to '/nonexistent/x.csv'"),
        Case(line: ":export dot /nonexistent/x.dot", position: "1:13", caret: "            ^~~~~~~~~~~~~~~~~~", message: "Cannot write '/nonexistent/x.dot'"),
        Case(line: ":export png x.png", position: "1:9", caret: "        ^~~", message: "Unknown format 'png': expected one of json, graphml"),
        Case(line: ":export dot", position: "1:12", caret: "           ^", message: "Expected a file name after dot"),
        Case(line: ":render x.gif", position: "1:9", caret: "        ^~~~~", message: "must end in .svg, .png or .pdf, not 'x.gif'"),
        Case(line: ":param a-b 1", position: "1:8", caret: "       ^~~", message: "'a-b' is not a parameter name"),
        Case(line: ":param x", position: "1:9", caret: "        ^", message: "Expected a value after the name"),
        Case(line: ":param x [1,", position: "1:13", caret: "            ^", message: "expected an expression", label: "error[SyntaxError.UnexpectedSyntax]"),
        Case(line: ":param `a b` [1,", position: "1:17", caret: "                ^", message: "expected an expression", label: "error[SyntaxError.UnexpectedSyntax]"),
        Case(line: ":help quit exit", position: "1:12", caret: "           ^~~~", message: "Expected one command name"),
        Case(line: ":params x", position: "1:9", caret: "        ^", message: "Expected no arguments"),
        Case(line: ":history 3", position: "1:10", caret: "         ^", message: "Expected no arguments"),
        Case(line: ":schema x", position: "1:9", caret: "        ^", message: "Expected no arguments"),
    ]

    @Test("the caret is under the wrong argument", arguments: cases)
    func caretUnderArgument(_ c: Case) throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, c.line) == 1)
        let lines = err.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count >= 3, "\(err.text)")
        #expect(lines[0].hasPrefix("test.cypher:\(c.position): \(c.label): "), "\(err.text)")
        #expect(lines[0].contains(c.message), "\(err.text)")
        #expect(lines[1] == c.line)
        #expect(lines[2] == c.caret, "\(err.text)")
    }
}
