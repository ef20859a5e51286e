import Foundation
import Testing

/// `parley bolt://HOST:PORT` in script mode. The tests that need a server run when
/// PARLEY_BOLT_URI names one (`make bolt-test` starts FalkorDB and sets it); the others check
/// what needs no server (usage errors, a refused connection).
@Suite("parley over Bolt: script mode", .serialized)
struct BoltScriptTests {
    static let uri = ProcessInfo.processInfo.environment["PARLEY_BOLT_URI"].flatMap { $0.isEmpty ? nil : $0 }
    static let noServer: Comment = "no Bolt server: set PARLEY_BOLT_URI=bolt://HOST:PORT (make bolt-test starts FalkorDB and sets it)"

    @Test("a refused connection names the address and exits 1")
    func refused() throws {
        let outcome = try CLIRunner.run(["bolt://127.0.0.1:1", "-c", "RETURN 1"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: could not connect to 127.0.0.1:1: connection refused (is a Bolt server listening on that port?)\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test("usage errors: a password in the URI, TLS, --user without a server, no password")
    func usage() throws {
        let inURI = try CLIRunner.run(["bolt://u:secret@127.0.0.1:1", "-c", "RETURN 1"])
        #expect(inURI.status == 2)
        #expect(inURI.stderr.contains("a password in the URI would show in process lists and history; use PARLEY_PASSWORD"))
        let tls = try CLIRunner.run(["bolt+s://127.0.0.1:1", "-c", "RETURN 1"])
        #expect(tls.status == 2 && tls.stderr.contains("TLS (bolt+s://) is not supported yet"))
        let local = try CLIRunner.run(["--empty", "--user", "u", "-c", "RETURN 1"])
        #expect(local.status == 2 && local.stderr.contains("--user and --database need a Bolt server"))
        let noPassword = try CLIRunner.run(["bolt://127.0.0.1:1", "--user", "u", "-c", "RETURN 1"], environment: ["PARLEY_PASSWORD": ""])
        // An empty PARLEY_PASSWORD is a password (the empty one); the connection is then refused.
        #expect(noPassword.status == 1)
    }

    @Test("a query prints in every text format", .enabled(if: uri != nil, noServer))
    func formats() throws {
        let query = "UNWIND [1, 2] AS x RETURN x, 'a,b' AS s, [x, 1.5] AS l"
        let csv = try CLIRunner.run([Self.uri!, "-c", query, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == "x,s,l\r\n1,\"a,b\",\"[1, 1.5]\"\r\n2,\"a,b\",\"[2, 1.5]\"\r\n")
        let jsonl = try CLIRunner.run([Self.uri!, "-c", query, "--format", "jsonl"])
        #expect(jsonl.stdout == "{\"x\":1,\"s\":\"a,b\",\"l\":[1,1.5]}\n{\"x\":2,\"s\":\"a,b\",\"l\":[2,1.5]}\n")
        let json = try CLIRunner.run([Self.uri!, "-c", query, "--format", "json"])
        #expect(json.stdout == "[\n  {\"x\":1,\"s\":\"a,b\",\"l\":[1,1.5]},\n  {\"x\":2,\"s\":\"a,b\",\"l\":[2,1.5]}\n]\n")
        let table = try CLIRunner.run([Self.uri!, "-c", query])
        #expect(table.status == 0)
        #expect(table.stdout.contains("| x | s   | l        |"), "\(table.stdout)")
        #expect(table.stdout.hasSuffix("2 rows\n"))
        for format in ["tsv", "box", "vertical", "markdown", "cypher"] {
            let out = try CLIRunner.run([Self.uri!, "-c", query, "--format", format])
            #expect(out.status == 0 && out.stdout.contains("a,b"), "\(format): \(out.stderr)")
        }
    }

    @Test("a long result streams in batches, in order", .enabled(if: uri != nil, noServer))
    func longResult() throws {
        let out = try CLIRunner.run([Self.uri!, "-c", "UNWIND range(1, 5000) AS x RETURN x", "--format", "csv"])
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\r\n")
        #expect(lines.count == 5001)
        #expect(lines.first == "x" && lines[1] == "1" && lines.last == "5000")
    }

    @Test("nodes and relationships render as local ones; -f and standard input work", .enabled(if: uri != nil, noServer))
    func elementsAndInputs() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let script = folder.appendingPathComponent("q.cypher")
        try """
            MATCH (n:CliBolt) DETACH DELETE n;
            CREATE (:CliBolt {name: 'Ann'})-[:KNOWS {since: 2001}]->(:CliBolt {name: 'Bo'});
            MATCH (a:CliBolt)-[r]->(b) RETURN a, r, b.name AS b;
            """.write(to: script, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run([Self.uri!, "-f", script.path, "--format", "cypher"], in: folder)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("{a: (:CliBolt {name: 'Ann'}), r: [:KNOWS {since: 2001}], b: 'Bo'}"), "\(out.stdout)")
        let piped = try CLIRunner.run([Self.uri!, "--format", "csv"], input: "MATCH (n:CliBolt) RETURN count(n) AS c;\nMATCH (n:CliBolt) DETACH DELETE n;\n")
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("c\r\n2\r\n"))
    }

    @Test("parameters go to the server; a bad query shows the server's error and exits 1", .enabled(if: uri != nil, noServer))
    func parametersAndErrors() throws {
        let ok = try CLIRunner.run([Self.uri!, "--param", "n=41", "-c", "RETURN $n + 1 AS answer", "--format", "csv"])
        #expect(ok.stdout == "answer\r\n42\r\n")
        let bad = try CLIRunner.run([Self.uri!, "-c", "RETURN x x", "-c", "RETURN 'not reached'"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("error: SyntaxError: "), "\(bad.stderr)")
        #expect(!bad.stdout.contains("not reached"))
        let goesOn = try CLIRunner.run([Self.uri!, "--continue-on-error", "--format", "csv", "-c", "RETURN x x", "-c", "RETURN 'reached' AS r"])
        #expect(goesOn.status == 1)
        #expect(goesOn.stdout == "r\r\nreached\r\n")
        let meta = try CLIRunner.run([Self.uri!, "-c", ":asof 2015"])
        #expect(meta.status == 1 && meta.stderr.contains(":asof works on the local graph; :pull"), "\(meta.stderr)")
    }
}
