import ParleyGraph
import ParleyValues

/// Writes a graph as JSON graph format v1 text, deterministically: nodes by internal id,
/// relationships by id, property keys sorted by name, labels in stored order, one node or
/// edge per line.
///
/// Every node gets a unique string id in the file: its `id` property when that is a
/// non-empty string not already used by an earlier node, else a fresh `n<internal id>`
/// (with `_` appended until it is unused).
struct GraphWriter {
    private var out: [UInt8] = []
    private let graph: GraphStore
    /// The file id of each node (indexed by internal id; empty for deleted nodes).
    private var fileIDs: [String] = []
    /// Position of each key id in the name-sorted order of keys.
    private var keyRank: [Int] = []
    private let idKey: Int32?
    /// The keys the file declares temporal (written as bare ISO text), by key id.
    private var declared: [TemporalKind?] = []

    /// Prepares a writer for `graph`.
    init(_ graph: GraphStore) {
        self.graph = graph
        idKey = graph.keys.id(of: GraphStore.idKey)
        let order = (0..<graph.keys.count).sorted { graph.keys.names[$0] < graph.keys.names[$1] }
        keyRank = [Int](repeating: 0, count: graph.keys.count)
        for (rank, key) in order.enumerated() { keyRank[key] = rank }
    }

    /// The file ids of the nodes (see the type's documentation).
    static func fileIDs(_ graph: GraphStore) -> [String] {
        var ids = [String](repeating: "", count: graph.nodeCapacity)
        var used = Set<String>()
        var unnamed: [NodeID] = []
        let idKey = graph.keys.id(of: GraphStore.idKey)
        for n in graph.nodeIDs {
            if let idKey, case .string(let s) = graph.property(of: n, idKey), !s.isEmpty, used.insert(s).inserted {
                ids[n] = s
            } else {
                unnamed.append(n)
            }
        }
        for n in unnamed {
            var candidate = "n\(n)"
            while used.contains(candidate) { candidate += "_" }
            used.insert(candidate)
            ids[n] = candidate
        }
        return ids
    }

    /// The whole document.
    mutating func serialize() -> [UInt8] {
        fileIDs = GraphWriter.fileIDs(graph)
        out.reserveCapacity(64 * (graph.nodeCount + graph.relationshipCount) + 64)
        text("{\n")
        header()
        text("  \"nodes\": [")
        var first = true
        for n in graph.nodeIDs {
            text(first ? "\n    " : ",\n    ")
            first = false
            writeNode(n)
        }
        text(first ? "],\n  \"edges\": [" : "\n  ],\n  \"edges\": [")
        first = true
        for r in graph.relationshipIDs {
            text(first ? "\n    " : ",\n    ")
            first = false
            writeEdge(r)
        }
        text(first ? "]\n}\n" : "\n  ]\n}\n")
        return out
    }

    /// `"propertyTypes"` for the keys whose values are all of one temporal kind, and
    /// `"validity"` when the rule is not the default.
    private mutating func header() {
        let uniform = graph.uniformTemporalKeys()
        declared = [TemporalKind?](repeating: nil, count: graph.keys.count)
        if !uniform.isEmpty {
            text("  \"propertyTypes\": {")
            for (i, key) in uniform.keys.sorted(by: { keyRank[Int($0)] < keyRank[Int($1)] }).enumerated() {
                declared[Int(key)] = uniform[key]
                if i > 0 { text(", ") }
                string(graph.keys.name(key))
                text(": ")
                string(uniform[key]!.rawValue)
            }
            text("},\n")
        }
        let rule = graph.validity
        if !rule.isDefault {
            text("  \"validity\": {\"date\": ")
            string(rule.date)
            text(", \"from\": ")
            string(rule.from)
            text(", \"to\": ")
            string(rule.to)
            text("},\n")
        }
    }

    private mutating func writeNode(_ n: NodeID) {
        text("{\"id\": ")
        string(fileIDs[n])
        let labels = graph.labelIDs(of: n)
        if !labels.isEmpty {
            text(", \"labels\": [")
            for (i, label) in labels.enumerated() {
                if i > 0 { text(", ") }
                string(graph.labels.name(label))
            }
            text("]")
        }
        properties(graph.propertyPairs(of: n))
        text("}")
    }

    private mutating func writeEdge(_ r: RelID) {
        text("{\"source\": ")
        string(fileIDs[graph.startNode(of: r)])
        text(", \"target\": ")
        string(fileIDs[graph.endNode(of: r)])
        text(", \"type\": ")
        string(graph.type(of: r))
        var pairs = graph.propertyPairs(ofRelationship: r)
        if let idKey, let i = pairs.firstIndex(where: { $0.key == idKey }) {
            text(", \"id\": ")
            value(pairs[i].value, declared: nil)
            pairs.remove(at: i)
        }
        properties(pairs)
        text("}")
    }

    /// `, "properties": {...}` with keys sorted by name; nothing when there are none. The
    /// node's `id` property is left out (it is the node's `"id"`).
    private mutating func properties(_ pairs: [(key: Int32, value: Value)]) {
        let shown = pairs.filter { $0.key != idKey }.sorted { keyRank[Int($0.key)] < keyRank[Int($1.key)] }
        guard !shown.isEmpty else { return }
        text(", \"properties\": {")
        for (i, pair) in shown.enumerated() {
            if i > 0 { text(", ") }
            string(graph.keys.name(pair.key))
            text(": ")
            value(pair.value, declared: declared[Int(pair.key)])
        }
        text("}")
    }

    /// A property value; a temporal value of the key's declared kind as bare ISO text, any
    /// other as a typed value `{"$date": "..."}`.
    private mutating func value(_ v: Value, declared kind: TemporalKind?) {
        switch v {
        case .null: text("null")
        case .bool(let b): text(b ? "true" : "false")
        case .int(let i): raw(String(i))
        case .double(let d): raw(GraphWriter.format(d))
        case .string(let s): string(s)
        case .temporal(let t):
            let k = TemporalKind(of: t)
            if k == kind {
                string(t.description)
            } else {
                text("{")
                string("$" + k.rawValue)
                text(": ")
                string(t.description)
                text("}")
            }
        case .list(let items):
            text("[")
            for (i, item) in items.enumerated() {
                if i > 0 { text(", ") }
                value(item, declared: kind)
            }
            text("]")
        case .map, .node, .relationship, .path:
            text("null")  // Not storable as a property; the store never holds these.
        }
    }

    /// A double that reads back as the same double and as a float (`1.0`, not `1`);
    /// `null` for NaN and infinities, which JSON cannot express.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let s = d.description
        if s.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return s }
        return s + ".0"
    }

    private mutating func raw(_ s: String) {
        out.append(contentsOf: s.utf8)
    }

    private mutating func text(_ s: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// A JSON string literal (``JSONStringLiteral``).
    private mutating func string(_ s: String) {
        JSONStringLiteral.append(s, to: &out)
    }
}
