import ParleyGraph
import ParleyValues

/// The kind of a non-null value, named as messages show it (`floats`, `strings`).
enum ValueKind: String, Sendable, Hashable {
    case booleans, integers, floats, strings, lists, maps, nodes, relationships, paths
    case temporal = "temporal values"

    /// The kind of `value`; nil for null.
    init?(_ value: Value) {
        switch value {
        case .null: return nil
        case .bool: self = .booleans
        case .int: self = .integers
        case .double: self = .floats
        case .string: self = .strings
        case .list: self = .lists
        case .map: self = .maps
        case .node: self = .nodes
        case .relationship: self = .relationships
        case .path: self = .paths
        case .temporal: self = .temporal
        }
    }

    /// What can colour nodes.
    static let categorical: Set<ValueKind> = [.booleans, .integers, .strings]
    /// What can size nodes.
    static let numeric: Set<ValueKind> = [.integers, .floats]
}
