import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues
import Testing
@testable import ParleyREPL

@Suite("Meta-commands")
struct MetaCommandTests {
    @Test(":schema lists labels, relationship patterns with the labels they connect, and property keys")
    func schema() throws {
        let (session, out, _) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":schema") == 0)
        #expect(out.text == """
            Labels (4 nodes)
              :State   2
              :Person  1
              :Talk    1
            Relationship types (3 relationships)
              (:State)-[:HOSTED]->(:Talk)     2
              (:Person)-[:ATTENDED]->(:Talk)  1
            Property keys
              :Person    id 1, name 1
              :State     id 2, name 2
              :Talk      date 1, id 1, name 1
              [:HOSTED]  evidence 1

            """)
    }

    @Test("an unknown command suggests the nearest one and fails")
    func unknownCommand() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":shema", fileName: nil) == 1)
        #expect(err.text == "error: Unknown command ':shema'. Did you mean :schema?\n")
        err.clear()
        #expect(REPLFixture.run(session, ":xyzzy", fileName: nil) == 1)
        #expect(err.text == "error: Unknown command ':xyzzy'. Type :help for the list.\n")
    }

    @Test("in scripts, meta-command errors carry the file position, the line and a caret")
    func positionedMetaError() throws {
        let (session, _, err) = try REPLFixture.session()
        REPLFixture.run(session, "\n  :mode fancy")
        #expect(err.text == """
            test.cypher:2:9: error: Unknown mode 'fancy'. Usage: :mode [table|box|vertical|csv|tsv|json|jsonl|markdown|cypher]
              :mode fancy
                    ^~~~~

            """)
    }

    @Test(":help lists every command; :help CMD explains one")
    func help() throws {
        let (session, out, _) = try REPLFixture.session()
        REPLFixture.run(session, ":help")
        for command in MetaCommands.all { #expect(out.text.contains(command.usage)) }
        out.clear()
        REPLFixture.run(session, ":help timing")
        #expect(out.text == ":timing [on|off]\n  Show how long each statement takes.\n")
        out.clear()
        REPLFixture.run(session, ":help :exit")
        #expect(out.text.hasPrefix(":quit\n"))
    }

    @Test(":help cypher lists the clauses, newer ones included; :help functions lists every function")
    func helpCypher() throws {
        let (session, out, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":help cypher") == 0)
        for form in ["MATCH pattern", "LET x = e", "FILTER [WHERE] p", "FINISH", "FOREACH (x IN list", "COLLECT { … }",
                     "SHORTEST k", "-[:R]->{1,3}", "IS [NOT] :: TYPE"] {
            #expect(out.text.contains(form), "\(form)")
        }
        out.clear()
        #expect(REPLFixture.run(session, ":help functions") == 0)
        for name in QueryVocabulary.functions { #expect(out.text.contains(" " + name), "\(name)") }
        #expect(REPLFixture.run(session, ":help cypher extra") == 1)
        #expect(err.text.contains("Expected one topic"))
    }

    @Test(":help procedures lists every procedure; :help NAME shows one's signature; a typo gets a suggestion")
    func helpProcedures() throws {
        let (session, out, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":help procedures") == 0)
        for name in ["db.labels", "algo.pageRank", "algo.louvain", "algo.dijkstra"] { #expect(out.text.contains("  " + name + " ")) }
        #expect(out.text.contains("Louvain communities"))
        out.clear()
        #expect(REPLFixture.run(session, ":help algo.betweenness") == 0)
        #expect(out.text.hasPrefix("algo.betweenness(options = {} :: MAP?) :: (node :: NODE, score :: FLOAT)\n  Betweenness"))
        out.clear()
        #expect(REPLFixture.run(session, ":help ALGO.PAGERANK") == 0)
        #expect(out.text.hasPrefix("algo.pageRank("))
        #expect(REPLFixture.run(session, ":help algo.pagernk") == 1)
        #expect(err.text.contains("Unknown procedure 'algo.pagernk'. Did you mean algo.pageRank?"))
    }

    @Test(":mode, :timing, :pager and :set change the settings and reject bad values")
    func settings() throws {
        let (session, out, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":mode markdown\n:timing on\n:pager off\n:set maxRows 5\n:set maxMemory 512M\n:set display 7\n:set width 60") == 0)
        #expect(session.mode == .markdown && session.timing && !session.pager && session.width == 60)
        #expect(session.engine.budget == QueryBudget(maxRows: 5, maxMemory: 512 << 20) && session.displayRows == 7)
        REPLFixture.run(session, ":mode\n:timing")
        #expect(out.text == "mode: markdown\ntiming: on\n")
        #expect(REPLFixture.run(session, ":mode dot\n:timing maybe\n:set maxRows -1\n:set maxMemory lots\n:set display x\n:set colour 3\n:set width auto") == 6)
        #expect(err.text.contains("maxMemory must be a size such as 512M, 4G or 0 (no limit), not 'lots'"))
        #expect(session.width == nil)
        #expect(REPLFixture.run(session, ":width 0") == 0 && session.width == 0)
        out.clear()
        REPLFixture.run(session, ":width")
        #expect(out.text == "width: 0 (never cut)\n")
        #expect(REPLFixture.run(session, ":width wide") == 1)
        #expect(err.text.contains("Unknown setting 'colour'"))
        #expect(err.text.contains("Expected on or off"))
    }

    @Test(":quit stops reading the input")
    func quit() throws {
        let (session, _, err) = try REPLFixture.session()
        REPLFixture.run(session, ":quit\n:nonsense")
        #expect(session.quitRequested)
        #expect(err.text.isEmpty)
    }

    @Test(":params, :param clear")
    func params() throws {
        let (session, out, _) = try REPLFixture.session()
        REPLFixture.run(session, ":params")
        #expect(out.text == "No parameters. Set one with :param NAME VALUE.\n")
        session.setParameter("city", "Astana")
        session.setParameter("n", 3)
        out.clear()
        REPLFixture.run(session, ":params")
        #expect(out.text == "$city = 'Astana'\n$n = 3\n")
        REPLFixture.run(session, ":param clear")
        #expect(session.parameters.isEmpty)
    }

    @Test(":param rejects a missing value and a bad name")
    func paramUsage() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":param x\n:param 1-x 2") == 2)
        #expect(err.text.contains("test.cypher:1:9: error: Expected a value after the name"))
        #expect(err.text.contains("'1-x' is not a parameter name"))
    }

    @Test(":history lists the editor's entries, multi-line ones indented")
    func history() throws {
        let (session, out, _) = try REPLFixture.session()
        session.historyProvider = { ["RETURN 1;", "MATCH (n)\nRETURN n;"] }
        REPLFixture.run(session, ":history")
        #expect(out.text == "1  RETURN 1;\n2  MATCH (n)\n   RETURN n;\n")
    }

    @Test(":load of a file that fails keeps the current graph")
    func loadFailureKeepsGraph() throws {
        let (session, _, err) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("broken.json")
        try "{\"nodes\": [,]}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(REPLFixture.run(session, ":load \(path)") == 1)
        #expect(session.graph.nodeCount == 4)
        #expect(err.text.contains(path))
        #expect(err.text.contains("The current graph stays loaded."))
    }

    @Test(":save without a file name and no loaded file is an error")
    func saveWithoutPath() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":save") == 1)
        #expect(err.text.contains("Use :save FILE"))
    }

    @Test(":output sends results to a file, :output alone back to the screen")
    func output() throws {
        let (session, out, _) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("out.txt")
        REPLFixture.run(session, ":output \(path)\n:mode csv")
        session.present(QueryResult(columns: ["x"], rows: [[1]]), elapsed: .zero)
        REPLFixture.run(session, ":output")
        session.present(QueryResult(columns: ["y"], rows: [[2]]), elapsed: .zero)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "x\r\n1\r\n")
        #expect(out.text == "y\r\n2\r\n")
    }

    @Test(":output FILE leaves an existing file as it was until the output ends, then replaces it whole")
    func outputIsAtomic() throws {
        let (session, _, _) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("report.csv")
        try "yesterday's report\n".write(toFile: path, atomically: true, encoding: .utf8)
        REPLFixture.run(session, ":output \(path)\n:mode csv")
        session.present(QueryResult(columns: ["x"], rows: [[1], [2]]), elapsed: .zero)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "yesterday's report\n")
        #expect(session.finishOutput())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "x\r\n1\r\n2\r\n")
        let folder = (path as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".report.csv.") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test(":output keeps the old file when any write into it failed, even one reported earlier")
    func outputFailedWrite() throws {
        let (session, _, err) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("kept.csv")
        try "kept\n".write(toFile: path, atomically: true, encoding: .utf8)
        REPLFixture.run(session, ":output \(path)\n:mode csv")
        let fd = try #require(session.fileOutput?.fd)
        close(fd)  // every write now fails (EBADF)
        session.present(QueryResult(columns: ["x"], rows: [[1]]), elapsed: .zero)
        #expect(!session.finishOutput())
        #expect(err.text.contains("the file was left as it was"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept\n")
    }

    @Test(":output into a folder that does not exist fails and keeps results on the screen")
    func outputBadFolder() throws {
        let (session, out, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":output /nonexistent-folder/out.txt") == 1)
        #expect(err.text.contains("Cannot write to '/nonexistent-folder/out.txt'"))
        session.present(QueryResult(columns: ["x"], rows: [[1]]), elapsed: .zero)
        #expect(out.text.contains("| 1 |"))
    }

    @Test(":source runs a file's statements and commands, with errors positioned in that file")
    func source() throws {
        let (session, _, err) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("setup.cypher")
        try ":mode json\n\n:set maxRows nope\n:timing on\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(REPLFixture.run(session, ":source \(path)") == 1)
        #expect(session.mode == .json && !session.timing)  // stopped at the error
        session.continueOnError = true
        #expect(REPLFixture.run(session, ":source \(path)") == 1)
        #expect(session.timing)
        // The caret is under the bad value, not the setting's name.
        #expect(err.text.hasPrefix("\(path):3:14: error: maxRows must be a whole number"))
        #expect(REPLFixture.run(session, ":source /nonexistent/x.cypher") == 1)
        #expect(err.text.contains("Cannot read '/nonexistent/x.cypher': no such file"))
    }

    @Test(":export dot FILE without a query writes the whole graph through the DOT exporter")
    func exportWholeGraph() throws {
        let (session, out, _) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("g.dot")
        #expect(REPLFixture.run(session, ":export dot \(path)") == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == DOTExporter.export(session.graph))
        #expect(out.text == "Wrote \(path).\n")
        #expect(REPLFixture.run(session, ":export svg x.svg") == 1)
    }

    @Test(":render checks the file extension")
    func renderExtension() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":render graph.gif") == 1)
        #expect(err.text.contains("must end in .svg, .png or .pdf"))
    }

    @Test(":stats shows the graph's size")
    func stats() throws {
        let (session, out, _) = try REPLFixture.session()
        REPLFixture.run(session, ":stats")
        #expect(out.text.contains("nodes       4\n"))
        #expect(out.text.contains("rels        3\n"))
        #expect(out.text.contains("labels      3\n"))
    }
}

@Suite("Meta-command helpers")
struct MetaHelperTests {
    @Test("edit distance and nearest names")
    func editDistance() {
        #expect(EditDistance.between("shema", "schema") == 1)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.nearest(to: ":shema", in: MetaCommands.names) == ":schema")
        #expect(EditDistance.nearest(to: ":zzzzzzz", in: MetaCommands.names) == nil)
    }

    @Test("arguments after N words keep their position, and drop a trailing ;")
    func restOfArguments() {
        let origin = StatementOrigin(fileName: "f", start: SourceLocation(line: 2, column: 10, offset: 30), lines: [""], relativeLines: false)
        let args = MetaArguments(text: "dot  out.dot MATCH (n) RETURN n;", origin: origin)
        let (text, o) = args.rest(after: 2)
        #expect(text == "MATCH (n) RETURN n")
        #expect(o.start.column == 23)
        #expect(args.words == ["dot", "out.dot", "MATCH", "(n)", "RETURN", "n;"])
        #expect(MetaArguments(text: "'my file.json'", origin: origin).words == ["my file.json"])
    }

    @Test("error positions map from the statement to the script")
    func originMapping() {
        let origin = StatementOrigin(fileName: "w.cypher", start: SourceLocation(line: 14, column: 5, offset: 100),
                                     lines: ["    MATCH (n) RETRUN n"], relativeLines: false)
        let d = Diagnostic(.error, "bad", at: SourceRange(start: SourceLocation(line: 1, column: 11, offset: 10),
                                                           end: SourceLocation(line: 1, column: 17, offset: 16)))
        #expect(origin.render(d, color: false) == "w.cypher:14:15: error: bad\n    MATCH (n) RETRUN n\n              ^~~~~~")
        #expect(origin.render(Diagnostic(.error, "no position"), color: false).hasPrefix("w.cypher:14:5: error: no position"))
    }

    @Test("the subgraph of a result holds its nodes, relationships with endpoints, and paths, also nested")
    func subgraph() throws {
        let g = try REPLFixture.graph()
        let rows: [[Value]] = [[.node(0), .list([.relationship(2)])], [.map(["p": .path(Path(nodes: [1, 2], relationships: [1]))]), 7]]
        let s = Subgraph(collecting: rows, graph: g)
        #expect(s.nodes == [0, 1, 2, 3])
        #expect(s.relationships == [1, 2])
    }

    @Test("the banner counts labels and suggests a query from the graph")
    func banner() throws {
        let summary = SchemaSummary(try REPLFixture.graph())
        #expect(summary.countsLine(maxLabels: 2) == "4 nodes (2 State, 1 Person, …), 3 relationships")
        #expect(summary.exampleQuery == "MATCH (s:State)-[:HOSTED]->(t:Talk) RETURN s, t;")
        #expect(SchemaSummary(GraphStore()).countsLine() == "0 nodes, 0 relationships")
    }
}

@Suite("Schema report")
struct SchemaReportTests {
    @Test("long property key lists wrap after commas under their first item")
    func wrapping() throws {
        var g = GraphStore()
        try g.addNode(labels: ["Talk"], properties: ["city": "Astana", "date": "2015", "evidence": "x", "name": "n", "status": "s"])
        let report = SchemaSummary(g).report(width: 30)
        #expect(report.hasSuffix("""
            Property keys
              :Talk  city 1, date 1,
                     evidence 1, name 1,
                     status 1

            """))
        for line in report.split(separator: "\n") where line.hasPrefix("  ") { #expect(line.count <= 30) }
    }
}

@Suite("Schema counts for parley check")
struct SchemaCountsTests {
    @Test("the counts-only summary has the same labels, types and totals as the full one")
    func countsOnly() throws {
        let graph = try REPLFixture.graph()
        let full = SchemaSummary(graph), counts = SchemaSummary(countsOf: graph)
        #expect(counts.labels.map(\.name) == full.labels.map(\.name) && counts.labels.map(\.count) == full.labels.map(\.count))
        #expect(counts.types.map(\.name) == full.types.map(\.name) && counts.types.map(\.count) == full.types.map(\.count))
        #expect(counts.countsLine(maxLabels: 0) == full.countsLine(maxLabels: 0))
    }
}
