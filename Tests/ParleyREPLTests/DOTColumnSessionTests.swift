import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
@testable import ParleyREPL
import Testing

/// `:export dot`, `:render` and DOT output of `CALL algo.*` queries: nodes coloured and sized
/// by the result's columns, and errors for a chosen column that does not fit.
@Suite("DOT colour and size by column in the session")
struct DOTColumnSessionTests {
    /// The DOT the exporter gives for what `query` returns on the session's graph.
    static func expected(_ session: Session, _ query: String) throws -> String {
        var engine = QueryEngine(graph: session.graph)
        let result = try engine.run(query)
        return try DOTExporter.export(session.graph, columns: result.columns, rows: result.rows, options: session.dotOptions)
    }

    static let camps = "CALL algo.louvain({seed: 42}) YIELD node, communityId RETURN node, communityId"
    static let brokers = "CALL algo.betweenness() YIELD node, score RETURN node, score"

    @Test(":export dot of a Louvain query colours every node by communityId, with a legend")
    func exportCamps() throws {
        let (session, out, err) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("camps.dot")
        #expect(REPLFixture.run(session, ":export dot \(path) \(Self.camps);") == 0, "\(err.text)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == (try Self.expected(session, Self.camps)))
        #expect(text.contains("\"legend_fill\" [label=\"fill: communityId\""))
        let fills = text.split(separator: "\n").filter { $0.hasPrefix("  \"n") && !$0.contains(" -> ") }.map { line in
            String(line[line.range(of: "fillcolor=\"")!.upperBound...].prefix(7))
        }
        #expect(fills.count == 4)
        #expect(fills.allSatisfy { ["#CC6677", "#332288", "#DDCC77", "#117733"].contains($0) }, "\(fills)")
        #expect(out.text == "Wrote \(path).\n")
    }

    @Test(":render of a betweenness query sizes nodes by score and draws the size legend")
    func renderBrokers() throws {
        let (session, out, err) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("brokers.svg")
        try? FileManager.default.removeItem(atPath: path)
        #expect(REPLFixture.run(session, ":render \(path) \(Self.brokers);") == 0, "\(err.text)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("size: score"))
        #expect(svg.contains("Astana talks"), "the captions are drawn beside the sized nodes")
        #expect(out.text == "Wrote \(path).\n")
        // The talk is the only broker (every path between the others runs through it).
        let dot = try Self.expected(session, Self.brokers)
        #expect(dot.contains("\"n2\" [label=\"\", xlabel=\"Astana talks\""))
        #expect(dot.contains("width=\"1.6\""))
    }

    @Test("DOT output mode (--format dot) colours and sizes each result by its columns")
    func outputMode() throws {
        let (session, out, err) = try REPLFixture.session()
        session.mode = .dot
        let query = "CALL algo.degree() YIELD node, degree RETURN node, degree"
        #expect(REPLFixture.run(session, query + ";") == 0, "\(err.text)")
        #expect(out.text == (try Self.expected(session, query)))
        #expect(out.text.contains("\"legend_size\" [label=\"size: degree\""))
    }

    @Test("with --induced the relationships among the coloured nodes are drawn too")
    func induced() throws {
        let (session, _, err) = try REPLFixture.session()
        session.dotOptions.induced = true
        let path = REPLFixture.temporaryPath("components.dot")
        let query = "CALL algo.wcc() YIELD node, componentId RETURN node, componentId"
        #expect(REPLFixture.run(session, ":export dot \(path) \(query);") == 0, "\(err.text)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("// Parley: 4 nodes, 3 relationships\n"))
        #expect(text.contains("\"legend_fill_0\" [label=\"0\", tooltip=\"componentId = 0: 4 nodes\""))
        session.dotOptions.induced = false
        #expect(REPLFixture.run(session, ":export dot \(path) \(query);") == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("// Parley: 4 nodes, 0 relationships\n"))
    }

    @Test("a colorBy column the result lacks is an error at the query, listing its columns; nothing is written")
    func missingColumn() throws {
        let (session, _, err) = try REPLFixture.session()
        session.dotOptions.colorBy = .column("communty")
        let path = REPLFixture.temporaryPath("never.dot")
        try? FileManager.default.removeItem(atPath: path)
        let command = ":export dot \(path) \(Self.camps);"
        #expect(REPLFixture.run(session, command) == 1)
        let column = ":export dot \(path) ".count + 1
        let message = "colorBy names the column 'communty', which the query result does not have; its columns are: node, communityId"
        #expect(err.text.hasPrefix("test.cypher:1:\(column): error: \(message)\n\(command)\n"), "\(err.text)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a sizeBy column of the wrong type is an error in DOT output mode too")
    func wrongType() throws {
        let (session, out, err) = try REPLFixture.session()
        session.mode = .dot
        session.dotOptions.sizeBy = .column("name")
        #expect(REPLFixture.run(session, "CALL algo.degree() YIELD node, degree RETURN node, node.name AS name, degree;") == 1)
        #expect(err.text.hasPrefix("test.cypher:1:1: error: sizeBy needs a column of numbers, but 'name' holds strings; columns that do: degree\n"),
                "\(err.text)")
        #expect(out.text.isEmpty)
        // Without a position (a result presented directly), the error still names the column.
        let (direct, _, directErr) = try REPLFixture.session()
        direct.mode = .dot
        direct.dotOptions.colorBy = .column("x")
        #expect(!direct.present(QueryResult(columns: ["n"], rows: [[1]]), elapsed: .zero))
        #expect(directErr.text == "error: colorBy names the column 'x', which the query result does not have; its columns are: n\n")
    }

    @Test(":export dot of the whole graph ignores colorBy: there are no columns")
    func wholeGraph() throws {
        let (session, _, _) = try REPLFixture.session()
        session.dotOptions.colorBy = .column("communityId")
        let path = REPLFixture.temporaryPath("whole.dot")
        #expect(REPLFixture.run(session, ":export dot \(path)") == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == DOTExporter.export(session.graph, options: session.dotOptions))
    }

    @Test(":help export and :help render say that columns colour and size the nodes")
    func help() throws {
        let (session, out, _) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":help export\n:help render") == 0)
        #expect(out.text.contains("A column named communityId or componentId colours the nodes"))
        #expect(out.text.contains("Result columns colour and size the nodes as for :export dot."))
    }
}
