import Testing
import ParleyBolt

/// `neo4j://` end to end: an in-test router whose table sends Parley to an in-test writer.
@Suite("Bolt routing, end to end")
struct BoltRouterTests {
    static func table(writers: [String], readers: [String] = [], routers: [String]) -> BoltMap {
        ["rt": .map([
            "ttl": 300, "db": "neo4j",
            "servers": [
                .map(["addresses": .list(writers.map { .string($0) }), "role": "WRITE"]),
                .map(["addresses": .list(readers.map { .string($0) }), "role": "READ"]),
                .map(["addresses": .list(routers.map { .string($0) }), "role": "ROUTE"]),
            ],
        ])]
    }

    @Test("the router's table names another writer: statements run there, the router is left")
    func followsWriter() throws {
        let writer = try FakeBoltServer(.bolt(name: "writer", routingTable: nil))
        defer { writer.stop() }
        let w = "127.0.0.1:\(writer.port)"
        let router = try FakeBoltServer(.bolt(name: "router", routingTable: Self.table(writers: [w], readers: ["127.0.0.1:1"], routers: ["127.0.0.1:1", "127.0.0.1:2"])))
        defer { router.stop() }
        let session = try BoltSession.connect(to: BoltURI(parsing: "neo4j://127.0.0.1:\(router.port)"), database: "movies")
        defer { session.close() }
        #expect(session.serverAgent == "writer")
        #expect(session.uri.description == "neo4j://\(w)")
        #expect(session.routedVia?.description == "neo4j://127.0.0.1:\(router.port)")
        #expect(session.database == "movies")
        #expect(try session.run("RETURN 1").all() == [["writer"]])
        // The router got HELLO, LOGON and ROUTE naming the database; the writer no ROUTE.
        #expect(router.log.signatures == [0x01, 0x6A, 0x66])
        #expect(router.log.all.last == (try BoltRequest.route(routing: ["address": .string("127.0.0.1:\(router.port)")], bookmarks: [], extra: ["db": "movies"]).encoded()))
        #expect(writer.log.signatures == [0x01, 0x6A, 0x10, 0x3F])
    }

    @Test("a writer that cannot be reached is tried, then the next one")
    func skipsDeadWriter() throws {
        let writer = try FakeBoltServer(.bolt(name: "writer", routingTable: nil))
        defer { writer.stop() }
        let router = try FakeBoltServer(.bolt(name: "router", routingTable: Self.table(writers: ["127.0.0.1:1", "127.0.0.1:\(writer.port)"], routers: ["a:1", "b:2"])))
        defer { router.stop() }
        let session = try BoltSession.connect(to: BoltURI(parsing: "neo4j://127.0.0.1:\(router.port)"))
        defer { session.close() }
        #expect(session.serverAgent == "writer")
    }

    @Test("no writer reachable, or none named: a clear error naming the router")
    func noWriter() throws {
        let dead = try FakeBoltServer(.bolt(name: "router", routingTable: Self.table(writers: ["127.0.0.1:1"], routers: ["a:1", "b:2"])))
        defer { dead.stop() }
        #expect(throws: BoltError.routingFailed(router: "neo4j://127.0.0.1:\(dead.port)", reason: "no writer in its routing table could be reached (127.0.0.1:1: could not connect to 127.0.0.1:1: connection refused (is a Bolt server listening on that port?))")) {
            try BoltSession.connect(to: BoltURI(parsing: "neo4j://127.0.0.1:\(dead.port)"))
        }
        let none = try FakeBoltServer(.bolt(name: "router", routingTable: Self.table(writers: [], routers: ["a:1", "b:2"])))
        defer { none.stop() }
        #expect(throws: BoltError.routingFailed(router: "neo4j://127.0.0.1:\(none.port)", reason: "its routing table names no writer (the cluster may be electing a leader; try again, or connect to a server with bolt://)")) {
            try BoltSession.connect(to: BoltURI(parsing: "neo4j://127.0.0.1:\(none.port)"))
        }
    }

    @Test("a server that answers ROUTE with FAILURE is used directly, with a note saying so")
    func notRouting() throws {
        let server = try FakeBoltServer(.bolt(name: "single", routingTable: nil))
        defer { server.stop() }
        let session = try BoltSession.connect(to: BoltURI(parsing: "neo4j://127.0.0.1:\(server.port)"))
        defer { session.close() }
        #expect(session.routingNote == "neo4j://127.0.0.1:\(server.port) does not route (it answered ROUTE with Neo.ClientError.Request.Invalid: ROUTE is not supported here); statements run on 127.0.0.1:\(server.port) directly")
        #expect(try session.run("RETURN 1").all() == [["single"]])
        #expect(server.log.signatures == [0x01, 0x6A, 0x66, 0x0F, 0x10, 0x3F])
    }

    @Test("bolt:// never asks for a routing table")
    func boltDoesNotRoute() throws {
        let server = try FakeBoltServer(.bolt(name: "single", routingTable: Self.table(writers: ["127.0.0.1:1"], routers: ["a:1", "b:2"])))
        defer { server.stop() }
        let session = try BoltSession.connect(to: BoltURI(parsing: "bolt://127.0.0.1:\(server.port)"))
        defer { session.close() }
        #expect(session.routingTable == nil && session.serverAgent == "single")
        #expect(server.log.signatures == [0x01, 0x6A])
    }
}
