import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// Cypher 25's LET, FILTER, FINISH and standalone ORDER BY / OFFSET / LIMIT, and the SQL-style
/// `trim(side c FROM s)`.
@Suite("Cypher 25 clauses and trim with a side")
struct Cypher25ClauseTests {
    @Test("LET binds new variables and keeps every variable in scope; a binding sees the ones before it")
    func letKeepsScope() throws {
        let g = try socialGraph()
        let r = try run("MATCH (p:Person) LET first = left(p.name, 1), older = p.age > 28 RETURN p.name, first, older ORDER BY p.name", on: g)
        #expect(r.rows == [["Alice", "A", true], ["Bob", "B", false], ["Carol", "C", true]])
        let chained = try run("LET x = 2 LET y = x * 10, z = y + 1 RETURN x, y, z", on: g)
        #expect(chained.rows == [[2, 20, 21]])
    }

    @Test("LET refuses a variable already in scope and an aggregate, with positions")
    func letErrors() throws {
        let g = try socialGraph()
        let rebound = failure("MATCH (p:Person) LET p = 1 RETURN p", on: g)
        #expect(rebound?.kind == .syntax(.variableAlreadyBound))
        #expect(rebound?.range?.start.column == 26)
        let aggregate = failure("MATCH (p:Person) LET n = count(*) RETURN n", on: g)
        #expect(aggregate?.kind == .syntax(.invalidAggregation))
        #expect(failure("MATCH (p) LET x = 1", on: g)?.kind == .syntax(.invalidClauseComposition))
    }

    @Test("FILTER keeps the rows whose predicate is true (null drops the row), with or without WHERE")
    func filter() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (p:Person) FILTER p.age > 26 RETURN p.name ORDER BY p.name", on: g)) == ["Alice", "Carol"])
        #expect(column(try run("MATCH (p:Person) FILTER WHERE p.age < 30 RETURN p.name", on: g)) == ["Bob"])
        #expect(column(try run("MATCH (n) FILTER n.age > 0 RETURN count(*)", on: g)) == [3])
        #expect(column(try run("UNWIND [1, 2, 3] AS x FILTER (x % 2 = 1) RETURN x", on: g)) == [1, 3])
    }

    @Test("standalone ORDER BY, OFFSET and LIMIT order and cut the rows before the next clause")
    func standaloneOrderAndPage() throws {
        let g = try socialGraph()
        let r = try run("MATCH (p:Person) ORDER BY p.age DESC LIMIT 2 RETURN p.name", on: g)
        #expect(column(r) == ["Carol", "Alice"])
        #expect(column(try run("UNWIND [5, 3, 9, 1] AS x ORDER BY x OFFSET 1 LIMIT 2 RETURN x", on: g)) == [3, 5])
        #expect(column(try run("UNWIND [5, 3, 9] AS x SKIP 1 RETURN x", on: g)) == [3, 9])
        #expect(column(try run("UNWIND [5, 3, 9] AS x LIMIT 1 RETURN x", on: g)) == [5])
    }

    @Test("FINISH ends a query with no columns and no rows; writes before it happen; only last")
    func finish() throws {
        var engine = QueryEngine(graph: try socialGraph())
        let read = try engine.run("MATCH (n) FINISH")
        #expect(read.columns.isEmpty && read.rows.isEmpty)
        let write = try engine.run("MATCH (p:Person) CREATE (:Copy {name: p.name}) FINISH")
        #expect(write.rows.isEmpty && write.statistics.nodesCreated == 3)
        #expect(column(try engine.run("MATCH (c:Copy) RETURN count(c)")) == [3])
        let notLast = failure("MATCH (n) FINISH RETURN n", on: try socialGraph())
        #expect(notLast?.kind == .syntax(.invalidClauseComposition))
        #expect(notLast?.range?.start.column == 11)
    }

    @Test("trim with a side and a character, SQL style: one character, null in null out")
    func trimWithSide() throws {
        let g = GraphStore()
        let r = try run("""
            RETURN trim(BOTH 'x' FROM 'xxaxx') AS b, trim(LEADING 'x' FROM 'xxaxx') AS l, trim(TRAILING 'x' FROM 'xxaxx') AS t,
                   trim('x' FROM 'xax') AS d, trim(LEADING FROM '  a  ') AS w, trim(BOTH null FROM 'a') AS n
            """, on: g)
        #expect(r.rows == [["a", "axx", "xxa", "a", "a  ", .null]])
        #expect(failure("RETURN trim(BOTH 'xy' FROM 'xya')", on: g)?.kind == .argument(.invalidArgumentValue))
        // A variable named like a side is still a variable.
        #expect(column(try run("WITH ' v ' AS leading RETURN trim(leading)", on: g)) == ["v"])
        #expect(failure("RETURN trim(BOTH 'x' 'a')", on: g)?.kind == .syntax(.unexpectedSyntax))
    }
}
