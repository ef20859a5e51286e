import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyQuery

@Suite("Aggregate functions (TCK Aggregation1-8)")
struct FunctionsAggregatorTests {
    @Test("isAggregate knows the aggregates and nothing else")
    func names() {
        for n in ["count", "collect", "sum", "avg", "min", "max", "percentiledisc", "percentilecont", "stdev", "stdevp"] {
            #expect(Aggregator.isAggregate(n), "\(n)")
        }
        #expect(!Aggregator.isAggregate("size"))
        #expect(Aggregator.arity(of: "percentiledisc") == 2...2)
        #expect(Aggregator.arity(of: "count") == 1...1)
    }

    @Test("count ignores nulls; count(*) counts rows; nothing counts as 0")
    func count() throws {
        #expect(sameValue(try runAggregate("count", [33, .null, 42]), 2))
        var star = Aggregator(name: "count", distinct: false, star: true)
        for _ in 0..<3 { try star.add([]) }
        #expect(sameValue(try star.result(), 3))
        #expect(sameValue(try runAggregate("count", []), 0))
        #expect(sameValue(try runAggregate("count", distinct: true, [.null, .null]), 0))
        #expect(sameValue(try runAggregate("count", distinct: true, [1, 1.0, 2, "2", .null]), 3))
    }

    @Test("collect drops nulls, keeps order; DISTINCT keeps first occurrences (Aggregation5, 8)")
    func collect() throws {
        #expect(sameValue(try runAggregate("collect", [.null]), []))
        #expect(sameValue(try runAggregate("collect", [3, .null, 1, 3]), [3, 1, 3]))
        #expect(sameValue(try runAggregate("collect", distinct: true, [.null, .null]), []))
        #expect(sameValue(try runAggregate("collect", distinct: true, [.null, 1, .null]), [1]))
        #expect(sameValue(try runAggregate("collect", distinct: true, [[1], [1], ["a": 1], ["a": 1], 2]), [[1], ["a": 1], 2]))
    }

    @Test("sum: integers stay integers, floats make a float, nothing sums to 0 (Aggregation3)")
    func sum() throws {
        #expect(sameValue(try runAggregate("sum", [33, .null, 42]), 75))
        let big = (1_000_000...1_002_999).map { Value.int(Int64($0)) }
        #expect(sameValue(try runAggregate("sum", big), 3_004_498_500))
        #expect(sameValue(try runAggregate("sum", [1, 2.5]), 3.5))
        #expect(sameValue(try runAggregate("sum", [0.1, 0.2, 0.3]), .double(0.6)))
        #expect(sameValue(try runAggregate("sum", []), 0))
        #expect(sameValue(try runAggregate("sum", distinct: true, [1, 1, 2]), 3))
        expectFunctionError("ArithmeticError", "IntegerOverflow") { () throws(QueryError) in try runAggregate("sum", [.int(.max), 1]) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try runAggregate("sum", [1, "2"]) }
    }

    @Test("avg is a float over non-null numbers, null over nothing")
    func avg() throws {
        #expect(sameValue(try runAggregate("avg", [1, 2, .null]), 1.5))
        #expect(sameValue(try runAggregate("avg", [.int(.max), .int(.max)]), .double(Double(Int64.max))))
        #expect(sameValue(try runAggregate("avg", [.null]), .null))
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try runAggregate("avg", [true]) }
    }

    @Test("min and max over numbers, strings and lists (Aggregation2 [1]-[10])")
    func minMaxSameType() throws {
        #expect(sameValue(try runAggregate("max", [1, 2, 0, .null, -1]), 2))
        #expect(sameValue(try runAggregate("min", [1, 2, 0, .null, -1]), -1))
        #expect(sameValue(try runAggregate("max", [1.0, 2.0, 0.5, .null]), 2.0))
        #expect(sameValue(try runAggregate("min", [1.0, 2.0, 0.5, .null]), 0.5))
        #expect(sameValue(try runAggregate("max", [1, 2.0, 5, .null, 3.2, 0.1]), 5))
        #expect(sameValue(try runAggregate("min", [1, 2.0, 5, .null, 3.2, 0.1]), 0.1))
        #expect(sameValue(try runAggregate("max", ["a", "b", "B", .null, "abc", "abc1"]), "b"))
        #expect(sameValue(try runAggregate("min", ["a", "b", "B", .null, "abc", "abc1"]), "B"))
        #expect(sameValue(try runAggregate("max", [[1], [2], [2, 1]]), [2, 1]))
        #expect(sameValue(try runAggregate("min", [[1], [2], [2, 1]]), [1]))
        #expect(sameValue(try runAggregate("min", [.null]), .null))
    }

    @Test("min and max over mixed types follow the ORDER BY order (Aggregation2 [11], [12])")
    func minMaxMixed() throws {
        #expect(sameValue(try runAggregate("max", [1, "a", .null, [1, 2], 0.2, "b"]), 1))
        #expect(sameValue(try runAggregate("min", [1, "a", .null, [1, 2], 0.2, "b"]), [1, 2]))
    }

    /// percentileDisc/Cont over `values` at percentile `p`.
    func percentile(_ name: String, _ values: [Value], _ p: Value) throws(QueryError) -> Value {
        var agg = Aggregator(name: name, distinct: false)
        for v in values { try agg.add([v, p]) }
        return try agg.result()
    }

    @Test("percentileDisc and percentileCont (Aggregation6 [1], [2])")
    func percentiles() throws {
        let prices: [Value] = [10.0, 20.0, 30.0]
        for (p, r) in [(0.0, 10.0), (0.5, 20.0), (1.0, 30.0)] {
            #expect(sameValue(try percentile("percentiledisc", prices, .double(p)), .double(r)))
            #expect(sameValue(try percentile("percentilecont", prices, .double(p)), .double(r)))
        }
        #expect(sameValue(try percentile("percentilecont", [1, 2, 3, 4], 0.5), 2.5))
        #expect(sameValue(try percentile("percentiledisc", [4, 1, 3, 2], 0.5), 2))
        #expect(sameValue(try percentile("percentiledisc", [4, 1, 3, 2], 0.51), 3))
        #expect(sameValue(try percentile("percentilecont", [.null], 0.5), .null))
    }

    @Test("percentiles outside 0...1 are ArgumentError: NumberOutOfRange (Aggregation6 [3]-[5])")
    func percentileRange() {
        for p: Value in [1000, -1, 1.1] {
            expectFunctionError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try percentile("percentilecont", [10.0], p) }
            expectFunctionError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try percentile("percentiledisc", [10.0], p) }
        }
        expectFunctionError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try percentile("percentiledisc", [0.9], 3) }
        expectFunctionError("ArgumentError", "InvalidArgumentType") { () throws(QueryError) in try percentile("percentiledisc", [1], "half") }
        let e = functionError { () throws(QueryError) in try percentile("percentiledisc", [10.0], 1000) }
        #expect(e?.message == "percentileDisc() percentile must be between 0.0 and 1.0, but got 1000")
    }

    @Test("stDev and stDevP")
    func standardDeviation() throws {
        let xs: [Value] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(sameValue(try runAggregate("stdevp", xs), 2.0))
        guard case .double(let s) = try runAggregate("stdev", xs) else { Issue.record("not a float"); return }
        #expect(Swift.abs(s - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(sameValue(try runAggregate("stdev", [5]), 0.0))
        #expect(sameValue(try runAggregate("stdevp", []), 0.0))
        #expect(sameValue(try runAggregate("stdev", [.null, 1, 3]), .double(2.0.squareRoot())))
    }

    @Test("an unknown aggregate name fails when its result is asked for")
    func unknownAggregate() {
        expectFunctionError("SyntaxError", "UnknownFunction") { () throws(QueryError) in try runAggregate("median", [1]) }
    }
}
