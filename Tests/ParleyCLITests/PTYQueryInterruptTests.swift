import Foundation
import Testing

@Suite("Terminal: Ctrl-C while a query runs", .serialized)
struct PTYQueryInterruptTests {
    @Test("Ctrl-C during a long query cancels it and the session goes on")
    func ctrlCDuringQuery() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        session.type("UNWIND range(1, 100000000) AS x RETURN count(x);")
        session.send(PTYSession.Key.enter)
        // While the query runs the terminal is in its normal mode, so Ctrl-C is a signal.
        try session.waitForCookedMode()
        usleep(500_000)
        #expect(!session.isRawMode, "the query ended before Ctrl-C was sent")
        session.send(PTYSession.Key.ctrlC)
        try session.waitForRawMode(timeout: 15)
        #expect(!session.hasExited)
        session.type("RETURN 6;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 6;"))
        #expect(try endWithCtrlD(session) == 0)
    }
}
