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

        var outDegree = [Int32](repeating: 0, count: nodeAlive.count)
        var inDegree = [Int32](repeating: 0, count: nodeAlive.count)
        for i in 0..<n {
            outDegree[Int(starts[i])] += 1
            inDegree[Int(ends[i])] += 1
        }
        for v in 0..<nodeAlive.count {
            if outDegree[v] > 0 { outgoing[v].reserveCapacity(outgoing[v].count + Int(outDegree[v])) }
            if inDegree[v] > 0 { incoming[v].reserveCapacity(incoming[v].count + Int(inDegree[v])) }
        }
        for i in 0..<n {
            let s = Int(starts[i]), e = Int(ends[i]), t = newTypes[i], r = Int32(base + i)
            outgoing[s].append(AdjacencyEntry(type: t, rel: r, other: Int32(e)))
            incoming[e].append(AdjacencyEntry(type: t, rel: r, other: Int32(s)))
        }
        for v in 0..<nodeAlive.count {
            if outDegree[v] > 0 && !GraphStore.isSorted(outgoing[v]) { outgoing[v].sort(by: <) }
            if inDegree[v] > 0 && !GraphStore.isSorted(incoming[v]) { incoming[v].sort(by: <) }
        }
    }
}
