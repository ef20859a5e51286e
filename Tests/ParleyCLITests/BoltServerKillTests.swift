import Foundation
import Testing

/// A server that dies while Parley waits on a query: the script ends with a message and exit
/// status 1, without a crash. The test starts a FalkorDB server of its own (the one
/// `make bolt-test` installs: PARLEY_FALKORDB_SERVER and PARLEY_FALKORDB_MODULE) so that killing
/// it leaves the shared server alone.
@Suite("A Bolt server killed in the middle of a query")
struct BoltServerKillTests {
    static let server = ProcessInfo.processInfo.environment["PARLEY_FALKORDB_SERVER"]
    static let module = ProcessInfo.processInfo.environment["PARLEY_FALKORDB_MODULE"]
    static let required = ProcessInfo.processInfo.environment["PARLEY_BOLT_REQUIRE"] == "1"
    static let available = server != nil && module != nil

    /// A port nothing listens on (FalkorDB reads BOLT_PORT as a signed 16-bit number).
    static func freePort(in range: ClosedRange<Int>) -> Int {
        for _ in 0..<200 {
            let port = Int.random(in: range)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = INADDR_ANY
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if bound == 0 { return port }
        }
        return range.lowerBound
    }

    /// Whether something accepts connections on 127.0.0.1:`port`.
    static func listening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    @Test("the server is installed when make bolt-test runs")
    func installed() {
        #expect(!Self.required || Self.available, "make bolt-test sets PARLEY_FALKORDB_SERVER and PARLEY_FALKORDB_MODULE")
    }

    @Test("killing the server under a long query ends the script with the reason and exit 1", .enabled(if: available, "no FalkorDB to start: make bolt-test provides one"))
    func killedMidQuery() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let redisPort = Self.freePort(in: 33000...40000), boltPort = Self.freePort(in: 20000...32767)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.server!)
        server.arguments = ["--port", "\(redisPort)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                            "--dir", folder.path, "--loadmodule", Self.module!, "BOLT_PORT", "\(boltPort)"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() } }
        let deadline = Date().addingTimeInterval(30)
        while !Self.listening(boltPort) && Date() < deadline { usleep(100_000) }
        try #require(Self.listening(boltPort), "the test's server did not open its Bolt port")

        // A query that runs for many seconds on FalkorDB; the server dies after one.
        let killer = DispatchWorkItem { kill(server.processIdentifier, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 1.5, execute: killer)
        let out = try CLIRunner.run(["bolt://127.0.0.1:\(boltPort)", "-c", "UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i)"], in: folder)
        killer.cancel()
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stderr.hasPrefix("error: the server closed the connection"), "\(out.stderr)")
        #expect(!out.stderr.contains("Fatal error") && !out.stderr.contains("Stack dump"))
    }
}
