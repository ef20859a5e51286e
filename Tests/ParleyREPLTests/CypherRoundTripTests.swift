import ParleyGraph
import ParleyQuery
import ParleyValues
import Testing
@testable import ParleyREPL

/// A small seeded generator (SplitMix64) for reproducible random tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// `:mode cypher` prints Cypher that reads back: `RETURN <printed>` gives the same value.
@Suite("Cypher output reads back")
struct CypherRoundTripTests {
    /// Whether `a` and `b` are the same value: same type, doubles bit for bit (any NaN equals
    /// any NaN), strings scalar for scalar, temporal values equal with the same text.
    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.temporal(let x), .temporal(let y)): return x == y && x.description == y.description
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        default: return false
        }
    }

    /// Prints `value` as `:mode cypher` does, reads it back with `RETURN`, and checks it.
    static func expectRoundTrip(_ value: Value, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = value.cypherExpression(in: GraphStore())
        var engine = QueryEngine(graph: GraphStore())
        do {
            let result = try engine.run("RETURN \(text) AS v")
            let back = result.rows.first?.first ?? .null
            #expect(same(value, back), "\(text) read back as \(back.cypherLiteral(in: nil))", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(text) does not read back: \(error.diagnostic.message)", sourceLocation: sourceLocation)
        }
    }

    @Test("NaN, the infinities, -0.0, extreme and tiny doubles read back as the same double")
    func doubles() {
        for d in [Double.nan, .infinity, -.infinity, -0.0, 0.0, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                  .leastNonzeroMagnitude, .leastNormalMagnitude, 1e10, 1.5e-10, 0.1, 123456789012345680.0, -1e-6] {
            Self.expectRoundTrip(.double(d))
        }
        #expect(Value.double(.infinity).cypherExpression(in: GraphStore()) == "1.0 / 0.0")
        #expect(Value.double(.nan).cypherExpression(in: GraphStore()) == "0.0 / 0.0")
        #expect(Value.list([.double(-.infinity)]).cypherExpression(in: GraphStore()) == "[-1.0 / 0.0]")
    }

    @Test("integers read back, Int64.min and Int64.max included")
    func integers() {
        for i in [Int64.min, .max, 0, -1, 1, Int64.min + 1] { Self.expectRoundTrip(.int(i)) }
    }

    @Test("strings with every control character, quotes, backslashes and any Unicode read back")
    func strings() {
        var all = ""
        for v in 0..<0xA0 { all.unicodeScalars.append(Unicode.Scalar(UInt32(v))!) }
        Self.expectRoundTrip(.string(all))
        for s in ["it's", #"say "hi""#, #"a\b\\c"#, #"\n is not a newline"#, "`", "é", "e\u{301}", "日本語", "🇰🇿",
                  "\u{202E}rtl", "\u{FEFF}", "\u{10FFFF}", "\u{FFFE}", "\r\n", "'\\'", ""] {
            Self.expectRoundTrip(.string(s))
        }
    }

    @Test("temporal values the engine makes read back as calls: date, times, datetimes with zones, durations")
    func temporal() throws {
        var engine = QueryEngine(graph: GraphStore())
        let queries = [
            "date('2015-07-21')", "date('-0010-01-01')", "date('+12345-12-31')",
            "localtime('23:59:59.999999999')", "time('10:00-00:30')", "time('00:00:00Z')",
            "localdatetime('2015-07-21T21:40:32.142')",
            "datetime('2015-07-21T21:40:32.142+01:00')",
            "datetime('1984-10-11T12:31:14.645876123+01:00[Europe/Stockholm]')",
            "datetime('2021-10-31T02:30:00+01:00[Europe/Berlin]')", "datetime('2021-10-31T02:30:00+02:00[Europe/Berlin]')",
            "datetime({year: 2015, month: 3, day: 29, hour: 2, minute: 30, timezone: 'Europe/London'})",
            "duration('P14DT16H12M')", "duration('P1Y-2M3DT-4H0.5S')", "duration({seconds: -1, nanoseconds: 3})",
            "duration('PT0S')", "duration({days: 1.5})",
        ]
        for query in queries {
            let value = try engine.run("RETURN \(query) AS v").rows[0][0]
            Self.expectRoundTrip(value)
            Self.expectRoundTrip(.list([value, .map(["at": value])]))
        }
        let date = try engine.run("RETURN date('2015-07-21') AS v").rows[0][0]
        #expect(date.cypherExpression(in: GraphStore()) == "date('2015-07-21')")
    }

    @Test("map keys that need backquotes (spaces, backquotes, reserved words, empty) read back")
    func keys() {
        Self.expectRoundTrip(.map(["first name": 1, "a`b": 2, "": 3, "null": 4, "MATCH": 5, "true": 6, "1x": 7,
                                   "État": 8, "x.y": 9, "日本": 10, "_": 11, "$p": 12, "x٣": 13, "a\n": 14]))
    }

    @Test("nodes, relationships and paths print as patterns (no TCK angle brackets) that MATCH finds again")
    func graphElements() throws {
        var engine = QueryEngine(graph: try REPLFixture.graph())
        let rows = try engine.run("MATCH p = (s:State)-[r:HOSTED]->(t:Talk) RETURN p, s, r ORDER BY s.name").rows
        let path = rows[0][0].cypherExpression(in: engine.graph)
        #expect(path == "(:State {id: 'kazakhstan', name: 'Kazakhstan'})-[:HOSTED]->(:Talk {date: '2015-05-25', id: 'astana-1', name: 'Astana talks'})")
        #expect(try engine.run("MATCH \(path) RETURN count(*) AS n").rows == [[1]])
        #expect(rows[0][1].cypherExpression(in: engine.graph) == "(:State {id: 'kazakhstan', name: 'Kazakhstan'})")
        #expect(rows[1][2].cypherExpression(in: engine.graph) == "[:HOSTED {evidence: 'said so'}]")
    }

    @Test("random nested values (lists, maps, strings, numbers) print as Cypher that reads back")
    func randomValues() {
        var rng = SplitMix64(seed: 18)
        for _ in 0..<400 { Self.expectRoundTrip(Self.randomValue(&rng, depth: 0)) }
    }

    /// A random value: scalars of every kind, nested up to three levels.
    static func randomValue(_ rng: inout SplitMix64, depth: Int) -> Value {
        switch rng.below(depth < 3 ? 8 : 6) {
        case 0: return .null
        case 1: return .bool(rng.below(2) == 0)
        case 2: return .int(rng.pick([Int64.min, .max, 0, -7, Int64(bitPattern: rng.next())]))
        case 3:
            let special = [Double.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude]
            return .double(rng.below(4) == 0 ? rng.pick(special) : Double(bitPattern: rng.next()))
        case 4, 5: return .string(randomString(&rng))
        case 6: return .list((0..<rng.below(4)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            var map: [String: Value] = [:]
            for _ in 0..<rng.below(4) { map[randomString(&rng)] = randomValue(&rng, depth: depth + 1) }
            return .map(map)
        }
    }

    /// A short random string drawn from ASCII, controls, quotes, backslashes and wider Unicode.
    static func randomString(_ rng: inout SplitMix64) -> String {
        var s = ""
        for _ in 0..<rng.below(8) {
            let v: UInt32
            switch rng.below(5) {
            case 0: v = UInt32(rng.below(0xA0))
            case 1: v = rng.pick([0x27, 0x22, 0x5C, 0x60, 0x20, 0x7B, 0x3A])
            case 2: v = UInt32(0x61 + rng.below(26))
            case 3: v = UInt32(rng.below(0xD800))
            default: v = UInt32(0xE000 + rng.below(0x10FFFF - 0xE000))
            }
            if let scalar = Unicode.Scalar(v) { s.unicodeScalars.append(scalar) }
        }
        return s
    }
}
