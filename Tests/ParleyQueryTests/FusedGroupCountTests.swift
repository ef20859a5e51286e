import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyQuery

/// Talks with string, integer and missing keys, plus a non-Talk node that must not count.
private func talkGraph() throws -> GraphStore {
    var g = GraphStore()
    _ = try g.addNode(labels: ["Talk"], properties: ["date": "2016-01-01", "city": "A"])
    _ = try g.addNode(labels: ["Talk"], properties: ["date": "2017-05-05", "city": "A"])
    _ = try g.addNode(labels: ["Talk"], properties: ["date": "2014-12-31", "city": "A"])
    _ = try g.addNode(labels: ["Talk"], properties: ["date": "2017-01-01", "city": "B"])
    _ = try g.addNode(labels: ["Talk"], properties: ["date": "2018-01-01", "city": 5])
    _ = try g.addNode(labels: ["Talk"], properties: ["date": "2018-01-01"])
    _ = try g.addNode(labels: ["Talk"], properties: ["date": 2019, "city": "A"])
    _ = try g.addNode(labels: ["Person"], properties: ["date": "2019-01-01", "city": "A"])
    return g
}

@Suite("Scan → filter → group count fused inside the scan loop")
struct FusedGroupCountTests {
    let query = "MATCH (t:Talk) WHERE t.date >= $d RETURN t.city, count(*) AS c ORDER BY c DESC, t.city LIMIT 10"

    @Test("string, integer and missing keys are grouped as by the general path")
    func groups() throws {
        let r = try run(query, on: try talkGraph(), ["d": .string("2015-01-01")])
        #expect(r.rows.count == 4)
        #expect(r.rows.first == [.string("A"), .int(2)])
        let rest = r.rows.dropFirst().map { "\($0)" }.sorted()
        #expect(rest == ["\([Value.int(5), .int(1)])", "\([Value.null, .int(1)])", "\([Value.string("B"), .int(1)])"].sorted())
    }

    @Test("PROFILE takes the general path, gives the same rows and counts rows per operator")
    func profile() throws {
        let g = try talkGraph()
        let plain = try run(query, on: g, ["d": .string("2015-01-01")])
        let profiled = try run("PROFILE " + query, on: g, ["d": .string("2015-01-01")])
        #expect(profiled.rows == plain.rows)
        let plan = try #require(profiled.plan)
        #expect(plan.contains("NodeByLabelScan (t:Talk)  [rows=7, time="))
        #expect(plan.contains("Filter t.date >= $d  [rows=5, time="))
    }
}
