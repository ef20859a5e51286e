import ParleyValues

/// Copying part of a graph into a new one.
extension GraphStore {
    /// A new graph with the nodes `keepNode` accepts and the relationships `keepRelationship`
    /// accepts (asked only for those whose ends are both kept), in the same order, with the
    /// same labels, types, keys, indexes and validity rule. Internal ids are renumbered.
    public func restricted(nodes keepNode: (NodeID) -> Bool, relationships keepRelationship: (RelID) -> Bool) -> GraphStore {
        var g = GraphStore()
        g.labels = labels
        g.types = types
        g.keys = keys
        g.validity = validity
        for key in propertyIndexes.keys { g.propertyIndexes[key] = PropertyIndex() }
        var newID = [Int32](repeating: -1, count: nodeCapacity)
        var keptNodes: [Int] = []
        for n in nodeIDs where keepNode(n) {
            let m = g.createNode()
            newID[n] = Int32(m)
            keptNodes.append(n)
            for label in nodeLabelSets[n] { g.addLabel(m, label) }
        }
        g.nodeProperties = nodeProperties.gathered(keptNodes)
        var kept: [Int] = []
        var types: [Int32] = [], starts: [Int32] = [], ends: [Int32] = []
        for r in relationshipIDs {
            let s = newID[startNode(of: r)], e = newID[endNode(of: r)]
            guard s >= 0, e >= 0, keepRelationship(r) else { continue }
            kept.append(r)
            types.append(relTypes[r])
            starts.append(s)
            ends.append(e)
        }
        // Every endpoint is a node just created, so this cannot fail.
        try? g.appendRelationships(types: types, starts: starts, ends: ends)
        g.relProperties = relProperties.gathered(kept)
        g.rebuildPropertyIndexes()
        return g
    }
}
