import ParleyBolt
import Testing

@Suite("A Bolt session over recorded exchanges")
struct BoltSessionTests {
    let uri = try! BoltURI(parsing: "bolt://127.0.0.1:7687")

    func open(_ replies: [[UInt8]], credentials: BoltCredentials = BoltCredentials()) throws -> (BoltSession, ScriptedTransport) {
        let t = ScriptedTransport(replies: FalkorRecording.opening + replies)
        return (try BoltSession(transport: t, uri: uri, credentials: credentials, userAgent: "parley"), t)
    }

    @Test("the opening: handshake, HELLO with bolt_agent (5.3+), then LOGON with the credentials")
    func opening() throws {
        let (session, t) = try open([], credentials: BoltCredentials(user: "alice", password: "pw"))
        #expect(session.version == BoltVersion(5, 4))
        #expect(session.serverAgent == "Neo4j/5.13.0")
        #expect(t.sent.count == 3)
        #expect(t.sent[0] == BoltHandshake.request)
        let hello = BoltRequest.hello(extra: ["user_agent": "parley", "bolt_agent": .map(["product": "parley", "language": "Swift"])])
        #expect(t.sent[1] == BoltChunker.frame(try hello.encoded()))
        let logon = BoltRequest.logon(auth: ["scheme": "basic", "principal": "alice", "credentials": "pw"])
        #expect(t.sent[2] == BoltChunker.frame(try logon.encoded()))
    }

    @Test("Bolt 4.4 puts the credentials in HELLO and asks for UTC date-times")
    func opening44() throws {
        let t = ScriptedTransport(replies: [[0, 0, 4, 4], BoltChunker.frame(FalkorRecording.logonSuccess)])
        let session = try BoltSession(transport: t, uri: uri, credentials: BoltCredentials(), userAgent: "parley")
        #expect(session.version == BoltVersion(4, 4))
        let hello = BoltRequest.hello(extra: ["user_agent": "parley", "scheme": "none", "patch_bolt": ["utc"]])
        #expect(t.sent == [BoltHandshake.request, BoltChunker.frame(try hello.encoded())])
    }

    @Test("a query: RUN and PULL go in one write, the records stream, the summary comes last")
    func query() throws {
        let query = "UNWIND range(1,3) AS x RETURN x, 'a', 1.5, null, true, [1,2], {k:1}"
        // The server's bytes arrive split in odd places, as TCP may deliver them.
        let stream = [FalkorRecording.runSuccess, FalkorRecording.record(1), FalkorRecording.record(2), FalkorRecording.record(3), FalkorRecording.pullSuccess]
            .flatMap { BoltChunker.frame($0) }
        let pieces = stride(from: 0, to: stream.count, by: 7).map { Array(stream[$0..<min($0 + 7, stream.count)]) }
        let (session, t) = try open(pieces)
        let result = try session.run(query)
        #expect(result.keys == ["x", "'a'", "1.5", "null", "true", "[1,2]", "{k:1}"])
        let expectedRequests = try BoltChunker.frame(BoltRequest.run(query: query, parameters: [:], extra: [:]).encoded())
            + BoltChunker.frame(BoltRequest.pull(n: 1000).encoded())
        #expect(t.sent.last == expectedRequests)
        let rows = try result.all()
        #expect(rows.count == 3)
        #expect(rows[1] == [2, "a", 1.5, nil, true, [1, 2], .map(["k": 1])])
        #expect(result.summary?["t_last"] == 1)
        #expect(try result.next() == nil)
    }

    @Test("has_more: the next PULL is sent only when the batch is read")
    func batches() throws {
        let run = BoltChunker.frame([0xB1, 0x70, 0xA1] + tiny("fields") + [0x91] + tiny("x"))
        let rec = { (i: UInt8) in BoltChunker.frame([0xB1, 0x71, 0x91, i]) }
        let more = BoltChunker.frame([0xB1, 0x70, 0xA1] + tiny("has_more") + [0xC3])
        let done = BoltChunker.frame([0xB1, 0x70, 0xA0])
        let (session, t) = try open([run + rec(1) + rec(2) + more, rec(3) + done])
        session.fetchSize = 2
        let result = try session.run("UNWIND [1,2,3] AS x RETURN x")
        #expect(try result.next() == [1])
        #expect(try result.next() == [2])
        let before = t.sent.count
        #expect(try result.next() == [3])
        #expect(t.sent.count == before + 1)
        #expect(t.sent.last == BoltChunker.frame(try BoltRequest.pull(n: 2).encoded()))
        #expect(try result.next() == nil)
    }

    @Test("a server FAILURE is thrown with its code; RESET clears the pipelined PULL and the session goes on")
    func failureThenQuery() throws {
        let (session, t) = try open([
            BoltChunker.frame(FalkorRecording.syntaxFailure),
            BoltChunker.frame(FalkorRecording.ignored) + BoltChunker.frame(FalkorRecording.logonSuccess),
            BoltChunker.frame([0xB1, 0x70, 0xA1] + tiny("fields") + [0x90]) + BoltChunker.frame(FalkorRecording.pullSuccess),
        ])
        do {
            _ = try session.run("RETURN x x")
            Issue.record("no error")
        } catch {
            guard case .server(let code, let message) = error else {
                Issue.record("not a server error: \(error)")
                return
            }
            #expect(code == "SyntaxError")
            #expect(message.hasPrefix("errMsg: Invalid input at end of input"))
        }
        #expect(t.sent.last == BoltChunker.frame([0xB0, 0x0F]))
        let rows = try session.run("RETURN 1").all()
        #expect(rows.isEmpty)
    }

    @Test("running a new query discards the unread rest of the last one (DISCARD when the server holds more)")
    func discardOnNewRun() throws {
        let run = BoltChunker.frame([0xB1, 0x70, 0xA1] + tiny("fields") + [0x91] + tiny("x"))
        let more = BoltChunker.frame([0xB1, 0x70, 0xA1] + tiny("has_more") + [0xC3])
        let done = BoltChunker.frame([0xB1, 0x70, 0xA0])
        let (session, t) = try open([run + BoltChunker.frame([0xB1, 0x71, 0x91, 0x01]) + more, done, run + done])
        session.fetchSize = 1
        let first = try session.run("UNWIND range(1, 100) AS x RETURN x")
        #expect(try first.next() == [1])
        _ = try session.run("RETURN 2 AS x")
        #expect(t.sent.contains(BoltChunker.frame(try BoltRequest.discard(n: -1).encoded())))
    }

    @Test("a connection that drops mid-result says so, and the session stays closed")
    func dropped() throws {
        let (session, _) = try open([BoltChunker.frame(FalkorRecording.runSuccess) + BoltChunker.frame(FalkorRecording.record(1))])
        let result = try session.run("UNWIND range(1,3) AS x RETURN x")
        #expect(try result.next()?.first == 1)
        #expect(throws: BoltError.connectionClosed(waitingFor: "the query's records")) { try result.next() }
        #expect(throws: BoltError.self) { try session.run("RETURN 1") }
    }

    @Test("Ctrl-C while the server is busy sends RESET, waits for it, and the session goes on")
    func interrupt() throws {
        let run = BoltChunker.frame([0xB1, 0x70, 0xA1] + tiny("fields") + [0x91] + tiny("x"))
        let terminated = BoltChunker.frame([0xB1, 0x7F, 0xA2] + tiny("code") + tiny("Terminated") + tiny("message") + tiny("stop"))
        let ready = BoltChunker.frame([0xB1, 0x70, 0xA0])
        let (session, t) = try open([run, [], terminated + ready, run + BoltChunker.frame([0xB1, 0x71, 0x91, 0x07]) + ready])
        nonisolated(unsafe) var polls = 0
        session.shouldInterrupt = {
            polls += 1
            return polls == 3  // one Ctrl-C, after the second wait timed out (the server busy)
        }
        let result = try session.run("UNWIND range(1, 100000000) AS x RETURN count(x)")
        #expect(throws: BoltError.interrupted) { try result.next() }
        #expect(t.sent.last == BoltChunker.frame([0xB0, 0x0F]))
        session.shouldInterrupt = nil
        #expect(try session.run("RETURN 7 AS x").all() == [[7]])
    }

    @Test("a second Ctrl-C while the server has not answered RESET closes the connection")
    func abandon() throws {
        let run = BoltChunker.frame([0xB1, 0x70, 0xA1] + tiny("fields") + [0x91] + tiny("x"))
        let (session, t) = try open([run, [], [], []])
        nonisolated(unsafe) var polls = 0
        session.shouldInterrupt = {
            polls += 1
            return polls == 3 || polls == 5
        }
        let result = try session.run("UNWIND range(1, 100000000) AS x RETURN count(x)")
        #expect(throws: BoltError.abandoned) { try result.next() }
        #expect(t.closed && session.isBroken)
        #expect(!BoltError.abandoned.isRecoverable)
    }

    @Test("a refused login closes the session with the server's code")
    func refusedLogin() throws {
        let code = "Neo.ClientError.Security.Unauthorized"
        let bytes = [0xB1, 0x7F, 0xA2] + tiny("code") + [0xD0, UInt8(code.utf8.count)] + Array(code.utf8) + tiny("message") + tiny("no")
        let t = ScriptedTransport(replies: [[0, 0, 4, 5], BoltChunker.frame(FalkorRecording.helloSuccess), BoltChunker.frame(bytes)])
        #expect(throws: BoltError.server(code: code, message: "no")) {
            try BoltSession(transport: t, uri: uri, credentials: BoltCredentials(user: "u", password: "bad"), userAgent: "parley")
        }
    }
}
