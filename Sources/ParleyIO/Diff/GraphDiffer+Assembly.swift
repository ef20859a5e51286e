import ParleyGraph
import ParleyValues

/// Turning the matched internal ids into the sorted public lists of a ``GraphDiff``.
extension GraphDiffer {
    /// Fills `diff`'s lists (and the internal ids behind them) in their documented order.
    func assemble(into diff: inout GraphDiff) {
        let added = elements.addedNodes.map { (node(new, newIDs, $0), $0) }.sorted { DiffOrder.precedes($0.0.id, $1.0.id) }
        diff.addedNodes = added.map(\.0)
        diff.elements.addedNodes = added.map(\.1)
        let removed = elements.removedNodes.map { (node(old, oldIDs, $0), $0) }.sorted { DiffOrder.precedes($0.0.id, $1.0.id) }
        diff.removedNodes = removed.map(\.0)
        diff.elements.removedNodes = removed.map(\.1)
        let changed = zip(nodeChanges, elements.changedNodes).sorted { DiffOrder.precedes($0.0.id, $1.0.id) }
        diff.changedNodes = changed.map(\.0)
        diff.elements.changedNodes = changed.map(\.1)

        let addedRels = sortedRelationships(elements.addedRelationships.map { (relationship(new, newIDs, $0, idKey: newIDKey), $0) })
        diff.addedRelationships = addedRels.map(\.0)
        diff.elements.addedRelationships = addedRels.map(\.1)
        let removedRels = sortedRelationships(elements.removedRelationships.map { (relationship(old, oldIDs, $0, idKey: oldIDKey), $0) })
        diff.removedRelationships = removedRels.map(\.0)
        diff.elements.removedRelationships = removedRels.map(\.1)
        var changes: [(GraphDiff.RelationshipChange, (old: RelID, new: RelID))] = []
        changes.reserveCapacity(relationshipChanges.count)
        for (properties, pair) in zip(relationshipChanges, elements.changedRelationships) {
            let r = relationship(new, newIDs, pair.new, idKey: newIDKey)
            changes.append((GraphDiff.RelationshipChange(source: r.source, target: r.target, type: r.type, id: r.id, properties: properties), pair))
        }
        changes.sort {
            let c = DiffOrder.compare(($0.0.source, $0.0.type, $0.0.target, $0.0.id), ($1.0.source, $1.0.type, $1.0.target, $1.0.id))
            return c != 0 ? c < 0 : $0.1.old < $1.1.old
        }
        diff.changedRelationships = changes.map(\.0)
        diff.elements.changedRelationships = changes.map(\.1)
    }

    /// Node `n` of `graph` as a diff entry.
    func node(_ graph: GraphStore, _ ids: [String], _ n: NodeID) -> GraphDiff.Node {
        let id = ids[n]
        var properties: [GraphDiff.Property] = []
        for (key, value) in graph.propertyPairs(of: n) {
            let name = graph.keys.name(key)
            if name == GraphStore.idKey, case .string(let s) = value, s.utf8.elementsEqual(id.utf8) { continue }
            properties.append(GraphDiff.Property(key: name, value: value))
        }
        return GraphDiff.Node(id: id, labels: graph.labels(of: n).sorted(by: DiffOrder.precedes),
                              properties: properties.sorted { DiffOrder.precedes($0.key, $1.key) })
    }

    /// Relationship `r` of `graph` as a diff entry.
    func relationship(_ graph: GraphStore, _ ids: [String], _ r: RelID, idKey: Int32?) -> GraphDiff.Relationship {
        var id: Value?
        var properties: [GraphDiff.Property] = []
        for (key, value) in graph.propertyPairs(ofRelationship: r) {
            if key == idKey { id = value; continue }
            properties.append(GraphDiff.Property(key: graph.keys.name(key), value: value))
        }
        return GraphDiff.Relationship(source: ids[graph.startNode(of: r)], target: ids[graph.endNode(of: r)], type: graph.type(of: r),
                                      id: id, properties: properties.sorted { DiffOrder.precedes($0.key, $1.key) })
    }

    /// Relationships by source, type, target and `id`, then internal id.
    func sortedRelationships(_ list: [(GraphDiff.Relationship, RelID)]) -> [(GraphDiff.Relationship, RelID)] {
        list.sorted {
            let c = DiffOrder.compare(($0.0.source, $0.0.type, $0.0.target, $0.0.id), ($1.0.source, $1.0.type, $1.0.target, $1.0.id))
            return c != 0 ? c < 0 : $0.1 < $1.1
        }
    }
}
