import ParleyGraph
import ParleyValues

/// A Cypher type as a type predicate (`x IS :: LIST<INTEGER> NOT NULL`) names it, and as
/// `valueType()` reports it.
///
/// Every type includes `null` unless it is `NOT NULL`; `NOTHING` holds no value at all and
/// `NULL` only `null`. A closed dynamic union (`INTEGER | FLOAT`) holds the values of any
/// member; its members are all nullable or all `NOT NULL`.
struct CypherType: Sendable, Equatable {
    /// The kind of values the type holds.
    indirect enum Kind: Sendable, Equatable {
        case any, nothing, null, propertyValue
        case boolean, string, integer, float
        case date, localTime, zonedTime, localDateTime, zonedDateTime, duration, point
        case node, relationship, path, map
        case list(CypherType)
        case union([CypherType])
    }

    /// The kind.
    var kind: Kind
    /// Whether `null` belongs to the type (false after `NOT NULL`, and for `NOTHING`).
    var nullable: Bool

    /// A type of `kind`, nullable unless said otherwise.
    init(_ kind: Kind, nullable: Bool = true) {
        self.kind = kind
        self.nullable = nullable
    }

    /// Whether `value` is of this type.
    func contains(_ value: Value) -> Bool {
        if value.isNull {
            switch kind {
            case .nothing: return false
            case .null: return nullable
            case .union(let members): return members.contains { $0.contains(value) }
            default: return nullable
            }
        }
        switch (kind, value) {
        case (.any, _): return true
        case (.nothing, _), (.null, _): return false
        case (.union(let members), _): return members.contains { $0.contains(value) }
        case (.propertyValue, _): return CypherType.isPropertyValue(value)
        case (.boolean, .bool), (.string, .string), (.integer, .int), (.float, .double): return true
        case (.node, .node), (.relationship, .relationship), (.path, .path), (.map, .map): return true
        case (.list(let inner), .list(let items)): return items.allSatisfy { inner.contains($0) }
        case (.date, .temporal(.date)), (.localTime, .temporal(.localTime)), (.zonedTime, .temporal(.time)),
             (.localDateTime, .temporal(.localDateTime)), (.zonedDateTime, .temporal(.dateTime)),
             (.duration, .temporal(.duration)):
            return true
        default: return false
        }
    }

    /// Whether `value` can be stored as a property: a boolean, number, string or temporal
    /// value, or a list of values of one of those types.
    static func isPropertyValue(_ value: Value) -> Bool {
        switch value {
        case .bool, .int, .double, .string, .temporal: return true
        case .list(let items):
            guard let first = items.first else { return true }
            let name = first.typeName
            return items.allSatisfy { v in
                switch v {
                case .bool, .int, .double, .string, .temporal: return v.typeName == name
                default: return false
                }
            }
        default: return false
        }
    }

    /// The type in the manual's canonical spelling (`LIST<INTEGER NOT NULL> NOT NULL`).
    var description: String {
        let base: String
        switch kind {
        case .any: base = "ANY"
        case .nothing: return "NOTHING"
        case .null: return "NULL"
        case .propertyValue: base = "PROPERTY VALUE"
        case .boolean: base = "BOOLEAN"
        case .string: base = "STRING"
        case .integer: base = "INTEGER"
        case .float: base = "FLOAT"
        case .date: base = "DATE"
        case .localTime: base = "LOCAL TIME"
        case .zonedTime: base = "ZONED TIME"
        case .localDateTime: base = "LOCAL DATETIME"
        case .zonedDateTime: base = "ZONED DATETIME"
        case .duration: base = "DURATION"
        case .point: base = "POINT"
        case .node: base = "NODE"
        case .relationship: base = "RELATIONSHIP"
        case .path: base = "PATH"
        case .map: base = "MAP"
        case .list(let inner): base = "LIST<\(inner.description)>"
        case .union(let members): return members.map(\.description).joined(separator: " | ")
        }
        return nullable ? base : base + " NOT NULL"
    }

    /// The most precise type of `value`, as `valueType()` reports it: `NULL` for null, else
    /// the value's type `NOT NULL`; a list's element type is the union of its elements' types
    /// (nullable when an element is null; `NOTHING` for an empty list).
    static func of(_ value: Value) -> CypherType {
        switch value {
        case .null: return CypherType(.null)
        case .bool: return CypherType(.boolean, nullable: false)
        case .int: return CypherType(.integer, nullable: false)
        case .double: return CypherType(.float, nullable: false)
        case .string: return CypherType(.string, nullable: false)
        case .map: return CypherType(.map, nullable: false)
        case .node: return CypherType(.node, nullable: false)
        case .relationship: return CypherType(.relationship, nullable: false)
        case .path: return CypherType(.path, nullable: false)
        case .temporal(let t):
            let kinds: [String: Kind] = ["DATE": .date, "LOCAL TIME": .localTime, "ZONED TIME": .zonedTime,
                                         "LOCAL DATETIME": .localDateTime, "ZONED DATETIME": .zonedDateTime,
                                         "DURATION": .duration]
            return CypherType(kinds[t.typeName] ?? .any, nullable: false)
        case .list(let items):
            return CypherType(.list(elementType(items)), nullable: false)
        }
    }

    /// The union of the types of `items` (see ``of(_:)``).
    private static func elementType(_ items: [Value]) -> CypherType {
        var members: [CypherType] = []
        var sawNull = false
        for item in items {
            if item.isNull { sawNull = true; continue }
            let t = of(item)
            if !members.contains(t) { members.append(t) }
        }
        if members.isEmpty { return CypherType(sawNull ? .null : .nothing, nullable: sawNull) }
        members.sort { rank($0.kind) < rank($1.kind) }
        if sawNull { for i in members.indices { members[i].nullable = true } }
        return members.count == 1 ? members[0] : CypherType(.union(members), nullable: sawNull)
    }

    /// The order in which a union's members are listed.
    private static func rank(_ kind: Kind) -> Int {
        switch kind {
        case .nothing, .null: return 0
        case .boolean: return 1
        case .string: return 2
        case .integer: return 3
        case .float: return 4
        case .date: return 5
        case .localTime: return 6
        case .zonedTime: return 7
        case .localDateTime: return 8
        case .zonedDateTime: return 9
        case .duration: return 10
        case .point: return 11
        case .node: return 12
        case .relationship: return 13
        case .map: return 14
        case .list: return 15
        case .path: return 16
        case .propertyValue: return 17
        case .union: return 18
        case .any: return 19
        }
    }
}
