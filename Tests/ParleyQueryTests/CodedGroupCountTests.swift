import ParleyValues
import Testing
@testable import ParleyGraph
@testable import ParleyQuery

/// A random graph of talks (and other nodes) whose `date` and `city` are strings, integers,
/// floats, lists or missing; strings include two spellings of "é" that Cypher tells apart.
private func randomTalks(_ random: inout SplitMix, strings: Bool) -> GraphStore {
    var g = GraphStore()
    let dates: [Value] = ["2014-12-31", "2015-01-01", "2015-06-30", "2016-01-01", "2019", "", 2015, 2015.5, ["2015"]]
    let cities: [Value] = ["A", "B", "Zürich", "é", "e\u{301}", "", 5, 1.5, ["A"], true]
    let count = 20 + random.below(80)
    for _ in 0..<count {
        var properties: [String: Value] = [:]
        // Mostly strings, so the codes are used; sometimes other values or nothing.
        let pickDate = strings || random.below(4) != 0 ? dates[random.below(6)] : dates[random.below(dates.count)]
        if random.below(10) != 0 { properties["date"] = pickDate }
        let pickCity = strings || random.below(4) != 0 ? cities[random.below(6)] : cities[random.below(cities.count)]
        if random.below(10) != 0 { properties["city"] = pickCity }
        let labels = random.below(5) == 0 ? ["Person"] : random.below(4) == 0 ? ["Talk", "Keynote"] : ["Talk"]
        _ = try? g.addNode(labels: labels, properties: properties)
    }
    return g
}

/// The rows of `query` from the coded path and from the general one (PROFILE turns the fused
/// and coded scans off), on the same graph.
private func bothWays(_ query: String, _ g: GraphStore, _ parameters: [String: Value]) throws -> (coded: [[Value]], general: [[Value]]) {
    let coded = try run(query, on: g, parameters).rows
    let general = try run("PROFILE " + query, on: g, parameters).rows
    return (coded, general)
}

@Suite("Scan → filter → group count on dictionary-coded string columns")
struct CodedGroupCountTests {
    static let comparisons = ["<", "<=", ">", ">=", "=", "<>"]
    static let constants: [Value] = ["2015-01-01", "2015-03-01", "", "9", "2015", 2015, .null]

    @Test("the coded path is taken and gives the general path's rows, in the same order")
    func takesCodedPath() throws {
        var random = SplitMix(seed: 4)
        let g = randomTalks(&random, strings: true)
        let query = "MATCH (t:Talk) WHERE t.date >= $d RETURN t.city, count(*) AS c"
        let (coded, general) = try bothWays(query, g, ["d": "2015-01-01"])
        #expect(coded == general)
        let date = try #require(g.keys.id(of: "date")), city = try #require(g.keys.id(of: "city"))
        #expect(Set(g.nodeKeysTriedForCodes) == [date, city])
        let codes = try #require(g.nodeStringCodes(city))
        #expect(codes.strings.count == 6)
    }

    @Test("random graphs: every comparison and constant, strings, other values and missing properties")
    func randomDifferential() throws {
        var random = SplitMix(seed: 16)
        for round in 0..<60 {
            let g = randomTalks(&random, strings: round % 3 == 0)
            let op = Self.comparisons[random.below(Self.comparisons.count)]
            let d = Self.constants[random.below(Self.constants.count)]
            for query in ["MATCH (t:Talk) WHERE t.date \(op) $d RETURN t.city, count(*) AS c",
                          "MATCH (t:Talk) WHERE t.date \(op) $d RETURN t.city, count(*) AS c ORDER BY c DESC, t.city LIMIT 3",
                          "MATCH (t:Talk) WHERE t.date \(op) $d RETURN t.city AS city, count(*), count(*) AS again",
                          "MATCH (t:Talk) WHERE t.city \(op) $d RETURN t.city, count(*) AS c",
                          "MATCH (t) WHERE t.date \(op) $d RETURN t.city, count(*) AS c"] {
                let (coded, general) = try bothWays(query, g, ["d": d])
                #expect(coded == general, "round \(round): \(query) with d = \(d)")
            }
        }
    }

    @Test("writes after the codes were built: new strings, other values, removed properties, deleted talks")
    func writesAfterCoding() throws {
        var random = SplitMix(seed: 99)
        for round in 0..<12 {
            var engine = QueryEngine(graph: randomTalks(&random, strings: true))
            let query = "MATCH (t:Talk) WHERE t.date >= $d RETURN t.city, count(*) AS c ORDER BY c DESC, t.city LIMIT 10"
            let parameters: [String: Value] = ["d": "2015-01-01"]
            let writes = ["MATCH (t:Talk) WITH t LIMIT 3 SET t.city = 'New\(round)'",
                          "MATCH (t:Talk) WITH t SKIP 2 LIMIT 2 SET t.date = '2099-01-01', t.city = 7",
                          "MATCH (t:Talk) WITH t SKIP 4 LIMIT 2 REMOVE t.city",
                          "MATCH (t:Talk) WITH t SKIP 6 LIMIT 3 DETACH DELETE t",
                          "CREATE (:Talk {date: '2020-01-01', city: 'A'}), (:Talk {date: '2015-01-01', city: 'Brand new'})",
                          "MATCH (t:Talk) WITH t LIMIT 2 SET t.date = 2020"]
            for write in writes {
                _ = try engine.run(query, parameters: parameters)
                _ = try engine.run(write)
                let coded = try engine.run(query, parameters: parameters).rows
                let general = try engine.run("PROFILE " + query, parameters: parameters).rows
                #expect(coded == general, "round \(round) after \(write)")
            }
        }
    }

    @Test("a statement that writes takes the uncoded path and sees its own writes")
    func writingStatement() throws {
        var random = SplitMix(seed: 7)
        let g = randomTalks(&random, strings: true)
        let query = "CREATE (:Talk {date: '2030-01-01', city: 'Fresh'}) WITH 1 AS one MATCH (t:Talk) WHERE t.date >= $d RETURN t.city, count(*) AS c"
        let (coded, general) = try bothWays(query, g, ["d": "2015-01-01"])
        #expect(coded == general)
        #expect(coded.contains([.string("Fresh"), .int(1)]))
    }
}
