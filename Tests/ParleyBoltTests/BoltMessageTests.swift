import ParleyBolt
import Testing

@Suite("Bolt messages, framing and handshake")
struct BoltMessageTests {
    @Test("requests have their tag bytes and fields")
    func requests() throws {
        #expect(try BoltRequest.reset.encoded() == [0xB0, 0x0F])
        #expect(try BoltRequest.goodbye.encoded() == [0xB0, 0x02])
        #expect(try BoltRequest.commit.encoded() == [0xB0, 0x12])
        #expect(try BoltRequest.rollback.encoded() == [0xB0, 0x13])
        #expect(try BoltRequest.begin(extra: [:]).encoded() == [0xB1, 0x11, 0xA0])
        #expect(try BoltRequest.pull(n: 1000).encoded() == [0xB1, 0x3F, 0xA1] + tiny("n") + [0xC9, 0x03, 0xE8])
        #expect(try BoltRequest.pull(n: -1, qid: 2).encoded() == [0xB1, 0x3F, 0xA2] + tiny("n") + [0xFF] + tiny("qid") + [0x02])
        #expect(try BoltRequest.discard(n: -1).encoded() == [0xB1, 0x2F, 0xA1] + tiny("n") + [0xFF])
        let run = BoltRequest.run(query: "RETURN $x", parameters: ["x": 1], extra: ["db": "g"])
        #expect(try run.encoded() == [0xB3, 0x10] + tiny("RETURN $x") + [0xA1] + tiny("x") + [0x01] + [0xA1] + tiny("db") + tiny("g"))
        let hello = BoltRequest.hello(extra: ["user_agent": "p/1"])
        #expect(try hello.encoded() == [0xB1, 0x01, 0xA1] + tiny("user_agent") + tiny("p/1"))
        let logon = BoltRequest.logon(auth: ["scheme": "basic", "principal": "u", "credentials": "pw"])
        #expect(try logon.encoded() == [0xB1, 0x6A, 0xA3] + tiny("scheme") + tiny("basic") + tiny("principal") + tiny("u") + tiny("credentials") + tiny("pw"))
    }

    @Test("responses decode: SUCCESS, RECORD, IGNORED, FAILURE with the server's code and message")
    func responses() throws {
        #expect(try BoltResponse.decode([0xB1, 0x70, 0xA0]) == .success([:]))
        #expect(try BoltResponse.decode([0xB1, 0x71, 0x92, 0x01, 0x81, 0x61]) == .record([1, "a"]))
        #expect(try BoltResponse.decode([0xB0, 0x7E]) == .ignored)
        let neo = [0xB1, 0x7F, 0xA2] + tiny("code") + [0xD0, 37] + Array("Neo.ClientError.Statement.SyntaxError".utf8) + tiny("message") + tiny("bad")
        guard case .failure(let code, let message, _) = try BoltResponse.decode(neo) else {
            Issue.record("not a failure")
            return
        }
        #expect(code == "Neo.ClientError.Statement.SyntaxError" && message == "bad")
        #expect(throws: BoltError.self) { try BoltResponse.decode([0xB1, 0x55, 0xA0]) }
        #expect(throws: BoltError.self) { try BoltResponse.decode([0x01]) }
    }

    @Test("a FalkorDB record with a point: the stray null it writes after the point is ignored")
    func falkorPointRecord() throws {
        let bytes = hex("B1 71 91 B3 58 CB 00 00 00 00 00 00 10 E6 C1 40 04 00 00 00 00 00 00 C1 3F F8 00 00 00 00 00 00 C0")
        #expect(try BoltResponse.decode(bytes) == .record([.point(BoltPoint(srid: 4326, x: 2.5, y: 1.5))]))
    }

    @Test("framing splits at 65,535 bytes and ends each message with 00 00")
    func framing() {
        #expect(BoltChunker.frame([0xB0, 0x0F]) == [0x00, 0x02, 0xB0, 0x0F, 0x00, 0x00])
        let big = [UInt8](repeating: 0xAB, count: 70_000)
        let framed = BoltChunker.frame(big)
        #expect(framed.prefix(2) == [0xFF, 0xFF])
        #expect(framed[65_537...65_538] == [0x11, 0x71])  // 70,000 - 65,535 = 4,465
        #expect(framed.count == 70_000 + 6)
        #expect(framed.suffix(2) == [0, 0])
        #expect(BoltChunker.frame([1, 2, 3, 4, 5], maximumChunk: 2) == [0, 2, 1, 2, 0, 2, 3, 4, 0, 1, 5, 0, 0])
    }

    @Test("the chunk reader reassembles messages from any split and skips keep-alive NOOPs")
    func chunkReader() {
        let stream = [0, 0] + BoltChunker.frame([0xB0, 0x7E]) + [0, 0] + BoltChunker.frame([1, 2, 3, 4, 5], maximumChunk: 2)
        for split in 1...stream.count {
            var reader = BoltChunkReader()
            var messages: [[UInt8]] = []
            var i = 0
            while i < stream.count {
                reader.feed(stream[i..<min(i + split, stream.count)])
                while let m = reader.nextMessage() { messages.append(m) }
                i += split
            }
            #expect(messages == [[0xB0, 0x7E], [1, 2, 3, 4, 5]], "split every \(split) bytes")
            #expect(reader.pendingByteCount == 0)
        }
        var reader = BoltChunkReader()
        reader.feed([0x00, 0x03, 0x01])
        #expect(reader.nextMessage() == nil)
        #expect(reader.pendingByteCount == 3)
    }

    @Test("the handshake offers Bolt 5.0–5.4 as one range, then 4.4")
    func handshakeRequest() {
        #expect(BoltHandshake.request == hex("60 60 B0 17 00 04 04 05 00 00 04 04 00 00 00 00 00 00 00 00"))
    }

    @Test("the server's answer picks a version, or says why not")
    func handshakeAnswer() throws {
        #expect(try BoltHandshake.version(from: [0, 0, 4, 5], host: "h", port: 1) == BoltVersion(5, 4))
        #expect(try BoltHandshake.version(from: [0, 0, 0, 5], host: "h", port: 1) == BoltVersion(5, 0))
        #expect(try BoltHandshake.version(from: [0, 0, 4, 4], host: "h", port: 1) == BoltVersion(4, 4))
        #expect(throws: BoltError.noCommonVersion(offered: "Bolt 5.0–5.4, 4.4")) {
            try BoltHandshake.version(from: [0, 0, 0, 0], host: "h", port: 1)
        }
        #expect(throws: BoltError.self) { try BoltHandshake.version(from: Array("HTTP".utf8), host: "h", port: 1) }
        #expect(throws: BoltError.self) { try BoltHandshake.version(from: [0, 0, 3, 4], host: "h", port: 1) }
        #expect(throws: BoltError.self) { try BoltHandshake.version(from: [0, 0, 5, 5], host: "h", port: 1) }
        let http = BoltError.notBolt(host: "db", port: 7474, reason: "it answered in HTTP (is that the HTTP port? Bolt's default is 7687)")
        #expect(http.description == "db:7474 does not speak Bolt: it answered in HTTP (is that the HTTP port? Bolt's default is 7687)")
    }

    @Test("URIs: default port, IPv6, user, and the refusals")
    func uris() throws {
        let plain = try BoltURI(parsing: "bolt://db")
        #expect(plain.host == "db" && plain.port == 7687 && plain.description == "bolt://db:7687")
        let full = try BoltURI(parsing: "neo4j://alice@127.0.0.1:7688/")
        #expect(full.scheme == "neo4j" && full.user == "alice" && full.port == 7688)
        #expect(full.description == "neo4j://127.0.0.1:7688")
        let v6 = try BoltURI(parsing: "bolt://[::1]:9000")
        #expect(v6.host == "::1" && v6.port == 9000 && v6.description == "bolt://[::1]:9000")
        #expect(BoltURI.looksLikeURI("BOLT://x") && !BoltURI.looksLikeURI("graph.json"))
        #expect(throws: BoltError.self) { try BoltURI(parsing: "bolt://u:secret@db") }
        #expect(try BoltURI(parsing: "bolt+s://db").security == .verifiedTLS)
        #expect(throws: BoltError.self) { try BoltURI(parsing: "http://db") }
        #expect(throws: BoltError.self) { try BoltURI(parsing: "bolt://db:0") }
        #expect(throws: BoltError.self) { try BoltURI(parsing: "bolt://db:port") }
        #expect(throws: BoltError.self) { try BoltURI(parsing: "bolt://:7687") }
        #expect(throws: BoltError.self) { try BoltURI(parsing: "bolt://db/neo4j") }
    }
}
