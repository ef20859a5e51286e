import Foundation
import ParleyBenchSupport
import Testing

/// `parley push FILE URI` and `parley pull URI FILE` (docs/bolt.md, "Moving graphs"). The round
/// trips need a server (PARLEY_BOLT_URI; `make bolt-test` starts FalkorDB and sets it) and work
/// in a named database, so other suites' nodes (in the default one) do not show in the pulled
/// graph. (FalkorDB 4.16 puts every named database in one graph, so this suite is serialized and
/// each test wipes it first.)
@Suite("parley push and pull", .serialized)
struct BoltMoveTests {
    static let uri = BoltScriptTests.uri
    static let noServer = BoltScriptTests.noServer
    static let bundled = CLIRunner.packageRoot.appendingPathComponent("graphs/astana-2015.json").path

    /// Empties `database` on the server.
    static func wipe(_ database: String) throws {
        let out = try CLIRunner.run([uri!, "--database", database, "-c", "MATCH (n) DETACH DELETE n"])
        #expect(out.status == 0, "\(out.stderr)")
    }

    /// A query's single value as CSV text.
    static func scalar(_ database: String, _ query: String) throws -> String {
        let out = try CLIRunner.run([uri!, "--database", database, "-c", query, "--format", "csv"])
        #expect(out.status == 0, "\(out.stderr)")
        return out.stdout.split(separator: "\r\n").dropFirst().first.map(String.init) ?? ""
    }

    @Test("the bundled graph goes to the server and back unchanged; a second push changes nothing", .enabled(if: uri != nil, noServer))
    func bundledRoundTrip() throws {
        let db = "parley_move_bundled"
        try Self.wipe(db)
        let folder = try CLIRunner.makeTemporaryFolder()
        let first = try CLIRunner.run(["push", Self.bundled, Self.uri!, "--database", db, "--batch", "7"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix(": 41 nodes, 66 relationships (41 nodes and 66 relationships new on the server).\n"), "\(first.stdout)")
        #expect(first.stderr.isEmpty, "no progress line without a terminal: \(first.stderr)")

        let pulled = try CLIRunner.run(["pull", Self.uri!, "back.json", "--database", db], in: folder)
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("41 nodes"), "\(pulled.stdout)")
        let diff = try CLIRunner.run(["diff", Self.bundled, "back.json"], in: folder)
        #expect(diff.status == 0, "\(diff.stdout)")

        let second = try CLIRunner.run(["push", Self.bundled, Self.uri!, "--database", db], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasSuffix("(0 nodes and 0 relationships new on the server).\n"), "\(second.stdout)")
        #expect(try Self.scalar(db, "MATCH (n) RETURN count(n)") == "41")
        #expect(try Self.scalar(db, "MATCH ()-[r]->() RETURN count(r)") == "66")
        let again = try CLIRunner.run(["pull", Self.uri!, "again.json", "--database", db], in: folder)
        #expect(again.status == 0)
        #expect(try CLIRunner.run(["diff", Self.bundled, "again.json"], in: folder).status == 0)
        // The key a push stores on the server does not come back.
        let text = try String(contentsOf: folder.appendingPathComponent("again.json"), encoding: .utf8)
        #expect(!text.contains("_parley_key"))
        try Self.wipe(db)
    }

    @Test("every property type FalkorDB holds round-trips; parallel relationships stay apart", .enabled(if: uri != nil, noServer))
    func valueRoundTrip() throws {
        let db = "parley_move_values"
        try Self.wipe(db)
        let folder = try CLIRunner.makeTemporaryFolder()
        try """
            {"nodes": [
              {"id": "a", "labels": ["Person", "Agent"], "properties": {"name": "Ann \\u00e9\\u4e2d\\ud83d\\ude00", "age": 42, "big": 9007199254740993, "max": 9223372036854775807, "min": -9223372036854775808, "neg": -5, "score": 0.5, "ratio": 2.75, "on": true, "off": false, "tags": ["x", "y"], "nums": [1, 2, 3], "quote": "it's \\"quoted\\"\\n", "empty": "", "apostrophe": "it's", "backslash": "a\\\\b", "precise": 0.30000000000000004, "tiny": 1e-10, "long": 123456.789012345, "negzero": -0.0, "huge": 1.7976931348623157e308, "mixed": [1, "a", true, 2.5], "floats": [0.1, 1e-300]}},
              {"id": "7", "labels": ["Thing"], "properties": {"n": 7}},
              {"id": "c", "labels": [], "properties": {}}
            ],
            "edges": [
              {"source": "a", "target": "7", "type": "KNOWS", "properties": {"since": 2001}},
              {"source": "a", "target": "7", "type": "KNOWS", "properties": {"since": 2002}},
              {"source": "a", "target": "7", "type": "KNOWS", "id": "k1", "properties": {"w": 1.25}},
              {"source": "7", "target": "c", "type": "ODD TYPE", "properties": {}},
              {"source": "c", "target": "c", "type": "SELF", "properties": {}}
            ]}
            """.write(to: folder.appendingPathComponent("g.json"), atomically: true, encoding: .utf8)
        for round in 1...2 {
            let push = try CLIRunner.run(["push", "g.json", Self.uri!, "--database", db, "--batch", "2"], in: folder)
            #expect(push.status == 0, "\(push.stderr)")
            #expect(push.stdout.contains(": 3 nodes, 5 relationships"), "\(push.stdout)")
            if round == 2 { #expect(push.stdout.contains("(0 nodes and 0 relationships new"), "\(push.stdout)") }
            let pull = try CLIRunner.run(["pull", Self.uri!, "back.json", "--database", db], in: folder)
            #expect(pull.status == 0, "\(pull.stderr)")
            let diff = try CLIRunner.run(["diff", "g.json", "back.json"], in: folder)
            #expect(diff.status == 0, "round \(round): \(diff.stdout)")
        }
        try Self.wipe(db)
    }

    @Test("a generated graph of 10,000 nodes and 100,000 relationships goes to the server and back unchanged; a second push changes nothing", .enabled(if: uri != nil, noServer))
    func generatedRoundTrip() throws {
        let db = "parley_move_generated"
        try Self.wipe(db)
        let folder = try CLIRunner.makeTemporaryFolder()
        try SyntheticGraph(nodes: 10_000, edges: 100_000, seed: 7).write(to: folder.appendingPathComponent("gen").path, json: true)
        let file = "gen/graph.json"
        let first = try CLIRunner.run(["push", file, Self.uri!, "--database", db], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix(": 10000 nodes, 100000 relationships (10000 nodes and 100000 relationships new on the server).\n"), "\(first.stdout)")
        #expect(try Self.scalar(db, "MATCH ()-[r]->() RETURN count(r)") == "100000")
        let pulled = try CLIRunner.run(["pull", Self.uri!, "back.json", "--database", db], in: folder)
        #expect(pulled.status == 0, "\(pulled.stderr)")
        let diff = try CLIRunner.run(["diff", file, "back.json"], in: folder)
        #expect(diff.status == 0 && diff.stdout == "no differences\n", "\(diff.stdout)")
        let second = try CLIRunner.run(["push", file, Self.uri!, "--database", db, "--batch", "5000"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasSuffix("(0 nodes and 0 relationships new on the server).\n"), "\(second.stdout)")
        #expect(try Self.scalar(db, "MATCH (n) RETURN count(n)") == "10000")
        try Self.wipe(db)
    }

    @Test("pull --query brings what the query returns, with the ends of its relationships", .enabled(if: uri != nil, noServer))
    func pullQuery() throws {
        let db = "parley_move_query"
        try Self.wipe(db)
        let folder = try CLIRunner.makeTemporaryFolder()
        #expect(try CLIRunner.run(["push", Self.bundled, Self.uri!, "--database", db], in: folder).status == 0)
        let out = try CLIRunner.run(["pull", Self.uri!, "part.json", "--database", db, "--query", "MATCH (:State {id: 'kazakhstan'})-[r:HOSTED]->() RETURN r"], in: folder)
        #expect(out.status == 0, "\(out.stderr)")
        let check = try CLIRunner.run(["part.json", "-c", "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, count(*) AS n ORDER BY n", "--format", "csv"], in: folder)
        #expect(check.stdout == "a,t,n\r\nkazakhstan,HOSTED,5\r\n", "\(check.stdout) \(check.stderr)")
        let nodes = try CLIRunner.run(["part.json", "-c", "MATCH (n) RETURN count(n) AS n, count(n.name) AS named", "--format", "csv"], in: folder)
        #expect(nodes.stdout == "n,named\r\n6,6\r\n", "\(nodes.stdout)")
        try Self.wipe(db)
    }

    @Test("a temporal value is refused before anything is sent")
    func refusedTemporal() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        try #"{"nodes": [{"id": "a", "properties": {"on": {"$date": "2020-01-02"}}}]}"#
            .write(to: folder.appendingPathComponent("g.json"), atomically: true, encoding: .utf8)
        // Nothing listens on port 1: the refusal comes before any connection.
        let out = try CLIRunner.run(["push", "g.json", "bolt://127.0.0.1:1"], in: folder)
        #expect(out.status == 1)
        #expect(out.stderr.hasPrefix("error: cannot push g.json: unsupported value: node 'a' property 'on' holds a temporal value (DATE)"), "\(out.stderr)")
    }

    @Test("usage: --batch 0 and a file name without a format are exit 2")
    func usage() throws {
        let batch = try CLIRunner.run(["push", Self.bundled, "bolt://127.0.0.1:1", "--batch", "0"])
        #expect(batch.status == 2 && batch.stderr.contains("--batch must be at least 1"), "\(batch.stderr)")
        let unreachable = try CLIRunner.run(["pull", "bolt://127.0.0.1:1", "out.json"])
        #expect(unreachable.status == 1 && unreachable.stderr.contains("connection refused"), "\(unreachable.stderr)")
    }

    @Test(":push and :pull in a session: round trip equal, a query's part, unsaved changes kept", .enabled(if: uri != nil, noServer))
    func sessionCommands() throws {
        let db = "parley_move_session"
        try Self.wipe(db)
        let u = Self.uri!
        let script = """
            :push \(u) --batch 9 --database \(db)
            :pull \(u) --database \(db) MATCH (s:State)-[r]->(t:State) RETURN r
            MATCH (n) RETURN count(n) AS n;
            :pull \(u) --database \(db)
            :diff \(Self.bundled)
            :push \(u) --database \(db)
            CREATE (:Extra {id: 'extra'});
            :pull \(u) --database \(db)
            :pull! \(u) --database \(db)
            MATCH (n:Extra) RETURN count(n) AS extra;

            """
        let out = try CLIRunner.run([Self.bundled, "--continue-on-error", "--format", "csv"], input: script)
        #expect(out.status == 1, "the :pull without ! fails")
        let lines = out.stdout.components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines == [
            "Pushed to \(u): 41 nodes, 66 relationships (41 nodes and 66 relationships new on the server).",
            "Pulled \(u): 4 nodes (4 State), 3 relationships.",
            "n", "4",
            "Pulled \(u): 41 nodes (14 Organization, 11 Talk, 9 State, 7 Person, …), 66 relationships.",
            "no differences",
            "Pushed to \(u): 41 nodes, 66 relationships (0 nodes and 0 relationships new on the server).",
            "Pulled \(u): 41 nodes (14 Organization, 11 Talk, 9 State, 7 Person, …), 66 relationships.",
            "extra", "0",
        ], "\(out.stdout)")
        #expect(out.stderr.contains("error: The graph has unsaved changes that :pull would discard; :save them first, or use :pull! to discard them"), "\(out.stderr)")
        try Self.wipe(db)
    }

    @Test(":push and :pull usage errors, a graph without ids, an unreachable server")
    func sessionErrors() throws {
        let script = """
            :push
            :push bolt://127.0.0.1:1 --batch 0
            :push bolt://127.0.0.1:1 extra
            :pull
            :pull --color bolt://127.0.0.1:1
            :pull bolt://127.0.0.1:1
            CREATE (:Y);
            :push bolt://127.0.0.1:1

            """
        let out = try CLIRunner.run(["--empty", "--continue-on-error"], input: script)
        #expect(out.status == 1)
        let errors = out.stderr.components(separatedBy: "\n").filter { $0.contains("error") }
        #expect(errors == [
            "<stdin>:1:6: error: Expected a URI (bolt://HOST:PORT) and options only. Usage: :push bolt://HOST:PORT [--batch N] [--database NAME]",
            "<stdin>:2:34: error: --batch needs a number of rows, at least 1. Usage: :push bolt://HOST:PORT [--batch N] [--database NAME]",
            "<stdin>:3:26: error: Expected a URI (bolt://HOST:PORT) and options only. Usage: :push bolt://HOST:PORT [--batch N] [--database NAME]",
            "<stdin>:4:6: error: Expected a URI (bolt://HOST:PORT). Usage: :pull[!] bolt://HOST:PORT [--database NAME] [QUERY]",
            "<stdin>:5:7: error: Unknown option --color. Usage: :pull[!] bolt://HOST:PORT [--database NAME] [QUERY]",
            "error: could not connect to 127.0.0.1:1: connection refused (is a Bolt server listening on that port?)",
            "error: cannot push the graph: unsupported value: a node without an id property (labels: Y); a push keys every node on its id, so give each node one",
        ], "\(out.stderr)")
    }

    @Test("on a terminal a push shows its progress line ('N of M (P%)'), then its summary", .enabled(if: uri != nil, noServer))
    func progressOnTerminal() throws {
        let db = "parley_move_progress"
        try Self.wipe(db)
        let folder = try CLIRunner.makeTemporaryFolder()
        let nodes = (0..<1500).map { "{\"id\": \"n\($0)\", \"labels\": [\"N\"]}" }.joined(separator: ",\n")
        let graph = folder.appendingPathComponent("many.json").path
        try "{\"nodes\": [\(nodes)]}".write(toFile: graph, atomically: true, encoding: .utf8)
        let shown = Self.uri!.hasSuffix("/") ? String(Self.uri!.dropLast()) : Self.uri!
        let session = try PTYSession(
            executable: try PTYSession.parleyExecutable(), arguments: ["push", graph, Self.uri!, "--database", db, "--batch", "1"],
            environment: ["PARLEY_PROGRESS_AFTER": "0", "NO_COLOR": "1", "HOME": folder.path])
        try session.expect("Pushing to \(shown): ", timeout: 60)
        try session.expect(" of 1500 (", timeout: 60)
        _ = try session.expect("Pushed \(graph) to \(shown): 1500 nodes, 0 relationships", timeout: 120)
        #expect(try session.waitForExit(timeout: 30) == 0)
        try Self.wipe(db)
    }
}
