import ParleyGraph
import Testing
@testable import ParleyQuery

@Suite("Type conversion functions (TCK TypeConversion1-4)")
struct FunctionsConversionTests {
    let g = SmallGraph()
    var graphElements: [Value] {
        [.node(g.kz), .relationship(g.hosted), .path(Path(nodes: [g.kz, g.talk], relationships: [g.hosted]))]
    }

    @Test("toBoolean parses booleans and 'true'/'false', other strings are null")
    func toBoolean() throws {
        #expect(same(try fn("toBoolean", true), true))
        #expect(same(try fn("toBoolean", false), false))
        #expect(same(try fn("toBoolean", "true"), true))
        #expect(same(try fn("toBoolean", "false"), false))
        #expect(same(try fn("toBoolean", "TRUE"), true))
        for s: Value in [.null, "", " tru ", "f alse"] { #expect(same(try fn("toBoolean", s), .null)) }
        #expect(same(try fn("toBoolean", 0), false))
        #expect(same(try fn("toBoolean", 7), true))
    }

    @Test("toBoolean fails on floats, lists, maps and graph elements")
    func toBooleanInvalid() throws {
        for v in [Value.list([]), .map([:]), 1.0] + graphElements {
            expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("toBoolean", v, graph: g.graph) }
            #expect(same(try fn("toBooleanOrNull", v, graph: g.graph), .null))
        }
    }

    @Test("toInteger truncates floats and parses strings")
    func toInteger() throws {
        #expect(same(try fn("toInteger", 82.9), 82))
        #expect(same(try fn("toInteger", -2.9), -2))
        #expect(same(try fn("toInteger", 2), 2))
        #expect(same(try fn("toInteger", "foo"), .null))
        #expect(same(try fn("toInteger", ""), .null))
        #expect(same(try fn("toInteger", "1.7"), 1))
        #expect(same(try fn("toInteger", "42"), 42))
        #expect(same(try fn("toInteger", " 42 "), 42))
        #expect(same(try fn("toInteger", "-9223372036854775808"), .int(.min)))
        #expect(same(try fn("toInteger", "9223372036854775808"), .null))
        #expect(same(try fn("toInteger", "1e3"), 1000))
        #expect(same(try fn("toInteger", true), 1))
        #expect(same(try fn("toInteger", .null), .null))
    }

    @Test("toInteger of an unrepresentable float is ArgumentError; toIntegerOrNull gives null")
    func toIntegerOutOfRange() throws {
        for d in [Double.nan, .infinity, 1e19, -1e19] {
            expectQueryError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fn("toInteger", .double(d)) }
            #expect(same(try fn("toIntegerOrNull", .double(d)), .null))
        }
    }

    @Test("toInteger fails on lists, maps and graph elements")
    func toIntegerInvalid() throws {
        for v in [Value.list([]), .map([:])] + graphElements {
            expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("toInteger", v, graph: g.graph) }
            #expect(same(try fn("toIntegerOrNull", v, graph: g.graph), .null))
        }
        let e = queryError { () throws(QueryError) in try fn("toInteger", [1]) }
        #expect(e?.message == "toInteger() expects a number, STRING or BOOLEAN, but got LIST")
    }

    @Test("toFloat converts numbers and numeric strings")
    func toFloat() throws {
        #expect(same(try fn("toFloat", 3.4), 3.4))
        #expect(same(try fn("toFloat", 3), 3.0))
        #expect(same(try fn("toFloat", "5"), 5.0))
        #expect(same(try fn("toFloat", "foo"), .null))
        #expect(same(try fn("toFloat", ""), .null))
        #expect(same(try fn("toFloat", "-1.5e-3"), -0.0015))
        #expect(same(try fn("toFloat", ".5"), 0.5))
        #expect(same(try fn("toFloat", "NaN"), .double(.nan)))
        #expect(same(try fn("toFloat", "-Infinity"), .double(-.infinity)))
        // Swift's own parser would accept these; Cypher does not.
        for s: Value in ["inf", "nan", "0x1p3", "1e", "e5", ".", "1.2.3", "1 2"] {
            #expect(same(try fn("toFloat", s), .null), "toFloat(\(s.cypherLiteral(in: nil)))")
        }
    }

    @Test("toFloat fails on booleans, lists, maps and graph elements")
    func toFloatInvalid() throws {
        for v in [Value.bool(true), .list([]), .map([:])] + graphElements {
            expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("toFloat", v, graph: g.graph) }
            #expect(same(try fn("toFloatOrNull", v, graph: g.graph), .null))
        }
    }

    @Test("toString writes numbers and booleans, keeps strings")
    func toStringValues() throws {
        #expect(same(try fn("toString", 42), "42"))
        #expect(same(try fn("toString", true), "true"))
        #expect(same(try fn("toString", false), "false"))
        #expect(same(try fn("toString", 2.3), "2.3"))
        #expect(same(try fn("toString", 1.0), "1.0"))
        #expect(same(try fn("toString", 1e10), "1.0E10"))
        #expect(same(try fn("toString", "apa"), "apa"))
        #expect(same(try fn("toString", .null), .null))
    }

    @Test("toString fails on lists, maps and graph elements")
    func toStringInvalid() throws {
        for v in [Value.list([]), .map([:])] + graphElements {
            expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("toString", v, graph: g.graph) }
            #expect(same(try fn("toStringOrNull", v, graph: g.graph), .null))
        }
    }

    @Test("list conversions convert element-wise and never fail on elements")
    func listConversions() throws {
        #expect(same(try fn("toIntegerList", [2, 2.9, "1.7", "x", .null, [1]]), [2, 2, 1, .null, .null, .null]))
        #expect(same(try fn("toFloatList", [3.4, 3, "5", true]), [3.4, 3.0, 5.0, .null]))
        #expect(same(try fn("toStringList", [1, 2.5, true, "a", []]), ["1", "2.5", "true", "a", .null]))
        #expect(same(try fn("toBooleanList", [true, "false", 0, 1.5]), [true, false, false, .null]))
        #expect(same(try fn("toIntegerList", .null), .null))
        expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("toIntegerList", 1) }
    }
}
