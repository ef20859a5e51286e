import Foundation
import Testing

/// The REPL on a Bolt server, over a pseudo-terminal: the prompt names the server, Ctrl-C sends
/// RESET (a second one closes the connection when the server does not stop), the next
/// statement connects again, `:disconnect` and `:connect`. Needs PARLEY_BOLT_URI.
@Suite("parley over Bolt: the REPL", .serialized)
struct BoltREPLTests {
    @Test(
        "prompt, a query, Ctrl-C twice on a long query, reconnecting, :disconnect and :connect",
        .enabled(if: BoltScriptTests.uri != nil, BoltScriptTests.noServer))
    func session() throws {
        let uri = BoltScriptTests.uri!
        let shown = uri.hasSuffix("/") ? String(uri.dropLast()) : uri
        let fixture = try PTYFixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        let session = try PTYSession(
            executable: try PTYSession.parleyExecutable(), arguments: ["--no-rc", uri],
            environment: ["PARLEY_HISTORY": fixture.historyPath, "NO_COLOR": "1", "HOME": fixture.directory])
        try session.waitForRawMode()
        try session.expect("connected to \(shown)")
        try session.expect("parley@\(shown)> ")

        session.type("UNWIND [1, 2] AS x RETURN x;")
        session.send(PTYSession.Key.enter)
        try session.expect("2 rows")

        // Some 144 million rows: FalkorDB takes tens of seconds and finishes a query before it
        // answers RESET, so the first Ctrl-C waits and the second closes the connection.
        try session.waitForRawMode()
        session.type("UNWIND range(1, 12000) AS a UNWIND range(1, 12000) AS b RETURN count(*) AS c;")
        session.send(PTYSession.Key.enter)
        try session.waitForCookedMode()
        usleep(700_000)
        session.send(PTYSession.Key.ctrlC)
        try session.expect("RESET sent")
        session.send(PTYSession.Key.ctrlC)
        try session.expect(anyOf: ["the second Ctrl-C closed the connection", "Query interrupted"], timeout: 60)

        try session.waitForRawMode(timeout: 60)
        session.type("RETURN 'after' AS a;")
        session.send(PTYSession.Key.enter)
        try session.expect("| after |", timeout: 60)

        try session.waitForRawMode()
        session.type(":disconnect")
        session.send(PTYSession.Key.enter)
        try session.expect("Disconnected from \(shown)")
        try session.expect("parley> ")
        session.type(":connect \(uri)")
        session.send(PTYSession.Key.enter)
        try session.expect("Connected to \(shown)")
        try session.waitForRawMode()
        session.type(":quit")
        session.send(PTYSession.Key.enter)
        #expect(try session.waitForExit() == 0)
    }
}
