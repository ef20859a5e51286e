import ParleyGraph
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
        #expect(same(try fn("abs", -1), 1))
        #expect(same(try fn("abs", -1.5), 1.5))
        #expect(same(try fn("abs", .null), .null))
        expectQueryError("ArithmeticError", "IntegerOverflow") { () throws(QueryError) in try fn("abs", .int(.min)) }
        expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("abs", "1") }
    }

    @Test("sign is an integer")
    func sign() throws {
        #expect(same(try fn("sign", -5), -1))
        #expect(same(try fn("sign", 0), 0))
        #expect(same(try fn("sign", 2.5), 1))
        #expect(same(try fn("sign", -0.1), -1))
        #expect(same(try fn("sign", .double(.nan)), 0))
    }

    @Test("ceil, floor, sqrt return floats (Mathematical13: sqrt(12.96) = 3.6)")
    func ceilFloorSqrt() throws {
        #expect(same(try fn("ceil", 0.1), 1.0))
        #expect(same(try fn("ceil", 1), 1.0))
        #expect(same(try fn("floor", -0.1), -1.0))
        #expect(same(try fn("sqrt", 12.96), 3.6))
        #expect(try d("sqrt", -1).isNaN)
    }

    @Test("round(x) breaks ties toward positive infinity, as Neo4j and Java do")
    func roundSimple() throws {
        #expect(same(try fn("round", 3.141592), 3.0))
        #expect(same(try fn("round", 2.5), 3.0))
        #expect(same(try fn("round", -1.5), -1.0))
        #expect(same(try fn("round", -1.6), -2.0))
        #expect(same(try fn("round", 7), 7.0))
        #expect(same(try fn("round", 0.49999999999999994), 0.0))
        #expect(same(try fn("round", -1.5, 0), -1.0))
    }

    @Test("round(x, precision[, mode]) rounds in decimal")
    func roundPrecision() throws {
        #expect(same(try fn("round", 3.141592, 3), 3.142))
        #expect(same(try fn("round", 1.005, 2), 1.01))
        #expect(same(try fn("round", -1.5, 0, "HALF_UP"), -2.0))
        #expect(same(try fn("round", 2.5, 0, "HALF_EVEN"), 2.0))
        #expect(same(try fn("round", 3.5, 0, "HALF_EVEN"), 4.0))
        #expect(same(try fn("round", 2.5, 0, "HALF_DOWN"), 2.0))
        #expect(same(try fn("round", 2.51, 0, "HALF_DOWN"), 3.0))
        #expect(same(try fn("round", 1.783, 0, "DOWN"), 1.0))
        #expect(same(try fn("round", 1.783, 0, "up"), 2.0))
        #expect(same(try fn("round", -1.2, 0, "CEILING"), -1.0))
        #expect(same(try fn("round", -1.2, 0, "FLOOR"), -2.0))
        #expect(same(try fn("round", 1234.5, -2), 1200.0))
        #expect(same(try fn("round", 9.99, 1), 10.0))
        #expect(same(try fn("round", 0.001, 1), 0.0))
        #expect(same(try fn("round", 0.001, 1, "UP"), 0.1))
        #expect(same(try fn("round", 12.0, 5), 12.0))
        #expect(same(try fn("round", .null, 2), .null))
        expectQueryError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fn("round", 1.5, 0, "SIDEWAYS") }
        expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("round", 1.5, 0.5) }
    }

    @Test("logarithms, exponentials, constants")
    func logsAndConstants() throws {
        #expect(try d("exp", 0) == 1)
        #expect(try d("log", try fn("e")) == 1)
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
        #expect(same(try fn("atan2", 1, .null), .null))
        expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("sin", "0") }
    }

    @Test("isNaN")
    func isNaN() throws {
        #expect(same(try fn("isNaN", .double(.nan)), true))
        #expect(same(try fn("isNaN", 1.0), false))
        #expect(same(try fn("isNaN", 1), false))
        #expect(same(try fn("isNaN", .null), .null))
    }
}

@Suite("String functions (TCK String1-7)")
struct FunctionsStringTests {
    @Test("substring counts code points from 0; a start past the end gives ''")
    func substring() throws {
        #expect(same(try fn("substring", "0123456789", 1), "123456789"))
        #expect(same(try fn("substring", "0123456789", 1, 3), "123"))
        #expect(same(try fn("substring", "0123", 10), ""))
        #expect(same(try fn("substring", "0123", 2, 100), "23"))
        #expect(same(try fn("substring", "h\u{e9}llo", 1, 1), "\u{e9}"))
        #expect(same(try fn("substring", .null, 1), .null))
        #expect(same(try fn("substring", "abc", .null), .null))
        expectQueryError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fn("substring", "abc", -1) }
        expectQueryError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fn("substring", "abc", 0, -1) }
        expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("substring", 123, 0) }
    }

    @Test("left and right")
    func leftRight() throws {
        #expect(same(try fn("left", "hello", 3), "hel"))
        #expect(same(try fn("right", "hello", 3), "llo"))
        #expect(same(try fn("left", "hi", 10), "hi"))
        #expect(same(try fn("right", "hi", 10), "hi"))
        #expect(same(try fn("right", "hi", 0), ""))
        expectQueryError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fn("left", "hi", -1) }
    }

    @Test("trimming, case")
    func trimAndCase() throws {
        #expect(same(try fn("trim", "  a b \t\n"), "a b"))
        #expect(same(try fn("ltrim", "  a "), "a "))
        #expect(same(try fn("rtrim", "  a "), "  a"))
        #expect(same(try fn("trim", "   "), ""))
        #expect(same(try fn("toUpper", "Kazakhstan"), "KAZAKHSTAN"))
        #expect(same(try fn("toLower", "ÉCOLE"), "école"))
        #expect(same(try fn("upper", "a"), "A"))
        #expect(same(try fn("lower", "A"), "a"))
        expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("toUpper", 1) }
    }

    @Test("replace replaces every occurrence, by code points")
    func replace() throws {
        #expect(same(try fn("replace", "hello", "l", "w"), "hewwo"))
        #expect(same(try fn("replace", "aaa", "aa", "b"), "ba"))
        #expect(same(try fn("replace", "abc", "", "-"), "-a-b-c-"))
        #expect(same(try fn("replace", "abc", "x", "y"), "abc"))
        // A precomposed é is not the same string as e + combining accent.
        #expect(same(try fn("replace", "caf\u{e9}", "e\u{301}", "E"), "caf\u{e9}"))
        #expect(same(try fn("replace", "abc", .null, "y"), .null))
    }

    @Test("split keeps empty pieces and accepts several delimiters (String4)")
    func split() throws {
        #expect(same(try fn("split", "one1two", "1"), ["one", "two"]))
        #expect(same(try fn("split", "a,,b,", ","), ["a", "", "b", ""]))
        #expect(same(try fn("split", "", ","), [""]))
        #expect(same(try fn("split", "abc", ""), ["a", "b", "c"]))
        #expect(same(try fn("split", "a-b_c", ["-", "_"]), ["a", "b", "c"]))
        #expect(same(try fn("split", "a::b", "::"), ["a", "b"]))
        #expect(same(try fn("split", .null, ","), .null))
        #expect(same(try fn("split", "a", .null), .null))
        expectQueryError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fn("split", "a", 1) }
    }
}
