import Foundation
import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyREPL

/// As-of views, validity functions and the timeline, through a session.
@Suite("Time: :asof, :between, validAt, :timeline")
struct TimeViewTests {
    /// A graph with every kind of validity: points (day, month, year), intervals (closed, open,
    /// since always), an undated node, and a date that is not a date.
    static func graph() throws -> GraphStore {
        var g = GraphStore()
        let kz = try g.addNode(labels: ["State"], properties: ["id": "kz", "name": "Kazakhstan"])
        let osce = try g.addNode(labels: ["Talk"], properties: ["id": "osce", "name": "OSCE summit", "date": "2010"])
        let april = try g.addNode(labels: ["Talk"], properties: ["id": "moscow", "name": "Moscow talks", "date": "2015-04"])
        let astana = try g.addNode(labels: ["Talk"], properties: ["id": "astana", "name": "Astana talks", "start_date": .temporal(.date(try CypherDate(year: 2015, month: 5, day: 25))), "end_date": "2015-05-28"])
        let alliance = try g.addNode(labels: ["Group"], properties: ["id": "bloc", "name": "Bloc", "start_date": "2014"])
        let old = try g.addNode(labels: ["Group"], properties: ["id": "old", "name": "Old group", "end_date": "2012-06-01"])
        try g.addRelationship(type: "HOSTED", from: kz, to: osce, properties: ["date": "2010"])
        try g.addRelationship(type: "HOSTED", from: kz, to: astana)
        try g.addRelationship(type: "MEMBER_OF", from: kz, to: alliance, properties: ["start_date": "2014", "end_date": "2015-05-01"])
        try g.addRelationship(type: "WATCHED", from: kz, to: april)
        _ = old
        return g
    }

    static func session(interactive: Bool = false) throws -> (Session, StringOutput, StringOutput) {
        let out = StringOutput(), err = StringOutput()
        return (Session(graph: try graph(), path: nil, output: out, errors: err, interactive: interactive), out, err)
    }

    static func ids(_ session: Session) -> [String] {
        session.graph.nodeIDs.compactMap { if case .string(let s) = session.graph.property(of: $0, named: "id") { return s }; return nil }.sorted()
    }

    @Test(":asof DAY keeps what holds that day; relationships need both ends; the prompt shows the day")
    func asOfDay() throws {
        let (s, out, err) = try Self.session()
        #expect(REPLFixture.run(s, ":asof 2015-05-26\n") == 0, "\(err.text)")
        #expect(Self.ids(s) == ["astana", "bloc", "kz"])
        #expect(s.graph.relationshipCount == 1)  // HOSTED astana; MEMBER_OF ended 2015-05-01; WATCHED's end is gone
        #expect(out.text.contains("As of 2015-05-26: 3 of 6 nodes, 1 of 4 relationships hold"))
        #expect(s.currentPrompt == "parley@2015-05-26> ")
        #expect(REPLFixture.run(s, ":asof 2015-05-28\n") == 0)
        #expect(Self.ids(s) == ["bloc", "kz"], "the end day is excluded")
        #expect(REPLFixture.run(s, ":asof 2015-05-25\n") == 0)
        #expect(Self.ids(s).contains("astana"), "the start day is included")
    }

    @Test("a month or a year is the whole period; a partial point date holds all of it")
    func partialPeriods() throws {
        let (s, _, _) = try Self.session()
        #expect(REPLFixture.run(s, ":asof 2015-04-30\n") == 0)
        #expect(Self.ids(s) == ["bloc", "kz", "moscow"])
        #expect(REPLFixture.run(s, ":asof 2010\n") == 0)
        #expect(Self.ids(s) == ["kz", "old", "osce"])
        #expect(REPLFixture.run(s, ":asof 2015-05\n") == 0)
        #expect(Self.ids(s) == ["astana", "bloc", "kz"])
    }

    @Test(":between FROM TO shows what holds at some day of [FROM, TO)")
    func between() throws {
        let (s, out, _) = try Self.session()
        #expect(REPLFixture.run(s, ":between 2015-04-01 2015-05-25\n") == 0)
        #expect(Self.ids(s) == ["bloc", "kz", "moscow"])
        #expect(s.graph.relationshipCount == 2)  // MEMBER_OF (to 2015-05-01) and WATCHED
        #expect(out.text.contains("Between 2015-04-01 and 2015-05-25:"))
        #expect(s.currentPrompt == "parley@2015-04-01..2015-05-25> ")
    }

    @Test("writes are refused in a view with a positioned message; :asof off gives the whole graph back")
    func readOnly() throws {
        let (s, out, err) = try Self.session()
        #expect(REPLFixture.run(s, ":asof 2015-05-26\nMATCH (n) SET n.x = 1;\n") == 1)
        #expect(err.text.contains("test.cypher:2:11: error[ReadOnly]: SET cannot run: the graph is an as-of view (2015-05-26); :asof off ends it"))
        #expect(!s.isModified)
        #expect(REPLFixture.run(s, ":asof off\nCREATE (:New);\n") == 0)
        #expect(s.graph.nodeCount == 7)
        #expect(out.text.contains("As-of view ended"))
        #expect(s.currentPrompt == "parley> ")
    }

    @Test(":asof alone describes the view; bad dates are errors naming what is accepted")
    func describeAndErrors() throws {
        let (s, out, err) = try Self.session()
        #expect(REPLFixture.run(s, ":asof\n") == 0)
        #expect(out.text.contains("No as-of view"))
        #expect(REPLFixture.run(s, ":asof 2015-02-30\n") == 1)
        #expect(err.text.contains("test.cypher:1:7: error: Expected a day YYYY-MM-DD, a month YYYY-MM or a year YYYY (or off), but found '2015-02-30'"))
        #expect(REPLFixture.run(s, ":between 2015-05 2015-04\n") == 1)
        #expect(err.text.contains("The end (2015-04) must come after the start (2015-05)"))
        #expect(REPLFixture.run(s, ":between 2015\n") == 1)
        #expect(s.timeView == nil)
    }

    @Test(":save in a view writes the whole graph; :load keeps the view over the new graph")
    func saveAndLoad() throws {
        let (s, out, err) = try Self.session()
        let path = REPLFixture.temporaryPath("asof-save.json")
        #expect(REPLFixture.run(s, ":asof 2015-05-26\n:save \(path)\n") == 0, "\(err.text)")
        #expect(out.text.contains("Saved 6 nodes"))
        #expect(out.text.contains("(the whole graph, not the as-of view)"))
        #expect(REPLFixture.run(s, ":load \(path)\n") == 0, "\(err.text)")
        #expect(s.timeView != nil && Self.ids(s) == ["astana", "bloc", "kz"])
        #expect(s.wholeGraph.nodeCount == 6)
    }

    @Test("validAt and validBetween answer per element by the same rule, in any query")
    func functions() throws {
        let (s, out, err) = try Self.session()
        s.mode = .csv
        let q = """
            MATCH (n) RETURN n.id AS id, validAt(n, date('2015-05-26')) AS may26, validAt(n, '2010') AS y2010,
            validBetween(n, '2015-04-01', '2015-05-25') AS spring ORDER BY id;
            """
        #expect(REPLFixture.run(s, q) == 0, "\(err.text)")
        #expect(out.text.replacingOccurrences(of: "\r\n", with: "\n") == """
            id,may26,y2010,spring
            astana,true,false,false
            bloc,true,false,true
            kz,true,true,true
            moscow,false,false,true
            old,false,true,false
            osce,false,true,false

            """)
    }

    @Test("validAt rejects what is not a day, and an element whose date is not a date")
    func functionErrors() throws {
        let (s, _, err) = try Self.session()
        #expect(REPLFixture.run(s, "MATCH (n {id: 'kz'}) RETURN validAt(n, 'May');") == 1)
        #expect(err.text.contains("validAt() expects a day as a DATE or as text YYYY-MM-DD, YYYY-MM or YYYY, but got 'May'"))
        #expect(REPLFixture.run(s, "CREATE (n:X {date: 'soon'}) RETURN validAt(n, '2015');") == 1)
        #expect(err.text.contains("validAt(): the element's date, start_date or end_date is not a date"))
        #expect(REPLFixture.run(s, "RETURN validAt(null, '2015') AS a, validAt(1, null) AS b;") == 0)
    }

    @Test("an element whose validity property is not a date is kept in views and counted")
    func unreadableKept() throws {
        let (s, out, _) = try Self.session()
        #expect(REPLFixture.run(s, "CREATE (:X {id: 'x', date: 'soon'});\n:asof 2015-05-26\n") == 0)
        #expect(Self.ids(s).contains("x"))
        #expect(out.text.contains("1 element has a date, start_date or end_date that is not a date; they are shown."))
    }

    @Test(":timeline lists the dated elements earliest first, in the output mode; with a query, only its elements")
    func timeline() throws {
        let (s, out, err) = try Self.session()
        s.mode = .csv
        #expect(REPLFixture.run(s, ":timeline\n") == 0, "\(err.text)")
        #expect(out.text.replacingOccurrences(of: "\r\n", with: "\n") == """
            when,what,who
            ..2012-06-01,:Group,Old group
            2010,:HOSTED,Kazakhstan → OSCE summit
            2010,:Talk,OSCE summit
            2014..2015-05-01,:MEMBER_OF,Kazakhstan → Bloc
            2014..,:Group,Bloc
            2015-04,:Talk,Moscow talks
            2015-05-25..2015-05-28,:Talk,Astana talks

            """)
        let before = out.text.count
        #expect(REPLFixture.run(s, ":timeline MATCH (t:Talk) WHERE t.date IS NOT NULL RETURN t\n") == 0)
        #expect(String(out.text.dropFirst(before)).replacingOccurrences(of: "\r\n", with: "\n") == "\nwhen,what,who\n2010,:Talk,OSCE summit\n2015-04,:Talk,Moscow talks\n")
    }

    @Test(":render timeline FILE and :timeline FILE draw the dated elements with Graphviz; nothing dated is an error")
    func renderTimeline() throws {
        let (s, out, err) = try Self.session()
        let a = REPLFixture.temporaryPath("timeline-a.svg"), b = REPLFixture.temporaryPath("timeline-b.svg")
        #expect(REPLFixture.run(s, ":render timeline \(a)\n:timeline \(b) MATCH (t:Talk) RETURN t\n") == 0, "\(err.text)")
        #expect(out.text.contains("Wrote \(a) (7 dated elements)."))
        #expect(out.text.contains("Wrote \(b) (3 dated elements)."))
        let svg = try String(contentsOfFile: a, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Astana talks") && svg.contains("Moscow talks"))
        #expect(REPLFixture.run(s, ":render timeline \(b) MATCH (k:State) RETURN k\n") == 1)
        #expect(err.text.contains("Nothing to draw: no element the query returned has a date"))
    }

    @Test(":export dot in a view draws only what holds")
    func dotRespectsView() throws {
        let (s, _, err) = try Self.session()
        let path = REPLFixture.temporaryPath("asof.dot")
        #expect(REPLFixture.run(s, ":asof 2015-05-26\n:export dot \(path)\n") == 0, "\(err.text)")
        let dot = try String(contentsOfFile: path, encoding: .utf8)
        #expect(dot.contains("Astana talks") && !dot.contains("OSCE summit") && !dot.contains("Moscow talks"))
    }
}
