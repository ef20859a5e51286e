import ParleyGraph

/// The typed attributes a GraphML or GEXF file declares: one per (nodes or edges, property
/// name, kind of value), found by one pass over the graph, ordered by name then kind.
struct AttributePlan {
    /// One declared attribute.
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
        func ordered(_ slots: Set<Slot>) -> [Entry] {
            slots.map { Entry(key: $0.key, name: graph.keys.name($0.key), kind: $0.kind) }
                .sorted { ($0.name, AttributePlan.rank($0.kind)) < ($1.name, AttributePlan.rank($1.kind)) }
        }
        nodeEntries = ordered(nodeSlots)
        edgeEntries = ordered(edgeSlots)
        for (i, e) in nodeEntries.enumerated() { nodeIndex[Slot(key: e.key, kind: e.kind)] = i }
        for (i, e) in edgeEntries.enumerated() { edgeIndex[Slot(key: e.key, kind: e.kind)] = i }
    }

    /// The position of a node attribute in ``nodeEntries``.
    func nodeAttribute(_ key: Int32, _ kind: PropertyText.Kind) -> Int? { nodeIndex[Slot(key: key, kind: kind)] }

    /// The position of an edge attribute in ``edgeEntries``.
    func edgeAttribute(_ key: Int32, _ kind: PropertyText.Kind) -> Int? { edgeIndex[Slot(key: key, kind: kind)] }

    /// A fixed order of kinds, for a deterministic file.
    static func rank(_ kind: PropertyText.Kind) -> Int {
        switch kind {
        case .string: return 0
        case .long: return 1
        case .double: return 2
        case .boolean: return 3
        case .list: return 4
        case .listOf(let s):
            switch s {
            case .string: return 5
            case .long: return 6
            case .double: return 7
            case .boolean: return 8
            }
        case .temporal(let k): return 10 + (TemporalKind.allCases.firstIndex(of: k) ?? 0)
        }
    }

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
