import ParleyValues

/// When nodes and relationships hold, by the graph's ``ValidityRule``.
extension GraphStore {
    /// The keys of the rule's three properties (`nil` where no element has the key).
    public struct ValidityKeys: Sendable {
        var date: Int32?
        var from: Int32?
        var to: Int32?
    }

    /// The interned keys of the graph's validity properties.
    public var validityKeys: ValidityKeys {
        ValidityKeys(date: keys.id(of: validity.date), from: keys.id(of: validity.from), to: keys.id(of: validity.to))
    }

    /// When the node holds; `nil` when a validity property holds something that is not a time
    /// (see ``ValidPeriod/days(of:)``).
    public func validPeriod(ofNode node: NodeID, _ k: ValidityKeys? = nil) -> ValidPeriod? {
        let k = k ?? validityKeys
        return GraphStore.period(k) { nodeProperties.value(node, $0) }
    }

    /// When the relationship holds; `nil` when a validity property is not a time.
    public func validPeriod(ofRelationship rel: RelID, _ k: ValidityKeys? = nil) -> ValidPeriod? {
        let k = k ?? validityKeys
        return GraphStore.period(k) { relProperties.value(rel, $0) }
    }

    /// The rule applied to one element's properties.
    @inline(__always)
    static func period(_ k: ValidityKeys, _ value: (Int32) -> Value) -> ValidPeriod? {
        if let key = k.date {
            let v = value(key)
            if !v.isNull { return ValidPeriod.days(of: v) }
        }
        var result = ValidPeriod.always
        if let key = k.from {
            let v = value(key)
            if !v.isNull {
                guard let p = ValidPeriod.days(of: v) else { return nil }
                result.start = p.start
            }
        }
        if let key = k.to {
            let v = value(key)
            if !v.isNull {
                guard let p = ValidPeriod.days(of: v) else { return nil }
                result.end = p.start
            }
        }
        return result
    }

    /// The graph as it holds during `window`: the nodes whose period overlaps it and the
    /// relationships whose period overlaps it and whose ends are both kept. Elements whose
    /// validity properties are not times are kept (they are counted in the result).
    public func view(during window: ValidPeriod) -> (graph: GraphStore, unreadable: Int) {
        let k = validityKeys
        var unreadable = 0
        var keepNode = [Bool](repeating: false, count: nodeCapacity)
        for n in nodeIDs {
            if let p = validPeriod(ofNode: n, k) {
                keepNode[n] = p.overlaps(window)
            } else {
                keepNode[n] = true
                unreadable += 1
            }
        }
        let graph = restricted(nodes: { keepNode[$0] }) { r in
            guard keepNode[startNode(of: r)], keepNode[endNode(of: r)] else { return false }
            guard let p = validPeriod(ofRelationship: r, k) else { unreadable += 1; return true }
            return p.overlaps(window)
        }
        return (graph, unreadable)
    }
}
