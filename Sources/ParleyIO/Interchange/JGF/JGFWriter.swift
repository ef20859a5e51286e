import ParleyGraph
import ParleyValues

/// Writes a graph as JSON Graph Format v2: one directed `graph`, nodes as an object keyed by
/// id, edges as an array (docs/interchange.md#json-graph-format).
///
/// A string `label` property is the node's or edge's `label`, a string `id` property the
/// edge's `id`; labels go in `metadata.labels`, other properties in `metadata`. Deterministic:
/// nodes and relationships by id, metadata keys sorted, one node or edge per line.
struct JGFWriter {
    private let graph: GraphStore
    private var out = JSONOutput()
    private var keyRank: [Int] = []
    private var declared: [TemporalKind?] = []
    private let idKey: Int32?
    private let labelKey: Int32?
    /// The name each key is written under on nodes (`labels` is renamed).
    private var nodeNames: [String] = []

    /// Prepares a writer for `graph`.
    init(_ graph: GraphStore) {
        self.graph = graph
        idKey = graph.keys.id(of: GraphStore.idKey)
        labelKey = graph.keys.id(of: "label")
        keyRank = JSONFormWriting.keyRanks(graph)
    }

    /// The document; throws when a property cannot be written.
    mutating func write(notes: inout ExportNotes) throws(GraphFileError) -> [UInt8] {
        try JSONFormWriting.checkWritable(graph)
        var renamedValues = 0
        let nodeSide = JSONFormWriting.names(graph, reserved: ["labels"], onNodes: true, count: &renamedValues)
        nodeNames = nodeSide.names
        if renamedValues > 0 {
            notes.add("node properties named 'labels' written as 'labels_' (metadata.labels holds the labels; Parley reads them back by their name)", count: renamedValues)
        }
        let fileIDs = GraphWriter.fileIDs(graph)
        let renamed = JSONFormWriting.renamedNodes(graph, fileIDs)
        if renamed > 0 { notes.add("nodes without a unique string id given one (n<number>)", count: renamed) }
        let uniform = graph.uniformTemporalKeys()
        declared = [TemporalKind?](repeating: nil, count: graph.keys.count)
        for (k, kind) in uniform { declared[Int(k)] = kind }
        out.bytes.reserveCapacity(90 * (graph.nodeCount + graph.relationshipCount) + 128)

        out.text("{\"graph\": {\"directed\": true, ")
        var marker = JSONOutput()
        if ParleyMarker.write(graph, declared: uniform, renamedOnNodes: nodeSide.renamed, into: &marker) {
            out.text("\"metadata\": {")
            out.bytes.append(contentsOf: marker.bytes)
            out.text("}, ")
        }
        out.text("\"nodes\": {")
        var first = true
        for n in graph.nodeIDs {
            out.text(first ? "\n  " : ",\n  ")
            first = false
            out.string(fileIDs[n])
            out.text(": ")
            writeNode(n)
        }
        out.text(first ? "}, \"edges\": [" : "\n}, \"edges\": [")
        first = true
        for r in graph.relationshipIDs {
            out.text(first ? "\n  " : ",\n  ")
            first = false
            out.text("{\"source\": ")
            out.string(fileIDs[graph.startNode(of: r)])
            out.text(", \"target\": ")
            out.string(fileIDs[graph.endNode(of: r)])
            out.text(", \"relation\": ")
            out.string(graph.type(of: r))
            let pairs = graph.propertyPairs(ofRelationship: r)
            let own = ownMembers(pairs, [idKey, labelKey])
            metadata(pairs, labels: [], skipping: own, names: graph.keys.names)
            out.text("}")
        }
        out.text(first ? "]}}\n" : "\n]}}\n")
        out.temporalNotes(into: &notes, marker: "graph.metadata.parley.propertyTypes")
        return out.bytes
    }

    private mutating func writeNode(_ n: NodeID) {
        out.text("{")
        let pairs = graph.propertyPairs(of: n)
        let own = ownMembers(pairs, [labelKey], leading: true)
        let labels = graph.labelIDs(of: n)
        if own.isEmpty {
            metadata(pairs, labels: labels, skipping: [idKey], names: nodeNames, leading: true)
        } else {
            metadata(pairs, labels: labels, skipping: own + [idKey], names: nodeNames)
        }
        out.text("}")
    }

    /// Writes `"id": ...`, `"label": ...` for the given keys whose value is a string; returns
    /// the keys written.
    private mutating func ownMembers(_ pairs: [(key: Int32, value: Value)], _ keys: [Int32?], leading: Bool = false) -> [Int32?] {
        var written: [Int32?] = []
        for key in keys {
            guard let key, let pair = pairs.first(where: { $0.key == key }), case .string(let s) = pair.value else { continue }
            out.text(leading && written.isEmpty ? "" : ", ")
            out.string(graph.keys.name(key))
            out.text(": ")
            out.string(s)
            written.append(key)
        }
        return written
    }

    /// `, "metadata": {"labels": [...], key: value, ...}`, nothing when empty.
    private mutating func metadata(_ pairs: [(key: Int32, value: Value)], labels: [Int32], skipping: [Int32?], names: [String], leading: Bool = false) {
        let shown = pairs.filter { p in !skipping.contains(where: { $0 == p.key }) }.sorted { keyRank[Int($0.key)] < keyRank[Int($1.key)] }
        guard !shown.isEmpty || !labels.isEmpty else { return }
        out.text(leading ? "\"metadata\": {" : ", \"metadata\": {")
        var first = true
        if !labels.isEmpty {
            out.text("\"labels\": [")
            for (i, label) in labels.enumerated() {
                if i > 0 { out.text(", ") }
                out.string(graph.labels.name(label))
            }
            out.text("]")
            first = false
        }
        for pair in shown {
            if !first { out.text(", ") }
            first = false
            out.string(names[Int(pair.key)])
            out.text(": ")
            out.value(pair.value, declared: declared[Int(pair.key)])
        }
        out.text("}")
    }
}
