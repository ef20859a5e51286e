import ParleyValues

/// Mutations. Every one keeps the label index, the property indexes, the adjacency lists and
/// the counts consistent.
extension GraphStore {
    // MARK: Nodes

    /// Adds a node with the given labels and properties and returns its id.
    ///
    /// `null` properties are skipped (Cypher does not store null).
    @discardableResult
    public mutating func addNode(labels names: [String] = [], properties: [String: Value] = [:]) throws(GraphError) -> NodeID {
        for (k, v) in properties where !v.isStorableProperty {
            throw .invalidPropertyValue(key: k, typeName: v.typeName)
        }
        let node = createNode()
        for name in names { addLabel(node, labels.intern(name)) }
        for (k, v) in properties.sorted(by: { $0.key < $1.key }) { setNodeProperty(node, keys.intern(k), v) }
        return node
    }

    /// Adds a node with no labels and no properties; the fast path for loaders.
    public mutating func createNode() -> NodeID {
        let node = nodeAlive.count
        nodeAlive.append(true)
        nodeLabelSets.append([])
        outgoing.append([])
        incoming.append([])
        nodeCount += 1
        return node
    }

    /// Adds the label with id `label` to `node` (no effect if present). Returns whether it was added.
    @discardableResult
    public mutating func addLabel(_ node: NodeID, _ label: Int32) -> Bool {
        if nodeLabelSets[node].contains(label) { return false }
        nodeLabelSets[node].append(label)
        nodeLabelSets[node].sort()
        while labelIndex.count <= Int(label) { labelIndex.append([]) }
        let n = Int32(node)
        if let last = labelIndex[Int(label)].last, last > n {
            let at = labelIndex[Int(label)].firstIndex { $0 > n }!
            labelIndex[Int(label)].insert(n, at: at)
        } else {
            labelIndex[Int(label)].append(n)
        }
        return true
    }

    /// Adds the label `name` to `node`. Returns whether it was added.
    @discardableResult
    public mutating func addLabel(_ node: NodeID, named name: String) -> Bool {
        addLabel(node, labels.intern(name))
    }

    /// Removes the label `name` from `node`. Returns whether it was there.
    @discardableResult
    public mutating func removeLabel(_ node: NodeID, named name: String) -> Bool {
        guard let label = labels.id(of: name), let i = nodeLabelSets[node].firstIndex(of: label) else { return false }
        nodeLabelSets[node].remove(at: i)
        labelIndex[Int(label)].removeAll { $0 == Int32(node) }
        return true
    }

    /// Sets property `key` of `node` to `value` (`.null` removes it). Returns the old value.
    @discardableResult
    public mutating func setNodeProperty(_ node: NodeID, _ key: Int32, _ value: Value) -> Value {
        let old = nodeProperties.set(node, key, value)
        if propertyIndexes[key] != nil {
            propertyIndexes[key]!.remove(old, Int32(node))
            propertyIndexes[key]!.insert(value, Int32(node))
        }
        return old
    }

    /// Sets property `name` of `node` (`.null` removes it). Returns the old value.
    @discardableResult
    public mutating func setProperty(_ node: NodeID, _ name: String, _ value: Value) throws(GraphError) -> Value {
        guard contains(node: node) else { throw .noSuchNode(node) }
        guard value.isStorableProperty else { throw .invalidPropertyValue(key: name, typeName: value.typeName) }
        if value.isNull {
            guard let key = keys.id(of: name) else { return .null }
            return setNodeProperty(node, key, .null)
        }
        return setNodeProperty(node, keys.intern(name), value)
    }

    /// Deletes `node`. With `detach`, its relationships go first; without, a node that still
    /// has relationships is an error.
    public mutating func removeNode(_ node: NodeID, detach: Bool = false) throws(GraphError) {
        guard contains(node: node) else { throw .noSuchNode(node) }
        let degree = outgoing[node].count + incoming[node].count
        if degree > 0 {
            guard detach else { throw .nodeHasRelationships(node, count: degree) }
            let rels = Set(outgoing[node].map(\.rel) + incoming[node].map(\.rel))
            for rel in rels.sorted() { try removeRelationship(Int(rel)) }
        }
        for label in nodeLabelSets[node] { labelIndex[Int(label)].removeAll { $0 == Int32(node) } }
        nodeLabelSets[node] = []
        for (key, old) in nodeProperties.all(node) where propertyIndexes[key] != nil {
            propertyIndexes[key]!.remove(old, Int32(node))
        }
        nodeProperties.clear(node)
        nodeAlive[node] = false
        nodeCount -= 1
    }

    // MARK: Relationships

    /// Adds a relationship of type `type` from `start` to `end` and returns its id.
    @discardableResult
    public mutating func addRelationship(type: String, from start: NodeID, to end: NodeID, properties: [String: Value] = [:]) throws(GraphError) -> RelID {
        guard contains(node: start) else { throw .noSuchNode(start) }
        guard contains(node: end) else { throw .noSuchNode(end) }
        for (k, v) in properties where !v.isStorableProperty {
            throw .invalidPropertyValue(key: k, typeName: v.typeName)
        }
        let rel = appendRelationship(type: types.intern(type), from: start, to: end, sorted: true)
        for (k, v) in properties.sorted(by: { $0.key < $1.key }) { relProperties.set(rel, keys.intern(k), v) }
        return rel
    }

    /// Adds a relationship by interned type id. With `sorted: false` (bulk loading) the entry is
    /// appended to the adjacency lists unsorted, and ``finishBulkLoad()`` must be called before
    /// the graph is read.
    public mutating func appendRelationship(type: Int32, from start: NodeID, to end: NodeID, sorted: Bool) -> RelID {
        let rel = relAlive.count
        relAlive.append(true)
        relTypes.append(type)
        relStarts.append(Int32(start))
        relEnds.append(Int32(end))
        while typeCounts.count <= Int(type) { typeCounts.append(0) }
        typeCounts[Int(type)] += 1
        relationshipCount += 1
        if start == end { selfLoopCount += 1 }
        let out = AdjacencyEntry(type: type, rel: Int32(rel), other: Int32(end))
        let inc = AdjacencyEntry(type: type, rel: Int32(rel), other: Int32(start))
        if sorted {
            // The new id is the largest, so the entry goes at the end of its type's run.
            outgoing[start].insert(out, at: GraphStore.lowerBound(outgoing[start], type + 1))
            incoming[end].insert(inc, at: GraphStore.lowerBound(incoming[end], type + 1))
        } else {
            outgoing[start].append(out)
            incoming[end].append(inc)
        }
        return rel
    }

    /// Sorts every adjacency list after bulk loading with `appendRelationship(sorted: false)`.
    public mutating func finishBulkLoad() {
        for i in outgoing.indices {
            if !GraphStore.isSorted(outgoing[i]) { outgoing[i].sort(by: <) }
            if !GraphStore.isSorted(incoming[i]) { incoming[i].sort(by: <) }
        }
    }

    static func isSorted(_ list: [AdjacencyEntry]) -> Bool {
        var i = 1
        while i < list.count {
            if list[i] < list[i - 1] { return false }
            i += 1
        }
        return true
    }

    /// Sets property `key` of `rel` (`.null` removes it). Returns the old value.
    @discardableResult
    public mutating func setRelationshipProperty(_ rel: RelID, _ key: Int32, _ value: Value) -> Value {
        relProperties.set(rel, key, value)
    }

    /// Sets property `name` of `rel` (`.null` removes it). Returns the old value.
    @discardableResult
    public mutating func setProperty(relationship rel: RelID, _ name: String, _ value: Value) throws(GraphError) -> Value {
        guard contains(relationship: rel) else { throw .noSuchRelationship(rel) }
        guard value.isStorableProperty else { throw .invalidPropertyValue(key: name, typeName: value.typeName) }
        if value.isNull {
            guard let key = keys.id(of: name) else { return .null }
            return relProperties.set(rel, key, .null)
        }
        return relProperties.set(rel, keys.intern(name), value)
    }

    /// Deletes `rel`.
    public mutating func removeRelationship(_ rel: RelID) throws(GraphError) {
        guard contains(relationship: rel) else { throw .noSuchRelationship(rel) }
        let start = Int(relStarts[rel]), end = Int(relEnds[rel]), r = Int32(rel)
        outgoing[start].removeAll { $0.rel == r }
        incoming[end].removeAll { $0.rel == r }
        relProperties.clear(rel)
        relAlive[rel] = false
        typeCounts[Int(relTypes[rel])] -= 1
        relationshipCount -= 1
        if start == end { selfLoopCount -= 1 }
    }

    // MARK: Keys and capacity

    /// The interned id of a label name, adding it if new.
    public mutating func internLabel(_ name: String) -> Int32 { labels.intern(name) }
    /// The interned id of a relationship type name, adding it if new.
    public mutating func internType(_ name: String) -> Int32 { types.intern(name) }
    /// The interned id of a property key, adding it if new.
    public mutating func internKey(_ name: String) -> Int32 { keys.intern(name) }

    /// Reserves room for `nodes` nodes and `relationships` relationships.
    public mutating func reserve(nodes: Int, relationships: Int) {
        nodeAlive.reserveCapacity(nodes)
        nodeLabelSets.reserveCapacity(nodes)
        outgoing.reserveCapacity(nodes)
        incoming.reserveCapacity(nodes)
        relAlive.reserveCapacity(relationships)
        relTypes.reserveCapacity(relationships)
        relStarts.reserveCapacity(relationships)
        relEnds.reserveCapacity(relationships)
    }
}
