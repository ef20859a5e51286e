/// The ordering operators `<`, `<=`, `>`, `>=` on values, with NaN handled as the TCK expects.
public enum ComparisonOperator: String, Sendable, Hashable {
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
}

extension Value {
    /// `self op other` in Cypher's three-valued logic.
    ///
    /// - Numbers compare numerically (INTEGER with FLOAT exactly); strings by code point;
    ///   booleans `false < true`; lists lexicographically, element by element.
    /// - NaN compared with any number gives `false` for every operator (TCK Comparison2 [4]:
    ///   `0.0 / 0.0 > 1` is false, not null).
    /// - Values of different types, `null`, maps, nodes, relationships and paths give `nil`
    ///   (null): `'1' < 1` is null.
    /// - In lists the first element pair that decides wins: `[1, 2] >= [3, null]` is false,
    ///   `[1, 2] >= [1, null]` is null, `[1, null] >= [1]` is true.
    ///
    /// Use this for the operators; ``cypherCompare(_:)`` (which answers `nil` for NaN) is the
    /// plain three-way comparison.
    public func cypherCompare(_ other: Value, _ op: ComparisonOperator) -> Bool? {
        switch operatorOrdering(other) {
        case .unknown: return nil
        case .unordered: return false
        case .ordered(let c):
            switch op {
            case .lessThan: return c < 0
            case .lessThanOrEqual: return c <= 0
            case .greaterThan: return c > 0
            case .greaterThanOrEqual: return c >= 0
            }
        }
    }

    /// How two values relate under the ordering operators.
    enum OperatorOrdering: Equatable {
        /// Comparable: -1, 0 or 1.
        case ordered(Int)
        /// Both numbers, but NaN is involved: every operator is false.
        case unordered
        /// Not comparable: every operator is null.
        case unknown
    }

    /// The relation between `self` and `other` for the ordering operators.
    func operatorOrdering(_ other: Value) -> OperatorOrdering {
        switch (self, other) {
        case (.int, .int), (.string, .string), (.bool, .bool), (.temporal, .temporal):
            return cypherCompare(other).map { .ordered($0) } ?? .unknown
        case (.double(let a), .double(let b)):
            if a.isNaN || b.isNaN { return .unordered }
            return .ordered(a < b ? -1 : (a > b ? 1 : 0))
        case (.int(let a), .double(let b)):
            if b.isNaN { return .unordered }
            return .ordered(Value.compare(a, b))
        case (.double(let a), .int(let b)):
            if a.isNaN { return .unordered }
            return .ordered(-Value.compare(b, a))
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                let o = x.operatorOrdering(y)
                if o != .ordered(0) { return o }
            }
            return .ordered(a.count < b.count ? -1 : (a.count > b.count ? 1 : 0))
        default:
            return .unknown
        }
    }
}
