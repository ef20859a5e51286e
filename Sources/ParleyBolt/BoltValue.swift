import ParleyValues

/// A value as Bolt carries it: PackStream's core types and the structures a Bolt server sends.
///
/// Temporal values reuse ParleyValues' types; a structure with an unknown signature is kept
/// whole as ``BoltStructure`` so that nothing the server sends is lost.
public enum BoltValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case bytes([UInt8])
    case list([BoltValue])
    case map(BoltMap)
    case node(BoltNode)
    case relationship(BoltRelationship)
    case unboundRelationship(BoltUnboundRelationship)
    case path(BoltPath)
    case date(CypherDate)
    case time(CypherTime)
    case localTime(CypherLocalTime)
    case dateTime(CypherDateTime)
    case localDateTime(CypherLocalDateTime)
    case duration(CypherDuration)
    case point(BoltPoint)
    case structure(BoltStructure)
}

extension BoltValue {
    /// The string inside a `.string`, else nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer inside an `.int`, else nil.
    public var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// The map inside a `.map`, else nil.
    public var mapValue: BoltMap? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// The list inside a `.list`, else nil.
    public var listValue: [BoltValue]? {
        if case .list(let l) = self { return l }
        return nil
    }
}

extension BoltValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: BoltValue...) { self = .list(elements) }
}
