/// A Cypher value: a property value, or a graph element, path, list or map produced by a query.
///
/// Property values (what a node or relationship may store) are `null` (meaning absent),
/// booleans, 64-bit integers, doubles, strings, temporal values and lists of those. Queries also produce
/// maps, nodes, relationships and paths.
///
/// `==` and `hash(into:)` implement Cypher *equivalence* (used by DISTINCT, grouping and
/// set membership): `null` is equivalent to `null`, `1` to `1.0`, and NaN to NaN. For the
/// three-valued `=` operator use ``Value/cypherEquals(_:)``; for `<` use
/// ``Value/cypherCompare(_:)``; for ORDER BY use ``Value/orderCompare(_:)``.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case list([Value])
    case map([String: Value])
    case node(NodeID)
    case relationship(RelID)
    case path(Path)
    /// A date, time, date-time or duration (see ``TemporalValue``).
    /// Boxed, so that a `Value` stays two words plus a tag (temporal payloads are large).
    indirect case temporal(TemporalValue)
}

/// A path: alternating nodes and relationships, `nodes.count == relationships.count + 1`.
public struct Path: Sendable, Hashable {
    /// The nodes along the path, in order.
    public var nodes: [NodeID]
    /// The relationships along the path, in order.
    public var relationships: [RelID]

    /// Creates a path from its nodes and the relationships between them.
    public init(nodes: [NodeID], relationships: [RelID]) {
        self.nodes = nodes
        self.relationships = relationships
    }
}

extension Value {
    /// Whether this value is `null`.
    @inlinable public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether this value may be stored as a node or relationship property.
    public var isStorableProperty: Bool {
        switch self {
        case .null, .bool, .int, .double, .string, .temporal: return true
        case .list(let items):
            return items.allSatisfy {
                switch $0 {
                case .null, .bool, .int, .double, .string, .temporal: return true
                default: return false
                }
            }
        case .map, .node, .relationship, .path: return false
        }
    }

    /// The Cypher type name of this value, as used in error messages (`INTEGER`, `STRING`, ...).
    public var typeName: String {
        switch self {
        case .null: return "NULL"
        case .bool: return "BOOLEAN"
        case .int: return "INTEGER"
        case .double: return "FLOAT"
        case .string: return "STRING"
        case .list: return "LIST"
        case .map: return "MAP"
        case .node: return "NODE"
        case .relationship: return "RELATIONSHIP"
        case .path: return "PATH"
        case .temporal(let t): return t.typeName
        }
    }
}

extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
