import Foundation
import Testing

@Suite("Terminal: Ctrl-C while a query runs", .serialized)
struct PTYQueryInterruptTests {
    @Test("Ctrl-C during a long query cancels it and the session goes on")
    func ctrlCDuringQuery() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        // 3,000 nodes: a three-way cartesian product is 2.7e10 rows, far more than the test waits.
        let nodes = (1...3_000).map { "{\"id\": \"n\($0)\", \"labels\": [\"N\"], \"properties\": {}}" }
        let graphPath = fixture.directory + "/big.json"
        try "{\"nodes\": [\(nodes.joined(separator: ",\n"))], \"edges\": []}".write(toFile: graphPath, atomically: true, encoding: .utf8)
        let session = try fixture.start(graph: graphPath)
        session.type("MATCH (a), (b), (c) RETURN count(*);")
        session.send(PTYSession.Key.enter)
        // While the query runs the terminal is in its normal mode, so Ctrl-C is a signal.
        try session.waitForCookedMode()
        usleep(500_000)
        #expect(!session.isRawMode, "the query ended before Ctrl-C was sent")
        session.send(PTYSession.Key.ctrlC)
        try session.waitForRawMode(timeout: 15)
        #expect(!session.hasExited)
        try session.expect("cancel")
        session.type("RETURN 6;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 6;"))
        #expect(try endWithCtrlD(session) == 0)
    }
}
