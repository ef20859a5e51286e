import Foundation
import ParleyGraph

/// How values are spelled in result output.
///
/// Scalars, lists and maps are formatted here; nodes, relationships and paths go through
/// `Value.cypherLiteral(in:)` (ParleyGraph), so every renderer prints them alike.
enum ValueText {
    /// The value as a Cypher literal: strings quoted, maps with sorted keys, graph elements in
    /// Cypher notation.
    static func literal(_ value: Value, in graph: GraphStore) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return double(d)
        case .string(let s): return quoted(s)
        case .list(let items): return "[" + items.map { literal($0, in: graph) }.joined(separator: ", ") + "]"
        case .map(let map):
            return "{" + map.sorted { $0.key < $1.key }.map { "\(key($0.key)): \(literal($0.value, in: graph))" }.joined(separator: ", ") + "}"
        case .node, .relationship, .path: return value.cypherLiteral(in: graph)
        }
    }

    /// The value as shown in a table cell: like ``literal(_:in:)`` but top-level strings
    /// unquoted.
    static func plain(_ value: Value, in graph: GraphStore) -> String {
        if case .string(let s) = value { return s }
        return literal(value, in: graph)
    }

    /// A double in Cypher spelling: `1.0`, `NaN`, `Infinity`.
    static func double(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return "\(d)"
    }

    /// A string as a single-quoted Cypher literal, with backslash escapes.
    static func quoted(_ s: String) -> String {
        var out = "'"
        for c in s.unicodeScalars {
            switch c {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "'"
    }

    /// A map key, backquoted when it is not a plain identifier.
    static func key(_ k: String) -> String {
        let isIdentifier = !k.isEmpty && k.unicodeScalars.enumerated().allSatisfy { i, c in
            c == "_" || c.properties.isAlphabetic || (i > 0 && c.properties.numericType != nil)
        }
        return isIdentifier ? k : "`" + k.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// Whether the value is a number (right-aligned in tables).
    static func isNumber(_ value: Value) -> Bool {
        switch value {
        case .int, .double: return true
        default: return false
        }
    }
}

