import Foundation
import Testing

/// The Cypher script and `--format` graph documents, through the real binary.
@Suite("Interchange through the CLI: Cypher scripts and --format")
struct CLIInterchangeScriptTests {
    static let bundled = CLIRunner.packageRoot.appendingPathComponent("graphs/astana-2015.json").path

    /// Parley JSON as comparable sets: node lines (labels as a set) and edge lines.
    func canonical(_ path: URL) throws -> (nodes: [String], edges: [String]) {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        func text(_ o: Any) throws -> String { String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self) }
        let nodes = try (doc["nodes"] as? [[String: Any]] ?? []).map { n -> String in
            var n = n
            if let labels = n["labels"] as? [String] { n["labels"] = labels.sorted() }
            return try text(n)
        }
        let edges = try (doc["edges"] as? [[String: Any]] ?? []).map { try text($0) }
        return (nodes.sorted(), edges.sorted())
    }

    @Test("a Cypher script of the bundled graph, run into an empty session, rebuilds the graph")
    func cypherRoundTrip() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try CLIRunner.run(["convert", Self.bundled, "g.cypher"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        try ":save rebuilt.json\n".write(to: folder.appendingPathComponent("save.cypher"), atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["--no-rc", "--empty", "-f", "g.cypher", "-f", "save.cypher"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let original = try CLIRunner.run(["convert", Self.bundled, "original.json"], in: folder)
        #expect(original.status == 0)
        let a = try canonical(folder.appendingPathComponent("original.json")), b = try canonical(folder.appendingPathComponent("rebuilt.json"))
        #expect(a.nodes == b.nodes)
        #expect(a.edges == b.edges)
        #expect(a.nodes.count == 41 && a.edges.count == 66)
    }

    @Test("a graph without unique ids, with every value type and escapes, round-trips through a Cypher script")
    func cypherEveryValue() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let setup = """
        CREATE (a:Person:Envoy {name: 'quote " apostrophe \\' backslash \\\\ newline\\n <tag> & é 🎉', age: 42, score: 0.5, ok: true, tags: ['x', 'y'], born: date('1970-01-02'), seen: datetime('2015-05-25T10:30+06:00'), stay: duration('P1DT2H')})
        CREATE (b:Person {id: 'same'}), (c {id: 'same'})
        CREATE (a)-[:MET {w: 1}]->(b), (a)-[:MET {w: 2}]->(b), (c)-[:SELF]->(c), (b)-[:`has space`]->(a);
        :export cypher g.cypher
        :save original.json

        """
        let first = try CLIRunner.run(["--no-rc", "--empty"], input: setup, in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let script = try String(contentsOf: folder.appendingPathComponent("g.cypher"), encoding: .utf8)
        #expect(script.contains("parley_import_id"))  // ids are not unique: the temporary key is used
        try ":save rebuilt.json\n".write(to: folder.appendingPathComponent("save.cypher"), atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["--no-rc", "--empty", "-f", "g.cypher", "-f", "save.cypher"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let a = try canonical(folder.appendingPathComponent("original.json")), b = try canonical(folder.appendingPathComponent("rebuilt.json"))
        #expect(a.edges == b.edges)
        // Nodes without an id get n<number> ids in a saved file, which may differ: compare the rest.
        func strip(_ lines: [String]) -> [String] { lines.map { $0.replacingOccurrences(of: #""id":"n\d+","#, with: "", options: .regularExpression) }.sorted() }
        #expect(strip(a.nodes) == strip(b.nodes))
    }

    @Test("--format node-link, jgf, mermaid and graphml write a statement's result subgraph")
    func formats() throws {
        let query = "MATCH (s:State {id: 'kazakhstan'})-[r:HOSTED]->(t) RETURN s, r, t"
        let nl = try CLIRunner.run(["--no-rc", Self.bundled, "-c", query, "--format", "node-link"])
        #expect(nl.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(nl.stdout.utf8)) as? [String: Any])
        #expect((doc["nodes"] as? [Any])?.count == 6 && (doc["edges"] as? [Any])?.count == 5)
        #expect(nl.stderr.contains("note: 5 properties named as node-link's own keys"))
        let jgf = try CLIRunner.run(["--no-rc", Self.bundled, "-c", query, "--format", "jgf"])
        let graph = try #require((try JSONSerialization.jsonObject(with: Data(jgf.stdout.utf8)) as? [String: Any])?["graph"] as? [String: Any])
        #expect((graph["nodes"] as? [String: Any])?.count == 6)
        let mmd = try CLIRunner.run(["--no-rc", Self.bundled, "-c", query, "--format", "mermaid"])
        #expect(mmd.stdout.hasPrefix("%% Parley: 6 nodes, 5 relationships\n"))
        #expect(mmd.stdout.components(separatedBy: "-->|\"HOSTED\"|").count == 6)
        let graphml = try CLIRunner.run(["--no-rc", Self.bundled, "-c", query, "--format", "graphml"])
        #expect(graphml.status == 0 && graphml.stdout.hasPrefix("<?xml"))
        #expect(graphml.stdout.components(separatedBy: "<node id=").count == 7 && graphml.stdout.components(separatedBy: "<edge ").count == 6)
        let mode = try CLIRunner.run(["--no-rc", "--empty"], input: ":mode node-link\n")
        #expect(mode.stderr.contains("Unknown mode 'node-link'"))
    }
}
