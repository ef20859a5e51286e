import ParleyGraph
import ParleyValues

/// The runtime errors raised by operators, functions and aggregates, classified as the
/// openCypher TCK expects. (A namespace of its own, so these helpers cannot clash with
/// the engine's own `QueryError` helpers.)
enum FunctionError {
    /// A value of the wrong type given to an operator: `TypeError: InvalidArgumentType`.
    static func operandType(_ message: String) -> QueryError {
        QueryError(.runtime, .type(.invalidArgumentType), message)
    }

    /// A value of the wrong type given to a function: `TypeError: InvalidArgumentValue`
    /// (the TCK's class for `toInteger([])`, `labels(1)`, `type('')`, ...).
    static func argumentValue(_ function: String, _ value: Value, expected: String) -> QueryError {
        QueryError(.runtime, .type(.invalidArgumentValue),
                   "\(function)() expects \(expected), but got \(value.typeName)")
    }

    /// An argument out of its allowed range: `ArgumentError: NumberOutOfRange`.
    static func outOfRange(_ message: String) -> QueryError {
        QueryError(.runtime, .argument(.numberOutOfRange), message)
    }

    /// An argument of a type the function refuses: `ArgumentError: InvalidArgumentType`
    /// (the TCK's class for `range(1.5, 2)`).
    static func argumentType(_ function: String, _ value: Value, expected: String) -> QueryError {
        QueryError(.runtime, .argument(.invalidArgumentType),
                   "\(function)() expects \(expected), but got \(value.typeName) \(value.cypherLiteral(in: nil))")
    }

    /// An integer result that does not fit in 64 bits: `ArithmeticError: IntegerOverflow`.
    static func integerOverflow(_ expression: String) -> QueryError {
        QueryError(.runtime, .arithmetic(.integerOverflow),
                   "Integer overflow: \(expression) does not fit in a 64-bit INTEGER")
    }

    /// Integer division or modulo by zero: `ArithmeticError: DivisionByZero`.
    static func divisionByZero(_ expression: String) -> QueryError {
        QueryError(.runtime, .arithmetic(.divisionByZero), "Division by zero: \(expression)")
    }
}
