import ParleyValues

/// The consistency check: every index and adjacency list against the primary data, in time
/// linear in the size of the graph (plus a binary search per label and per indexed value).
extension GraphStore {
    /// Checks every index against the primary data; returns a description of the first
    /// inconsistency, or `nil` when all agree. Used by `parley check` and the tests.
    ///
    /// What it checks:
    /// - the per-node and per-relationship arrays have one row per id;
    /// - `nodeCount`, `relationshipCount` and the per-type counts match the live rows;
    /// - a deleted node has no labels and no adjacency entries;
    /// - every node's label set is sorted without repeats, and the label index lists exactly
    ///   the live nodes with that label, in increasing order;
    /// - every adjacency entry names a live relationship with that start, end and type, each
    ///   list is sorted by (type, relationship id) without repeats, and every live
    ///   relationship has a live start and end and appears once in each of their lists;
    /// - every property index lists exactly the live nodes holding each value, in increasing
    ///   order.
    public func checkConsistency() -> String? {
        if let problem = checkShapes() { return problem }
        if let problem = checkLabels() { return problem }
        if let problem = checkAdjacency() { return problem }
        return checkPropertyIndexes()
    }

    /// One row per id in every per-node and per-relationship array, and the live counts.
    private func checkShapes() -> String? {
        let nodes = nodeAlive.count, rels = relAlive.count
        if nodeLabelSets.count != nodes || outgoing.count != nodes || incoming.count != nodes {
            return "node arrays disagree: \(nodes) ids, \(nodeLabelSets.count) label sets, \(outgoing.count) outgoing and \(incoming.count) incoming lists"
        }
        if relTypes.count != rels || relStarts.count != rels || relEnds.count != rels {
            return "relationship arrays disagree: \(rels) ids, \(relTypes.count) types, \(relStarts.count) starts, \(relEnds.count) ends"
        }
        var liveNodes = 0
        for n in 0..<nodes {
            if nodeAlive[n] {
                liveNodes += 1
            } else if !nodeLabelSets[n].isEmpty {
                return "deleted node \(n) still has labels"
            } else if !outgoing[n].isEmpty || !incoming[n].isEmpty {
                return "deleted node \(n) still has adjacency entries"
            }
        }
        if liveNodes != nodeCount { return "nodeCount \(nodeCount) but \(liveNodes) live nodes" }
        var liveRels = 0, loops = 0
        var perType = [Int](repeating: 0, count: typeCounts.count)
        for r in 0..<rels where relAlive[r] {
            liveRels += 1
            if relStarts[r] == relEnds[r] { loops += 1 }
            let t = Int(relTypes[r])
            guard t >= 0 && t < perType.count else { return "relationship \(r) has type id \(t), which has no count" }
            perType[t] += 1
        }
        if liveRels != relationshipCount { return "relationshipCount \(relationshipCount) but \(liveRels) live" }
        if perType != typeCounts { return "type counts \(typeCounts) but \(perType) live" }
        if loops != selfLoopCount { return "selfLoopCount \(selfLoopCount) but \(loops) live self-loops" }
        return nil
    }

    /// The label sets against the label index, both ways.
    private func checkLabels() -> String? {
        for n in nodeAlive.indices where nodeAlive[n] && !GraphStore.isStrictlyIncreasing(nodeLabelSets[n]) {
            return "label set of node \(n) unsorted or repeats a label"
        }
        for (l, members) in labelIndex.enumerated() {
            let name = labels.name(Int32(l))
            var previous: Int32 = -1
            for n in members {
                if n <= previous { return "label index \(name) unsorted or repeats node \(n)" }
                previous = n
                guard Int(n) < nodeAlive.count, nodeAlive[Int(n)], GraphStore.sortedContains(nodeLabelSets[Int(n)], Int32(l)) else {
                    return "label index \(name) lists node \(n) wrongly"
                }
            }
        }
        for n in nodeAlive.indices where nodeAlive[n] {
            for l in nodeLabelSets[n] {
                guard l >= 0, Int(l) < labelIndex.count, GraphStore.sortedContains(labelIndex[Int(l)], Int32(n)) else {
                    return "node \(n) has label \(labels.name(l)) but is missing from its index"
                }
            }
        }
        return nil
    }

    /// The adjacency lists against the relationship rows, both ways.
    ///
    /// The rows are first packed one relationship to an element (``PackedRow``): an adjacency
    /// entry then costs one memory access where it cost five, which on a large graph, whose
    /// entries name relationships all over the arrays, is most of the check's time.
    private func checkAdjacency() -> String? {
        var rows = relAlive.indices.map { r in
            PackedRow(start: relStarts[r], end: relEnds[r], type: relTypes[r], flags: relAlive[r] ? PackedRow.alive : 0)
        }
        return rows.withUnsafeMutableBufferPointer { rows -> String? in
            for n in nodeAlive.indices where nodeAlive[n] {
                if let problem = checkList(outgoing[n], of: n, outgoing: true, rows: rows) { return problem }
                if let problem = checkList(incoming[n], of: n, outgoing: false, rows: rows) { return problem }
            }
            for r in rows.indices where rows[r].flags & PackedRow.alive != 0 {
                let s = Int(rows[r].start), e = Int(rows[r].end)
                guard contains(node: s), contains(node: e) else { return "relationship \(r) dangles" }
                if rows[r].flags & PackedRow.seenOutgoing == 0 { return "relationship \(r) missing from outgoing of \(s)" }
                if rows[r].flags & PackedRow.seenIncoming == 0 { return "relationship \(r) missing from incoming of \(e)" }
            }
            return nil
        }
    }

    /// One adjacency list of node `n`: sorted without repeats, every entry a live relationship
    /// with the entry's type that starts at `n` and ends at the entry's other node (for an
    /// outgoing list; the other way round for an incoming one); marks each entry's
    /// relationship as seen in that direction.
    private func checkList(_ list: [AdjacencyEntry], of n: NodeID, outgoing: Bool, rows: UnsafeMutableBufferPointer<PackedRow>) -> String? {
        let node = Int32(n)
        let seenBit = outgoing ? PackedRow.seenOutgoing : PackedRow.seenIncoming
        var previous: AdjacencyEntry?
        for e in list {
            if let previous, !(previous < e) { return "adjacency of node \(n) unsorted or repeats relationship \(e.rel)" }
            previous = e
            let r = Int(e.rel)
            guard r >= 0 && r < rows.count else { return "\(outgoing ? "outgoing" : "incoming") entry \(e) of node \(n) is stale" }
            let row = rows[r]
            let (here, there) = outgoing ? (row.start, row.end) : (row.end, row.start)
            guard row.flags & PackedRow.alive != 0, row.type == e.type, here == node, there == e.other else {
                return "\(outgoing ? "outgoing" : "incoming") entry \(e) of node \(n) is stale"
            }
            if row.flags & seenBit != 0 { return "relationship \(r) appears twice in the \(outgoing ? "outgoing" : "incoming") lists" }
            rows[r].flags |= seenBit
        }
        return nil
    }

    /// Each property index against the property columns, both ways.
    ///
    /// Forwards, each posting lists live nodes holding its value, in increasing order. Since
    /// `Value`'s equality is an equivalence and each value is one key, a node can then be
    /// listed only under the key of its own value: backwards it is enough to find every live
    /// node with a value among those listed (a bit per node, no hash lookup per node).
    private func checkPropertyIndexes() -> String? {
        for key in propertyIndexes.keys.sorted() {
            let index = propertyIndexes[key]!
            let name = keys.name(key)
            var listed = [Bool](repeating: false, count: nodeAlive.count)
            var shared = 0, listedCount = 0
            for (v, posting) in index.entries {
                if case .many(let members) = posting { shared += 1; listedCount += members.count } else { listedCount += 1 }
                switch posting {
                case .one(let n):
                    if let problem = checkPosting(n, after: -1, holding: v, key: key, name: name) { return problem }
                    listed[Int(n)] = true
                case .many(let members):
                    var previous: Int32 = -1
                    for n in members {
                        if let problem = checkPosting(n, after: previous, holding: v, key: key, name: name) { return problem }
                        previous = n
                        listed[Int(n)] = true
                    }
                }
            }
            for n in nodeAlive.indices where nodeAlive[n] && !listed[n] && !nodeProperties.value(n, key).isNull {
                return "node \(n) missing from index on \(name)"
            }
            if listedCount != index.nodeCount {
                return "index on \(name) counts \(index.nodeCount) nodes, lists \(listedCount)"
            }
            if shared != index.sharedValues {
                return "index on \(name) counts \(index.sharedValues) shared values, holds \(shared)"
            }
        }
        return nil
    }

    /// One member `n` of the posting for `v` in the index on `key`: after `previous`, live,
    /// and holding `v`.
    private func checkPosting(_ n: Int32, after previous: Int32, holding v: Value, key: Int32, name: String) -> String? {
        if n <= previous { return "index on \(name) unsorted or repeats node \(n) for \(v)" }
        guard Int(n) < nodeAlive.count, nodeAlive[Int(n)], nodeProperties.value(Int(n), key) == v else {
            return "index on \(name) lists node \(n) for \(v) wrongly"
        }
        return nil
    }

    /// Whether every element of `list` is larger than the one before.
    static func isStrictlyIncreasing(_ list: [Int32]) -> Bool {
        var i = 1
        while i < list.count {
            if list[i] <= list[i - 1] { return false }
            i += 1
        }
        return true
    }

    /// Whether the sorted array `list` holds `value` (binary search).
    static func sortedContains(_ list: [Int32], _ value: Int32) -> Bool {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < list.count && list[lo] == value
    }
}

/// One relationship's row for the adjacency check: its ends, its type, and whether it is
/// live and has been met in an outgoing and in an incoming list.
private struct PackedRow {
    static let alive: UInt32 = 1, seenOutgoing: UInt32 = 2, seenIncoming: UInt32 = 4

    var start: Int32
    var end: Int32
    var type: Int32
    var flags: UInt32
}
