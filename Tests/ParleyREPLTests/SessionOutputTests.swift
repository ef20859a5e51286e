import ParleyGraph
import ParleyQuery
import Testing
@testable import ParleyREPL

@Suite("Session output")
struct SessionOutputTests {
    @Test("a table result ends with a row-count footer")
    func footer() throws {
        let (session, out, err) = try REPLFixture.session()
        session.present(QueryResult(columns: ["n"], rows: [[1]]), elapsed: .zero)
        #expect(out.text == "+---+\n| n |\n+---+\n| 1 |\n+---+\n1 row\n")
        out.clear()
        session.present(QueryResult(columns: ["n"], rows: []), elapsed: .zero)
        #expect(out.text.hasSuffix("+---+\n0 rows\n"))
        #expect(err.text.isEmpty)
    }

    @Test("interactive timing goes in the footer; script timing is a line on standard error")
    func timing() throws {
        let (session, out, err) = try REPLFixture.session(interactive: true)
        session.timing = true
        session.present(QueryResult(columns: ["n"], rows: [[1], [2], [3]]), elapsed: .microseconds(420))
        #expect(out.text.hasSuffix("3 rows (0.42 ms)\n"))
        #expect(err.text.isEmpty)

        let (script, out2, err2) = try REPLFixture.session()
        script.timing = true
        script.mode = .csv
        script.present(QueryResult(columns: ["n"], rows: [[1], [2], [3]]), elapsed: .microseconds(421))
        #expect(out2.text == "n\r\n1\r\n2\r\n3\r\n")
        #expect(err2.text == "-- 3 rows, 0.421 ms\n")
    }

    @Test("write statistics: on standard output after a table, on standard error for data formats")
    func statistics() throws {
        var stats = QueryStatistics()
        stats.nodesCreated = 2
        stats.propertiesSet = 3
        stats.relationshipsCreated = 1
        let (session, out, err) = try REPLFixture.session()
        session.present(QueryResult(statistics: stats), elapsed: .zero)
        #expect(out.text == "Created 2 nodes, created 1 relationship, set 3 properties\n")
        session.mode = .json
        session.present(QueryResult(statistics: stats), elapsed: .zero)
        #expect(err.text == "Created 2 nodes, created 1 relationship, set 3 properties\n")
    }

    @Test("EXPLAIN prints the plan alone; PROFILE the rows, then the plan; in data modes the plan goes to standard error")
    func plan() throws {
        let (session, out, err) = try REPLFixture.session()
        session.present(QueryResult(columns: ["n"], rows: [], plan: "ProduceResults n\n  NodeByLabelScan (n:State)"), elapsed: .zero)
        #expect(out.text == "ProduceResults n\n  NodeByLabelScan (n:State)\n")
        out.clear()
        session.present(QueryResult(columns: ["n"], rows: [[1]], plan: "ProduceResults n  [rows=1]"), elapsed: .zero)
        // A blank line keeps it apart from the result before it (the plan).
        #expect(out.text == "\n+---+\n| n |\n+---+\n| 1 |\n+---+\n1 row\nProduceResults n  [rows=1]\n")
        out.clear()
        session.mode = .csv
        session.present(QueryResult(columns: ["n"], rows: [[1]], plan: "ProduceResults n  [rows=1]"), elapsed: .zero)
        #expect(out.text == "\r\nn\r\n1\r\n")
        #expect(err.text == "ProduceResults n  [rows=1]\n")
    }

    @Test("cut values and row limits are admitted below the table")
    func notes() throws {
        let (session, out, _) = try REPLFixture.session()
        session.width = 20
        session.displayRows = 1
        session.present(QueryResult(columns: ["evidence"], rows: [["a sentence far too long for twenty columns"], ["second"]]), elapsed: .zero)
        #expect(out.text.contains("2 rows\n"))
        #expect(out.text.contains("Showing the first 1 of 2 rows; :set display 0 shows all.\n"))
        #expect(out.text.contains("Some values were cut to fit 20 columns; :mode csv, or :width 0, shows them in full.\n"))
        #expect(!out.text.contains("second"))
    }

    @Test("off a terminal, tables are at most 120 columns unless a width is set")
    func defaultWidth() throws {
        let (session, _, _) = try REPLFixture.session()
        #expect(session.effectiveWidth == 120)
        session.width = 0
        #expect(session.effectiveWidth == nil)
    }

    @Test("a statement error in a script is positioned in the script, with the line and a caret")
    func scriptErrorPosition() throws {
        // With the engine stub and with the real engine alike, this statement fails at its
        // first token (line 3, column 5 of the script).
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, "// header\n\n    RETRUN 1;\n") == 1)
        #expect(err.text.hasPrefix("test.cypher:3:5: error[SyntaxError.UnexpectedSyntax]: "))
        #expect(err.text.contains("\n    RETRUN 1;\n    ^"))
    }

    @Test("scripts stop at the first failing statement unless told to go on")
    func stopOnError() throws {
        let (session, _, _) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":nope\n:mode csv", stopOnError: true) == 1)
        #expect(session.mode == .table)
        #expect(REPLFixture.run(session, ":nope\n:mode csv", stopOnError: false) == 1)
        #expect(session.mode == .csv)
    }

    @Test("the plain reader returns lines, strips CR, and ends")
    func plainReader() {
        let reader = PlainLineReader(text: "a\r\nb\n")
        #expect(reader.readLine(prompt: "> ") == .line("a"))
        #expect(reader.readLine(prompt: "> ") == .line("b"))
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
        #expect(!reader.isInteractive)
        reader.addHistory("x;")
        reader.addHistory("x;")
        #expect(reader.history == ["x;"])
    }

    @Test("the plain reader reads a file descriptor line by line, the last line without newline too")
    func plainReaderDescriptor() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let text = "RETURN 1;\r\nRETURN 2"
        _ = text.withCString { write(fds[1], $0, strlen($0)) }
        close(fds[1])
        let reader = PlainLineReader(fileDescriptor: fds[0])
        #expect(reader.readLine(prompt: "") == .line("RETURN 1;"))
        #expect(reader.readLine(prompt: "") == .line("RETURN 2"))
        #expect(reader.readLine(prompt: "") == .endOfInput)
        close(fds[0])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Banner")
struct BannerTests {
    @Test("the banner names the graph, counts it by label, and suggests a query; no escapes without colour")
    func banner() throws {
        let session = Session(graph: try REPLFixture.graph(), path: "graphs/sample.json", output: StringOutput(), errors: StringOutput())
        #expect(Launcher.banner(session) == "parley — graphs/sample.json: 4 nodes (2 State, 1 Person, 1 Talk), 3 relationships. Type :help, or try: MATCH (s:State)-[:HOSTED]->(t:Talk) RETURN s, t;")
        session.color = true
        #expect(Launcher.banner(session).contains("\u{1B}[1mparley\u{1B}[0m"))
    }
}
