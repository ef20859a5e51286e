import ParleyGraph
import ParleyValues

/// How values are spelled in result output: every renderer goes through here, and here goes
/// through ParleyGraph's `Value.cypherLiteral(in:)`, so the REPL, `toString` and DOT agree.
enum ValueText {
    /// The value as Cypher that reads back as an equal value (`:mode cypher`, `:params`):
    /// strings quoted, maps with sorted keys, `1.0 / 0.0` for infinity, `date('…')` for
    /// dates, graph elements as patterns.
    static func literal(_ value: Value, in graph: GraphStore) -> String {
        value.cypherExpression(in: graph)
    }

    /// The value as shown in a table cell: its Cypher notation as `toString` and DOT write it
    /// (`Infinity`, `'2015-07-21'`), with top-level strings unquoted.
    static func plain(_ value: Value, in graph: GraphStore) -> String {
        if case .string(let s) = value { return s }
        return value.cypherLiteral(in: graph)
    }

    /// A map key, backquoted when it is not a plain identifier.
    static func key(_ k: String) -> String { Value.symbolicName(k) }

    /// Whether the value is a number (right-aligned in tables).
    static func isNumber(_ value: Value) -> Bool {
        switch value {
        case .int, .double: return true
        default: return false
        }
    }
}
