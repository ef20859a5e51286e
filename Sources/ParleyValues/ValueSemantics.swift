/// Cypher's equality, comparison and ordering rules for ``Value``.
extension Value: Hashable {
    /// Cypher equivalence: `null ≡ null`, `1 ≡ 1.0`, `NaN ≡ NaN`; lists and maps element-wise.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
            return Value.exactlyEqual(a, b)
        case (.string(let a), .string(let b)): return Value.sameScalars(a, b)
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a == b
        case (.node(let a), .node(let b)): return a == b
        case (.relationship(let a), .relationship(let b)): return a == b
        case (.path(let a), .path(let b)): return a == b
        case (.temporal(let a), .temporal(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let i): hasher.combine(2); hasher.combine(Double(i))
        case .double(let d):
            hasher.combine(2)
            if d.isNaN { hasher.combine(Double.nan.bitPattern) } else { hasher.combine(d == 0 ? 0.0 : d) }
        case .string(let s): hasher.combine(3); hasher.combine(s)
        case .list(let l): hasher.combine(4); hasher.combine(l)
        case .map(let m): hasher.combine(5); hasher.combine(m)
        case .node(let n): hasher.combine(6); hasher.combine(n)
        case .relationship(let r): hasher.combine(7); hasher.combine(r)
        case .path(let p): hasher.combine(8); hasher.combine(p)
        case .temporal(let t): hasher.combine(9); hasher.combine(t)
        }
    }

    /// Whether an integer and a double denote exactly the same number.
    @usableFromInline static func exactlyEqual(_ i: Int64, _ d: Double) -> Bool {
        guard d.isFinite, d == d.rounded(), d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else {
            return false
        }
        return Int64(d) == i
    }

    /// Compares an integer with a double exactly (no precision lost for large integers).
    @usableFromInline static func compare(_ i: Int64, _ d: Double) -> Int {
        if d.isNaN { return -2 }
        if d >= 9.223372036854775808e18 { return -1 }
        if d < -9.223372036854775808e18 { return 1 }
        let t = d.rounded(.towardZero)
        let ti = Int64(t)
        if i < ti { return -1 }
        if i > ti { return 1 }
        // i == trunc(d): the fractional part decides.
        if d > t { return -1 }
        if d < t { return 1 }
        return 0
    }

    /// The three-valued Cypher `=`: `nil` stands for `null` (unknown).
    public func cypherEquals(_ other: Value) -> Bool? {
        switch (self, other) {
        case (.null, _), (_, .null): return nil
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Value.exactlyEqual(a, b)
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return Value.sameScalars(a, b)
        case (.temporal(let a), .temporal(let b)): return a == b
        case (.list(let a), .list(let b)):
            if a.count != b.count { return false }
            var unknown = false
            for (x, y) in zip(a, b) {
                switch x.cypherEquals(y) {
                case .some(false): return false
                case nil: unknown = true
                case .some(true): break
                }
            }
            return unknown ? nil : true
        case (.map(let a), .map(let b)):
            if a.count != b.count { return false }
            var unknown = false
            for (k, x) in a {
                guard let y = b[k] else { return false }
                switch x.cypherEquals(y) {
                case .some(false): return false
                case nil: unknown = true
                case .some(true): break
                }
            }
            return unknown ? nil : true
        case (.node(let a), .node(let b)): return a == b
        case (.relationship(let a), .relationship(let b)): return a == b
        case (.path(let a), .path(let b)): return a == b
        default: return false
        }
    }

    /// Cypher comparability for `<`, `<=`, `>`, `>=`: `-1`, `0`, `1`, or `nil` when the two
    /// values are not comparable (different types, `null`, NaN involved).
    public func cypherCompare(_ other: Value) -> Int? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.double(let a), .double(let b)):
            if a.isNaN || b.isNaN { return nil }
            return a < b ? -1 : (a > b ? 1 : 0)
        case (.int(let a), .double(let b)):
            let c = Value.compare(a, b)
            return c == -2 ? nil : c
        case (.double(let a), .int(let b)):
            let c = Value.compare(b, a)
            return c == -2 ? nil : -c
        case (.string(let a), .string(let b)): return Value.compareStrings(a, b)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.temporal(let a), .temporal(let b)): return a.compare(b)
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                guard let c = x.cypherCompare(y) else { return nil }
                if c != 0 { return c }
            }
            return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
        default: return nil
        }
    }

    /// Whether two strings hold the same Unicode scalars. Cypher strings are sequences of
    /// code points, so `'\u00E9'` (é) and `'e\u0301'` (e + combining accent) differ, whereas
    /// Swift's `==` treats them as canonically equivalent. Same scalars ⇔ same UTF-8 bytes.
    @usableFromInline static func sameScalars(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) }
        }
    }

    /// Strings compare by Unicode code point, as in Cypher. UTF-8 byte order is code point
    /// order, so the bytes are compared directly.
    @usableFromInline static func compareStrings(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = Swift.min(x.count, y.count)
                var i = 0
                while i < n {
                    let p = x[i], q = y[i]
                    if p != q { return p < q ? -1 : 1 }
                    i += 1
                }
                return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
            }
        }
    }

    /// Rank of a value's type in Cypher's global sort order (ascending).
    private var orderRank: Int {
        switch self {
        case .map: return 0
        case .node: return 1
        case .relationship: return 2
        case .list: return 3
        case .path: return 4
        case .temporal: return 5
        case .string: return 6
        case .bool: return 7
        case .int, .double: return 8
        case .null: return 9
        }
    }

    /// Cypher's total order for ORDER BY: maps < nodes < relationships < lists < paths <
    /// temporal values (DATETIME < LOCAL DATETIME < DATE < TIME < LOCAL TIME < DURATION) <
    /// strings < booleans < numbers (NaN last) < null. Returns `-1`, `0` or `1`.
    public func orderCompare(_ other: Value) -> Int {
        let r1 = orderRank, r2 = other.orderRank
        if r1 != r2 { return r1 < r2 ? -1 : 1 }
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.double(let a), .double(let b)):
            if a.isNaN { return b.isNaN ? 0 : 1 }
            if b.isNaN { return -1 }
            return a < b ? -1 : (a > b ? 1 : 0)
        case (.int(let a), .double(let b)):
            if b.isNaN { return -1 }
            let c = Value.compare(a, b)
            return c == 0 ? -1 : c  // 1 sorts before 1.0 so that the order is total and stable
        case (.double(let a), .int(let b)):
            if a.isNaN { return 1 }
            let c = -Value.compare(b, a)
            return c == 0 ? 1 : c
        case (.string(let a), .string(let b)): return Value.compareStrings(a, b)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.temporal(let a), .temporal(let b)): return a.orderCompare(b)
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                let c = x.orderCompare(y)
                if c != 0 { return c }
            }
            return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
        case (.map(let a), .map(let b)):
            let ka = a.keys.sorted(), kb = b.keys.sorted()
            for (x, y) in zip(ka, kb) {
                if x != y { return x < y ? -1 : 1 }
            }
            if ka.count != kb.count { return ka.count < kb.count ? -1 : 1 }
            for k in ka {
                let c = a[k]!.orderCompare(b[k]!)
                if c != 0 { return c }
            }
            return 0
        case (.node(let a), .node(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.relationship(let a), .relationship(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.path(let a), .path(let b)):
            let la = Value.list(a.nodes.map { .node($0) }), lb = Value.list(b.nodes.map { .node($0) })
            let c = la.orderCompare(lb)
            if c != 0 { return c }
            return Value.list(a.relationships.map { .relationship($0) })
                .orderCompare(.list(b.relationships.map { .relationship($0) }))
        default: return 0
        }
    }
}
