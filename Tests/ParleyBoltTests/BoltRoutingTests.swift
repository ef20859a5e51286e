import Testing
import ParleyBolt

/// `neo4j://`: the ROUTE message, the routing table, and which server statements run on.
@Suite("Bolt routing")
struct BoltRoutingTests {
    @Test("ROUTE is written as the specification says: routing context, bookmarks, extra")
    func routeBytes() throws {
        let plain = try BoltRequest.route(routing: ["address": "db:7687"], bookmarks: [], extra: [:]).encoded()
        #expect(plain == hex("B3 66 A1") + tiny("address") + tiny("db:7687") + hex("90 A0"))
        let named = try BoltRequest.route(routing: ["address": "db:7687"], bookmarks: ["bm1"], extra: ["db": "movies"]).encoded()
        #expect(named == hex("B3 66 A1") + tiny("address") + tiny("db:7687") + hex("91") + tiny("bm1") + hex("A1") + tiny("db") + tiny("movies"))
    }

    @Test("FalkorDB's recorded routing table: one server, localhost:7687, in every role")
    func falkorTable() throws {
        guard case .success(let meta) = try BoltResponse.decode(FalkorRecording.routeSuccess) else {
            Issue.record("not a SUCCESS")
            return
        }
        let table = try BoltRoutingTable(success: meta)
        let only = BoltRoutingTable.Address(host: "localhost", port: 7687)
        #expect(table == BoltRoutingTable(ttl: 1000, database: "falkordb", writers: [only], readers: [only], routers: [only]))
        // It names itself under another address than the one Parley reached: still this server.
        #expect(table.isAnsweringServerWriter(reachedAt: .init(host: "127.0.0.1", port: 27391)))
    }

    @Test("a cluster's table: writers, readers and routers apart; IPv6 and bare hosts read")
    func clusterTable() throws {
        let meta: BoltMap = ["rt": .map([
            "ttl": 300, "db": "neo4j",
            "servers": [
                .map(["addresses": ["core1:7687"], "role": "WRITE"]),
                .map(["addresses": ["core2:7688", "[::1]:7689"], "role": "READ"]),
                .map(["addresses": ["core1:7687", "core2:7688", "core3"], "role": "ROUTE"]),
            ],
        ])]
        let table = try BoltRoutingTable(success: meta)
        #expect(table.ttl == 300 && table.database == "neo4j")
        #expect(table.writers.map(\.description) == ["core1:7687"])
        #expect(table.readers.map(\.description) == ["core2:7688", "[::1]:7689"])
        #expect(table.routers.map(\.description) == ["core1:7687", "core2:7688", "core3:7687"])
        #expect(table.isAnsweringServerWriter(reachedAt: .init(host: "core1", port: 7687)))
        #expect(!table.isAnsweringServerWriter(reachedAt: .init(host: "core2", port: 7688)))
    }

    @Test("a table without rt, without servers, or with a bad address is a protocol error")
    func badTables() {
        #expect(throws: BoltError.protocolViolation("ROUTE's answer has no routing table ('rt')")) { try BoltRoutingTable(success: [:]) }
        #expect(throws: BoltError.protocolViolation("the routing table has no 'servers' list")) { try BoltRoutingTable(success: ["rt": .map(["ttl": 1])]) }
        let bad: BoltMap = ["rt": .map(["servers": [.map(["addresses": ["db:notaport"], "role": "WRITE"])]])]
        #expect(throws: BoltError.self) { try BoltRoutingTable(success: bad) }
    }

    @Test("over a scripted exchange, neo4j:// sends routing in HELLO, then ROUTE, and stays on a single server")
    func scriptedRoute() throws {
        let transport = ScriptedTransport(replies: FalkorRecording.opening + [BoltChunker.frame(FalkorRecording.routeSuccess)])
        let uri = try BoltURI(parsing: "neo4j://127.0.0.1:27391")
        let session = try BoltSession(transport: transport, uri: uri, credentials: BoltCredentials(), userAgent: "t")
        let next = try session.followRoutingTable(credentials: BoltCredentials(), userAgent: "t", tls: BoltTLSOptions())
        #expect(next === session)
        #expect(session.routingTable?.writers.map(\.description) == ["localhost:7687"])
        #expect(session.routingNote == nil)
        var hello = PackStreamDecoder(Array(transport.sent[1].dropFirst(2).dropLast(2)))
        #expect(try hello.decodeStructureHeader() == (fields: 1, signature: 0x01))
        #expect(try hello.decode().mapValue?["routing"] == .map(["address": "127.0.0.1:27391"]))
        #expect(transport.sent[3] == BoltChunker.frame(try BoltRequest.route(routing: ["address": "127.0.0.1:27391"], bookmarks: [], extra: [:]).encoded()))
    }
}
