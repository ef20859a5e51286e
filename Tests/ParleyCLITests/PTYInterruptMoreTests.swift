import Foundation
import Testing

/// Ctrl-C outside a running query: during `:load` and while a long result prints. Neither may
/// end the session.
@Suite("Terminal: Ctrl-C during :load and while printing", .serialized)
struct PTYInterruptMoreTests {
    @Test("Ctrl-C during :load of a big file discards the load and keeps the current graph")
    func ctrlCDuringLoad() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        // About 40 MB: the debug loader takes seconds, far longer than the 0.3 s before Ctrl-C.
        let pad = String(repeating: "x", count: 80)
        var text = "{\"nodes\": [\n"
        for i in 1...300_000 {
            if i > 1 { text += ",\n" }
            text += "{\"id\": \"n\(i)\", \"labels\": [\"N\"], \"properties\": {\"pad\": \"\(pad)\"}}"
        }
        text += "]}\n"
        let bigPath = fixture.directory + "/big.json"
        try text.write(toFile: bigPath, atomically: true, encoding: .utf8)
        let session = try fixture.start()
        session.type(":load \(bigPath)")
        session.send(PTYSession.Key.enter)
        try session.waitForCookedMode()
        usleep(300_000)
        #expect(!session.isRawMode, "the load ended before Ctrl-C was sent")
        session.send(PTYSession.Key.ctrlC)
        try session.expect("Load cancelled; the current graph stays loaded.", timeout: 60)
        try session.waitForRawMode(timeout: 15)
        #expect(!session.hasExited)
        session.type("MATCH (n) RETURN count(n) AS nodes;")
        session.send(PTYSession.Key.enter)
        // The fixture's graph has 2 nodes; the big one 300,000.
        let table = try session.expect("1 row")
        #expect(table.contains("|     2 |"), "\(table)")
        #expect(try endWithCtrlD(session) == 0)
    }

    // Deterministic because the harness reads a bounded amount at a time (`drainLimit`) and
    // stops reading at the match: the result (about 9 MB) cannot fit in the pseudo-terminal's
    // buffer, so parley is blocked writing it when Ctrl-C comes. (This test was once flaky:
    // the harness's read loop read the whole result before looking for row 3, so Ctrl-C came
    // at the next prompt.)
    @Test("Ctrl-C while a long result prints stops the printing with a note; the session goes on")
    func ctrlCWhilePrinting() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try startUnpagedAndUncut(fixture)
        // 1,000 rows of about 9 KB each: far more than the pseudo-terminal buffers, and the
        // test stops reading after row 3.
        session.type("UNWIND range(1, 1000) AS i RETURN i, range(1, 2000) AS l;")
        session.send(PTYSession.Key.enter)
        // Laying out the 9 MB table takes about 4 s of CPU (debug build); far longer on a
        // loaded machine.
        try session.expect("|    3 | [1, 2", timeout: 60)
        session.send(PTYSession.Key.ctrlC)
        try session.expect("Output interrupted (Ctrl-C); the rest of the result was not printed.", timeout: 30)
        try session.waitForRawMode(timeout: 15)
        #expect(!session.hasExited)
        #expect(!session.screenText.contains("| 1000 | [1, 2"))
        try expectSessionGoesOn(session, fixture)
    }

    @Test("Ctrl-C after the query ends but before its long result prints skips the printing; the session goes on")
    func ctrlCWhileRendering() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try startUnpagedAndUncut(fixture)
        // The query takes about 0.2 s (debug build), laying out its 9 MB table about 2 s more.
        session.type("UNWIND range(1, 1000) AS i RETURN i, range(1, 2000) AS l;")
        session.send(PTYSession.Key.enter)
        try session.waitForCookedMode()
        usleep(900_000)
        #expect(!session.isRawMode, "the result was printed before Ctrl-C was sent")
        session.send(PTYSession.Key.ctrlC)
        // Usually the table is being laid out: nothing of it is printed. On a very slow machine
        // the query may still run, and is cancelled.
        try session.expect(anyOf: ["Output interrupted (Ctrl-C); the rest of the result was not printed.",
                                   "Query cancelled; the graph is unchanged."], timeout: 30)
        try session.waitForRawMode(timeout: 15)
        #expect(!session.hasExited)
        #expect(!session.screenText.contains("|    1 | [1, 2"))
        try expectSessionGoesOn(session, fixture)
    }

    /// Starts parley with the pager off and tables never cut, so a long result goes straight
    /// to the terminal.
    private func startUnpagedAndUncut(_ fixture: PTYFixture) throws -> PTYSession {
        let session = try fixture.start()
        for command in [":pager off", ":width 0"] {
            session.type(command)
            session.send(PTYSession.Key.enter)
            try session.waitForRawMode()
        }
        return session
    }

    /// After an interrupt: the session still runs a statement, records it, and ends cleanly.
    private func expectSessionGoesOn(_ session: PTYSession, _ fixture: PTYFixture) throws {
        session.type("RETURN 6;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 6;"))
        #expect(try endWithCtrlD(session) == 0)
    }
}
