import ParleyGraph
import Testing
@testable import ParleyQuery

@Suite("Arithmetic and concatenation operators")
struct FunctionsOperatorsTests {
    @Test("integer arithmetic stays integer; TCK precedence results hold")
    func integerArithmetic() throws {
        #expect(sameValue(try Operators.add(99, 5), 104))
        #expect(sameValue(try Operators.subtract(3, 8), -5))
        #expect(sameValue(try Operators.multiply(-4, 6), -24))
        // 12 / 4 * 3 - 2 * 4 = 1 and 12 / 4 * (3 - 2 * 4) = -15 (Mathematical8)
        let a = try Operators.subtract(try Operators.multiply(try Operators.divide(12, 4), 3), try Operators.multiply(2, 4))
        #expect(sameValue(a, 1))
        let b = try Operators.multiply(try Operators.divide(12, 4), try Operators.subtract(3, try Operators.multiply(2, 4)))
        #expect(sameValue(b, -15))
    }

    @Test("integer division truncates toward zero, modulo keeps the dividend's sign")
    func integerDivision() throws {
        #expect(sameValue(try Operators.divide(7, 2), 3))
        #expect(sameValue(try Operators.divide(-7, 2), -3))
        #expect(sameValue(try Operators.modulo(7, 3), 1))
        #expect(sameValue(try Operators.modulo(-7, 3), -1))
        #expect(sameValue(try Operators.modulo(7, -3), 1))
        #expect(sameValue(try Operators.modulo(.int(.min), -1), 0))
    }

    @Test("integer overflow is ArithmeticError: IntegerOverflow")
    func overflow() {
        expectFunctionError("ArithmeticError", "IntegerOverflow") { () throws(QueryError) in try Operators.add(.int(.max), 1) }
        expectFunctionError("ArithmeticError", "IntegerOverflow") { () throws(QueryError) in try Operators.subtract(.int(.min), 1) }
        expectFunctionError("ArithmeticError", "IntegerOverflow") { () throws(QueryError) in try Operators.multiply(.int(.max / 2 + 1), 2) }
        expectFunctionError("ArithmeticError", "IntegerOverflow") { () throws(QueryError) in try Operators.divide(.int(.min), -1) }
        expectFunctionError("ArithmeticError", "IntegerOverflow") { () throws(QueryError) in try Operators.negate(.int(.min)) }
    }

    @Test("integer division or modulo by zero is ArithmeticError: DivisionByZero")
    func divisionByZero() {
        expectFunctionError("ArithmeticError", "DivisionByZero") { () throws(QueryError) in try Operators.divide(1, 0) }
        expectFunctionError("ArithmeticError", "DivisionByZero") { () throws(QueryError) in try Operators.modulo(1, 0) }
    }

    @Test("float division by zero follows IEEE")
    func floatDivisionByZero() throws {
        #expect(sameValue(try Operators.divide(1.0, 0), .double(.infinity)))
        #expect(sameValue(try Operators.divide(-1, 0.0), .double(-.infinity)))
        #expect(sameValue(try Operators.divide(0.0, 0.0), .double(.nan)))
        #expect(sameValue(try Operators.modulo(1.0, 0), .double(.nan)))
    }

    @Test("a float operand makes the result a float")
    func mixedNumbers() throws {
        #expect(sameValue(try Operators.add(1, 0.5), 1.5))
        #expect(sameValue(try Operators.subtract(1.5, 1), 0.5))
        #expect(sameValue(try Operators.multiply(2, 1.5), 3.0))
        #expect(sameValue(try Operators.divide(3, 2.0), 1.5))
        #expect(sameValue(try Operators.modulo(7.5, 2), 1.5))
        #expect(sameValue(try Operators.modulo(-7.5, 2), -1.5))
    }

    @Test("^ is always a float (Precedence2: 4 ^ 3 * 2 ^ 3 = 512.0, -3 ^ 2 = 9.0)")
    func power() throws {
        #expect(sameValue(try Operators.power(2, 3), 8.0))
        #expect(sameValue(try Operators.multiply(try Operators.power(4, 3), try Operators.power(2, 3)), 512.0))
        #expect(sameValue(try Operators.power(try Operators.negate(3), 2), 9.0))
        #expect(sameValue(try Operators.negate(try Operators.power(3, 2)), -9.0))
        // 4 ^ (3 * 2) ^ 3 is (4 ^ 6) ^ 3 = 68719476736.0
        #expect(sameValue(try Operators.power(try Operators.power(4, try Operators.multiply(3, 2)), 3), 68719476736.0))
        #expect(sameValue(try Operators.power(2, -1), 0.5))
    }

    @Test("null propagates through every operator, lists included")
    func nullPropagation() throws {
        #expect(sameValue(try Operators.add(.null, 1), .null))
        #expect(sameValue(try Operators.add("a", .null), .null))
        #expect(sameValue(try Operators.add([1], .null), .null))
        #expect(sameValue(try Operators.subtract(.null, .null), .null))
        #expect(sameValue(try Operators.multiply(2, .null), .null))
        #expect(sameValue(try Operators.divide(.null, 0), .null))
        #expect(sameValue(try Operators.modulo(.null, 0), .null))
        #expect(sameValue(try Operators.power(.null, 2), .null))
        #expect(sameValue(try Operators.negate(.null), .null))
    }

    @Test("+ concatenates strings, and strings with numbers")
    func stringConcatenation() throws {
        #expect(sameValue(try Operators.add("nam", "e"), "name"))
        #expect(sameValue(try Operators.add("a", 1), "a1"))
        #expect(sameValue(try Operators.add(1, "a"), "1a"))
        #expect(sameValue(try Operators.add("v", 1.0), "v1.0"))
        #expect(sameValue(try Operators.add("", ""), ""))
    }

    @Test("+ on lists concatenates, appends and prepends (List4)")
    func listConcatenation() throws {
        #expect(sameValue(try Operators.add([1, 10, 100], [4, 5]), [1, 10, 100, 4, 5]))
        #expect(sameValue(try Operators.add([false, true], false), [false, true, false]))
        #expect(sameValue(try Operators.add(0, [1]), [0, 1]))
        #expect(sameValue(try Operators.add([[1]], [[2]]), [[1], [2]]))
        #expect(sameValue(try Operators.add([], []), []))
    }

    @Test("operands of the wrong type are TypeError: InvalidArgumentType naming both types")
    func typeMismatch() {
        let e = functionError { () throws(QueryError) in try Operators.add("a", true) }
        #expect(e?.type == "TypeError")
        #expect(e?.detail == "InvalidArgumentType")
        #expect(e?.message == "Cannot add STRING and BOOLEAN")
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.subtract("a", 1) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.multiply("a", 2) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.divide([1], 2) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.modulo(true, 2) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.power("2", 2) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.negate("x") }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.add(["a": 1], 1) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.add(true, false) }
        let m = functionError { () throws(QueryError) in try Operators.subtract(.node(0), 1) }
        #expect(m?.message == "Cannot subtract NODE and INTEGER")
    }

    @Test("unary minus keeps the type")
    func negation() throws {
        #expect(sameValue(try Operators.negate(5), -5))
        #expect(sameValue(try Operators.negate(-2.5), 2.5))
        #expect(sameValue(try Operators.negate(.int(.max)), .int(-Int64.max)))
    }
}
