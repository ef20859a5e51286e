import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

@Suite("COUNT { } and COLLECT { } subquery expressions")
struct CountCollectSubqueryTests {
    @Test("COUNT with the pattern short form counts each row's matches, correlated with the outer row")
    func countPattern() throws {
        let g = try socialGraph()
        let r = try run("MATCH (p:Person) RETURN p.name, COUNT { (p)-[:KNOWS]-() } AS n ORDER BY p.name", on: g)
        #expect(r.rows == [["Alice", 1], ["Bob", 2], ["Carol", 1]])
        let w = try run("MATCH (p:Person) RETURN p.name, count { (p)-[:KNOWS]-(f) WHERE f.age > 26 } AS n ORDER BY p.name", on: g)
        #expect(w.rows == [["Alice", 0], ["Bob", 2], ["Carol", 0]])
    }

    @Test("COUNT over a full subquery, in WHERE, and zero for an empty result")
    func countFullSubquery() throws {
        let g = try socialGraph()
        let r = try run("MATCH (p:Person) WHERE COUNT { MATCH (p)-[:WORKS_AT]->(c) RETURN c } = 1 RETURN p.name ORDER BY p.name", on: g)
        #expect(column(r) == ["Alice", "Carol"])
        #expect(column(try run("MATCH (c:Company) RETURN COUNT { MATCH (c)-[:KNOWS]->() } AS n", on: g)) == [0])
    }

    @Test("COLLECT returns the list of its single column per outer row; empty subqueries give []")
    func collect() throws {
        let g = try socialGraph()
        let r = try run("MATCH (p:Person) RETURN p.name, COLLECT { MATCH (p)-[:KNOWS]->(f) RETURN f.name } AS friends ORDER BY p.name", on: g)
        #expect(r.rows == [["Alice", ["Bob"]], ["Bob", ["Carol"]], ["Carol", []]])
        let w = try run("MATCH (p:Person) WHERE 'Acme' IN COLLECT { MATCH (p)-[:WORKS_AT]->(c) RETURN c.name } RETURN p.name ORDER BY p.name", on: g)
        #expect(column(w) == ["Alice", "Carol"])
    }

    @Test("UNION inside COLLECT and COUNT, per outer row")
    func unionInside() throws {
        let g = try socialGraph()
        let q = """
        MATCH (p:Person {name: 'Bob'})
        RETURN COLLECT { MATCH (p)-[:KNOWS]->(f) RETURN f.name AS x UNION MATCH (p)<-[:KNOWS]-(f) RETURN f.name AS x UNION RETURN 'Carol' AS x } AS xs
        """
        #expect(column(try run(q, on: g)) == [["Carol", "Alice"]])
        let all = "MATCH (p:Person {name: 'Bob'}) RETURN COUNT { RETURN 1 AS x UNION ALL RETURN 1 AS x } AS n"
        #expect(column(try run(all, on: g)) == [2])
    }

    @Test("EXPLAIN shows the subquery's plan")
    func explain() throws {
        let g = try socialGraph()
        let plan = try run("EXPLAIN MATCH (p:Person) RETURN COUNT { MATCH (p)-->() RETURN 1 AS one UNION RETURN 2 AS one } AS n", on: g).plan ?? ""
        #expect(plan.contains("\nCOUNT subquery #1 (per row)\n  Union\n    (per row)\n"), "\(plan)")
        #expect(plan.contains("Expand (p)-[]->()"), "\(plan)")
    }

    @Test("the manual's rules are compile-time errors with positions")
    func errors() throws {
        let g = try socialGraph()
        let write = failure("MATCH (p) RETURN COUNT { MATCH (p)-->(q) SET q.x = 1 } AS n", on: g)
        #expect(write?.message == "A COUNT subquery cannot write to the graph")
        #expect(write?.range?.start.column == 42)
        let noReturn = failure("MATCH (p) RETURN COLLECT { MATCH (p)-->(q) } AS n", on: g)
        #expect(noReturn?.message == "A COLLECT subquery must end with a RETURN clause")
        #expect(noReturn?.range?.start.column == 28)
        let twoColumns = failure("MATCH (p) RETURN COLLECT { MATCH (p)-->(q) RETURN q, p } AS n", on: g)
        #expect(twoColumns?.message == "A COLLECT subquery must return exactly one column")
        #expect(twoColumns?.range?.start.column == 44)
        let collectWrite = failure("RETURN COLLECT { CREATE (n) RETURN n } AS n", on: g)
        #expect(collectWrite?.message == "A COLLECT subquery cannot write to the graph")
        #expect(collectWrite?.range?.start.column == 18)
    }
}
