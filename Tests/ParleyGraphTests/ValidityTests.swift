import ParleyValues
import Testing
@testable import ParleyGraph

/// The validity rule: periods of values and elements, and views of a graph during a window.
@Suite("Validity: periods and as-of views of the store")
struct ValidityTests {
    static func day(_ text: String) -> Int64 { ValidPeriod.days(parsing: text)!.start }

    @Test("text YYYY, YYYY-MM and YYYY-MM-DD cover a year, a month and a day; anything else is not a day", arguments: [
        ("2015", "2015-01-01", "2016-01-01"), ("2015-02", "2015-02-01", "2015-03-01"), ("2016-02-29", "2016-02-29", "2016-03-01"),
        ("2015-12", "2015-12-01", "2016-01-01"), ("0001-01-01", "0001-01-01", "0001-01-02"),
    ])
    func periods(text: String, start: String, end: String) {
        let p = ValidPeriod.days(parsing: text)
        #expect(p == ValidPeriod(start: Self.day(start), end: Self.day(end)))
    }

    @Test("malformed or impossible dates are not days", arguments: ["2015-02-29", "2015-13", "2015-00", "15", "2015-1-01", "2015/01/01", "", "２０１５", "2015-01-32", "20150101"])
    func notDays(text: String) {
        #expect(ValidPeriod.days(parsing: text) == nil)
    }

    @Test("a DATE is its day, a date-time its local day; numbers and booleans are not times")
    func values() throws {
        let d = try CypherDate(year: 2015, month: 5, day: 25)
        #expect(ValidPeriod.days(of: .temporal(.date(d))) == ValidPeriod(start: d.epochDay, end: d.epochDay + 1))
        let local = CypherLocalDateTime(date: d, time: try CypherLocalTime(hour: 23))
        #expect(ValidPeriod.days(of: .temporal(.localDateTime(local)))?.start == d.epochDay)
        #expect(ValidPeriod.days(of: .temporal(.dateTime(CypherDateTime(local: local, offsetSeconds: -3600, zoneName: nil))))?.start == d.epochDay)
        #expect(ValidPeriod.days(of: .int(2015)) == nil && ValidPeriod.days(of: .bool(true)) == nil)
        #expect(ValidPeriod.days(of: .temporal(.duration(try CypherDuration(months: 0, days: 1, seconds: 0, nanoseconds: 0)))) == nil)
    }

    @Test("a point date wins over an interval; an interval is half-open on first days; missing ends are open")
    func elementPeriods() throws {
        var g = GraphStore()
        let point = try g.addNode(properties: ["date": "2015-04", "start_date": "2000"])
        let both = try g.addNode(properties: ["start_date": "2014", "end_date": "2015-05"])
        let open = try g.addNode(properties: ["start_date": "2014"])
        let until = try g.addNode(properties: ["end_date": "2012-06-01"])
        let always = try g.addNode(properties: ["name": "x"])
        let bad = try g.addNode(properties: ["end_date": 5])
        #expect(g.validPeriod(ofNode: point) == ValidPeriod(start: Self.day("2015-04-01"), end: Self.day("2015-05-01")))
        #expect(g.validPeriod(ofNode: both) == ValidPeriod(start: Self.day("2014"), end: Self.day("2015-05-01")))
        #expect(g.validPeriod(ofNode: open) == ValidPeriod(start: Self.day("2014"), end: .max))
        #expect(g.validPeriod(ofNode: until) == ValidPeriod(start: .min, end: Self.day("2012-06-01")))
        #expect(g.validPeriod(ofNode: always)?.isAlways == true)
        #expect(g.validPeriod(ofNode: bad) == nil)
    }

    @Test("the rule's property names are the graph's own")
    func customRule() throws {
        var g = GraphStore()
        g.validity = ValidityRule(date: "on", from: "since", to: "until")
        let n = try g.addNode(properties: ["since": "2015", "date": "1999"])
        #expect(g.validPeriod(ofNode: n) == ValidPeriod(start: Self.day("2015"), end: .max))
    }

    @Test("an empty or reversed interval holds on no day")
    func emptyInterval() throws {
        var g = GraphStore()
        let n = try g.addNode(properties: ["start_date": "2015-05", "end_date": "2015-04"])
        let window = ValidPeriod(start: .min, end: .max)
        #expect(g.validPeriod(ofNode: n)?.overlaps(window) == false)
        #expect(g.view(during: window).graph.nodeCount == 0)
    }

    @Test("a view keeps what overlaps the window, relationships only with both ends, and every property, label and index")
    func view() throws {
        var g = GraphStore()
        let a = try g.addNode(labels: ["State"], properties: ["id": "a", "name": "A"])
        let b = try g.addNode(labels: ["Talk", "Process"], properties: ["id": "b", "date": "2015-04"])
        let c = try g.addNode(labels: ["Talk"], properties: ["id": "c", "date": "2015-06"])
        try g.addRelationship(type: "HOSTED", from: a, to: b, properties: ["w": 1.5])
        try g.addRelationship(type: "HOSTED", from: a, to: c)
        try g.addRelationship(type: "KNOWS", from: a, to: a, properties: ["start_date": "2015-05"])
        let (v, unreadable) = g.view(during: ValidPeriod.days(parsing: "2015-04")!)
        #expect(unreadable == 0)
        #expect(v.nodeCount == 2 && v.relationshipCount == 1)
        let bb = try #require(v.node(withID: "b"))
        #expect(Set(v.labels(of: bb)) == ["Talk", "Process"])
        #expect(v.property(of: bb, named: "date") == .string("2015-04"))
        let r = try #require(Array(v.relationshipIDs).first)
        #expect(v.type(of: r) == "HOSTED" && v.property(of: r, relationshipKeyNamed: "w") == .double(1.5))
        #expect(v.checkConsistency() == nil)
        #expect(v.degree(of: v.node(withID: "a")!, .outgoing) == 1)
        let may = g.view(during: ValidPeriod.days(parsing: "2015-05")!).graph
        #expect(may.relationshipCount == 1 && may.nodeCount == 1)
    }
}
