import ParleyBolt
import Testing

/// TLS and `neo4j://` against the live server (PARLEY_BOLT_URI): FalkorDB speaks no TLS, so an
/// in-test TLS-terminating proxy with the test-only certificate stands in front of it.
@Suite("Against a live Bolt server: TLS through a proxy, neo4j:// routing", .serialized)
struct LiveTLSTests {
    /// A TLS proxy to the live server.
    static func proxy() throws -> FakeBoltServer {
        let live = try LiveServer.uri()
        return try FakeBoltServer(.forward(host: live.host, port: live.port), tls: true)
    }

    @Test("bolt+ssc:// and bolt+s:// with --trust-ca reach the live server through TLS", .enabled(if: LiveServer.isConfigured, LiveServer.reason))
    func throughProxy() throws {
        let proxy = try Self.proxy()
        defer { proxy.stop() }
        for (uri, ca) in [("bolt+ssc://127.0.0.1:\(proxy.port)", nil), ("bolt+s://localhost:\(proxy.port)", FakeBoltServer.caFile)] {
            let session = try BoltSession.connect(to: BoltURI(parsing: uri), userAgent: "parley-tests", tls: BoltTLSOptions(trustedCAFile: ca))
            defer { session.close() }
            #expect(try session.run("UNWIND range(1, 3) AS x RETURN x * 10").all() == [[10], [20], [30]])
        }
    }

    @Test("bolt+s:// to the live server itself fails clearly: it does not speak TLS", .enabled(if: LiveServer.isConfigured, LiveServer.reason))
    func tlsToPlainLive() throws {
        let live = try LiveServer.uri()
        #expect(throws: BoltError.tlsFailed(host: live.host, port: live.port, reason: "the server closed the connection during the TLS handshake: it does not seem to speak TLS on this port (a plain Bolt server does this; use bolt:// (or neo4j://) for a server without TLS)")) {
            try BoltSession.connect(to: BoltURI(parsing: "bolt+s://\(live.address)"))
        }
    }

    @Test(
        "neo4j:// on the live server: its table names one server (localhost:7687, whatever its port), so Parley stays on it",
        .enabled(if: LiveServer.isConfigured, LiveServer.reason))
    func routingLive() throws {
        let live = try LiveServer.uri()
        let direct = try BoltSession.connect(to: BoltURI(parsing: "neo4j://\(live.address)"), userAgent: "parley-tests")
        defer { direct.close() }
        #expect(direct.routingNote == nil)
        #expect(direct.routingTable?.writers.map(\.description) == ["localhost:7687"])
        #expect(direct.routedVia == nil && direct.uri.address == live.address)
        #expect(try direct.run("RETURN 42").all() == [[42]])
        let proxy = try Self.proxy()
        defer { proxy.stop() }
        let session = try BoltSession.connect(to: BoltURI(parsing: "neo4j+ssc://127.0.0.1:\(proxy.port)"), userAgent: "parley-tests")
        defer { session.close() }
        #expect(try session.run("RETURN 'tls and routing'").all() == [["tls and routing"]])
    }
}
