import Testing
import ParleyGraph
@testable import ParleyQuery

@Suite("RETURN, WITH, ORDER BY, SKIP, LIMIT, UNWIND, UNION")
struct ProjectionTests {
    @Test("RETURN DISTINCT, aliases and RETURN *")
    func returnForms() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (p:Person)-[:WORKS_AT]->(c) RETURN DISTINCT c.name AS company", on: g)) == ["Acme"])
        let star = try run("MATCH (c:Company) WITH c, c.name AS name RETURN *", on: g)
        #expect(star.columns == ["c", "name"])
        #expect(star.rows.count == 1)
    }

    @Test("ORDER BY ascending, descending, several keys, nulls last")
    func orderBy() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (n) RETURN n.age ORDER BY n.age", on: g)) == [25, 30, 35, nil])
        #expect(column(try run("MATCH (n) RETURN n.age ORDER BY n.age DESCENDING", on: g)) == [nil, 35, 30, 25])
        #expect(column(try run("MATCH (n:Person) RETURN n.name ORDER BY n:Admin DESC, n.name ASC", on: g)) == ["Carol", "Alice", "Bob"])
    }

    @Test("ORDER BY may use a projected alias or a variable from before the projection")
    func orderByScope() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (n:Person) RETURN n.name AS x ORDER BY x DESC", on: g)) == ["Carol", "Bob", "Alice"])
        #expect(column(try run("MATCH (n:Person) RETURN n.name ORDER BY n.age", on: g)) == ["Bob", "Alice", "Carol"])
        #expect(failure("MATCH (n:Person) RETURN DISTINCT n.name ORDER BY n.age", on: g)?.detail == "UndefinedVariable")
    }

    @Test("SKIP and LIMIT, including with parameters")
    func skipLimit() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (n:Person) RETURN n.name ORDER BY n.name SKIP 1 LIMIT 1", on: g)) == ["Bob"])
        #expect(column(try run("MATCH (n:Person) RETURN n.name ORDER BY n.name LIMIT $l", on: g, ["l": 2])) == ["Alice", "Bob"])
        #expect(try run("MATCH (n) RETURN n LIMIT 0", on: g).rows.isEmpty)
    }

    @Test("SKIP and LIMIT reject negative, non-integer and variable arguments")
    func skipLimitErrors() throws {
        let g = try socialGraph()
        #expect(failure("MATCH (n) RETURN n LIMIT -1", on: g)?.detail == "NegativeIntegerArgument")
        #expect(failure("MATCH (n) RETURN n SKIP 1.5", on: g)?.detail == "InvalidArgumentType")
        #expect(failure("MATCH (n) RETURN n LIMIT n.age", on: g)?.detail == "NonConstantExpression")
        let e = failure("MATCH (n) RETURN n LIMIT $l", on: g, ["l": -2])
        #expect(e?.detail == "NegativeIntegerArgument")
        #expect(e?.phase == .runtime)
    }

    @Test("WITH re-scopes variables and its WHERE filters after projection")
    func with() throws {
        let g = try socialGraph()
        let r = try run("MATCH (n:Person) WITH n.name AS name, n.age AS age WHERE age > 26 RETURN name ORDER BY name", on: g)
        #expect(column(r) == ["Alice", "Carol"])
        #expect(failure("MATCH (n:Person) WITH n.name AS name RETURN n", on: g)?.detail == "UndefinedVariable")
        let top = try run("MATCH (n:Person) WITH n ORDER BY n.age DESC LIMIT 1 RETURN n.name", on: g)
        #expect(column(top) == ["Carol"])
    }

    @Test("UNWIND lists, null and nested lists")
    func unwind() throws {
        let g = GraphStore()
        #expect(column(try run("UNWIND [1, 2, 3] AS x RETURN x", on: g)) == [1, 2, 3])
        #expect(try run("UNWIND null AS x RETURN x", on: g).rows.isEmpty)
        #expect(try run("UNWIND [] AS x RETURN x", on: g).rows.isEmpty)
        #expect(column(try run("UNWIND [[1, 2], [3]] AS l UNWIND l AS x RETURN x", on: g)) == [1, 2, 3])
    }

    @Test("UNION removes duplicates, UNION ALL keeps them, columns must agree")
    func union() throws {
        let g = GraphStore()
        #expect(column(try run("RETURN 1 AS x UNION RETURN 1 AS x UNION RETURN 2 AS x", on: g)) == [1, 2])
        #expect(column(try run("RETURN 1 AS x UNION ALL RETURN 1 AS x", on: g)) == [1, 1])
        #expect(failure("RETURN 1 AS x UNION RETURN 2 AS y")?.detail == "DifferentColumnsInUnion")
        #expect(failure("RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x")?.detail == "InvalidClauseComposition")
    }

    @Test("count(*), count(x) and count(DISTINCT x) group by the other items")
    func counting() throws {
        let g = try socialGraph()
        let r = try run("MATCH (p:Person) OPTIONAL MATCH (p)-[:WORKS_AT]->(c) RETURN p.name, count(c) AS n ORDER BY p.name", on: g)
        #expect(r.rows == [["Alice", 1], ["Bob", 0], ["Carol", 1]])
        #expect(column(try run("MATCH (p:Person)-[:WORKS_AT]->(c) RETURN count(DISTINCT c)", on: g)) == [1])
        #expect(column(try run("MATCH (n) RETURN count(*)", on: g)) == [4])
    }

    @Test("an aggregate over no rows gives one row; grouped aggregation over no rows gives none")
    func emptyAggregation() throws {
        let g = try socialGraph()
        #expect(try run("MATCH (n:Nope) RETURN count(*)", on: g).rows == [[0]])
        #expect(try run("MATCH (n:Nope) RETURN n.name, count(*)", on: g).rows.isEmpty)
    }

    @Test("aggregation errors: nested, misplaced, ambiguous")
    func aggregationErrors() throws {
        let g = try socialGraph()
        #expect(failure("MATCH (n) RETURN count(count(*))", on: g)?.detail == "NestedAggregation")
        #expect(failure("MATCH (n) WHERE count(*) > 1 RETURN n", on: g)?.detail == "InvalidAggregation")
        #expect(failure("MATCH (n) RETURN n.age + count(*)", on: g)?.detail == "AmbiguousAggregationExpression")
        #expect(column(try run("MATCH (n:Person) RETURN [n.age, count(*)] AS x, n.age ORDER BY x", on: g)) == [[25, 1], [30, 1], [35, 1]])
    }

    @Test("null semantics: comparisons, IN, AND/OR with null")
    func nullSemantics() throws {
        let g = GraphStore()
        let r = try run("RETURN null = null, null <> 1, 1 IN [1, null], 2 IN [1, null], 2 IN [1], null AND false, null OR true, null XOR true, NOT null", on: g)
        #expect(r.rows == [[nil, nil, true, nil, false, false, true, nil, nil]])
    }

    @Test("CASE, list indexing, slicing, comprehensions and quantifiers")
    func expressions() throws {
        let g = GraphStore()
        let r = try run("""
            WITH [10, 20, 30, 40] AS l
            RETURN l[0], l[-1], l[9], l[1..3], l[..2], l[-2..],
                   [x IN l WHERE x > 15 | x], CASE l[0] WHEN 10 THEN 'ten' ELSE 'other' END,
                   CASE WHEN l[1] > 100 THEN 'big' END, all(x IN l WHERE x > 5), any(x IN l WHERE x > 35),
                   none(x IN l WHERE x > 50), single(x IN l WHERE x = 20), {a: l[0], b: [1, 'x']}.a
            """, on: g)
        #expect(r.rows == [[10, 40, nil, [20, 30], [10, 20], [30, 40], [20, 30, 40], "ten", nil, true, true, true, true, 10]])
    }

    @Test("map projection and property access on maps")
    func mapProjection() throws {
        let g = try socialGraph()
        let r = try run("MATCH (n:Company) RETURN n {.name, kind: 'company'} AS m", on: g)
        #expect(r.rows == [[["name": "Acme", "kind": "company"]]])
    }
}
