import Testing
import ParleyGraph
@testable import ParleyQuery

/// `FOREACH (x IN list | updates)`: every write clause in the body, nesting, scoping, the rows
/// it passes on, statistics and errors.
@Suite("FOREACH")
struct ForeachTests {
    @Test("CREATE in FOREACH creates one node per element and reports it")
    func create() throws {
        var engine = QueryEngine(graph: GraphStore())
        let r = try engine.run("FOREACH (x IN [1, 2, 3] | CREATE (:N {v: x}))")
        #expect(r.statistics.nodesCreated == 3 && r.statistics.propertiesSet == 3 && r.statistics.labelsAdded == 3)
        #expect(column(try engine.run("MATCH (n:N) RETURN n.v ORDER BY n.v")) == [1, 2, 3])
    }

    @Test("nested FOREACH sees the outer variable; several clauses run in order")
    func nested() throws {
        var engine = QueryEngine(graph: GraphStore())
        let r = try engine.run("""
            FOREACH (x IN [1, 2] |
              FOREACH (y IN [10, 20] | CREATE (p:P {v: x * y}) SET p.x = x)
              CREATE (:Q {x: x}))
            """)
        #expect(r.statistics.nodesCreated == 6)
        #expect(r.statistics.propertiesSet == 10)
        #expect(column(try engine.run("MATCH (p:P) RETURN p.v ORDER BY p.v")) == [10, 20, 20, 40])
        #expect(column(try engine.run("MATCH (q:Q) RETURN q.x ORDER BY q.x")) == [1, 2])
    }

    @Test("MERGE in FOREACH creates once per distinct value")
    func merge() throws {
        var engine = QueryEngine(graph: GraphStore())
        let r = try engine.run("FOREACH (t IN ['a', 'b', 'a'] | MERGE (:Tag {name: t}))")
        #expect(r.statistics.nodesCreated == 2)
        #expect(column(try engine.run("MATCH (t:Tag) RETURN t.name ORDER BY t.name")) == ["a", "b"])
    }

    @Test("SET and REMOVE in FOREACH over a path's nodes; the rows pass on unchanged")
    func setAndRemove() throws {
        var engine = QueryEngine(graph: try socialGraph())
        let r = try engine.run("""
            MATCH p = (a {name: 'Alice'})-[:KNOWS*]->(c {name: 'Carol'})
            FOREACH (n IN nodes(p) | SET n.marked = true REMOVE n:Admin)
            RETURN a.name, c.name, length(p)
            """)
        #expect(r.rows == [["Alice", "Carol", 2]])
        #expect(r.statistics.propertiesSet == 3 && r.statistics.labelsRemoved == 1)
        #expect(column(try engine.run("MATCH (n {marked: true}) RETURN n.name ORDER BY n.name")) == ["Alice", "Bob", "Carol"])
        #expect(column(try engine.run("MATCH (n:Admin) RETURN count(n)")) == [0])
        let rows = try engine.run("MATCH (n:Person) FOREACH (i IN [] | SET n.never = i) RETURN n.name ORDER BY n.name")
        #expect(column(rows) == ["Alice", "Bob", "Carol"] && rows.statistics.isEmpty)
    }

    @Test("DELETE and DETACH DELETE in FOREACH")
    func delete() throws {
        var engine = QueryEngine(graph: try socialGraph())
        var r = try engine.run("MATCH ()-[k:KNOWS]->() WITH collect(k) AS ks FOREACH (k IN ks | DELETE k)")
        #expect(r.statistics.relationshipsDeleted == 2)
        r = try engine.run("MATCH (c:Company) FOREACH (x IN [c] | DETACH DELETE x)")
        #expect(r.statistics.nodesDeleted == 1 && r.statistics.relationshipsDeleted == 2)
        #expect(engine.graph.nodeCount == 3)
        #expect(engine.graph.checkConsistency() == nil)
    }

    @Test("a null list runs the body zero times")
    func nullList() throws {
        var engine = QueryEngine(graph: GraphStore())
        let r = try engine.run("FOREACH (x IN null | CREATE ())")
        #expect(r.statistics.isEmpty)
    }

    @Test("EXPLAIN shows the body under the Foreach step")
    func explain() throws {
        let plan = try #require(try run("EXPLAIN MATCH (n:Person) FOREACH (x IN [1] | SET n.x = x) RETURN n", on: try socialGraph()).plan)
        #expect(plan.contains("Foreach x IN [1]"))
        #expect(plan.contains("(per row)"))
        #expect(plan.contains("SetProperties"))
    }

    @Test("the variable and what the body creates are scoped to the body")
    func scoping() throws {
        var e = try #require(failure("FOREACH (x IN [1] | CREATE (n:N)) RETURN x"))
        #expect(e.detail == "UndefinedVariable" && e.range?.start.column == 42)
        e = try #require(failure("FOREACH (x IN [1] | CREATE (n:N)) RETURN n"))
        #expect(e.detail == "UndefinedVariable" && e.range?.start.column == 42)
        e = try #require(failure("MATCH (x) FOREACH (x IN [1] | CREATE ())"))
        #expect(e.detail == "VariableAlreadyBound")
        e = try #require(failure("FOREACH (x IN [1] | SET y.a = 1)"))
        #expect(e.detail == "UndefinedVariable" && e.range?.start.column == 25)
    }

    @Test("reading clauses inside FOREACH are syntax errors at the clause")
    func readingClauses() throws {
        var e = try #require(failure("FOREACH (x IN [1] | MATCH (n) SET n.x = x)"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 21 && e.message.contains("MATCH"))
        e = try #require(failure("FOREACH (x IN [1] | WITH x AS y CREATE ())"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 21)
        e = try #require(failure("FOREACH (x IN [1] | UNWIND [1] AS y CREATE ())"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 21)
        e = try #require(failure("FOREACH (x IN [1] | CREATE () RETURN x)"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 31)
        e = try #require(failure("FOREACH (x IN [1] | )"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 21)
        e = try #require(failure("FOREACH (x IN 5 | CREATE ())"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 15)
        e = try #require(failure("UNWIND [1, 'a'] AS v FOREACH (x IN v | CREATE ())"))
        #expect(e.type == "TypeError" && e.range?.start.column == 36)
    }
}
