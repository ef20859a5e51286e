import Foundation
import Testing

/// Transactions in the REPL on a Bolt server, over a pseudo-terminal: the prompt shows `#`
/// between `:begin` and `:commit`, a statement may span lines inside the transaction, and
/// `:quit` with a transaction open rolls it back with a warning. Needs PARLEY_BOLT_URI.
@Suite("parley over Bolt: transactions in the REPL", .serialized)
struct BoltTransactionREPLTests {
    @Test(
        ":begin shows # in the prompt, a multi-line query runs in the transaction, :commit, then :quit warns about an open one",
        .enabled(if: BoltScriptTests.uri != nil, BoltScriptTests.noServer))
    func transaction() throws {
        let uri = BoltScriptTests.uri!
        let shown = uri.hasSuffix("/") ? String(uri.dropLast()) : uri
        let fixture = try PTYFixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        let session = try PTYSession(
            executable: try PTYSession.parleyExecutable(), arguments: ["--no-rc", uri],
            environment: ["PARLEY_HISTORY": fixture.historyPath, "NO_COLOR": "1", "HOME": fixture.directory])
        try session.waitForRawMode()
        try session.expect("parley@\(shown)> ")

        session.type(":begin")
        session.send(PTYSession.Key.enter)
        try session.expect("Transaction open: statements run in it until :commit or :rollback.")
        try session.expect("parley@\(shown)#> ")

        try session.waitForRawMode()
        session.type("UNWIND [1, 2, 3] AS x")
        session.send(PTYSession.Key.enter)
        try session.expect("...> ")
        session.type("RETURN sum(x) AS total;")
        session.send(PTYSession.Key.enter)
        try session.expect("| total |")
        try session.expect("1 row")
        try session.expect("parley@\(shown)#> ")

        try session.waitForRawMode()
        session.type(":commit")
        session.send(PTYSession.Key.enter)
        try session.expect("Committed.")
        try session.expect("parley@\(shown)> ")

        try session.waitForRawMode()
        session.type(":commit")
        session.send(PTYSession.Key.enter)
        try session.expect("error: No transaction is open (:begin starts one)")

        try session.waitForRawMode()
        session.type(":begin")
        session.send(PTYSession.Key.enter)
        try session.expect("parley@\(shown)#> ")
        try session.waitForRawMode()
        session.type(":quit")
        session.send(PTYSession.Key.enter)
        try session.expect("warning: quitting with a transaction open: it was rolled back (:commit first keeps its changes).")
        #expect(try session.waitForExit() == 0)
    }
}
