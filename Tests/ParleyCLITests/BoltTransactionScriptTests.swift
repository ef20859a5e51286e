import Foundation
import Testing

/// `:begin`, `:commit`, `:rollback`, EXPLAIN and PROFILE and the rc file when Parley runs on a
/// Bolt server, in script mode. The tests that need a server run when PARLEY_BOLT_URI names
/// one (`make bolt-test`); the message sequences are unit-tested in ParleyBoltTests.
@Suite("parley over Bolt: transactions, plans and the rc file", .serialized)
struct BoltTransactionScriptTests {
    static var uri: String? { BoltScriptTests.uri }

    /// The number of nodes with `label` on the server.
    func count(_ label: String) throws -> String {
        let out = try CLIRunner.run([Self.uri!, "--no-rc", "--format", "csv", "-c", "MATCH (n:\(label)) RETURN count(n) AS c"])
        return out.stdout.replacingOccurrences(of: "c\r\n", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("on the local graph the three commands say they work on a server, and fail the script")
    func local() throws {
        for command in [":begin", ":commit", ":rollback"] {
            let out = try CLIRunner.run(["--empty", "--no-rc", "-c", command])
            #expect(out.status == 1)
            #expect(out.stderr.contains("error: '\(command)' works on a Bolt server (:connect bolt://HOST:PORT); the local graph has no transactions"), "\(out.stderr)")
        }
    }

    @Test("a -f script's :begin … :commit runs its statements in one transaction", .enabled(if: uri != nil, BoltScriptTests.noServer))
    func commitScript() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        try """
            MATCH (n:CliTx) DETACH DELETE n;
            :begin
            CREATE (:CliTx {v: 1});
            CREATE (:CliTx {v: 2});
            MATCH (n:CliTx) RETURN count(n) AS inside;
            :commit
            :begin
            :rollback
            """.write(to: folder.appendingPathComponent("tx.cypher"), atomically: true, encoding: .utf8)
        let out = try CLIRunner.run([Self.uri!, "--no-rc", "-f", "tx.cypher", "--format", "csv"], in: folder)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "inside\r\n2\r\n")
        #expect(!out.stderr.contains("error"), "\(out.stderr)")
        #expect(try count("CliTx") == "2")
        _ = try CLIRunner.run([Self.uri!, "--no-rc", "-c", "MATCH (n:CliTx) DETACH DELETE n"])
    }

    @Test("a statement the server fails ends the transaction and says so; :commit then has none to commit", .enabled(if: uri != nil, BoltScriptTests.noServer))
    func failureEnds() throws {
        let out = try CLIRunner.run([Self.uri!, "--no-rc", "--continue-on-error", "--format", "csv"],
                                    input: ":begin\nRETURN x x;\nRETURN 'after' AS a;\n:commit\n")
        #expect(out.status == 1)
        #expect(out.stderr.contains("error: SyntaxError"), "\(out.stderr)")
        #expect(out.stderr.contains("note: the transaction was rolled back (Parley sent RESET after the error); statements run in autocommit again"))
        #expect(out.stderr.contains("<stdin>:4:1: error: No transaction is open (:begin starts one)"), "\(out.stderr)")
        #expect(out.stdout == "a\r\nafter\r\n")
        let stops = try CLIRunner.run([Self.uri!, "--no-rc"], input: ":begin\nRETURN x x;\nRETURN 'not reached';\n")
        #expect(stops.status == 1 && !stops.stdout.contains("not reached"))
    }

    @Test("a script that ends with a transaction open: rolled back, an error, status 1", .enabled(if: uri != nil, BoltScriptTests.noServer))
    func endsOpen() throws {
        let out = try CLIRunner.run([Self.uri!, "--no-rc", "-c", ":begin", "-c", "RETURN 1 AS one"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("| one |"))
        #expect(out.stderr == "error: the script ended with a transaction open: it was rolled back (:commit first keeps its changes).\n")
        let twice = try CLIRunner.run([Self.uri!, "--no-rc", "-c", ":begin", "-c", ":begin"])
        #expect(twice.status == 1 && twice.stderr.contains("A transaction is already open; :commit or :rollback it first."))
    }

    @Test("EXPLAIN never runs a write on a server that would run it instead of planning it; PROFILE runs", .enabled(if: uri != nil, BoltScriptTests.noServer))
    func explainAndProfile() throws {
        _ = try CLIRunner.run([Self.uri!, "--no-rc", "-c", "MATCH (n:CliExplain) DETACH DELETE n"])
        let explain = try CLIRunner.run([Self.uri!, "--no-rc", "--continue-on-error", "-c", "EXPLAIN CREATE (:CliExplain)", "-c", ":explain CREATE (:CliExplain)"])
        #expect(try count("CliExplain") == "0")
        if explain.status == 0 {
            // A server that plans (Neo4j): the plan, root first.
            #expect(explain.stdout.hasPrefix("Runtime") || explain.stdout.contains("ProduceResults") || explain.stdout.contains("Create"), "\(explain.stdout)")
        } else {
            #expect(explain.stderr.contains("<command>:1:1: error: This server does not plan EXPLAIN over Bolt: it runs the statement instead"), "\(explain.stderr)")
            #expect(explain.stderr.contains("<command>:1:10: error: This server does not plan EXPLAIN"), "\(explain.stderr)")
        }
        let profile = try CLIRunner.run([Self.uri!, "--no-rc", "--format", "csv", "-c", ":profile UNWIND [1, 2] AS x RETURN x"])
        #expect(profile.status == 0, "\(profile.stderr)")
        #expect(profile.stdout == "x\r\n1\r\n2\r\n")
        #expect(profile.stderr.contains("Total database accesses") || profile.stderr.contains("note: the server sent no plan"), "\(profile.stderr)")
    }

    @Test("the rc file's commands run on a server session; its statements and local commands do not", .enabled(if: uri != nil, BoltScriptTests.noServer))
    func rcFile() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        try ":mode csv\n:param who 'rc'\nCREATE (:CliRcNotRun);\n:schema\n:set maxRows lots\n"
            .write(to: folder.appendingPathComponent(".parleyrc"), atomically: true, encoding: .utf8)
        let out = try CLIRunner.run([Self.uri!, "-c", "RETURN $who AS w"], in: folder, environment: ["XDG_CONFIG_HOME": ""])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "w\r\nrc\r\n")
        #expect(out.stderr.contains("~/.parleyrc:5:"), "\(out.stderr)")
        #expect(out.stderr.contains("note: ~/.parleyrc: 2 lines not run on the server (Cypher statements and commands for the local graph); its other commands ran."), "\(out.stderr)")
        #expect(try count("CliRcNotRun") == "0")
        let skipped = try CLIRunner.run([Self.uri!, "--no-rc", "-c", "RETURN 1 AS one"], in: folder, environment: ["XDG_CONFIG_HOME": ""])
        #expect(skipped.stdout.contains("| one |") && skipped.stderr.isEmpty)
    }
}
