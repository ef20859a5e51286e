import ParleyGraph
import ParleyValues
import Testing

@testable import ParleyQuery

/// `ORDER BY … NULLS FIRST | NULLS LAST` and `OFFSET` (a synonym of `SKIP`).
@Suite("ORDER BY NULLS FIRST/LAST and OFFSET")
struct OrderNullsOffsetTests {
    /// The single column of `query` on an empty graph.
    func values(_ query: String) throws -> [Value] { try column(run(query, on: GraphStore())) }

    static let mixed = "UNWIND [3, null, 'b', 1, null, true, 2.5, 'a'] AS x"

    @Test("by default nulls sort last ascending and first descending")
    func defaults() throws {
        #expect(try values("\(Self.mixed) RETURN x ORDER BY x") == ["a", "b", true, 1, 2.5, 3, .null, .null])
        #expect(try values("\(Self.mixed) RETURN x ORDER BY x DESC") == [.null, .null, 3, 2.5, 1, true, "b", "a"])
    }

    @Test("NULLS FIRST and NULLS LAST place nulls whatever the direction; the other values keep their order")
    func explicit() throws {
        #expect(try values("\(Self.mixed) RETURN x ORDER BY x NULLS FIRST") == [.null, .null, "a", "b", true, 1, 2.5, 3])
        #expect(try values("\(Self.mixed) RETURN x ORDER BY x ASC NULLS LAST") == ["a", "b", true, 1, 2.5, 3, .null, .null])
        #expect(try values("\(Self.mixed) RETURN x ORDER BY x DESC NULLS LAST") == [3, 2.5, 1, true, "b", "a", .null, .null])
        #expect(try values("\(Self.mixed) RETURN x ORDER BY x DESCENDING NULLS FIRST") == [.null, .null, 3, 2.5, 1, true, "b", "a"])
    }

    @Test("NULLS placement applies per key, also with top-N (ORDER BY … LIMIT) and in WITH")
    func perKeyAndTopN() throws {
        let rows = try run("""
            UNWIND [{a: 1, b: null}, {a: 1, b: 2}, {a: null, b: 1}, {a: 2, b: null}] AS m
            RETURN m.a AS a, m.b AS b ORDER BY a NULLS FIRST, b DESC NULLS LAST
            """, on: GraphStore()).rows
        #expect(rows.map { $0[0] } == [.null, 1, 1, 2])
        #expect(rows.map { $0[1] } == [1, 2, .null, .null])
        #expect(try values("\(Self.mixed) RETURN x ORDER BY x NULLS FIRST LIMIT 3") == [.null, .null, "a"])
        #expect(try values("\(Self.mixed) RETURN x ORDER BY x DESC NULLS LAST LIMIT 2") == [3, 2.5])
        #expect(try values("\(Self.mixed) WITH x ORDER BY x NULLS FIRST LIMIT 1 RETURN x") == [.null])
    }

    @Test("EXPLAIN shows the null placement")
    func explain() throws {
        let plan = try run("EXPLAIN UNWIND [1] AS x RETURN x ORDER BY x DESC NULLS LAST", on: GraphStore())
        #expect(plan.plan?.contains("x DESC NULLS LAST") == true, "\(plan.plan ?? "")")
    }

    @Test("NULLS without FIRST or LAST is a syntax error at the word after it")
    func incomplete() throws {
        let error = try #require(failure("UNWIND [1] AS x RETURN x ORDER BY x NULLS LATER"))
        #expect(error.type == "SyntaxError")
        #expect(error.range?.start.column == 43)
    }

    @Test("OFFSET skips rows as SKIP does, with LIMIT and ORDER BY, and refuses a negative count")
    func offset() throws {
        #expect(try values("UNWIND range(1, 5) AS x RETURN x OFFSET 2") == [3, 4, 5])
        #expect(try values("UNWIND range(1, 5) AS x RETURN x ORDER BY x DESC OFFSET 1 LIMIT 2") == [4, 3])
        #expect(try values("UNWIND range(1, 5) AS x WITH x OFFSET 4 RETURN x") == [5])
        #expect(try values("UNWIND range(1, 5) AS x RETURN x SKIP 1 LIMIT 1") == [2])
        let error = try #require(failure("UNWIND [1] AS x RETURN x OFFSET -1"))
        #expect(error.detail == "NegativeIntegerArgument")
        #expect(error.range?.start.column == 33)
        let variable = try #require(failure("UNWIND [1] AS x RETURN x OFFSET x"))
        #expect(variable.message == "It is not allowed to refer to variables in OFFSET")
        #expect(variable.range?.start.column == 33)
        let skip = try #require(failure("UNWIND [1] AS x RETURN x SKIP x"))
        #expect(skip.message == "It is not allowed to refer to variables in SKIP")
    }
}
