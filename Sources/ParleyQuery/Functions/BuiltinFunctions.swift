import ParleyGraph

/// The scalar functions of the language (`size`, `toUpper`, `coalesce`, ...).
///
/// Names are matched case-insensitively. Errors are thrown without a position; the executor
/// adds the call's position.
enum BuiltinFunctions {
    /// The arity of function `name` (lowercased), or nil when no such scalar function exists.
    static func arity(of name: String) -> ClosedRange<Int>? { nil }

    /// Calls scalar function `name` (lowercased) with evaluated arguments.
    static func call(_ name: String, _ args: [Value], graph: GraphStore) throws(QueryError) -> Value {
        throw QueryError(.runtime, "SyntaxError", detail: "UnknownFunction", "Unknown function '\(name)'")
    }

    /// All scalar and aggregate function names, for completion and suggestions.
    static var allNames: [String] { [] }
}
