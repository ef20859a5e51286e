import ParleyBolt
import ParleyValues
import Testing

@Suite("PackStream structures")
struct PackStreamStructureTests {
    @Test("a node in Bolt 5 carries its element id; in 4.4 it has three fields")
    func node() throws {
        let node = BoltNode(id: 3, labels: ["Example", "Node"], properties: ["name": "example"], elementID: "abc123")
        let v5 = [0xB4, 0x4E, 0x03, 0x92] + tiny("Example") + tiny("Node") + [0xA1] + tiny("name") + tiny("example") + tiny("abc123")
        #expect(try PackStreamEncoder.bytes(of: .node(node)) == v5)
        #expect(try PackStreamDecoder.value(of: v5) == .node(node))
        let v4 = [0xB3, 0x4E, 0x03, 0x92] + tiny("Example") + tiny("Node") + [0xA1] + tiny("name") + tiny("example")
        #expect(try PackStreamEncoder.bytes(of: .node(node), dialect: .v4) == v4)
        let old = try PackStreamDecoder.value(of: v4)
        #expect(old == .node(BoltNode(id: 3, labels: ["Example", "Node"], properties: ["name": "example"])))
        if case .node(let n) = old { #expect(n.key == "3") }
    }

    @Test("a relationship has eight fields in Bolt 5 and five in 4.4")
    func relationship() throws {
        let rel = BoltRelationship(
            id: 11, startNodeID: 1, endNodeID: 2, type: "KNOWS", properties: ["since": 1999],
            elementID: "r11", startNodeElementID: "n1", endNodeElementID: "n2")
        let v5 = [0xB8, 0x52, 0x0B, 0x01, 0x02] + tiny("KNOWS") + [0xA1] + tiny("since") + [0xC9, 0x07, 0xCF] + tiny("r11") + tiny("n1") + tiny("n2")
        #expect(try PackStreamEncoder.bytes(of: .relationship(rel)) == v5)
        #expect(try PackStreamDecoder.value(of: v5) == .relationship(rel))
        let v4 = [0xB5, 0x52, 0x0B, 0x01, 0x02] + tiny("KNOWS") + [0xA1] + tiny("since") + [0xC9, 0x07, 0xCF]
        #expect(try PackStreamEncoder.bytes(of: .relationship(rel), dialect: .v4) == v4)
        guard case .relationship(let back) = try PackStreamDecoder.value(of: v4) else {
            Issue.record("not a relationship")
            return
        }
        #expect(back.startKey == "1" && back.endKey == "2" && back.elementID == nil)
    }

    @Test("a path recorded from FalkorDB decodes to its walk")
    func falkorPath() throws {
        // MATCH p=(a:P)-[r:K]->(b) RETURN p, the record's one value, as FalkorDB 4.16 sent it.
        let bytes = hex(
            "B3 50 92 B4 4E CB 0000000000000000 91 81 50 A1 84 6E616D65 81 78 86 6E6F64655F30"
                + " B4 4E CB 0000000000000001 91 81 51 A0 86 6E6F64655F31"
                + " 91 B4 72 CB 0000000000000000 81 4B A1 81 77 C8 02 8E 72656C6174696F6E736869705F30"
                + " 92 C8 01 C8 01")
        guard case .path(let path) = try PackStreamDecoder.value(of: bytes) else {
            Issue.record("not a path")
            return
        }
        #expect(path.nodes.map(\.key) == ["node_0", "node_1"])
        #expect(path.nodes[0].labels == ["P"] && path.nodes[0].properties["name"] == "x")
        #expect(path.relationships.map(\.elementID) == ["relationship_0"])
        let steps = try path.steps()
        #expect(steps.count == 1)
        #expect(steps[0].forward && steps[0].from.key == "node_0" && steps[0].to.key == "node_1")
        #expect(steps[0].relationship.type == "K" && steps[0].relationship.properties["w"] == 2)
    }

    @Test("a path walked backwards along a relationship, and a path with bad indices")
    func pathDirections() throws {
        let a = BoltNode(id: 1, labels: [], properties: [:], elementID: "a")
        let b = BoltNode(id: 2, labels: [], properties: [:], elementID: "b")
        let r = BoltUnboundRelationship(id: 9, type: "T", properties: [:], elementID: "r")
        let path = BoltPath(nodes: [a, b], relationships: [r], indices: [-1, 1, 1, 0])
        let bytes = try PackStreamEncoder.bytes(of: .path(path))
        #expect(bytes.prefix(2) == [0xB3, 0x50])
        #expect(bytes.suffix(5) == [0x94, 0xFF, 0x01, 0x01, 0x00])
        #expect(try PackStreamDecoder.value(of: bytes) == .path(path))
        let steps = try path.steps()
        #expect(steps.map(\.forward) == [false, true])
        #expect(steps.map(\.to.key) == ["b", "a"])
        #expect(throws: BoltError.self) { try BoltPath(nodes: [a], relationships: [r], indices: [2, 0]).steps() }
        #expect(throws: BoltError.self) { try BoltPath(nodes: [a], relationships: [r], indices: [1]).steps() }
    }

    @Test("dates, times and local date-times")
    func temporal() throws {
        let date = try CypherDate(year: 2020, month: 1, day: 2)
        #expect(try PackStreamEncoder.bytes(of: .date(date)) == hex("B1 44 C9 47 57"))
        #expect(try PackStreamDecoder.value(of: hex("B1 44 C9 47 57")) == .date(date))
        #expect(try PackStreamDecoder.value(of: hex("B1 44 FF")) == .date(CypherDate(epochDay: -1)))

        let noon = try CypherLocalTime(hour: 12, minute: 0, second: 1)
        let noonBytes = hex("B1 74 CB 00 00 27 4A 84 42 4A 00")
        #expect(try PackStreamEncoder.bytes(of: .localTime(noon)) == noonBytes)
        #expect(try PackStreamDecoder.value(of: noonBytes) == .localTime(noon))

        let zoned = CypherTime(time: noon, offsetSeconds: 3600)
        let zonedBytes = hex("B2 54 CB 00 00 27 4A 84 42 4A 00 C9 0E 10")
        #expect(try PackStreamEncoder.bytes(of: .time(zoned)) == zonedBytes)
        #expect(try PackStreamDecoder.value(of: zonedBytes) == .time(zoned))

        let local = CypherLocalDateTime(epochSecond: 1_577_934_245, nano: 7)
        let localBytes = hex("B2 64 CA 5E 0D 5D A5 07")
        #expect(try PackStreamEncoder.bytes(of: .localDateTime(local)) == localBytes)
        #expect(try PackStreamDecoder.value(of: localBytes) == .localDateTime(local))
    }

    @Test("a date-time with an offset: UTC seconds in Bolt 5 (0x49), wall-clock seconds in 4.4 (0x46)")
    func dateTimeOffset() throws {
        // 2020-01-02T03:04:05+01:00: wall clock 1577934245, instant 1577930645.
        let wall = CypherLocalDateTime(epochSecond: 1_577_934_245, nano: 0)
        let dt = CypherDateTime(local: wall, offsetSeconds: 3600, zoneName: nil)
        let utc = hex("B3 49 CA 5E 0D 4F 95 00 C9 0E 10")
        let legacy = hex("B3 46 CA 5E 0D 5D A5 00 C9 0E 10")
        #expect(try PackStreamEncoder.bytes(of: .dateTime(dt)) == utc)
        #expect(try PackStreamEncoder.bytes(of: .dateTime(dt), dialect: .v4) == legacy)
        #expect(try PackStreamDecoder.value(of: utc) == .dateTime(dt))
        #expect(try PackStreamDecoder.value(of: legacy) == .dateTime(dt))
    }

    @Test("a date-time in a named zone: 0x69 with the instant, 0x66 with the wall clock")
    func dateTimeZoneID() throws {
        let wall = CypherLocalDateTime(epochSecond: 1_577_934_245, nano: 5)
        let dt = try CypherDateTime(local: wall, zone: .named("Europe/Berlin"))
        #expect(dt.offsetSeconds == 3600)
        let utc = hex("B3 69 CA 5E 0D 4F 95 05 8D") + Array("Europe/Berlin".utf8)
        let legacy = hex("B3 66 CA 5E 0D 5D A5 05 8D") + Array("Europe/Berlin".utf8)
        #expect(try PackStreamEncoder.bytes(of: .dateTime(dt)) == utc)
        #expect(try PackStreamEncoder.bytes(of: .dateTime(dt), dialect: .v4) == legacy)
        #expect(try PackStreamDecoder.value(of: utc) == .dateTime(dt))
        #expect(try PackStreamDecoder.value(of: legacy) == .dateTime(dt))
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("B3 69 00 00 83") + Array("X/Y".utf8)) }
    }

    @Test("durations and points")
    func durationAndPoints() throws {
        let d = try CypherDuration(months: 1, days: 2, seconds: 3, nanoseconds: 500_000_000)
        let bytes = hex("B4 45 01 02 03 CA 1D CD 65 00")
        #expect(try PackStreamEncoder.bytes(of: .duration(d)) == bytes)
        #expect(try PackStreamDecoder.value(of: bytes) == .duration(d))

        let p2 = BoltPoint(srid: 7203, x: 2.5, y: 1.0)
        let p2Bytes = hex("B3 58 C9 1C 23 C1 40 04 00 00 00 00 00 00 C1 3F F0 00 00 00 00 00 00")
        #expect(try PackStreamEncoder.bytes(of: .point(p2)) == p2Bytes)
        #expect(try PackStreamDecoder.value(of: p2Bytes) == .point(p2))
        let p3 = BoltPoint(srid: 9157, x: 1, y: 2, z: 3)
        let p3Bytes = try PackStreamEncoder.bytes(of: .point(p3))
        #expect(p3Bytes.prefix(5) == [0xB4, 0x59, 0xC9, 0x23, 0xC5])
        #expect(try PackStreamDecoder.value(of: p3Bytes) == .point(p3))
    }

    @Test("a structure Bolt does not define is kept whole; a malformed known one is an error")
    func unknownAndMalformed() throws {
        let s = BoltStructure(signature: 0x56, fields: ["x", 1])
        let bytes = try PackStreamEncoder.bytes(of: .structure(s))
        #expect(bytes == [0xB2, 0x56, 0x81, 0x78, 0x01])
        #expect(try PackStreamDecoder.value(of: bytes) == .structure(s))
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("B1 4E 01")) }
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("B1 74 CB 7F FF FF FF FF FF FF FF")) }
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("B3 58 01 02 03")) }
    }
}
