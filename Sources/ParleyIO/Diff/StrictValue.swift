import ParleyGraph
import ParleyValues

/// Value identity for diffs: stricter than Cypher equivalence (`Value ==`), which makes `1`
/// and `1.0` equal. Two values are the same here when they have the same type and the same
/// content: `1` → `1.0` and `'2015-05-25'` → `date('2015-05-25')` are changes.
enum StrictValue {
    /// Whether `a` and `b` are the same type with equal content: strings by Unicode scalars,
    /// floats by value with NaN equal to NaN and `0.0` told from `-0.0`, lists element by
    /// element, temporal values by Cypher equality (same instant, offset and zone).
    static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return (x == y && x.sign == y.sign) || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.temporal(let x), .temporal(let y)): return x == y
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count && x.allSatisfy { key, v in y[key].map { identical(v, $0) } ?? false }
        case (.node(let x), .node(let y)): return x == y
        case (.relationship(let x), .relationship(let y)): return x == y
        case (.path(let x), .path(let y)): return x == y
        default: return false
        }
    }

    /// A hash consistent with ``identical(_:_:)``: identical values hash alike.
    static func hash(_ v: Value, into hasher: inout Hasher) {
        switch v {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let b): hasher.combine(1 as UInt8); hasher.combine(b)
        case .int(let i): hasher.combine(2 as UInt8); hasher.combine(i)
        case .double(let d): hasher.combine(3 as UInt8); hasher.combine(d.isNaN ? Double.nan.bitPattern : d.bitPattern)
        case .string(let s):
            hasher.combine(4 as UInt8)
            for byte in s.utf8 { hasher.combine(byte) }
            hasher.combine(0xFF as UInt8)
        case .temporal(let t): hasher.combine(5 as UInt8); hasher.combine(t)
        case .list(let items):
            hasher.combine(6 as UInt8)
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case .map(let m): hasher.combine(7 as UInt8); hasher.combine(m.count)
        case .node(let n): hasher.combine(8 as UInt8); hasher.combine(n)
        case .relationship(let r): hasher.combine(9 as UInt8); hasher.combine(r)
        case .path(let p): hasher.combine(10 as UInt8); hasher.combine(p)
        }
    }

    /// ``hash(_:into:)`` as one number; 0 for `null` (no relationship `id`).
    static func hashValue(_ v: Value) -> Int {
        if v.isNull { return 0 }
        var hasher = Hasher()
        hash(v, into: &hasher)
        return hasher.finalize()
    }

    /// A total order on values of mixed types, for sorting diff output deterministically:
    /// by type name, then Cypher's ORDER BY order, then (for values it finds equal) not at all.
    static func precedes(_ a: Value, _ b: Value) -> Bool {
        let c = a.orderCompare(b)
        if c != 0 { return c < 0 }
        return a.typeName < b.typeName
    }
}
