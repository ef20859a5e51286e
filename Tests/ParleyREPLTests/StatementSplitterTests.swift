import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyREPL

/// Feeds `text` line by line and returns every unit, including the last one without `;`.
private func split(_ text: String) -> [InputUnit] {
    var splitter = StatementSplitter()
    var units: [InputUnit] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) { units += splitter.feed(String(line)) }
    if let last = splitter.finish() { units.append(last) }
    return units
}

@Suite("Statement splitter")
struct StatementSplitterTests {
    @Test("splits statements on ; and drops the ;")
    func simple() {
        let units = split("MATCH (n) RETURN n; RETURN 1;")
        #expect(units.map(\.text) == ["MATCH (n) RETURN n", "RETURN 1"])
        #expect(units.map(\.kind) == [.statement, .statement])
        #expect(units[1].start == SourceLocation(line: 1, column: 21, offset: 20))
        #expect(units[0].historyEntry == "MATCH (n) RETURN n;")
    }

    @Test("ignores ; inside single, double and backtick quotes")
    func quotes() {
        let units = split(#"RETURN 'a;b', "c;d", 1 AS `x;y`; RETURN 'it\'s;';"#)
        #expect(units.map(\.text) == [#"RETURN 'a;b', "c;d", 1 AS `x;y`"#, #"RETURN 'it\'s;'"#])
    }

    @Test("ignores ; inside line and block comments")
    func comments() {
        let units = split("RETURN 1 // not; the end\n+ 2 /* nor; this */ AS x;")
        #expect(units.count == 1)
        #expect(units[0].text == "RETURN 1 // not; the end\n+ 2 /* nor; this */ AS x")
    }

    @Test("a comment before a statement is not part of it, and positions skip it")
    func leadingComment() {
        let units = split("// weekly brief\n/* two\nlines */  MATCH (n)\nRETURN n;")
        #expect(units.count == 1)
        #expect(units[0].text == "MATCH (n)\nRETURN n")
        #expect(units[0].start.line == 3)
        #expect(units[0].start.column == 11)
        #expect(units[0].lines == ["lines */  MATCH (n)", "RETURN n;"])
    }

    @Test("a multi-line statement is one unit and one history entry, and reports pending while open")
    func multiLine() {
        var splitter = StatementSplitter()
        #expect(splitter.feed("MATCH (p:Person)").isEmpty)
        #expect(splitter.isPending)
        #expect(splitter.feed("WHERE p.name = 'a;").isEmpty)
        #expect(splitter.isPending)
        let units = splitter.feed("b' RETURN p;")
        #expect(!splitter.isPending)
        #expect(units.count == 1)
        #expect(units[0].historyEntry == "MATCH (p:Person)\nWHERE p.name = 'a;\nb' RETURN p;")
        #expect(units[0].start.line == 1)
    }

    @Test("meta-commands end at the end of the line, not at ;")
    func metaCommands() {
        let units = split("  :mode csv\n:explain MATCH (n) RETURN n;\nRETURN 1;")
        #expect(units.map(\.kind) == [.meta, .meta, .statement])
        #expect(units[0].text == ":mode csv")
        #expect(units[0].start == SourceLocation(line: 1, column: 3, offset: 2))
        #expect(units[1].text == ":explain MATCH (n) RETURN n;")
        #expect(units[2].start.line == 3)
    }

    @Test("a : inside a pending statement is not a meta-command")
    func colonInsideStatement() {
        let units = split("MATCH (n\n:Person) RETURN n;")
        #expect(units.count == 1)
        #expect(units[0].kind == .statement)
    }

    @Test("the last statement without ; still runs; blank input and lone ; produce nothing")
    func finish() {
        #expect(split("RETURN 1\n\n").map(\.text) == ["RETURN 1"])
        #expect(split("\n  \n;;\n").isEmpty)
        #expect(split("// only a comment").isEmpty)
    }

    @Test("columns count Unicode scalars and offsets count UTF-8 bytes")
    func unicodePositions() {
        let units = split("RETURN 'é'; RETURN '日本';")
        #expect(units[1].start.column == 13)
        #expect(units[1].start.offset == 13)
    }

    @Test("reset drops the unfinished statement (Ctrl-C)")
    func reset() {
        var splitter = StatementSplitter()
        _ = splitter.feed("MATCH (n) WHERE n.name = 'unterminated")
        #expect(splitter.isPending)
        splitter.reset()
        #expect(!splitter.isPending)
        #expect(splitter.feed("RETURN 2;").map(\.text) == ["RETURN 2"])
    }

    @Test("line numbers keep counting across statements")
    func lineNumbers() {
        let units = split("RETURN 1;\n\nRETURN\n  2;\n:stats")
        #expect(units.map(\.start.line) == [1, 3, 5])
        #expect(units[1].lines == ["RETURN", "  2;"])
    }
}
