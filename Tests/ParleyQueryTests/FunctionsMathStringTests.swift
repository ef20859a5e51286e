import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyQuery

@Suite("Numeric functions")
struct FunctionsMathTests {
    /// The double a function returns.
    func d(_ name: String, _ args: Value...) throws -> Double {
        let v = try BuiltinFunctions.call(name.lowercased(), args, graph: GraphStore())
        guard case .double(let x) = v else { Issue.record("\(name) gave \(v)"); return .nan }
        return x
    }

    @Test("abs keeps the type; abs of the smallest integer overflows")
    func abs() throws {
        #expect(sameValue(try fcall("abs", -1), 1))
        #expect(sameValue(try fcall("abs", -1.5), 1.5))
        #expect(sameValue(try fcall("abs", .null), .null))
        expectFunctionError("ArithmeticError", "IntegerOverflow") { () throws(QueryError) in try fcall("abs", .int(.min)) }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("abs", "1") }
    }

    @Test("sign is an integer")
    func sign() throws {
        #expect(sameValue(try fcall("sign", -5), -1))
        #expect(sameValue(try fcall("sign", 0), 0))
        #expect(sameValue(try fcall("sign", 2.5), 1))
        #expect(sameValue(try fcall("sign", -0.1), -1))
        #expect(sameValue(try fcall("sign", .double(.nan)), 0))
    }

    @Test("ceil, floor, sqrt return floats (Mathematical13: sqrt(12.96) = 3.6)")
    func ceilFloorSqrt() throws {
        #expect(sameValue(try fcall("ceil", 0.1), 1.0))
        #expect(sameValue(try fcall("ceil", 1), 1.0))
        #expect(sameValue(try fcall("floor", -0.1), -1.0))
        #expect(sameValue(try fcall("sqrt", 12.96), 3.6))
        #expect(try d("sqrt", -1).isNaN)
    }

    @Test("round(x) breaks ties toward positive infinity, as Neo4j and Java do")
    func roundSimple() throws {
        #expect(sameValue(try fcall("round", 3.141592), 3.0))
        #expect(sameValue(try fcall("round", 2.5), 3.0))
        #expect(sameValue(try fcall("round", -1.5), -1.0))
        #expect(sameValue(try fcall("round", -1.6), -2.0))
        #expect(sameValue(try fcall("round", 7), 7.0))
        #expect(sameValue(try fcall("round", 0.49999999999999994), 0.0))
        #expect(sameValue(try fcall("round", -1.5, 0), -1.0))
    }

    @Test("round(x, precision[, mode]) rounds in decimal")
    func roundPrecision() throws {
        #expect(sameValue(try fcall("round", 3.141592, 3), 3.142))
        #expect(sameValue(try fcall("round", 1.005, 2), 1.01))
        #expect(sameValue(try fcall("round", -1.5, 0, "HALF_UP"), -2.0))
        #expect(sameValue(try fcall("round", 2.5, 0, "HALF_EVEN"), 2.0))
        #expect(sameValue(try fcall("round", 3.5, 0, "HALF_EVEN"), 4.0))
        #expect(sameValue(try fcall("round", 2.5, 0, "HALF_DOWN"), 2.0))
        #expect(sameValue(try fcall("round", 2.51, 0, "HALF_DOWN"), 3.0))
        #expect(sameValue(try fcall("round", 1.783, 0, "DOWN"), 1.0))
        #expect(sameValue(try fcall("round", 1.783, 0, "up"), 2.0))
        #expect(sameValue(try fcall("round", -1.2, 0, "CEILING"), -1.0))
        #expect(sameValue(try fcall("round", -1.2, 0, "FLOOR"), -2.0))
        #expect(sameValue(try fcall("round", 1234.5, -2), 1200.0))
        #expect(sameValue(try fcall("round", 9.99, 1), 10.0))
        #expect(sameValue(try fcall("round", 0.001, 1), 0.0))
        #expect(sameValue(try fcall("round", 0.001, 1, "UP"), 0.1))
        #expect(sameValue(try fcall("round", 12.0, 5), 12.0))
        #expect(sameValue(try fcall("round", .null, 2), .null))
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("round", 1.5, 0, "SIDEWAYS") }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("round", 1.5, 0.5) }
    }

    @Test("logarithms, exponentials, constants")
    func logsAndConstants() throws {
        #expect(try d("exp", 0) == 1)
        #expect(try d("log", try fcall("e")) == 1)
        #expect(try d("log", 0) == -.infinity)
        #expect(try d("log10", 1000) == 3)
        #expect(try d("pi") == Double.pi)
        let r = try d("rand")
        #expect(r >= 0 && r < 1)
    }

    @Test("trigonometry, degrees, radians, haversin")
    func trigonometry() throws {
        #expect(Swift.abs(try d("sin", .double(Double.pi / 2)) - 1) < 1e-15)
        #expect(try d("cos", 0) == 1)
        #expect(Swift.abs(try d("tan", .double(Double.pi / 4)) - 1) < 1e-15)
        #expect(Swift.abs(try d("cot", .double(Double.pi / 4)) - 1) < 1e-15)
        #expect(try d("cot", 0) == .infinity)
        #expect(Swift.abs(try d("asin", 1) - Double.pi / 2) < 1e-15)
        #expect(try d("acos", 1) == 0)
        #expect(Swift.abs(try d("atan", 1) - Double.pi / 4) < 1e-15)
        #expect(Swift.abs(try d("atan2", 1, 1) - Double.pi / 4) < 1e-15)
        #expect(try d("degrees", .double(Double.pi)) == 180)
        #expect(try d("radians", 180) == Double.pi)
        #expect(Swift.abs(try d("haversin", .double(Double.pi)) - 1) < 1e-15)
        #expect(sameValue(try fcall("atan2", 1, .null), .null))
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("sin", "0") }
    }

    @Test("isNaN")
    func isNaN() throws {
        #expect(sameValue(try fcall("isNaN", .double(.nan)), true))
        #expect(sameValue(try fcall("isNaN", 1.0), false))
        #expect(sameValue(try fcall("isNaN", 1), false))
        #expect(sameValue(try fcall("isNaN", .null), .null))
    }
}

@Suite("String functions (TCK String1-7)")
struct FunctionsStringTests {
    @Test("substring counts code points from 0; a start past the end gives ''")
    func substring() throws {
        #expect(sameValue(try fcall("substring", "0123456789", 1), "123456789"))
        #expect(sameValue(try fcall("substring", "0123456789", 1, 3), "123"))
        #expect(sameValue(try fcall("substring", "0123", 10), ""))
        #expect(sameValue(try fcall("substring", "0123", 2, 100), "23"))
        #expect(sameValue(try fcall("substring", "h\u{e9}llo", 1, 1), "\u{e9}"))
        #expect(sameValue(try fcall("substring", .null, 1), .null))
        #expect(sameValue(try fcall("substring", "abc", .null), .null))
        expectFunctionError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fcall("substring", "abc", -1) }
        expectFunctionError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fcall("substring", "abc", 0, -1) }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("substring", 123, 0) }
    }

    @Test("left and right")
    func leftRight() throws {
        #expect(sameValue(try fcall("left", "hello", 3), "hel"))
        #expect(sameValue(try fcall("right", "hello", 3), "llo"))
        #expect(sameValue(try fcall("left", "hi", 10), "hi"))
        #expect(sameValue(try fcall("right", "hi", 10), "hi"))
        #expect(sameValue(try fcall("right", "hi", 0), ""))
        expectFunctionError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fcall("left", "hi", -1) }
    }

    @Test("trimming, case")
    func trimAndCase() throws {
        #expect(sameValue(try fcall("trim", "  a b \t\n"), "a b"))
        #expect(sameValue(try fcall("ltrim", "  a "), "a "))
        #expect(sameValue(try fcall("rtrim", "  a "), "  a"))
        #expect(sameValue(try fcall("trim", "   "), ""))
        #expect(sameValue(try fcall("toUpper", "Kazakhstan"), "KAZAKHSTAN"))
        #expect(sameValue(try fcall("toLower", "ÉCOLE"), "école"))
        #expect(sameValue(try fcall("upper", "a"), "A"))
        #expect(sameValue(try fcall("lower", "A"), "a"))
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("toUpper", 1) }
    }

    @Test("replace replaces every occurrence, by code points")
    func replace() throws {
        #expect(sameValue(try fcall("replace", "hello", "l", "w"), "hewwo"))
        #expect(sameValue(try fcall("replace", "aaa", "aa", "b"), "ba"))
        #expect(sameValue(try fcall("replace", "abc", "", "-"), "-a-b-c-"))
        #expect(sameValue(try fcall("replace", "abc", "x", "y"), "abc"))
        // A precomposed é is not the same string as e + combining accent.
        #expect(sameValue(try fcall("replace", "caf\u{e9}", "e\u{301}", "E"), "caf\u{e9}"))
        #expect(sameValue(try fcall("replace", "abc", .null, "y"), .null))
    }

    @Test("split keeps empty pieces and accepts several delimiters (String4)")
    func split() throws {
        #expect(sameValue(try fcall("split", "one1two", "1"), ["one", "two"]))
        #expect(sameValue(try fcall("split", "a,,b,", ","), ["a", "", "b", ""]))
        #expect(sameValue(try fcall("split", "", ","), [""]))
        #expect(sameValue(try fcall("split", "abc", ""), ["a", "b", "c"]))
        #expect(sameValue(try fcall("split", "a-b_c", ["-", "_"]), ["a", "b", "c"]))
        #expect(sameValue(try fcall("split", "a::b", "::"), ["a", "b"]))
        #expect(sameValue(try fcall("split", .null, ","), .null))
        #expect(sameValue(try fcall("split", "a", .null), .null))
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("split", "a", 1) }
    }
}
