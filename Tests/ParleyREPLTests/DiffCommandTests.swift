import Foundation
import ParleyGraph
import ParleyIO
import Testing
@testable import ParleyREPL

/// `:diff FILE`: the graph in FILE (old) against the session's graph (new).
@Suite(":diff")
struct DiffCommandTests {
    /// A session over the fixture graph and the path of a file holding that same graph.
    static func saved() throws -> (Session, StringOutput, StringOutput, String) {
        let (session, out, err) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("diff-\(UUID().uuidString).json")
        try GraphFile.save(session.graph, to: path)
        return (session, out, err, path)
    }

    @Test(":diff DATE1 DATE2 compares two as-of views: what starts holding is added, what stops is removed")
    func dates() throws {
        let (session, out, err) = try REPLFixture.session()
        REPLFixture.run(session, "CREATE (:Talk {id: 'later', start_date: '2015-06'});")
        #expect(REPLFixture.run(session, ":diff 2015-05-25 2015-06-02") == 0, "\(err.text)")
        #expect(out.text.contains("+ node later :Talk {start_date: '2015-06'}"))
        #expect(out.text.contains("- node astana-1"))
        #expect(out.text.contains("2 relationships removed") || out.text.contains("removed"))
        #expect(REPLFixture.run(session, ":diff 2015-05 someday") == 1)
        #expect(err.text.contains("Expected a date YYYY-MM-DD, YYYY-MM or YYYY (or one file name), but found 'someday'"))
    }

    @Test(":diff FILE right after saving: no differences")
    func unchanged() throws {
        let (session, out, err, path) = try Self.saved()
        #expect(REPLFixture.run(session, ":diff \(path)") == 0)
        #expect(out.text == "no differences\n")
        #expect(err.text.isEmpty)
    }

    @Test(":diff FILE after edits shows what the session changed since FILE, FILE being the old side")
    func edits() throws {
        let (session, out, err, path) = try Self.saved()
        REPLFixture.run(session, """
            MATCH (k {id: 'kazakhstan'}) SET k.name = 'Republic of Kazakhstan', k:Host;
            CREATE (:State {id: 'saudi-arabia', name: 'Saudi Arabia'});
            MATCH (:State {id: 'russia'})-[r:HOSTED]->() DELETE r;
            MATCH (p {id: 'mistura'}) DETACH DELETE p;
            """)
        #expect(err.text.isEmpty)
        out.clear()
        #expect(REPLFixture.run(session, ":diff \(path)") == 0)
        #expect(out.text == """
            - node mistura :Person {name: 'Staffan de Mistura'}
            + node saudi-arabia :State {name: 'Saudi Arabia'}
            ~ node kazakhstan: name 'Kazakhstan' → 'Republic of Kazakhstan'; +:Host
            - (mistura)-[:ATTENDED]->(astana-1)
            - (russia)-[:HOSTED {evidence: 'said so'}]->(astana-1)
            1 node added, 1 removed, 1 changed; 0 relationships added, 2 removed, 0 changed

            """)
        #expect(session.graph.node(withID: "saudi-arabia") != nil, "the session's graph is untouched")
    }

    @Test("nodes created without an id match the file ids a save gave them")
    func unnamedNodes() throws {
        let (session, out, err) = try REPLFixture.session()
        REPLFixture.run(session, "CREATE (:Note {text: 'first'})-[:ON]->(:Note {text: 'second'});")
        let path = REPLFixture.temporaryPath("diff-\(UUID().uuidString).json")
        try GraphFile.save(session.graph, to: path)
        out.clear()
        #expect(REPLFixture.run(session, ":diff \(path)") == 0)
        #expect(out.text == "no differences\n")
        out.clear()
        REPLFixture.run(session, "MATCH (n:Note {text: 'second'}) SET n.text = '2nd';")
        out.clear()
        #expect(REPLFixture.run(session, ":diff \(path)") == 0)
        #expect(out.text == "~ node n5: text 'second' → '2nd'\n0 nodes added, 0 removed, 1 changed; 0 relationships added, 0 removed, 0 changed\n")
        #expect(err.text.isEmpty)
    }

    @Test("under an as-of view, :diff compares the whole graph, not the view")
    func underAsOfView() throws {
        let (session, out, err, path) = try Self.saved()
        REPLFixture.run(session, "CREATE (:Talk {id: 'geneva-2016', date: date('2016-01-29')});")
        REPLFixture.run(session, ":asof 2015-06-01")
        #expect(err.text.isEmpty)
        out.clear()
        #expect(REPLFixture.run(session, ":diff \(path)") == 0)
        #expect(out.text == """
            + node geneva-2016 :Talk {date: date('2016-01-29')}
            1 node added, 0 removed, 0 changed; 0 relationships added, 0 removed, 0 changed

            """)
    }

    @Test(":diff of a missing or malformed file fails with the load error; the graph stays")
    func badFile() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":diff /nonexistent/g.json", fileName: nil) == 1)
        #expect(err.text == "/nonexistent/g.json: error: cannot read the file: no such file or directory\n")
        err.clear()
        let bad = REPLFixture.temporaryPath("bad-\(UUID().uuidString).json")
        try "{\"nodes\": [}".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(REPLFixture.run(session, ":diff \(bad)", fileName: nil) == 1)
        #expect(err.text.hasPrefix("\(bad):1:12: error: "))
        #expect(session.graph.nodeCount == 4)
    }

    @Test(":diff needs exactly one file name")
    func usage() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":diff", fileName: nil) == 1)
        #expect(err.text == "error: Expected one file name, or two dates. Usage: :diff FILE | :diff DATE1 DATE2\n")
        err.clear()
        REPLFixture.run(session, ":diff a.json b.json")
        #expect(err.text.hasPrefix("test.cypher:1:7: error: Expected a date YYYY-MM-DD, YYYY-MM or YYYY (or one file name), but found 'a.json'\n"))
    }

    @Test(":help lists :diff and :help diff says which side is old")
    func help() throws {
        let (session, out, _) = try REPLFixture.session()
        REPLFixture.run(session, ":help diff")
        #expect(out.text.hasPrefix(":diff FILE | :diff DATE1 DATE2\n  What changed from the graph in FILE to this session's graph, or between two dates.\n"))
        #expect(out.text.contains("FILE is the old side"))
    }
}
