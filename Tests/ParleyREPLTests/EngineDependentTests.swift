import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import Testing
@testable import ParleyREPL

/// Tests that run real queries: they need the query engine (branch `engine`), and the ones
/// printing nodes need `Value.cypherLiteral(in:)` (branch `functions`). With the engine stub
/// they fail; they are not skipped.
@Suite("Session with the query engine")
struct EngineDependentTests {
    @Test("a query prints a table with a footer")
    func query() throws {
        let (session, out, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, "MATCH (s:State) RETURN s.name AS name ORDER BY name;") == 0)
        #expect(err.text.isEmpty)
        #expect(out.text == """
            +------------+
            | name       |
            +------------+
            | Kazakhstan |
            | Russia     |
            +------------+
            2 rows

            """)
    }

    @Test("csv mode over a real query; a last statement without ; runs")
    func csvQuery() throws {
        let (session, out, _) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":mode csv\nMATCH (t:Talk) RETURN t.name AS talk, t.date AS date") == 0)
        #expect(out.text == "talk,date\r\nAstana talks,2015-05-25\r\n")
    }

    @Test(":param evaluates a Cypher literal, and queries see it")
    func param() throws {
        let (session, out, _) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":param city 'Kaz' + 'akhstan'\n:param ids [1, 2.5, null]\n:param m => {a: 1}") == 0)
        #expect(session.parameters["city"] == "Kazakhstan")
        #expect(session.parameters["ids"] == [1, 2.5, nil])
        #expect(session.parameters["m"] == ["a": 1])
        #expect(REPLFixture.run(session, ":mode csv\nMATCH (s:State {name: $city}) RETURN s.id AS id;") == 0)
        #expect(out.text == "id\r\nkazakhstan\r\n")
    }

    @Test("a bad :param value is reported at its position in the line")
    func badParam() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":param x [1, 2") == 1)
        #expect(err.text.hasPrefix("test.cypher:1:"))
        #expect(session.parameters["x"] == nil)
    }

    @Test("a write prints its statistics and marks the graph modified")
    func write() throws {
        let (session, out, _) = try REPLFixture.session()
        #expect(REPLFixture.run(session, "CREATE (:State {name: 'Iran'});") == 0)
        #expect(out.text == "Created 1 node, set 1 property, added 1 label\n" || out.text == "Created 1 node, set 1 property\n")
        #expect(session.graph.nodeCount == 5)
        #expect(session.isModified)
    }

    @Test("a failing write leaves the graph unchanged")
    func failedWrite() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, "CREATE (n:X) WITH n RETURN 1 / 0;") == 1)
        #expect(session.graph.nodeCount == 4)
        #expect(!err.text.isEmpty)
    }

    @Test("an error inside a statement points at the script's line and column")
    func errorPosition() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, "RETURN 1;\n\nMATCH (n) RETRUN n;") == 1)
        #expect(err.text.hasPrefix("test.cypher:3:11: error[SyntaxError.UnexpectedSyntax]: "))
        #expect(err.text.contains("\nMATCH (n) RETRUN n;\n          ^"))
    }

    @Test(":explain prints the plan without running the query")
    func explain() throws {
        let (session, out, _) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":explain MATCH (s:State) RETURN s;") == 0)
        #expect(!out.text.isEmpty)
        #expect(!out.text.contains("Kazakhstan"))
    }

    @Test(":export dot FILE QUERY writes only what the query returned")
    func exportQuery() throws {
        let (session, _, _) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("q.dot")
        #expect(REPLFixture.run(session, ":export dot \(path) MATCH (s:State {id: 'kazakhstan'})-[r]->(t) RETURN s, r, t;") == 0)
        let expected = DOTExporter.export(session.graph, subgraph: Subgraph(nodes: [0, 2], relationships: [0]))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    @Test("nodes print in Cypher notation (needs Value.cypherLiteral)")
    func nodeNotation() throws {
        let (session, out, _) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":mode cypher\nMATCH (p:Person) RETURN p;") == 0)
        #expect(out.text == "{p: (:Person {id: 'mistura', name: 'Staffan de Mistura'})}\n")
    }
}
