import Testing
@testable import ParleyValues

@Suite("Value equivalence, equality, comparison and ordering")
struct ValueSemanticsTests {
    // MARK: Equivalence (==, hash): DISTINCT, grouping

    @Test("equivalence: null ≡ null, 1 ≡ 1.0, NaN ≡ NaN, -0.0 ≡ 0")
    func equivalence() {
        #expect(Value.null == Value.null)
        #expect(Value.int(1) == Value.double(1.0))
        #expect(Value.double(.nan) == Value.double(.nan))
        #expect(Value.double(-0.0) == Value.int(0))
        #expect(Value.int(1) != Value.string("1"))
        #expect(Value.bool(true) != Value.int(1))
        #expect(Value.list([1, .null]) == Value.list([1.0, .null]))
        #expect(Value.map(["a": 1]) == Value.map(["a": 1.0]))
        #expect(Value.map(["a": 1]) != Value.map(["a": 1, "b": .null]))
        #expect(Value.node(1) != Value.relationship(1))
    }

    @Test("equivalent values hash alike, so sets and DISTINCT merge them")
    func hashing() {
        let values: Set<Value> = [1, 1.0, .double(-0.0), 0, .double(.nan), .double(.nan), .null, .null, [1, 2], [1.0, 2.0], ["k": 1], ["k": 1.0]]
        #expect(values.count == 6)
    }

    @Test("large integers are not equivalent to the nearest double")
    func largeIntegers() {
        let twoTo53 = Int64(1) << 53
        #expect(Value.int(twoTo53) == Value.double(Double(twoTo53)))
        #expect(Value.int(twoTo53 + 1) != Value.double(Double(twoTo53)))
        #expect(Value.int(.max) != Value.double(9.223372036854775807e18))
        #expect(Value.int(.min) == Value.double(-9.223372036854775808e18))
        #expect(Value.int(1) != Value.double(.infinity))
    }

    @Test("strings are equal only with the same code points (fixed: Swift's == used canonical equivalence)")
    func stringsByCodePoint() {
        let precomposed = Value.string("caf\u{e9}"), decomposed = Value.string("cafe\u{301}")
        #expect(precomposed != decomposed)
        #expect(precomposed.cypherEquals(decomposed) == false)
        #expect(precomposed.cypherCompare(decomposed) != 0)
        #expect(Set([precomposed, decomposed]).count == 2)
        #expect(Value.string("abc") == Value.string("abc"))
    }

    // MARK: Three-valued = (TCK List3, Comparison)

    @Test("= is three-valued")
    func cypherEquals() {
        #expect(Value.null.cypherEquals(.null) == nil)
        #expect(Value.int(1).cypherEquals(.null) == nil)
        #expect(Value.int(1).cypherEquals(1.0) == true)
        #expect(Value.double(.nan).cypherEquals(.double(.nan)) == false)
        #expect(Value.int(1).cypherEquals("1") == false)
        #expect(Value.list([1, 2]).cypherEquals("foo") == false)
        #expect(Value.list([1]).cypherEquals([1, .null]) == false)
        #expect(Value.list([1, 2]).cypherEquals([.null, "foo"]) == false)
        #expect(Value.list([1, 2]).cypherEquals([.null, 2]) == nil)
        #expect(Value.list([[1]]).cypherEquals([[1], [.null]]) == false)
        #expect(Value.list([[1, 2], [1, 3]]).cypherEquals([[1, 2], [.null, "foo"]]) == false)
        #expect(Value.list([[1, 2], ["foo", "bar"]]).cypherEquals([[1, 2], [.null, "bar"]]) == nil)
        #expect(Value.map(["a": 1]).cypherEquals(["a": .null]) == nil)
        #expect(Value.map(["a": 1]).cypherEquals(["b": 1]) == false)
        #expect(Value.map(["a": 1, "b": 2]).cypherEquals(["a": 1.0, "b": 2]) == true)
        #expect(Value.node(0).cypherEquals(.node(0)) == true)
        #expect(Value.node(0).cypherEquals(.node(1)) == false)
    }

    @Test("map equality with nulls (TCK Comparison1 [7])", arguments: [
        (Value.map([:]), Value.map([:]), Optional(true)),
        (["k": 1.0], ["k": 1], true),
        (["k": "a", "l": 2], ["k": "a", "l": 2], true),
        ([:], ["k": .null], false),
        (["k": 1], ["k": 1, "l": .null], false),
        (["k": .null, "l": 1], ["l": 1], false),
        (["k": .null], ["k": .null, "l": .null], false),
        (["k": .null], ["k": .null], nil),
        (["k": 1], ["k": .null], nil),
        (["k": 1, "l": .null], ["k": .null, "l": 1], nil),
        (["k": 1, "l": .null], ["k": 1, "l": 1], nil),
    ] as [(Value, Value, Bool?)])
    func mapEquality(lhs: Value, rhs: Value, result: Bool?) {
        #expect(lhs.cypherEquals(rhs) == result)
        #expect(rhs.cypherEquals(lhs) == result)
    }

    @Test("list equality (TCK Comparison1 [6])")
    func listEquality() {
        #expect(Value.list([1, 2]).cypherEquals([1]) == false)
        #expect(Value.list([.null]).cypherEquals([1]) == nil)
        #expect(Value.list(["a"]).cypherEquals([1]) == false)
        #expect(Value.list([[1], [2]]).cypherEquals([[1], [.null]]) == nil)
        #expect(Value.list([[1], [2, 3]]).cypherEquals([[1], [.null]]) == false)
        #expect(Value.double(.nan).cypherEquals("a") == false)
        #expect(Value.string("1.0").cypherEquals(1.0) == false)
    }

    @Test("ordering operators: NaN against numbers is false, across types null (TCK Comparison2)")
    func orderingOperators() {
        let nan = Value.double(.nan)
        for op in [ComparisonOperator.lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual] {
            #expect(nan.cypherCompare(1, op) == false)
            #expect(nan.cypherCompare(1.0, op) == false)
            #expect(nan.cypherCompare(nan, op) == false)
            #expect(Value.int(1).cypherCompare(nan, op) == false)
            #expect(nan.cypherCompare("a", op) == nil)
            #expect(Value.string("1").cypherCompare(1, op) == nil)
            #expect(Value.null.cypherCompare(.null, op) == nil)
            #expect(Value.node(0).cypherCompare(.node(0), op) == nil)
        }
        #expect(Value.int(1).cypherCompare(3.14, .lessThan) == true)
        #expect(Value.double(3.14).cypherCompare(1, .greaterThanOrEqual) == true)
        #expect(Value.int(1).cypherCompare(1.0, .lessThan) == false)
        #expect(Value.int(1).cypherCompare(1.0, .lessThanOrEqual) == true)
        #expect(Value.list([1, 0]).cypherCompare([1], .greaterThanOrEqual) == true)
        #expect(Value.list([1, .null]).cypherCompare([1], .greaterThanOrEqual) == true)
        #expect(Value.list([1, 2]).cypherCompare([1, .null], .greaterThanOrEqual) == nil)
        #expect(Value.list([1, "a"]).cypherCompare([1, .null], .greaterThanOrEqual) == nil)
        #expect(Value.list([1, 2]).cypherCompare([3, .null], .greaterThanOrEqual) == false)
        #expect(Value.string("a").cypherCompare("b", .lessThan) == true)
        #expect(Value.bool(true).cypherCompare(false, .greaterThan) == true)
    }

    // MARK: < > (cypherCompare)

    @Test("comparison within a type, nil across types or with null/NaN")
    func cypherCompare() {
        #expect(Value.int(1).cypherCompare(2) == -1)
        #expect(Value.int(2).cypherCompare(1.5) == 1)
        #expect(Value.double(1.0).cypherCompare(1) == 0)
        #expect(Value.string("B").cypherCompare("a") == -1)
        #expect(Value.string("a").cypherCompare("abc") == -1)
        #expect(Value.string("z").cypherCompare("\u{e9}") == -1)
        #expect(Value.string("\u{FFFF}").cypherCompare("\u{10000}") == -1, "code point order, not UTF-16 order")
        #expect(Value.string("\u{e9}").cypherCompare("\u{e9}") == 0)
        #expect(Value.string("").cypherCompare("") == 0)
        #expect(Value.string("ab").cypherCompare("a") == 1)
        #expect(Value.bool(false).cypherCompare(true) == -1)
        #expect(Value.list([1, 2]).cypherCompare([1, 3]) == -1)
        #expect(Value.list([1]).cypherCompare([1, 2]) == -1)
        #expect(Value.list([1, "a"]).cypherCompare([1, 2]) == nil)
        #expect(Value.int(1).cypherCompare("a") == nil)
        #expect(Value.null.cypherCompare(.null) == nil)
        #expect(Value.double(.nan).cypherCompare(1) == nil)
        #expect(Value.int(1).cypherCompare(.double(.nan)) == nil)
        #expect(Value.node(0).cypherCompare(.node(1)) == nil)
        #expect(Value.map([:]).cypherCompare(.map([:])) == nil)
    }

    @Test("integer/float comparison is exact at the edges of Int64")
    func exactMixedComparison() {
        #expect(Value.int(.max).cypherCompare(9.223372036854775807e18) == -1)  // the double is 2^63
        #expect(Value.double(9.223372036854775807e18).cypherCompare(.int(.max)) == 1)
        #expect(Value.int(.min).cypherCompare(-9.223372036854775808e18) == 0)
        #expect(Value.int((1 << 53) + 1).cypherCompare(.double(Double(Int64(1) << 53))) == 1)
        #expect(Value.int(2).cypherCompare(2.5) == -1)
        #expect(Value.int(-2).cypherCompare(-2.5) == 1)
        #expect(Value.int(0).cypherCompare(.double(-.infinity)) == 1)
    }

    // MARK: ORDER BY (orderCompare)

    @Test("ORDER BY ranks types: map < node < relationship < list < path < string < boolean < number < NaN < null (ReturnOrderBy1 [21], [22])")
    func globalOrder() {
        let expected: [Value] = [
            ["a": "map"], .node(0), .relationship(0), ["list"], .path(Path(nodes: [0], relationships: [])),
            "text", false, 1.5, .double(.nan), .null,
        ]
        let shuffled: [Value] = [expected[5], expected[9], expected[2], expected[7], expected[0], expected[8], expected[4], expected[1], expected[6], expected[3]]
        let sorted = shuffled.sorted { $0.orderCompare($1) < 0 }
        #expect(sorted.map(\.typeName) == expected.map(\.typeName))
        #expect(sorted[7] == 1.5)
        #expect(sorted[8] == .double(.nan))
    }

    @Test("ORDER BY on lists uses the global order element-wise (WithOrderBy1 [9], [10])")
    func listOrder() {
        let expected: [Value] = [[], ["a"], ["a", 1], [1], [1, "a"], [1, .null], [.null, 1], [.null, 2]]
        let input: [Value] = [expected[3], expected[7], expected[0], expected[5], expected[2], expected[6], expected[1], expected[4]]
        let sorted = input.sorted { $0.orderCompare($1) < 0 }
        #expect(sorted.map { $0.cypherLiteral(in: nil) } == expected.map { $0.cypherLiteral(in: nil) })
    }

    @Test("ORDER BY within types")
    func orderWithinTypes() {
        #expect(Value.int(1).orderCompare(.double(1.0)) == -1, "1 sorts just before 1.0")
        #expect(Value.double(1.0).orderCompare(1) == 1)
        #expect(Value.int(2).orderCompare(1.5) == 1)
        #expect(Value.double(.infinity).orderCompare(.double(.nan)) == -1)
        #expect(Value.string("B").orderCompare("a") == -1)
        #expect(Value.list([1, "a"]).orderCompare([1, 2]) == -1, "inside lists the global order decides")
        #expect(Value.list([]).orderCompare([.null]) == -1)
        #expect(Value.map(["a": 1]).orderCompare(["b": 0]) == -1)
        #expect(Value.map(["a": 1]).orderCompare(["a": 1, "b": 0]) == -1)
        #expect(Value.map(["a": 2]).orderCompare(["a": 1]) == 1)
        #expect(Value.node(1).orderCompare(.node(2)) == -1)
        #expect(Value.null.orderCompare(.null) == 0)
    }

    @Test("ORDER BY is a total order: antisymmetric and transitive over a mixed sample")
    func totalOrder() {
        let sample: [Value] = [
            .null, true, false, 0, 1, -1, 1.0, 0.5, .double(-0.0), .double(.nan), .double(.infinity), .int(.max),
            9.3e18, "", "a", "B", "\u{e9}", [], [1], [1, 2], [1.0], [.null], ["x"], [:], ["a": 1], ["a": 1.0],
            .node(0), .node(1), .relationship(0), .path(Path(nodes: [0], relationships: [])),
            .path(Path(nodes: [0, 1], relationships: [0])),
        ]
        var violations: [String] = []
        for a in sample {
            if a.orderCompare(a) != 0 { violations.append("\(a) vs itself") }
            for b in sample {
                let ab = a.orderCompare(b), ba = b.orderCompare(a)
                if ab != -ba { violations.append("antisymmetry: \(a) vs \(b)") }
                guard ab <= 0 else { continue }
                for c in sample where b.orderCompare(c) <= 0 && a.orderCompare(c) > 0 {
                    violations.append("transitivity: \(a) ≤ \(b) ≤ \(c)")
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }
}
