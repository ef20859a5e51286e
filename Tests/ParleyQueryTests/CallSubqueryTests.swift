import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

@Suite("CALL { } subqueries: unit and returning, imports, UNION, OPTIONAL CALL, writes")
struct CallSubqueryTests {
    @Test("a returning CALL multiplies each row by the subquery's rows and adds its columns")
    func returning() throws {
        let g = try socialGraph()
        let r = try run("UNWIND [1, 2] AS i CALL { MATCH (c:Company) RETURN c.name AS company } RETURN i, company", on: g)
        #expect(r.rows == [[1, "Acme"], [2, "Acme"]])
        let many = try run("UNWIND [1, 2] AS i CALL { UNWIND [10, 20] AS j RETURN j } RETURN i, j", on: g)
        #expect(many.rows == [[1, 10], [1, 20], [2, 10], [2, 20]])
    }

    @Test("correlation: importing WITH, scope clause (a, b) and (*)")
    func imports() throws {
        let g = try socialGraph()
        let q1 = "MATCH (p:Person) CALL { WITH p MATCH (p)-[:KNOWS]->(f) RETURN f.name AS friend } RETURN p.name, friend ORDER BY p.name"
        #expect(try run(q1, on: g).rows == [["Alice", "Bob"], ["Bob", "Carol"]])
        let q2 = "MATCH (p:Person) CALL (p) { MATCH (p)-[:KNOWS]->(f) RETURN f.name AS friend } RETURN p.name, friend ORDER BY p.name"
        #expect(try run(q2, on: g).rows == [["Alice", "Bob"], ["Bob", "Carol"]])
        let q3 = "MATCH (p:Person) WITH p, 1 AS k CALL (*) { RETURN p.age + k AS next } RETURN next ORDER BY next"
        #expect(column(try run(q3, on: g)) == [26, 31, 36])
        let agg = "MATCH (p:Person) CALL (p) { OPTIONAL MATCH (p)-[:KNOWS]-(f) RETURN count(f) AS n } RETURN p.name, n ORDER BY p.name"
        #expect(try run(agg, on: g).rows == [["Alice", 1], ["Bob", 2], ["Carol", 1]])
    }

    @Test("a row whose subquery yields nothing is dropped; OPTIONAL CALL keeps it with nulls")
    func emptyAndOptional() throws {
        let g = try socialGraph()
        let q = "MATCH (p:Person) CALL (p) { MATCH (p)-[:WORKS_AT]->(c) RETURN c.name AS company } RETURN p.name, company ORDER BY p.name"
        #expect(try run(q, on: g).rows == [["Alice", "Acme"], ["Carol", "Acme"]])
        let o = q.replacingOccurrences(of: "CALL (p)", with: "OPTIONAL CALL (p)")
        #expect(try run(o, on: g).rows == [["Alice", "Acme"], ["Bob", .null], ["Carol", "Acme"]])
    }

    @Test("UNION and UNION ALL inside CALL, per outer row")
    func unionInside() throws {
        let g = try socialGraph()
        let q = """
        MATCH (p:Person {name: 'Bob'})
        CALL (p) { MATCH (p)-[:KNOWS]->(x) RETURN x.name AS n UNION MATCH (p)<-[:KNOWS]-(x) RETURN x.name AS n UNION RETURN 'Alice' AS n }
        RETURN n ORDER BY n
        """
        #expect(column(try run(q, on: g)) == ["Alice", "Carol"])
        let all = "UNWIND [1, 2] AS i CALL { RETURN 'x' AS v UNION ALL RETURN 'x' AS v } RETURN i, v"
        #expect(try run(all, on: g).rows == [[1, "x"], [1, "x"], [2, "x"], [2, "x"]])
    }

    @Test("a unit CALL that writes runs per row and passes rows on unchanged")
    func unitWrites() throws {
        var engine = QueryEngine(graph: try socialGraph())
        let r = try engine.run("MATCH (p:Person) CALL (p) { CREATE (:Tag {of: p.name}) } RETURN p.name ORDER BY p.name")
        #expect(column(r) == ["Alice", "Bob", "Carol"])
        let tags = try engine.run("MATCH (t:Tag) RETURN t.of ORDER BY t.of")
        #expect(column(tags) == ["Alice", "Bob", "Carol"])
        _ = try engine.run("UNWIND [1, 2] AS i CALL { WITH i CREATE (:Num {v: i}) }")
        #expect(column(try engine.run("MATCH (n:Num) RETURN n.v ORDER BY n.v")) == [1, 2])
        let created = try engine.run("CALL { CREATE (n:Fresh {v: 7}) RETURN n } RETURN n.v")
        #expect(column(created) == [7])
    }

    @Test("EXPLAIN shows the CALL step with its plan per row")
    func explain() throws {
        let g = try socialGraph()
        let plan = try run("EXPLAIN MATCH (p:Person) OPTIONAL CALL (p) { MATCH (p)-->(f) RETURN f } RETURN p, f", on: g).plan ?? ""
        #expect(plan.contains("OptionalSubqueryCall f"))
        #expect(plan.contains("(per row)"))
        let unit = try run("EXPLAIN MATCH (p:Person) CALL (p) { SET p.seen = true }", on: g).plan ?? ""
        #expect(unit.contains("UnitSubqueryCall"))
        let union = try run("EXPLAIN CALL { RETURN 1 AS x UNION RETURN 2 AS x } RETURN x", on: g).plan ?? ""
        #expect(union.contains("Union"))
    }

    @Test("the manual's errors, with positions")
    func errors() throws {
        let g = try socialGraph()
        let shadow = failure("MATCH (p:Person) CALL { MATCH (q) RETURN q AS p } RETURN p", on: g)
        #expect(shadow?.message == "Variable `p` already declared in outer scope")
        #expect(shadow?.range?.start.column == 35)
        let aliasing = failure("MATCH (p:Person) CALL { WITH p AS q RETURN q } RETURN q", on: g)
        #expect(aliasing?.message == "Importing WITH should consist only of simple references to outside variables. Aliasing or expressions are not supported.")
        #expect(aliasing?.range?.start.column == 30)
        let whereImport = failure("MATCH (p:Person) CALL { WITH p WHERE p.age > 1 RETURN p.name AS n } RETURN n", on: g)
        #expect(whereImport?.message == "Importing WITH should consist only of simple references to outside variables. WHERE is not allowed.")
        #expect(whereImport?.range?.start.column == 38)
        let undefinedImport = failure("MATCH (p:Person) CALL (x) { RETURN 1 AS one } RETURN one", on: g)
        #expect(undefinedImport?.message == "Variable `x` not defined")
        #expect(undefinedImport?.range?.start.column == 24)
        let notImported = failure("MATCH (p:Person) CALL { MATCH (p)-->(f) RETURN f } RETURN f", on: g)
        #expect(notImported == nil, "an outer name not imported is a new variable inside")
        let readOnlyUnit = failure("MATCH (p:Person) CALL (p) { MATCH (p)-->(f) } RETURN p", on: g)
        #expect(readOnlyUnit?.message == "A CALL subquery cannot conclude with MATCH (must be RETURN or an update clause)")
        #expect(readOnlyUnit?.range?.start.column == 29)
        let columns = failure("CALL { RETURN 1 AS a UNION RETURN 2 AS b } RETURN a", on: g)
        #expect(columns?.detail == "DifferentColumnsInUnion")
        #expect(columns?.range?.start.column == 6)
        let endsWithCall = failure("CALL { RETURN 1 AS a }", on: g)
        #expect(endsWithCall?.detail == "InvalidClauseComposition")
    }
}

@Suite("CALL subqueries nested in each other and in expressions")
struct NestedCallSubqueryTests {
    @Test("a CALL inside a CALL's UNION and inside EXISTS and COUNT sees what it imports")
    func nested() throws {
        let g = try socialGraph()
        let q = "UNWIND [1, 2] AS i CALL (i) { CALL (i) { RETURN i * 10 AS j } RETURN j + 1 AS k UNION RETURN 0 AS k } RETURN i, k"
        #expect(try run(q, on: g).rows == [[1, 11], [1, 0], [2, 21], [2, 0]])
        let e = "MATCH (p:Person {name: 'Bob'}) RETURN EXISTS { CALL (p) { MATCH (p)-[:KNOWS]->(f) RETURN f } RETURN f } AS e, COUNT { CALL () { RETURN 1 AS x } RETURN x } AS c"
        #expect(try run(e, on: g).rows == [[true, 1]])
        let union = "MATCH (p:Person) WHERE EXISTS { MATCH (p)-[:WORKS_AT]->() RETURN 1 AS x UNION MATCH (p)<-[:KNOWS]-() RETURN 1 AS x } RETURN p.name ORDER BY p.name"
        #expect(column(try run(union, on: g)) == ["Alice", "Bob", "Carol"])
    }

    @Test("PROFILE counts the rows of the steps inside a CALL and its UNION")
    func profile() throws {
        let g = try socialGraph()
        let plan = try run("PROFILE UNWIND [1, 2] AS i CALL { RETURN 1 AS x UNION ALL RETURN 2 AS x } RETURN i, x", on: g).plan ?? ""
        #expect(plan.contains("SubqueryCall x  [rows=4"), "\(plan)")
        #expect(plan.contains("UnionAll  [rows=4"), "\(plan)")
    }

    @Test("an importing WITH may not use DISTINCT, ORDER BY, SKIP or LIMIT")
    func importingWithModifiers() throws {
        let g = try socialGraph()
        let e = failure("MATCH (p:Person) CALL { WITH DISTINCT p RETURN p.name AS n } RETURN n", on: g)
        #expect(e?.message == "Importing WITH should consist only of simple references to outside variables. DISTINCT, ORDER BY, SKIP and LIMIT are not allowed.")
        #expect(e?.range?.start.column == 25)
    }
}

@Suite("What a CALL subquery returns keeps its kind outside")
struct CallSubqueryKindTests {
    @Test("a node returned by CALL can be matched from and typed as a node")
    func returnedNodeIsNode() throws {
        let g = try socialGraph()
        let r = try run("CALL { MATCH (c:Company) RETURN c } MATCH (c)<-[:WORKS_AT]-(p) RETURN p.name ORDER BY p.name", on: g)
        #expect(column(r) == ["Alice", "Carol"])
        let bad = failure("CALL { RETURN 1 AS x } MATCH (x)-->() RETURN x", on: g)
        #expect(bad?.type == "SyntaxError")
    }
}
