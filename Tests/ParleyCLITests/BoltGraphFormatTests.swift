import Foundation
import Testing

/// The graph formats on a Bolt server in script mode: `--format dot` and `--format graphml`
/// draw the nodes, relationships and paths a server query returns, `:export` writes them to a
/// file (the whole server graph without a query), commands that need the local graph say so
/// and point at `:pull`, `:schema` prints the server's names, and a call to one of Parley's own
/// procedures the server lacks gets a hint. Needs PARLEY_BOLT_URI.
@Suite("parley over Bolt: DOT, :export, :schema and local-only commands in scripts", .serialized)
struct BoltGraphFormatTests {
    static let setup = [
        "MATCH (n:BoltFmt) DETACH DELETE n",
        "CREATE (:BoltFmt {name: 'Ann', communityId: 1})-[:FMT_KNOWS {since: 2001}]->(:BoltFmt {name: 'Bo', communityId: 2})",
    ]

    /// Runs the setup statements on the server.
    static func prepare() throws {
        let out = try CLIRunner.run([BoltScriptTests.uri!] + setup.flatMap { ["-c", $0] })
        #expect(out.status == 0, "\(out.stderr)")
    }

    @Test("--format dot draws a path a server query returns; :export dot writes the same text to a file", .enabled(if: BoltScriptTests.uri != nil, BoltScriptTests.noServer))
    func dot() throws {
        try Self.prepare()
        let query = "MATCH p = (:BoltFmt {name: 'Ann'})-[:FMT_KNOWS]->() RETURN p"
        let out = try CLIRunner.run([BoltScriptTests.uri!, "-c", query, "--format", "dot"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "// Parley: 2 nodes, 1 relationship")
        #expect(lines.contains { $0.hasPrefix("  \"n0\" [label=\"Ann\", tooltip=\":BoltFmt\\ncommunityId: 1\\nname: Ann\", shape=\"box\"") }, "\(out.stdout)")
        #expect(lines.contains { $0.hasPrefix("  \"n1\" [label=\"Bo\", tooltip=\":BoltFmt\\ncommunityId: 2\\nname: Bo\", shape=\"box\"") }, "\(out.stdout)")
        #expect(lines.contains { $0.hasPrefix("  \"n0\" -> \"n1\" [label=\"FMT_KNOWS\", tooltip=\"Ann -[:FMT_KNOWS]-> Bo\\nsince: 2001\"") }, "\(out.stdout)")
        #expect(lines.last == "}")

        let folder = try CLIRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.dot").path
        let export = try CLIRunner.run([BoltScriptTests.uri!, "-c", ":export dot \(file) \(query)"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == "Wrote \(file).\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == out.stdout)
        // Written atomically: no temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["p.dot"])
    }

    @Test("a result column colours the nodes as locally; a relationship brings its ends with their labels", .enabled(if: BoltScriptTests.uri != nil, BoltScriptTests.noServer))
    func columnsAndEnds() throws {
        try Self.prepare()
        let coloured = try CLIRunner.run([BoltScriptTests.uri!, "-c", "MATCH (n:BoltFmt) RETURN n, n.communityId AS communityId ORDER BY n.name", "--format", "dot"])
        #expect(coloured.status == 0, "\(coloured.stderr)")
        let nodeLines = coloured.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"n") && !$0.contains("->") }.map(String.init)
        #expect(nodeLines.count == 2)
        #expect(Set(nodeLines.map { Self.attribute("fillcolor", in: $0) }).count == 2, "one colour per community: \(nodeLines)")

        let ends = try CLIRunner.run([BoltScriptTests.uri!, "-c", "MATCH (:BoltFmt)-[r:FMT_KNOWS]->() RETURN r", "--format", "dot"])
        #expect(ends.status == 0, "\(ends.stderr)")
        #expect(ends.stdout.contains("[label=\"Ann\", tooltip=\":BoltFmt\\ncommunityId: 1\\nname: Ann\""), "\(ends.stdout)")
        #expect(ends.stdout.contains("[label=\"Bo\", tooltip=\":BoltFmt\\ncommunityId: 2\\nname: Bo\""), "\(ends.stdout)")
    }

    @Test(":export json of a query and graphml of the whole server graph; --format graphml", .enabled(if: BoltScriptTests.uri != nil, BoltScriptTests.noServer))
    func interchange() throws {
        try Self.prepare()
        let folder = try CLIRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("q.json").path
        let whole = folder.appendingPathComponent("all.graphml").path
        let out = try CLIRunner.run([BoltScriptTests.uri!, "-c", ":export json \(json) MATCH (:BoltFmt)-[r:FMT_KNOWS]->() RETURN r", "-c", ":export graphml \(whole)"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("Wrote 2 nodes (2 BoltFmt), 1 relationship to \(json) (json).\n"), "\(out.stdout)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let nodes = try #require(document?["nodes"] as? [[String: Any]])
        let edges = try #require(document?["edges"] as? [[String: Any]])
        #expect(Set(nodes.compactMap { ($0["properties"] as? [String: Any])?["name"] as? String }) == ["Ann", "Bo"])
        #expect(nodes.allSatisfy { ($0["labels"] as? [String]) == ["BoltFmt"] })
        #expect(edges.count == 1 && edges[0]["type"] as? String == "FMT_KNOWS")
        #expect(((edges[0]["properties"] as? [String: Any])?["since"] as? Int) == 2001)
        let graphml = try String(contentsOfFile: whole, encoding: .utf8)
        #expect(graphml.contains(":BoltFmt</data>"), "\(graphml.prefix(400))")
        #expect(graphml.contains("FMT_KNOWS</data>"))

        let piped = try CLIRunner.run([BoltScriptTests.uri!, "-c", "MATCH p = (:BoltFmt)-[:FMT_KNOWS]->() RETURN p", "--format", "graphml"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("<?xml") && piped.stdout.contains("FMT_KNOWS</data>"))
        #expect(piped.stdout.components(separatedBy: "<node id=").count == 3)
    }

    @Test(":asof, :diff, :load, :save and :timeline say they work on the local graph and point at :pull; exit 1", .enabled(if: BoltScriptTests.uri != nil, BoltScriptTests.noServer))
    func localOnly() throws {
        let uri = BoltScriptTests.uri!
        let shown = uri.hasSuffix("/") ? String(uri.dropLast()) : uri
        let cases = [
            (":asof 2015", ":asof works on the local graph; :pull \(shown) brings the server's graph here and :disconnect then runs statements on it."),
            (":between 2015 2016", ":between works on the local graph; :pull \(shown)"),
            (":diff old.json", ":diff works on the local graph; :pull \(shown)"),
            (":timeline", ":timeline works on the local graph; :pull \(shown)"),
            (":render timeline t.svg", ":render timeline works on the local graph; :pull \(shown)"),
            (":load g.json", ":load replaces the local graph, but statements run on \(shown); :disconnect first."),
            (":save g.json", ":save writes the local graph, but statements run on \(shown); :export json FILE QUERY"),
        ]
        for (command, message) in cases {
            let out = try CLIRunner.run([uri, "-c", command])
            #expect(out.status == 1, "\(command)")
            #expect(out.stderr.contains("error: " + message), "\(command): \(out.stderr)")
            #expect(out.stdout.isEmpty)
        }
    }

    @Test(":schema prints the server's labels, types and keys; Parley's own procedure missing on the server gets a hint", .enabled(if: BoltScriptTests.uri != nil, BoltScriptTests.noServer))
    func schemaAndHint() throws {
        try Self.prepare()
        let uri = BoltScriptTests.uri!
        let shown = uri.hasSuffix("/") ? String(uri.dropLast()) : uri
        let schema = try CLIRunner.run([uri, "-c", ":schema"])
        #expect(schema.status == 0, "\(schema.stderr)")
        let lines = schema.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Schema of \(shown) (the server's names; :pull brings the graph here for counts and patterns):")
        #expect(lines.contains { $0.hasPrefix("  Labels              ") && $0.contains("BoltFmt") }, "\(schema.stdout)")
        #expect(lines.contains { $0.hasPrefix("  Relationship types  ") && $0.contains("FMT_KNOWS") }, "\(schema.stdout)")
        #expect(lines.contains { $0.hasPrefix("  Property keys       ") && $0.contains("communityId") }, "\(schema.stdout)")

        let louvain = try CLIRunner.run([uri, "-c", "CALL algo.louvain() YIELD node RETURN node"])
        #expect(louvain.status == 1)
        let errors = louvain.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 2, "\(louvain.stderr)")
        #expect(errors.first?.hasPrefix("error: ") == true)
        #expect(errors.last == "hint: algo.louvain is one of Parley's own procedures and runs on the local graph: :pull \(shown) brings the server's graph here, then :disconnect runs statements on it.")
        // A procedure Parley does not have either: the server's error alone.
        let unknown = try CLIRunner.run([uri, "-c", "CALL parley.no.such() YIELD x RETURN x"])
        #expect(unknown.status == 1)
        #expect(!unknown.stderr.contains("hint:"), "\(unknown.stderr)")
    }

    @Test(":last shows a server result again with its nodes; :stats names the server", .enabled(if: BoltScriptTests.uri != nil, BoltScriptTests.noServer))
    func lastAndStats() throws {
        try Self.prepare()
        let uri = BoltScriptTests.uri!
        let shown = uri.hasSuffix("/") ? String(uri.dropLast()) : uri
        let out = try CLIRunner.run([uri, "-c", "MATCH (n:BoltFmt) RETURN n ORDER BY n.name", "-c", ":last cypher", "-c", ":stats"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("\n{n: (:BoltFmt {communityId: 1, name: 'Ann'})}\n{n: (:BoltFmt {communityId: 2, name: 'Bo'})}\n"), "\(out.stdout)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("server      \(shown)"), "\(out.stdout)")
        #expect(lines.contains { $0.hasPrefix("agent       ") && $0.contains("Bolt ") })
        #expect(lines.contains { $0.hasPrefix("labels      ") && Int($0.dropFirst(12)).map { $0 >= 1 } == true }, "\(out.stdout)")
        #expect(lines.contains("local graph (not from a file): 0 nodes, 0 relationships (used after :disconnect)"))
    }

    /// The value of `name="…"` in a DOT line.
    static func attribute(_ name: String, in line: String) -> String? {
        guard let start = line.range(of: name + "=\"") else { return nil }
        return String(line[start.upperBound...].prefix { $0 != "\"" })
    }
}
