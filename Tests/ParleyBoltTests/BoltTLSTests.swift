import Testing
import ParleyBolt

/// TLS against an in-test Bolt server behind TLS, its certificate signed by a test-only
/// authority (TLSFixtures) and naming only `localhost`.
@Suite("Bolt TLS")
struct BoltTLSTests {
    /// Connects to `uriText` and runs one query, returning the server's answer (its name).
    static func ask(_ uriText: String, trustCA: String? = nil) throws -> String {
        let session = try BoltSession.connect(to: BoltURI(parsing: uriText), userAgent: "parley-tests", tls: BoltTLSOptions(trustedCAFile: trustCA))
        defer { session.close() }
        let result = try session.run("RETURN 1")
        let rows = try result.all()
        return rows.first?.first?.stringValue ?? ""
    }

    /// The message of the BoltError `body` throws.
    static func failure(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch let error as BoltError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test("the schemes read: +s verifies, +ssc does not, plain is plain; neo4j routes")
    func schemes() throws {
        #expect(try BoltURI(parsing: "bolt+s://db").security == .verifiedTLS)
        #expect(try BoltURI(parsing: "neo4j+s://db:7000").security == .verifiedTLS)
        #expect(try BoltURI(parsing: "bolt+ssc://db").security == .unverifiedTLS)
        #expect(try BoltURI(parsing: "NEO4J+SSC://db").security == .unverifiedTLS)
        #expect(try BoltURI(parsing: "bolt://db").security == .plain)
        #expect(try BoltURI(parsing: "neo4j+s://db").routes && !(try BoltURI(parsing: "bolt+s://db").routes))
        #expect(try BoltURI(parsing: "bolt+s://db").description == "bolt+s://db:7687")
        #expect(throws: BoltError.invalidURI("bolt+tls://db", reason: "unknown scheme 'bolt+tls://' (Parley speaks bolt://, neo4j:// and their TLS forms bolt+s://, bolt+ssc://, neo4j+s://, neo4j+ssc://)")) {
            try BoltURI(parsing: "bolt+tls://db")
        }
    }

    @Test("bolt+ssc:// accepts the self-signed server and the session works")
    func selfSignedAccepted() throws {
        let server = try FakeBoltServer(.bolt(name: "tls-server", routingTable: nil), tls: true)
        defer { server.stop() }
        #expect(try Self.ask("bolt+ssc://127.0.0.1:\(server.port)") == "tls-server")
        #expect(try Self.ask("bolt+ssc://localhost:\(server.port)") == "tls-server")
    }

    @Test("bolt+s:// refuses a certificate no trusted authority signed, and says what to do")
    func untrustedRefused() throws {
        let server = try FakeBoltServer(.bolt(name: "tls-server", routingTable: nil), tls: true)
        defer { server.stop() }
        let message = Self.failure { _ = try Self.ask("bolt+s://localhost:\(server.port)") }
        #expect(message.hasPrefix("TLS to localhost:\(server.port) failed: the server's certificate is not trusted"), "\(message)")
        #expect(message.contains("--trust-ca FILE") && message.contains("bolt+ssc://"))
        #expect(server.log.all.isEmpty, "no Bolt message went over an unverified connection")
        let routed = Self.failure { _ = try Self.ask("neo4j+s://localhost:\(server.port)") }
        #expect(routed.contains("or use neo4j+ssc:// to accept it unchecked"), "\(routed)")
    }

    @Test("bolt+s:// with --trust-ca of the test authority verifies the server and works")
    func trustedCA() throws {
        let server = try FakeBoltServer(.bolt(name: "tls-server", routingTable: nil), tls: true)
        defer { server.stop() }
        #expect(try Self.ask("bolt+s://localhost:\(server.port)", trustCA: FakeBoltServer.caFile) == "tls-server")
        #expect(try Self.ask("neo4j+s://localhost:\(server.port)", trustCA: FakeBoltServer.caFile) == "tls-server")
    }

    @Test("bolt+s:// to an address the certificate does not name fails as a host name mismatch")
    func hostNameMismatch() throws {
        let server = try FakeBoltServer(.bolt(name: "tls-server", routingTable: nil), tls: true)
        defer { server.stop() }
        let message = Self.failure { _ = try Self.ask("bolt+s://127.0.0.1:\(server.port)", trustCA: FakeBoltServer.caFile) }
        #expect(message == "TLS to 127.0.0.1:\(server.port) failed: the server's certificate does not name the address 127.0.0.1 (connect with a name the certificate holds, or use bolt+ssc:// to skip the check)")
    }

    @Test("TLS to a plain Bolt server fails clearly: it closes the connection at the TLS hello")
    func tlsToPlainServer() throws {
        let server = try FakeBoltServer(.bolt(name: "plain", routingTable: nil))
        defer { server.stop() }
        for scheme in ["bolt+s", "bolt+ssc"] {
            let message = Self.failure { _ = try Self.ask("\(scheme)://127.0.0.1:\(server.port)") }
            #expect(message == "TLS to 127.0.0.1:\(server.port) failed: the server closed the connection during the TLS handshake: it does not seem to speak TLS on this port (a plain Bolt server does this; use bolt:// (or neo4j://) for a server without TLS)")
        }
    }

    @Test("plain bolt:// to a TLS port fails clearly and points at bolt+s://")
    func plainToTLSServer() throws {
        let server = try FakeBoltServer(.bolt(name: "tls-server", routingTable: nil), tls: true)
        defer { server.stop() }
        let message = Self.failure { _ = try Self.ask("bolt://127.0.0.1:\(server.port)") }
        #expect(message.hasPrefix("127.0.0.1:\(server.port) does not speak Bolt: it "), "\(message)")
        #expect(message.contains("use bolt+s://, or bolt+ssc:// for a self-signed certificate"), "\(message)")
    }

    @Test("a --trust-ca file that is missing or holds no certificate is refused before connecting")
    func badTrustFile() throws {
        let missing = Self.failure { _ = try Self.ask("bolt+s://localhost:1", trustCA: "no-such-ca.pem") }
        #expect(missing == "cannot use --trust-ca 'no-such-ca.pem': no such file")
        let notPEM = FakeBoltServer.fixtures.appendingPathComponent("README.md").path
        let garbage = Self.failure { _ = try Self.ask("bolt+s://localhost:1", trustCA: notPEM) }
        #expect(garbage == "cannot use --trust-ca '\(notPEM)': it holds no PEM certificate (expected '-----BEGIN CERTIFICATE-----' blocks)")
    }

    @Test("a server that takes the connection and never answers the TLS hello: the handshake gives up with a message")
    func silentServer() throws {
        let server = try FakeBoltServer(.silent)
        defer { server.stop() }
        #expect(throws: BoltError.tlsFailed(host: "127.0.0.1", port: server.port, reason: "the TLS handshake did not finish within 1 s (does the server speak TLS on this port? use bolt:// (or neo4j://) for a server without TLS)")) {
            try NIOBoltTransport.connect(host: "127.0.0.1", port: server.port, security: .unverifiedTLS, timeout: .seconds(1))
        }
    }
}
