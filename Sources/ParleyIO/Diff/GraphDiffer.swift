import ParleyGraph
import ParleyValues

/// The work behind ``GraphDiff``: matches nodes by file id, then walks each matched node's
/// outgoing relationships type by type beside its counterpart's, so relationships are matched
/// within small groups (same source and type) without a map over all of them.
struct GraphDiffer {
    let old: GraphStore
    let new: GraphStore
    /// The file ids of the nodes (``GraphWriter/fileIDs(_:)``), by internal id.
    let oldIDs: [String]
    let newIDs: [String]
    /// The new node with the same file id as each old node; -1 for none.
    var oldToNew: [Int32] = []
    /// Whether each new node has an old counterpart.
    var newMatched: [Bool] = []
    /// Type ids of one graph in the other (by name); -1 where the other lacks the type.
    let typeOldToNew: [Int32]
    let typeNewToOld: [Int32]
    /// Label ids of the old graph in the new one; -1 where the new graph lacks the label.
    let labelOldToNew: [Int32]
    /// The property keys either graph's nodes use, sorted by name, `id` left out (see
    /// ``nodeIDChange(_:_:)``).
    let nodeKeys: [KeyPair]
    /// The property keys either graph's relationships use, sorted by name, `id` left out
    /// (matched relationships have identical ids).
    let relationshipKeys: [KeyPair]
    /// The key id of `id` in each graph.
    let oldIDKey: Int32?
    let newIDKey: Int32?
    /// The property columns of `nodeKeys` and `relationshipKeys` in each graph (empty where
    /// the graph lacks the key), and the `id` column of relationships.
    let nodeColumns: Columns
    let relationshipColumns: Columns
    let oldRelationshipIDs: [Value]
    let newRelationshipIDs: [Value]

    var elements = GraphDiff.Elements()
    /// What changed for each entry of `elements.changedNodes`.
    var nodeChanges: [GraphDiff.NodeChange] = []
    /// The property changes of each entry of `elements.changedRelationships`.
    var relationshipChanges: [[GraphDiff.PropertyChange]] = []

    /// The new relationship paired with each old one (-1: none); their properties are
    /// compared afterwards in old id order, so that the property columns are read in order
    /// rather than at random.
    var partners: [Int32] = []

    /// Scratch space for one group of relationships.
    var scratchOld: [KeyedRelationship] = []
    var scratchNew: [KeyedRelationship] = []

    /// A property key by name, with its id in each graph (-1: absent there).
    struct KeyPair {
        var name: String
        var old: Int32
        var new: Int32
    }

    /// The columns of some keys in both graphs, in the order of the keys.
    struct Columns {
        var old: [[Value]]
        var new: [[Value]]

        init(_ keys: [KeyPair], _ oldGraph: GraphStore, _ newGraph: GraphStore, relationships: Bool) {
            func column(_ g: GraphStore, _ key: Int32) -> [Value] {
                key < 0 ? [] : relationships ? g.relationshipPropertyColumn(key) : g.nodePropertyColumn(key)
            }
            old = keys.map { column(oldGraph, $0.old) }
            new = keys.map { column(newGraph, $0.new) }
        }
    }

    /// A relationship of a group, with what it is matched by besides source and type.
    struct KeyedRelationship {
        /// The end node, as a node of the new graph.
        var target: Int32
        /// ``StrictValue/hashValue(_:)`` of its `id` property (0: none).
        var idHash: Int
        var rel: Int32

        func sameKey(_ other: KeyedRelationship) -> Bool { target == other.target && idHash == other.idHash }
        func keyPrecedes(_ other: KeyedRelationship) -> Bool {
            target != other.target ? target < other.target : idHash < other.idHash
        }
        static func < (a: KeyedRelationship, b: KeyedRelationship) -> Bool {
            if !a.sameKey(b) { return a.keyPrecedes(b) }
            return a.rel < b.rel
        }
    }

    init(old: GraphStore, new: GraphStore) {
        self.old = old
        self.new = new
        oldIDs = GraphWriter.fileIDs(old)
        newIDs = GraphWriter.fileIDs(new)
        typeOldToNew = GraphDiffer.map(old.types, to: new.types)
        typeNewToOld = GraphDiffer.map(new.types, to: old.types)
        labelOldToNew = GraphDiffer.map(old.labels, to: new.labels)
        oldIDKey = old.keys.id(of: GraphStore.idKey)
        newIDKey = new.keys.id(of: GraphStore.idKey)
        nodeKeys = GraphDiffer.keyPairs(old, old.nodePropertyKeyIDs, new, new.nodePropertyKeyIDs, leavingOut: GraphStore.idKey)
        relationshipKeys = GraphDiffer.keyPairs(old, old.relationshipPropertyKeyIDs, new, new.relationshipPropertyKeyIDs,
                                                leavingOut: GraphStore.idKey)
        nodeColumns = Columns(nodeKeys, old, new, relationships: false)
        relationshipColumns = Columns(relationshipKeys, old, new, relationships: true)
        oldRelationshipIDs = oldIDKey.map { old.relationshipPropertyColumn($0) } ?? []
        newRelationshipIDs = newIDKey.map { new.relationshipPropertyColumn($0) } ?? []
    }

    /// The id in `target` of each name of `source`; -1 where `target` lacks it.
    static func map(_ source: SymbolTable, to target: SymbolTable) -> [Int32] {
        source.names.map { target.id(of: $0) ?? -1 }
    }

    /// The union of two graphs' keys by name, sorted by name.
    static func keyPairs(_ old: GraphStore, _ oldKeys: [Int32], _ new: GraphStore, _ newKeys: [Int32],
                         leavingOut excluded: String?) -> [KeyPair] {
        var pairs: [String: KeyPair] = [:]
        for k in oldKeys {
            let name = old.keys.name(k)
            pairs[name] = KeyPair(name: name, old: k, new: -1)
        }
        for k in newKeys {
            let name = new.keys.name(k)
            pairs[name, default: KeyPair(name: name, old: -1, new: -1)].new = k
        }
        if let excluded { pairs[excluded] = nil }
        return pairs.values.sorted { DiffOrder.precedes($0.name, $1.name) }
    }

    // MARK: - Matching

    /// Matches nodes, then relationships.
    mutating func run() {
        matchNodes()
        matchRelationships()
    }

    mutating func matchNodes() {
        var index = [String: Int32](minimumCapacity: new.nodeCount)
        for n in new.nodeIDs { index[newIDs[n]] = Int32(n) }
        oldToNew = [Int32](repeating: -1, count: old.nodeCapacity)
        newMatched = [Bool](repeating: false, count: new.nodeCapacity)
        for o in old.nodeIDs {
            guard let n = index[oldIDs[o]] else {
                elements.removedNodes.append(o)
                continue
            }
            oldToNew[o] = n
            newMatched[Int(n)] = true
            compareNode(o, Int(n))
        }
        for n in new.nodeIDs where !newMatched[n] { elements.addedNodes.append(n) }
    }

    mutating func compareNode(_ o: NodeID, _ n: NodeID) {
        let oldLabels = old.labelIDs(of: o), newLabels = new.labelIDs(of: n)
        var sameLabels = oldLabels.count == newLabels.count
        if sameLabels {
            for label in oldLabels {
                let mapped = labelOldToNew[Int(label)]
                if mapped < 0 || !newLabels.contains(mapped) { sameLabels = false; break }
            }
        }
        let idChange = nodeIDChange(o, n)
        if sameLabels && idChange == nil && sameProperties(nodeColumns, o, n) { return }
        let kept = Set(oldLabels.map { labelOldToNew[Int($0)] }.filter { $0 >= 0 })
        let added = newLabels.filter { !kept.contains($0) }.map { new.labels.name($0) }
        let removed = oldLabels.filter { label in
            let mapped = labelOldToNew[Int(label)]
            return mapped < 0 || !newLabels.contains(mapped)
        }.map { old.labels.name($0) }
        var properties = propertyChanges(nodeKeys, nodeColumns, o, n)
        if let idChange {
            properties.append(idChange)
            properties.sort { DiffOrder.precedes($0.key, $1.key) }
        }
        elements.changedNodes.append((o, n))
        nodeChanges.append(GraphDiff.NodeChange(
            id: newIDs[n], addedLabels: added.sorted(by: DiffOrder.precedes), removedLabels: removed.sorted(by: DiffOrder.precedes),
            properties: properties))
    }

    /// The change of the `id` property of matched nodes `o` and `n`, if any. An `id` that is
    /// the node's file id, and a missing `id` (the file id is then made up, `n4`, as a saved
    /// file would show it) count as the file id itself, so they are no change; only an `id`
    /// that is not the file id (a number, a duplicate) is compared as a property.
    func nodeIDChange(_ o: NodeID, _ n: NodeID) -> GraphDiff.PropertyChange? {
        func own(_ graph: GraphStore, _ key: Int32?, _ node: NodeID, _ fileID: String) -> Value {
            guard let key else { return .null }
            let v = graph.property(of: node, key)
            if case .string(let s) = v, s.utf8.elementsEqual(fileID.utf8) { return .null }
            return v
        }
        let a = own(old, oldIDKey, o, oldIDs[o]), b = own(new, newIDKey, n, newIDs[n])
        return StrictValue.identical(a, b) ? nil : GraphDiff.PropertyChange(key: GraphStore.idKey, old: a, new: b)
    }

    // MARK: - Properties

    @inline(__always)
    static func at(_ column: [Value], _ i: Int) -> Value {
        i < column.count ? column[i] : .null
    }

    func oldRelationshipID(_ r: Int32) -> Value { GraphDiffer.at(oldRelationshipIDs, Int(r)) }

    func newRelationshipID(_ r: Int32) -> Value { GraphDiffer.at(newRelationshipIDs, Int(r)) }

    /// Whether element `o` of the old graph and `n` of the new have identical values in `columns`.
    func sameProperties(_ columns: Columns, _ o: Int, _ n: Int) -> Bool {
        for k in columns.old.indices {
            if !StrictValue.identical(GraphDiffer.at(columns.old[k], o), GraphDiffer.at(columns.new[k], n)) { return false }
        }
        return true
    }

    func propertyChanges(_ keys: [KeyPair], _ columns: Columns, _ o: Int, _ n: Int) -> [GraphDiff.PropertyChange] {
        var changes: [GraphDiff.PropertyChange] = []
        for k in keys.indices {
            let a = GraphDiffer.at(columns.old[k], o), b = GraphDiffer.at(columns.new[k], n)
            if !StrictValue.identical(a, b) { changes.append(GraphDiff.PropertyChange(key: keys[k].name, old: a, new: b)) }
        }
        return changes
    }

    /// A hash of relationship `r`'s properties (without `id`) that identical properties share
    /// across the two graphs.
    func propertyHash(_ r: Int, newSide: Bool) -> Int {
        var hasher = Hasher()
        for column in newSide ? relationshipColumns.new : relationshipColumns.old {
            StrictValue.hash(GraphDiffer.at(column, r), into: &hasher)
        }
        return hasher.finalize()
    }
}
