import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyIO

/// Temporal values in graph files: typed values, declarations, and lossless save → load.
@Suite("Temporal values in graph files")
struct TemporalRoundTripTests {
    @Test("random graphs holding every value type, temporal kinds included, round-trip exactly and byte-stably", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomRoundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var g = GraphStore()
        let keys = ["date", "when", "mixed", "k", "list"]
        for i in 0..<200 {
            var props: [String: Value] = ["id": .string("n\(i)")]
            for k in keys where rng.next() % 2 == 0 { props[k] = randomTemporalOrPlain(&rng, key: k) }
            try g.addNode(labels: ["N"], properties: props)
        }
        for _ in 0..<400 {
            var props: [String: Value] = [:]
            for k in keys + ["id"] where rng.next() % 3 == 0 { props[k] = randomTemporalOrPlain(&rng, key: k) }
            try g.addRelationship(type: "R", from: Int(rng.next() % 200), to: Int(rng.next() % 200), properties: props)
        }
        let bytes = GraphFile.serialize(g)
        let g2 = try GraphFile.parse(bytes, name: "t.json")
        #expect(difference(g, g2) == nil)
        #expect(GraphFile.serialize(g2) == bytes)
    }

    @Test("a key holding dates only, or dates and partial-date strings, is declared and written as bare text")
    func declaration() throws {
        var g = GraphStore()
        try g.addNode(properties: ["id": .string("a"), "date": .temporal(.date(try CypherDate(year: 2015, month: 5, day: 25)))])
        try g.addNode(properties: ["id": .string("b"), "date": .string("2015-04")])
        let text = String(decoding: GraphFile.serialize(g), as: UTF8.self)
        #expect(text.contains("\"propertyTypes\": {\"date\": \"date\"}"))
        #expect(text.contains("\"date\": \"2015-05-25\""))
        #expect(text.contains("\"date\": \"2015-04\""))
    }

    @Test("a date next to a full date string under one key is written typed, so the string stays a string")
    func noDeclarationWhenAStringWouldChange() throws {
        var g = GraphStore()
        try g.addNode(properties: ["id": .string("a"), "d": .temporal(.date(try CypherDate(year: 2015, month: 5, day: 25)))])
        try g.addNode(properties: ["id": .string("b"), "d": .string("2015-05-26")])
        let bytes = GraphFile.serialize(g)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("propertyTypes"))
        #expect(text.contains("{\"$date\": \"2015-05-25\"}"))
        let g2 = try GraphFile.parse(bytes, name: "d.json")
        #expect(identical(g2.property(of: 1, named: "d"), .string("2015-05-26")))
        #expect(difference(g, g2) == nil)
    }

    @Test("a plain string that looks like a date stays a string without a declaration")
    func plainStringsStayPlain() throws {
        let g = try GraphFile.parse(Array(#"{"nodes": [{"id": "a", "properties": {"date": "2015-05-25"}}]}"#.utf8), name: "p.json")
        #expect(identical(g.property(of: 0, named: "date"), .string("2015-05-25")))
    }

    @Test("a declaration turns the named properties into typed values, in lists too, on nodes and edges")
    func declarationOnLoad() throws {
        let text = #"""
        {"propertyTypes": {"date": "date", "at": "datetime", "span": "duration"},
         "nodes": [{"id": "a", "properties": {"date": "2015-05-25", "at": "2015-05-25T10:00+06:00", "other": "2015-05-25"}},
                   {"id": "b", "properties": {"date": ["2015-01-02", "2015"], "span": "P3D"}}],
         "edges": [{"source": "a", "target": "b", "type": "R", "properties": {"date": "2015-04"}}]}
        """#
        let g = try GraphFile.parse(Array(text.utf8), name: "d.json")
        let may25 = Value.temporal(.date(try CypherDate(year: 2015, month: 5, day: 25)))
        #expect(identical(g.property(of: 0, named: "date"), may25))
        #expect(g.property(of: 0, named: "at").typeName == "ZONED DATETIME")
        #expect(identical(g.property(of: 0, named: "other"), .string("2015-05-25")))
        #expect(identical(g.property(of: 1, named: "date"), .list([.temporal(.date(try CypherDate(year: 2015, month: 1, day: 2))), .string("2015")])))
        #expect(g.property(of: 1, named: "span").typeName == "DURATION")
        #expect(identical(g.property(of: 0, relationshipKeyNamed: "date"), .string("2015-04")))
    }

    @Test("typed values of every kind load, alone and in lists")
    func typedValues() throws {
        let text = #"""
        {"nodes": [{"id": "a", "properties": {"d": {"$date": "2015-05-25"}, "lt": {"$localtime": "10:00:01.5"},
          "t": {"$time": "10:00+06:00"}, "ldt": {"$localdatetime": "2015-05-25T10:00"},
          "dt": {"$datetime": "2015-05-25T10:00+06:00[Asia/Almaty]"}, "du": {"$duration": "P1Y2M"},
          "l": [{"$date": "2015-05-25"}, 3, "x"]}}]}
        """#
        let g = try GraphFile.parse(Array(text.utf8), name: "t.json")
        let types = ["d": "DATE", "lt": "LOCAL TIME", "t": "ZONED TIME", "ldt": "LOCAL DATETIME", "dt": "ZONED DATETIME", "du": "DURATION"]
        for (key, type) in types { #expect(g.property(of: 0, named: key).typeName == type, "\(key)") }
        guard case .list(let items) = g.property(of: 0, named: "l") else { Issue.record("not a list"); return }
        #expect(items.map(\.typeName) == ["DATE", "INTEGER", "STRING"])
    }

    @Test("bad typed values and declarations are positioned errors naming the property", arguments: [
        (#"{"propertyTypes": {"date": "date"}, "nodes": [{"id": "x", "properties": {"date": "2015-02-30"}}]}"#, "1:82", "nodes[0].properties.date: invalid date '2015-02-30'"),
        (#"{"nodes": [{"id": "x", "properties": {"d": {"$dat": "2015"}}}]}"#, "1:45", "nodes[0].properties.d: expected a typed value"),
        (#"{"nodes": [{"id": "x", "properties": {"d": {"$date": 2015}}}]}"#, "1:54", "nodes[0].properties.d.$date: expected the date as ISO 8601 text but found a number"),
        (#"{"nodes": [{"id": "x", "properties": {"d": {"$date": "2015", "x": 1}}}]}"#, "1:60", "a typed value has exactly one key"),
        (#"{"nodes": [{"id": "x", "properties": {"d": {}}}]}"#, "1:44", "found an empty object"),
        (#"{"nodes": [{"id": "x", "properties": {"d": [{"$duration": "P1Q"}]}}]}"#, "1:59", "nodes[0].properties.d[0]: invalid duration 'P1Q'"),
        (#"{"propertyTypes": {"d": "day"}}"#, "1:25", "propertyTypes.d: unknown type \"day\": expected one of date, localtime"),
        (#"{"nodes": [], "propertyTypes": {"d": "date"}}"#, "1:15", "\"propertyTypes\" must come before \"nodes\""),
        (#"{"propertyTypes": {"id": "date"}}"#, "1:20", "\"id\" cannot be declared"),
        (#"{"validity": {"since": "x"}}"#, "1:15", "validity: unknown key \"since\""),
        (#"{"validity": {"from": 3}}"#, "1:23", "validity.from: expected a string but found a number"),
    ])
    func errors(text: String, position: String, message: String) throws {
        do {
            _ = try GraphFile.parse(Array(text.utf8), name: "bad.json")
            Issue.record("no error for \(text)")
        } catch {
            let shown = error.description
            #expect(shown.contains("bad.json:\(position): error: "), "\(shown)")
            #expect(shown.contains(message), "\(shown)")
        }
    }

    @Test("the validity rule is read from the file and written back when it is not the default")
    func validityRule() throws {
        let text = #"{"validity": {"date": "on", "from": "since", "to": "until"}, "nodes": []}"#
        let g = try GraphFile.parse(Array(text.utf8), name: "v.json")
        #expect(g.validity == ValidityRule(date: "on", from: "since", to: "until"))
        let saved = String(decoding: GraphFile.serialize(g), as: UTF8.self)
        #expect(saved.contains(#""validity": {"date": "on", "from": "since", "to": "until"}"#))
        #expect(try GraphFile.parse(Array(saved.utf8), name: "v2.json").validity == g.validity)
        #expect(!String(decoding: GraphFile.serialize(GraphStore()), as: UTF8.self).contains("validity"))
    }
}

/// A random property value for `key`, often temporal, sometimes a date-looking string.
func randomTemporalOrPlain(_ rng: inout SplitMix64, key: String) -> Value {
    switch rng.next() % 5 {
    case 0: return randomValue(&rng)
    case 1: return .string(["2015-05-25", "2015", "2015-04", "P1D", "10:00", "not a date"][Int(rng.next() % 6)])
    case 2: return .list([randomTemporal(&rng), randomTemporal(&rng), .int(1)])
    default: return randomTemporal(&rng)
    }
}

/// A random temporal value of any kind, over a wide range of fields.
func randomTemporal(_ rng: inout SplitMix64) -> Value {
    let day = Int64(rng.next() % 2_000_000) - 1_000_000
    let nano = Int64(rng.next() % 86_400_000_000_000)
    let offset = Int32(Int64(rng.next() % 64_801) - 32_400) / 60 * 60
    let date = CypherDate(epochDay: day)
    let time = CypherLocalTime(nanoOfDay: rng.next() % 3 == 0 ? nano / 1_000_000_000 * 1_000_000_000 : nano)
    let zones = ["Europe/Stockholm", "Asia/Almaty", "America/New_York", "UTC"]
    do {
        switch rng.next() % 6 {
        case 0: return .temporal(.date(date))
        case 1: return .temporal(.localTime(time))
        case 2: return .temporal(.time(CypherTime(time: time, offsetSeconds: offset)))
        case 3: return .temporal(.localDateTime(CypherLocalDateTime(date: date, time: time)))
        case 4:
            let local = CypherLocalDateTime(date: CypherDate(epochDay: day / 50), time: time)
            if rng.next() % 2 == 0 { return .temporal(.dateTime(CypherDateTime(local: local, offsetSeconds: offset, zoneName: nil))) }
            return .temporal(.dateTime(try CypherDateTime(local: local, zone: .named(zones[Int(rng.next() % 4)]))))
        default:
            let months = Int64(rng.next() % 2000) - 1000, days = Int64(rng.next() % 2000) - 1000
            let seconds = Int64(rng.next() % 2_000_000) - 1_000_000, nanos = Int64(rng.next() % 1_000_000_000)
            return .temporal(.duration(try CypherDuration(months: months, days: days, seconds: seconds, nanoseconds: nanos)))
        }
    } catch {
        return .temporal(.date(date))
    }
}
