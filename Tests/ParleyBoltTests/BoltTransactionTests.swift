import ParleyBolt
import Testing

/// A server's answer as bytes on the wire: SUCCESS, RECORD or FAILURE, framed.
enum Reply {
    static func success(_ meta: BoltMap = [:]) -> [UInt8] { message(0x70, .map(meta)) }
    static func record(_ values: BoltValue...) -> [UInt8] { message(0x71, .list(values)) }
    static func failure(_ code: String, _ text: String) -> [UInt8] { message(0x7F, .map(["code": .string(code), "message": .string(text)])) }
    static let ignored = BoltChunker.frame([0xB0, 0x7E])

    private static func message(_ signature: UInt8, _ field: BoltValue) -> [UInt8] {
        var e = PackStreamEncoder()
        try! e.structureHeader(fields: 1, signature: signature)
        try! e.encode(field)
        return BoltChunker.frame(e.bytes)
    }
}

/// What the client sent, as framed requests.
func framed(_ requests: BoltRequest..., dialect: BoltDialect = .v5) throws -> [UInt8] {
    try requests.flatMap { BoltChunker.frame(try $0.encoded(dialect: dialect)) }
}

@Suite("Explicit transactions over scripted exchanges")
struct BoltTransactionTests {
    let uri = try! BoltURI(parsing: "bolt://127.0.0.1:7687")

    func open(_ replies: [[UInt8]], version: [UInt8] = [0, 0, 4, 5]) throws -> (BoltSession, ScriptedTransport) {
        let opening: [[UInt8]] = version == [0, 0, 4, 4]
            ? [version, Reply.success(["server": "Neo4j/4.4.0"])]
            : [version, Reply.success(["server": "Neo4j/5.13.0"]), Reply.success()]
        let t = ScriptedTransport(replies: opening + replies)
        return (try BoltSession(transport: t, uri: uri, credentials: BoltCredentials(), userAgent: "parley"), t)
    }

    @Test("BEGIN names the database; RUN in the transaction goes with an empty extra map; COMMIT ends it")
    func beginRunCommit() throws {
        let (session, t) = try open([
            Reply.success(),
            Reply.success(["fields": ["x"], "t_first": 1, "qid": 0]) + Reply.record(1) + Reply.success(["t_last": 0, "type": "w"]),
            Reply.success(["bookmark": "FB:kcwQ"]),
            Reply.success(["fields": ["x"]]) + Reply.success(),
        ])
        session.database = "movies"
        let sentBefore = t.sent.count
        try session.begin()
        #expect(session.inTransaction)
        #expect(t.sent[sentBefore] == (try framed(.begin(extra: ["db": "movies"]))))
        let result = try session.run("CREATE (n {x: 1}) RETURN n.x AS x")
        #expect(t.sent.last == (try framed(.run(query: "CREATE (n {x: 1}) RETURN n.x AS x", parameters: [:], extra: [:]), .pull(n: 1000))))
        #expect(result.runMetadata["qid"] == 0)
        #expect(try result.all() == [[1]])
        let meta = try session.commit()
        #expect(meta["bookmark"] == "FB:kcwQ")
        #expect(t.sent.last == (try framed(.commit)))
        #expect(!session.inTransaction)
        // Back in autocommit, RUN names the database again.
        _ = try session.run("RETURN 1 AS x").all()
        #expect(t.sent.last == (try framed(.run(query: "RETURN 1 AS x", parameters: [:], extra: ["db": "movies"]), .pull(n: 1000))))
    }

    @Test("ROLLBACK ends the transaction; an unread result is discarded before it")
    func rollback() throws {
        let (session, t) = try open([
            Reply.success(),
            Reply.success(["fields": ["x"], "qid": 0]) + Reply.record(1) + Reply.success(["has_more": true]),
            Reply.success(),
            Reply.success(),
        ])
        session.fetchSize = 1
        try session.begin()
        let result = try session.run("UNWIND [1, 2, 3] AS x RETURN x")
        #expect(try result.next() == [1])
        try session.rollback()
        #expect(!session.inTransaction)
        let tail = Array(t.sent.suffix(2))
        #expect(tail == [try framed(.discard(n: -1)), try framed(.rollback)])
    }

    @Test("a FAILURE inside the transaction: RESET, the transaction is over, the session goes on")
    func failureInTransaction() throws {
        let (session, t) = try open([
            Reply.success(),
            Reply.failure("Neo.ClientError.Statement.SyntaxError", "Invalid input"),
            Reply.ignored + Reply.success(),
        ])
        try session.begin()
        #expect(throws: BoltError.server(code: "Neo.ClientError.Statement.SyntaxError", message: "Invalid input")) {
            try session.run("RETURN x x")
        }
        #expect(t.sent.last == (try framed(.reset)))
        #expect(!session.inTransaction)
        #expect(!session.isBroken)
    }

    @Test("a COMMIT the server refuses is thrown, RESET follows, and no transaction is left open")
    func commitFailure() throws {
        let (session, t) = try open([
            Reply.success(),
            Reply.failure("Neo.TransientError.Transaction.Outdated", "conflict"),
            Reply.success(),
        ])
        try session.begin()
        #expect(throws: BoltError.server(code: "Neo.TransientError.Transaction.Outdated", message: "conflict")) {
            try session.commit()
        }
        #expect(Array(t.sent.suffix(2)) == [try framed(.commit), try framed(.reset)])
        #expect(!session.inTransaction && !session.isBroken)
    }

    @Test("Bolt 4.4: the same messages, and the transaction is lost with a dropped connection")
    func bolt44AndDrop() throws {
        let (session, t) = try open([
            Reply.success(),
            Reply.success(["fields": ["x"], "qid": 0]) + Reply.record(7),
        ], version: [0, 0, 4, 4])
        #expect(session.version == BoltVersion(4, 4))
        try session.begin()
        #expect(t.sent.last == (try framed(.begin(extra: [:]), dialect: .v4)))
        let result = try session.run("RETURN 7 AS x")
        #expect(try result.next() == [7])
        #expect(throws: BoltError.self) { try result.next() }
        #expect(session.isBroken && !session.inTransaction)
    }

    @Test("EXPLAIN is asked about once: a server that ran the probe (FalkorDB) does not plan")
    func explainProbe() throws {
        let (session, t) = try open([
            Reply.success(["fields": ["parley_explain_probe"], "qid": 0]) + Reply.record(1) + Reply.success(["t_last": 1]),
        ])
        #expect(!session.plansExplain())
        #expect(t.sent.last == (try framed(.run(query: "EXPLAIN RETURN 1 AS parley_explain_probe", parameters: [:], extra: [:]), .pull(n: 1000))))
        let sent = t.sent.count
        #expect(!session.plansExplain())
        #expect(t.sent.count == sent)
    }

    @Test("a server whose summary holds a plan (Neo4j) plans EXPLAIN")
    func explainProbeNeo4j() throws {
        let plan: BoltMap = ["operatorType": "ProduceResults@neo4j", "identifiers": ["parley_explain_probe"], "arguments": .map([:]), "children": []]
        let (session, _) = try open([
            Reply.success(["fields": ["parley_explain_probe"]]) + Reply.success(["plan": .map(plan), "type": "r"]),
        ])
        #expect(session.plansExplain())
    }
}
