import ParleyGraph
import ParleyValues

/// The typed attributes a GraphML or GEXF file declares: one per (nodes or edges, property
/// name), typed by the kind of its values (``PropertyText/Kind/number`` or
/// ``PropertyText/Kind/mixed`` when a name holds several), found by one pass over the graph,
/// ordered by name.
struct AttributePlan {
    /// One declared attribute (one per property name).
    struct Entry {
        var key: Int32
        var name: String
        var kind: PropertyText.Kind
    }

    private struct Slot: Hashable {
        var key: Int32
        var kind: PropertyText.Kind
    }

    /// The node attributes, then the edge attributes, in file order.
    private(set) var nodeEntries: [Entry] = []
    private(set) var edgeEntries: [Entry] = []
    private var nodeIndex: [Slot: Int] = [:]
    private var edgeIndex: [Slot: Int] = [:]

    /// Plans the attributes of `graph`'s properties; `kind` says how a value is written (nil:
    /// not written as an attribute), `nodeKept` whether a node's property is written at all.
    init(_ graph: GraphStore, kind: (Value) -> PropertyText.Kind?, nodeKept: (NodeID, Int32, Value) -> Bool, edgeKept: (RelID, Int32, Value) -> Bool) {
        var nodeSlots = Set<Slot>(), edgeSlots = Set<Slot>()
        for n in graph.nodeIDs {
            for (key, value) in graph.propertyPairs(of: n) where nodeKept(n, key, value) {
                if let k = kind(value) { nodeSlots.insert(Slot(key: key, kind: k)) }
            }
        }
        for r in graph.relationshipIDs {
            for (key, value) in graph.propertyPairs(ofRelationship: r) where edgeKept(r, key, value) {
                if let k = kind(value) { edgeSlots.insert(Slot(key: key, kind: k)) }
            }
        }
        // One attribute per name (igraph and Gephi refuse two of the same name): a name with
        // several kinds gets one `number` or `mixed` attribute.
        func merged(_ slots: Set<Slot>) -> (entries: [Entry], index: [Slot: Int]) {
            var kinds: [Int32: [PropertyText.Kind]] = [:]
            for s in slots { kinds[s.key, default: []].append(s.kind) }
            var entries: [Entry] = []
            for (key, ks) in kinds {
                let kind: PropertyText.Kind
                if ks.count == 1 { kind = ks[0] } else if ks.allSatisfy({ $0 == .long || $0 == .double }) { kind = .number } else { kind = .mixed }
                entries.append(Entry(key: key, name: graph.keys.name(key), kind: kind))
            }
            entries.sort { ($0.name, $0.key) < ($1.name, $1.key) }
            var index: [Slot: Int] = [:]
            for (i, e) in entries.enumerated() {
                for k in kinds[e.key]! { index[Slot(key: e.key, kind: k)] = i }
            }
            return (entries, index)
        }
        (nodeEntries, nodeIndex) = merged(nodeSlots)
        (edgeEntries, edgeIndex) = merged(edgeSlots)
    }

    /// The position of a node attribute in ``nodeEntries``.
    func nodeAttribute(_ key: Int32, _ kind: PropertyText.Kind) -> Int? { nodeIndex[Slot(key: key, kind: kind)] }

    /// The position of an edge attribute in ``edgeEntries``.
    func edgeAttribute(_ key: Int32, _ kind: PropertyText.Kind) -> Int? { edgeIndex[Slot(key: key, kind: kind)] }

    /// The kind of a scalar value (nil for null and lists).
    static func scalarKind(_ v: Value) -> PropertyText.Kind? {
        switch v {
        case .string: return .string
        case .int: return .long
        case .double: return .double
        case .bool: return .boolean
        case .temporal(let t): return .temporal(TemporalKind(of: t))
        default: return nil
        }
    }
}
