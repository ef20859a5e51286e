import ParleyGraph
import ParleyValues

/// A value of a column that colours nodes: a boolean, an integer or a string. Ordered
/// booleans first (false, true), then integers, then strings by Unicode scalars.
enum DOTCategory: Hashable, Comparable {
    case bool(Bool)
    case int(Int64)
    case string(String)

    /// The category of `value`; nil for other kinds of value.
    init?(_ value: Value) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    /// The value as the legend and tooltips show it.
    var text: String {
        switch self {
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .string(let s): s
        }
    }

    static func < (a: DOTCategory, b: DOTCategory) -> Bool {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return !x && y
        case (.int(let x), .int(let y)): return x < y
        case (.string(let x), .string(let y)): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        case (.bool, _): return true
        case (.int, .string): return true
        default: return false
        }
    }
}
