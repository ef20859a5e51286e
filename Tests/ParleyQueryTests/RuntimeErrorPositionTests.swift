import ParleyGraph
import Testing

@testable import ParleyQuery

/// Runtime errors raised by writes, aggregates and sort keys point at what raised them, not at
/// the start of the statement.
@Suite("Runtime error positions")
struct RuntimeErrorPositionTests {
    /// The column (1-based) and length in columns of the error `query` raises on the social graph.
    func position(_ query: String) throws -> (column: Int, length: Int) {
        let error = try #require(failure(query, on: try socialGraph()), "no error for \(query)")
        let range = try #require(error.range, "no position for \(query): \(error.message)")
        return (range.start.column, range.end.column - range.start.column)
    }

    @Test("DELETE of a connected node points at the DELETE clause")
    func delete() throws {
        #expect(try position("MATCH (n:Person {id: 'a'}) DELETE n") == (28, 8))
    }

    @Test("CREATE, SET and MERGE with a failing property expression point at the expression, not the clause")
    func writes() throws {
        #expect(try position("UNWIND [1] AS x CREATE (a {w: x / 0})") == (31, 5))
        #expect(try position("UNWIND [1,2,0] AS d CREATE (:Y {v: 10/d})") == (36, 4))
        #expect(try position("MATCH (n:Person) SET n.x = 1 / 0") == (28, 5))
        #expect(try position("MERGE (n:X {v: 1 / 0})") == (16, 5))
    }

    @Test("an aggregate's type error points at the aggregate")
    func aggregate() throws {
        #expect(try position("UNWIND [1, 'a'] AS x RETURN x AS k, sum(x) AS s") == (37, 6))
        #expect(try position("UNWIND [1, 'a'] AS x RETURN x % 2 AS k, count(*) AS n") == (29, 5))
        #expect(try position("UNWIND [1, 2] AS x RETURN percentileCont(x, 2)") == (27, 20))
    }

    @Test("a failing ORDER BY key points at that key")
    func sortKey() throws {
        #expect(try position("UNWIND [1] AS x RETURN x ORDER BY x / 0") == (35, 5))
        #expect(try position("UNWIND [1] AS x RETURN x ORDER BY x, 1 / (x - 1)") == (38, 11))
    }

    @Test("an error in an aggregate's argument, or in an expression over aggregates, points at it")
    func aggregateArguments() throws {
        #expect(try position("UNWIND [0] AS x RETURN x, count(1 / x)") == (33, 5))
        #expect(try position("UNWIND [0] AS x RETURN x, sum(1 / x)") == (31, 5))
        #expect(try position("UNWIND [0] AS x RETURN x, count(*) / 0 AS y ORDER BY x") == (27, 12))
    }

    @Test("an error is not claimed by a clause further up that did not raise it")
    func notClaimedByParents() throws {
        // The memory error comes from DISTINCT, whose position is its clause's (the WITH at
        // column 28; every step has its clause's position, so that no error is left without
        // one); the ORDER BY of the same WITH (column 45) must not take it.
        var engine = QueryEngine(graph: GraphStore())
        engine.budget = QueryBudget(maxMemory: 20 << 10)
        do {
            _ = try engine.run("UNWIND range(1, 2000) AS x WITH DISTINCT x ORDER BY x RETURN x")
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("Distinct"))
            #expect(error.range?.start.column == 28)
        }
    }
}
