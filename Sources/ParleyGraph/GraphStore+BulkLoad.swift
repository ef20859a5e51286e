import Dispatch
import ParleyValues

/// Bulk loading: adding many relationships at once, with exactly sized adjacency lists.
extension GraphStore {
    /// Adds relationships `i` = (`types[i]`, `starts[i]` → `ends[i]`) for every index, with
    /// ids `relationshipCapacity`, `relationshipCapacity + 1`, … in order.
    ///
    /// Faster and leaner than ``appendRelationship(type:from:to:sorted:)`` in a loop: each
    /// node's adjacency lists are grown once to their final size and sorted once. The three
    /// arrays must have the same length; every endpoint must be a live node (checked first:
    /// nothing is added if one is not).
    public mutating func appendRelationships(types newTypes: [Int32], starts: [Int32], ends: [Int32]) throws(GraphError) {
        let n = min(newTypes.count, starts.count, ends.count)
        guard n > 0 else { return }
        for i in 0..<n {
            guard contains(node: Int(starts[i])) else { throw .noSuchNode(Int(starts[i])) }
            guard contains(node: Int(ends[i])) else { throw .noSuchNode(Int(ends[i])) }
        }
        let base = relAlive.count
        relAlive.append(contentsOf: repeatElement(true, count: n))
        relTypes.append(contentsOf: newTypes[0..<n])
        relStarts.append(contentsOf: starts[0..<n])
        relEnds.append(contentsOf: ends[0..<n])
        var maxType: Int32 = -1
        for t in newTypes[0..<n] where t > maxType { maxType = t }
        while typeCounts.count <= Int(maxType) { typeCounts.append(0) }
        for t in newTypes[0..<n] { typeCounts[Int(t)] += 1 }
        relationshipCount += n
        for i in 0..<n where starts[i] == ends[i] { selfLoopCount += 1 }

        if n < 1 << 16 {
            GraphStore.bulkAppend(&outgoing, keys: starts[0..<n], others: ends[0..<n], types: newTypes[0..<n], base: base)
            GraphStore.bulkAppend(&incoming, keys: ends[0..<n], others: starts[0..<n], types: newTypes[0..<n], base: base)
            return
        }
        // The two directions are independent: build them on two threads.
        let out = ListsBox(outgoing)
        outgoing = []
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            GraphStore.bulkAppend(&out.lists, keys: starts[0..<n], others: ends[0..<n], types: newTypes[0..<n], base: base)
        }
        GraphStore.bulkAppend(&incoming, keys: ends[0..<n], others: starts[0..<n], types: newTypes[0..<n], base: base)
        group.wait()
        outgoing = out.lists
    }

    /// Reserves room for `count` relationships in every relationship property column that at
    /// least an eighth of the first `filled` relationships use (a loader's estimate after
    /// reading some: room that is never written costs address space, not memory).
    public mutating func reserveRelationshipProperties(_ count: Int, filled: Int) {
        for k in relProperties.columns.indices where relProperties.columns[k].count * 8 >= filled {
            relProperties.columns[k].reserveCapacity(count)
        }
    }

    /// Appends the relationship properties of `other` (entities `0..<k` there) as entities
    /// `offset..<offset + k` here, matching keys by name: joins the relationships a second
    /// loader read to those read here.
    /// The values are moved: `other`'s relationship properties are left null.
    public mutating func appendRelationshipProperties(of other: inout GraphStore, at offset: Int) {
        // Every key, in the other's order (so ids come out as one loader reading both would
        // have given them), then the columns.
        let keyMap = other.keys.names.map { keys.intern($0) }
        for k in other.relProperties.columns.indices where !other.relProperties.columns[k].isEmpty {
            relProperties.append(&other.relProperties.columns[k], key: keyMap[k], at: offset)
        }
    }

    /// Appends every node of `other` after this store's nodes, in order, matching labels and
    /// property keys by name: joins the nodes a second loader read to those read here (names
    /// new to this store are interned in `other`'s order, as one loader reading both halves
    /// would have). Property values are moved, not copied: `other`'s node properties are left
    /// null. `other`'s relationships are not taken, and the new nodes have none. Property
    /// indexes are not updated: call ``rebuildPropertyIndexes()`` before the graph is read.
    public mutating func appendNodes(of other: inout GraphStore) {
        let base = nodeAlive.count, added = other.nodeAlive.count
        guard added > 0 else { return }
        let labelMap = other.labels.names.map { labels.intern($0) }
        let keyMap = other.keys.names.map { keys.intern($0) }
        let labelOrderKept = zip(labelMap, labelMap.dropFirst()).allSatisfy { $0 < $1 }
        nodeAlive.append(contentsOf: other.nodeAlive)
        // Label sets renumbered in place (their arrays are not shared), then moved over.
        for n in 0..<added where !other.nodeLabelSets[n].isEmpty {
            for i in other.nodeLabelSets[n].indices { other.nodeLabelSets[n][i] = labelMap[Int(other.nodeLabelSets[n][i])] }
            if !labelOrderKept { other.nodeLabelSets[n].sort() }
        }
        nodeLabelSets.append(contentsOf: other.nodeLabelSets)
        other.nodeLabelSets = []
        while labelIndex.count < labels.count { labelIndex.append([]) }
        for (l, members) in other.labelIndex.enumerated() where !members.isEmpty {
            labelIndex[Int(labelMap[l])].append(contentsOf: members.lazy.map { $0 + Int32(base) })
        }
        for k in other.nodeProperties.columns.indices where !other.nodeProperties.columns[k].isEmpty {
            nodeProperties.append(&other.nodeProperties.columns[k], key: keyMap[k], at: base)
        }
        outgoing.append(contentsOf: repeatElement([], count: added))
        incoming.append(contentsOf: repeatElement([], count: added))
        nodeCount += other.nodeCount
    }

    /// Appends entry (type, base + i, others[i]) to `lists[keys[i]]` for every i: a counting
    /// sort into one flat buffer, then each touched list is extended once and sorted if needed.
    private static func bulkAppend(_ lists: inout [[AdjacencyEntry]], keys: ArraySlice<Int32>, others: ArraySlice<Int32>, types: ArraySlice<Int32>, base: Int) {
        let n = keys.count
        var offsets = [Int](repeating: 0, count: lists.count + 1)
        for k in keys { offsets[Int(k) + 1] += 1 }
        for v in 0..<lists.count { offsets[v + 1] += offsets[v] }
        var fill = offsets
        let flat = [AdjacencyEntry](unsafeUninitializedCapacity: n) { buffer, initialized in
            var i = 0
            for (k, (other, type)) in zip(keys, zip(others, types)) {
                let at = fill[Int(k)]
                fill[Int(k)] = at + 1
                (buffer.baseAddress! + at).initialize(to: AdjacencyEntry(type: type, rel: Int32(base + i), other: other))
                i += 1
            }
            initialized = n
        }
        lists.withUnsafeMutableBufferPointer { lists in
            for v in 0..<lists.count where offsets[v + 1] > offsets[v] {
                let added = flat[offsets[v]..<offsets[v + 1]]
                if lists[v].isEmpty {
                    lists[v] = Array(added)
                } else {
                    lists[v].reserveCapacity(lists[v].count + added.count)
                    lists[v].append(contentsOf: added)
                }
                if !GraphStore.isSorted(lists[v]) { lists[v].sort(by: <) }
            }
        }
    }

    /// Sets property `key` of `node` without updating the property indexes: the bulk-loading
    /// path. ``rebuildPropertyIndexes()`` must be called before the graph is read.
    public mutating func setNodePropertyUnindexed(_ node: NodeID, _ key: Int32, _ value: Value) {
        nodeProperties.set(node, key, value)
    }

    /// Rebuilds every node property index from the property values (after bulk loading with
    /// ``setNodePropertyUnindexed(_:_:_:)``).
    public mutating func rebuildPropertyIndexes() {
        for key in propertyIndexes.keys {
            var index = PropertyIndex()
            index.reserve(nodeCount)
            for n in nodeAlive.indices where nodeAlive[n] {
                let v = nodeProperties.value(n, key)
                if !v.isNull { index.insert(v, Int32(n)) }
            }
            propertyIndexes[key] = index
        }
    }
}

/// Adjacency lists handed to the thread that builds one direction (written by it alone, read
/// after it is done).
private final class ListsBox: @unchecked Sendable {
    var lists: [[AdjacencyEntry]]
    init(_ lists: [[AdjacencyEntry]]) { self.lists = lists }
}
