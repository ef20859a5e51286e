import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyQuery

@Suite("Type conversion functions (TCK TypeConversion1-4)")
struct FunctionsConversionTests {
    let g = FunctionsTestGraph()
    var graphElements: [Value] {
        [.node(g.kz), .relationship(g.hosted), .path(Path(nodes: [g.kz, g.talk], relationships: [g.hosted]))]
    }

    @Test("toBoolean parses booleans and 'true'/'false', other strings are null")
    func toBoolean() throws {
        #expect(sameValue(try fcall("toBoolean", true), true))
        #expect(sameValue(try fcall("toBoolean", false), false))
        #expect(sameValue(try fcall("toBoolean", "true"), true))
        #expect(sameValue(try fcall("toBoolean", "false"), false))
        #expect(sameValue(try fcall("toBoolean", "TRUE"), true))
        for s: Value in [.null, "", " tru ", "f alse"] { #expect(sameValue(try fcall("toBoolean", s), .null)) }
        #expect(sameValue(try fcall("toBoolean", 0), false))
        #expect(sameValue(try fcall("toBoolean", 7), true))
    }

    @Test("toBoolean fails on floats, lists, maps and graph elements")
    func toBooleanInvalid() throws {
        for v in [Value.list([]), .map([:]), 1.0] + graphElements {
            expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("toBoolean", v, graph: g.graph) }
            #expect(sameValue(try fcall("toBooleanOrNull", v, graph: g.graph), .null))
        }
    }

    @Test("toInteger truncates floats and parses strings")
    func toInteger() throws {
        #expect(sameValue(try fcall("toInteger", 82.9), 82))
        #expect(sameValue(try fcall("toInteger", -2.9), -2))
        #expect(sameValue(try fcall("toInteger", 2), 2))
        #expect(sameValue(try fcall("toInteger", "foo"), .null))
        #expect(sameValue(try fcall("toInteger", ""), .null))
        #expect(sameValue(try fcall("toInteger", "1.7"), 1))
        #expect(sameValue(try fcall("toInteger", "42"), 42))
        #expect(sameValue(try fcall("toInteger", " 42 "), 42))
        #expect(sameValue(try fcall("toInteger", "-9223372036854775808"), .int(.min)))
        #expect(sameValue(try fcall("toInteger", "9223372036854775808"), .null))
        #expect(sameValue(try fcall("toInteger", "1e3"), 1000))
        #expect(sameValue(try fcall("toInteger", true), 1))
        #expect(sameValue(try fcall("toInteger", .null), .null))
    }

    @Test("toInteger of an unrepresentable float is ArgumentError; toIntegerOrNull gives null")
    func toIntegerOutOfRange() throws {
        for d in [Double.nan, .infinity, 1e19, -1e19] {
            expectFunctionError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fcall("toInteger", .double(d)) }
            #expect(sameValue(try fcall("toIntegerOrNull", .double(d)), .null))
        }
    }

    @Test("toInteger fails on lists, maps and graph elements")
    func toIntegerInvalid() throws {
        for v in [Value.list([]), .map([:])] + graphElements {
            expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("toInteger", v, graph: g.graph) }
            #expect(sameValue(try fcall("toIntegerOrNull", v, graph: g.graph), .null))
        }
        let e = functionError { () throws(QueryError) in try fcall("toInteger", [1]) }
        #expect(e?.message == "toInteger() expects a number, STRING or BOOLEAN, but got LIST")
    }

    @Test("toFloat converts numbers and numeric strings")
    func toFloat() throws {
        #expect(sameValue(try fcall("toFloat", 3.4), 3.4))
        #expect(sameValue(try fcall("toFloat", 3), 3.0))
        #expect(sameValue(try fcall("toFloat", "5"), 5.0))
        #expect(sameValue(try fcall("toFloat", "foo"), .null))
        #expect(sameValue(try fcall("toFloat", ""), .null))
        #expect(sameValue(try fcall("toFloat", "-1.5e-3"), -0.0015))
        #expect(sameValue(try fcall("toFloat", ".5"), 0.5))
        #expect(sameValue(try fcall("toFloat", "NaN"), .double(.nan)))
        #expect(sameValue(try fcall("toFloat", "-Infinity"), .double(-.infinity)))
        // Swift's own parser would accept these; Cypher does not.
        for s: Value in ["inf", "nan", "0x1p3", "1e", "e5", ".", "1.2.3", "1 2"] {
            #expect(sameValue(try fcall("toFloat", s), .null), "toFloat(\(s.cypherLiteral(in: nil)))")
        }
    }

    @Test("toFloat fails on booleans, lists, maps and graph elements")
    func toFloatInvalid() throws {
        for v in [Value.bool(true), .list([]), .map([:])] + graphElements {
            expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("toFloat", v, graph: g.graph) }
            #expect(sameValue(try fcall("toFloatOrNull", v, graph: g.graph), .null))
        }
    }

    @Test("toString writes numbers and booleans, keeps strings")
    func toStringValues() throws {
        #expect(sameValue(try fcall("toString", 42), "42"))
        #expect(sameValue(try fcall("toString", true), "true"))
        #expect(sameValue(try fcall("toString", false), "false"))
        #expect(sameValue(try fcall("toString", 2.3), "2.3"))
        #expect(sameValue(try fcall("toString", 1.0), "1.0"))
        #expect(sameValue(try fcall("toString", 1e10), "1.0E10"))
        #expect(sameValue(try fcall("toString", "apa"), "apa"))
        #expect(sameValue(try fcall("toString", .null), .null))
    }

    @Test("toString fails on lists, maps and graph elements")
    func toStringInvalid() throws {
        for v in [Value.list([]), .map([:])] + graphElements {
            expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("toString", v, graph: g.graph) }
            #expect(sameValue(try fcall("toStringOrNull", v, graph: g.graph), .null))
        }
    }

    @Test("list conversions convert element-wise and never fail on elements")
    func listConversions() throws {
        #expect(sameValue(try fcall("toIntegerList", [2, 2.9, "1.7", "x", .null, [1]]), [2, 2, 1, .null, .null, .null]))
        #expect(sameValue(try fcall("toFloatList", [3.4, 3, "5", true]), [3.4, 3.0, 5.0, .null]))
        #expect(sameValue(try fcall("toStringList", [1, 2.5, true, "a", []]), ["1", "2.5", "true", "a", .null]))
        #expect(sameValue(try fcall("toBooleanList", [true, "false", 0, 1.5]), [true, false, false, .null]))
        #expect(sameValue(try fcall("toIntegerList", .null), .null))
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("toIntegerList", 1) }
    }
}
