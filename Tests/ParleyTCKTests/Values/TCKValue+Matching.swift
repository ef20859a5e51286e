/// How expected values are compared with actual ones.
///
/// The comparison is strict about types (`1` does not match `1.0`, `'1'` does not match `1`),
/// map keys, labels (as a set), relationship types, path directions and list order (unless the
/// step says `ignoring element order for lists`, which then applies at every nesting level).
/// Floats match when equal, both NaN, or within a relative 1e-15 (a few ulps): the TCK writes
/// floats as decimals, and a decimal that round-trips parses to the very same double, so only
/// last-bit differences from another summation order are forgiven.
extension TCKValue {
    /// Whether `actual` is what `self` (the expectation) describes.
    func matches(_ actual: TCKValue, ignoringListOrder: Bool = false) -> Bool {
        switch (self, actual) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return TCKValue.floatsMatch(a, b)
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)):
            return ignoringListOrder
                ? TCKValue.bagsMatch(a, b) { $0.matches($1, ignoringListOrder: true) }
                : a.count == b.count && zip(a, b).allSatisfy { $0.matches($1, ignoringListOrder: false) }
        case (.map(let a), .map(let b)): return TCKValue.mapsMatch(a, b, ignoringListOrder)
        case (.node(let a), .node(let b)): return a.matches(b)
        case (.relationship(let a), .relationship(let b)): return a.matches(b)
        case (.path(let a), .path(let b)):
            return a.start.matches(b.start) && a.hops.count == b.hops.count
                && zip(a.hops, b.hops).allSatisfy { ($0.forward == $1.forward || $0.isLoop || $1.isLoop) && $0.relationship.matches($1.relationship) && $0.node.matches($1.node) }
        default: return false
        }
    }

    /// Equal, both NaN, or within a relative 1e-15.
    static func floatsMatch(_ a: Double, _ b: Double) -> Bool {
        if a == b || (a.isNaN && b.isNaN) { return true }
        guard a.isFinite, b.isFinite else { return false }
        return abs(a - b) <= 1e-15 * max(abs(a), abs(b))
    }

    /// Same keys, matching values.
    static func mapsMatch(_ a: [String: TCKValue], _ b: [String: TCKValue], _ ignoringListOrder: Bool) -> Bool {
        a.count == b.count && a.allSatisfy { key, value in b[key].map { value.matches($0, ignoringListOrder: ignoringListOrder) } ?? false }
    }

    /// Whether every expected item pairs with a distinct actual item (a multiset match).
    /// Greedy pairing is exact here because matching behaves as an equivalence.
    static func bagsMatch<E, A>(_ expected: [E], _ actual: [A], _ match: (E, A) -> Bool) -> Bool {
        guard expected.count == actual.count else { return false }
        var used = [Bool](repeating: false, count: actual.count)
        outer: for e in expected {
            for (i, a) in actual.enumerated() where !used[i] && match(e, a) {
                used[i] = true
                continue outer
            }
            return false
        }
        return true
    }
}

extension TCKNode {
    /// Same label set and matching properties.
    func matches(_ other: TCKNode) -> Bool {
        Set(labels) == Set(other.labels) && labels.count == other.labels.count
            && TCKValue.mapsMatch(properties, other.properties, false)
    }
}

extension TCKRelationship {
    /// Same type and matching properties.
    func matches(_ other: TCKRelationship) -> Bool {
        type == other.type && TCKValue.mapsMatch(properties, other.properties, false)
    }
}
