import ParleyGraph
import ParleyValues

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The arithmetic and string operators on values: `+ - * / % ^` and unary minus, with
/// Cypher's rules (integer overflow is an error, `null` propagates, `+` concatenates strings
/// and lists).
///
/// - `null` with anything gives `null` (also `[1] + null`).
/// - INTEGER op INTEGER stays INTEGER; overflow is `ArithmeticError: IntegerOverflow`;
///   integer `/` truncates toward zero and `/ 0` or `% 0` is `ArithmeticError: DivisionByZero`.
/// - A FLOAT on either side makes the result FLOAT (IEEE: `1.0 / 0` is `Infinity`,
///   `0.0 / 0` is NaN). `%` keeps the dividend's sign, as in Java. `^` is always FLOAT.
/// - `+`: list + list concatenates, list + x appends, x + list prepends; string + string
///   concatenates, and a string plus a number (either side) concatenates the number's
///   Cypher text (`'a' + 1.0` is `'a1.0'`), as Neo4j does. Booleans are not concatenated.
/// - Temporal values: instant ± duration, duration ± duration, duration × number and
///   duration ÷ number (see ``TemporalFunctions``).
/// - Anything else is `TypeError: InvalidArgumentType` ("Cannot add STRING and BOOLEAN").
enum Operators {
    /// Throws unless a list can hold `element` (a map, the only non-list that nests, already
    /// ``Value/maxNesting`` levels deep cannot go one level deeper).
    static func checkNestable(_ element: Value) throws(QueryError) {
        if case .map = element, element.nesting >= Value.maxNesting { throw QueryError.nestedTooDeeply }
    }

    /// `a + b`.
    static func add(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw FunctionError.integerOverflow("\(x) + \(y)") }
            return .int(r)
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.list(let x), _):
            try checkNestable(b)
            return .list(x + [b])
        case (_, .list(let y)):
            try checkNestable(a)
            return .list([a] + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.string(let x), .int), (.string(let x), .double): return .string(x + (b.toCypherString() ?? ""))
        case (.int, .string(let y)), (.double, .string(let y)): return .string((a.toCypherString() ?? "") + y)
        default:
            if let r = try TemporalFunctions.add(a, b) { return r }
            if let (x, y) = floats(a, b) { return .double(x + y) }
            throw mismatch("add", a, b)
        }
    }

    /// `a - b`.
    static func subtract(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw FunctionError.integerOverflow("\(x) - \(y)") }
            return .int(r)
        default:
            if let r = try TemporalFunctions.subtract(a, b) { return r }
            if let (x, y) = floats(a, b) { return .double(x - y) }
            throw mismatch("subtract", a, b)
        }
    }

    /// `a * b`.
    static func multiply(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw FunctionError.integerOverflow("\(x) * \(y)") }
            return .int(r)
        default:
            if let r = try TemporalFunctions.multiply(a, b) { return r }
            if let (x, y) = floats(a, b) { return .double(x * y) }
            throw mismatch("multiply", a, b)
        }
    }

    /// `a / b`.
    static func divide(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            if y == 0 { throw FunctionError.divisionByZero("\(x) / 0") }
            let (r, o) = x.dividedReportingOverflow(by: y)
            if o { throw FunctionError.integerOverflow("\(x) / \(y)") }
            return .int(r)
        default:
            if let r = try TemporalFunctions.divide(a, b) { return r }
            if let (x, y) = floats(a, b) { return .double(x / y) }
            throw mismatch("divide", a, b)
        }
    }

    /// `a % b`.
    static func modulo(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            if y == 0 { throw FunctionError.divisionByZero("\(x) % 0") }
            // Int64.min % -1 overflows in hardware but is mathematically 0 (as in Java).
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            return .int(o ? 0 : r)
        default:
            if let (x, y) = floats(a, b) { return .double(x.truncatingRemainder(dividingBy: y)) }
            throw mismatch("compute the remainder of", a, b)
        }
    }

    /// `a ^ b`, always a FLOAT.
    static func power(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        default:
            if let (x, y) = floats(a, b) { return .double(pow(x, y)) }
            throw mismatch("raise", a, b, joiner: "to the power of")
        }
    }

    /// `-a`.
    static func negate(_ a: Value) throws(QueryError) -> Value {
        switch a {
        case .null: return .null
        case .int(let x):
            let (r, o) = Int64(0).subtractingReportingOverflow(x)
            if o { throw FunctionError.integerOverflow("-(\(x))") }
            return .int(r)
        case .double(let x): return .double(-x)
        default: throw FunctionError.operandType("Cannot negate \(a.typeName): unary minus expects an INTEGER or FLOAT")
        }
    }

    /// Both operands as doubles when both are numbers (INTEGER or FLOAT).
    @inline(__always)
    static func floats(_ a: Value, _ b: Value) -> (Double, Double)? {
        guard let x = a.cypherNumberAsDouble, let y = b.cypherNumberAsDouble else { return nil }
        return (x, y)
    }

    /// The error for operands of the wrong types: "Cannot add STRING and BOOLEAN".
    static func mismatch(_ verb: String, _ a: Value, _ b: Value, joiner: String = "and") -> QueryError {
        FunctionError.operandType("Cannot \(verb) \(a.typeName) \(joiner) \(b.typeName)")
    }
}

extension Value {
    /// An INTEGER or FLOAT as a Double; nil for anything else.
    @inline(__always)
    var cypherNumberAsDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}
