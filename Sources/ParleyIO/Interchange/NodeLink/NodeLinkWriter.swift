import ParleyGraph
import ParleyValues

/// Writes a graph as NetworkX node-link JSON, what `nx.node_link_graph(data)` reads by
/// default in NetworkX 3.4 and later: a directed multigraph, `nodes` and `edges`, parallel
/// edges told apart by `key` 0, 1, ... (docs/interchange.md). Properties named as the
/// format's own keys are written with `_` appended and listed in the marker.
///
/// Deterministic: nodes and relationships by id, attributes sorted by name, one node or edge
/// per line.
struct NodeLinkWriter {
    private let graph: GraphStore
    private var out = JSONOutput()
    /// Each node's id as JSON text (a string, or the number it was read from).
    private var idJSON: [String] = []
    /// Position of each key in the name-sorted order.
    private var keyRank: [Int] = []
    /// The declared temporal kind of each key, by key id.
    private var declared: [TemporalKind?] = []
    private let idKey: Int32?
    private let numberIDKey: Int32?
    /// The name each key is written under, on nodes and on edges (see ``JSONFormWriting/names(_:reserved:onNodes:count:)``).
    private var nodeNames: [String] = []
    private var edgeNames: [String] = []

    /// Prepares a writer for `graph`.
    init(_ graph: GraphStore) {
        self.graph = graph
        idKey = graph.keys.id(of: GraphStore.idKey)
        numberIDKey = graph.keys.id(of: NodeLinkFormat.numberIDKey)
        keyRank = JSONFormWriting.keyRanks(graph)
    }

    /// The document and what it could not hold as it was; throws when a property cannot be
    /// written (NaN, infinities, names the format reserves).
    mutating func write(notes: inout ExportNotes) throws(GraphFileError) -> [UInt8] {
        try JSONFormWriting.checkWritable(graph)
        var renamedValues = 0
        let nodeSide = JSONFormWriting.names(graph, reserved: ["labels"], onNodes: true, count: &renamedValues)
        let edgeSide = JSONFormWriting.names(graph, reserved: ["source", "target", "key", "type"], onNodes: false, count: &renamedValues)
        (nodeNames, edgeNames) = (nodeSide.names, edgeSide.names)
        if renamedValues > 0 {
            notes.add("properties named as node-link's own keys (labels, source, target, key, type) written with '_' appended (Parley reads them back by their names)", count: renamedValues)
        }
        let fileIDs = GraphWriter.fileIDs(graph)
        let renamed = JSONFormWriting.renamedNodes(graph, fileIDs)
        if renamed > 0 { notes.add("nodes without a unique string id given one (n<number>)", count: renamed) }
        idJSON = [String](repeating: "", count: graph.nodeCapacity)
        for n in graph.nodeIDs { idJSON[n] = idText(n, fileIDs[n]) }
        let uniform = graph.uniformTemporalKeys()
        declared = [TemporalKind?](repeating: nil, count: graph.keys.count)
        for (k, kind) in uniform { declared[Int(k)] = kind }
        out.bytes.reserveCapacity(80 * (graph.nodeCount + graph.relationshipCount) + 128)

        out.text("{\"directed\": true, \"multigraph\": true, \"graph\": {")
        _ = ParleyMarker.write(graph, declared: uniform, renamedOnNodes: nodeSide.renamed, renamedOnEdges: edgeSide.renamed, into: &out)
        out.text("}, \"nodes\": [")
        var first = true
        for n in graph.nodeIDs {
            out.text(first ? "\n  " : ",\n  ")
            first = false
            writeNode(n)
        }
        out.text(first ? "], \"edges\": [" : "\n], \"edges\": [")
        first = true
        var keys = EdgeKeys()
        for r in graph.relationshipIDs {
            out.text(first ? "\n  " : ",\n  ")
            first = false
            writeEdge(r, &keys)
        }
        out.text(first ? "]}\n" : "\n]}\n")
        out.temporalNotes(into: &notes, marker: "graph.parley.propertyTypes")
        return out.bytes
    }

    /// The id as JSON: the number in ``NodeLinkFormat/numberIDKey`` when its text is the id,
    /// else the id string.
    private func idText(_ n: NodeID, _ fileID: String) -> String {
        if let numberIDKey {
            let number = graph.property(of: n, numberIDKey)
            switch number {
            case .int, .double:
                if InterchangeGraphBuilder.idText(number) == fileID { return fileID }
            default: break
            }
        }
        var o = JSONOutput()
        o.string(fileID)
        return String(decoding: o.bytes, as: UTF8.self)
    }

    /// Whether node `n`'s id is written as its number (so the number property is not repeated).
    private func idIsNumber(_ n: NodeID) -> Bool {
        idJSON[n].utf8.first != UInt8(ascii: "\"")
    }

    private mutating func writeNode(_ n: NodeID) {
        out.text("{\"id\": ")
        out.raw(idJSON[n])
        let labels = graph.labelIDs(of: n)
        if !labels.isEmpty {
            out.text(", \"labels\": [")
            for (i, label) in labels.enumerated() {
                if i > 0 { out.text(", ") }
                out.string(graph.labels.name(label))
            }
            out.text("]")
        }
        let skipNumber = idIsNumber(n) ? numberIDKey : nil
        for pair in graph.propertyPairs(of: n).sorted(by: { keyRank[Int($0.key)] < keyRank[Int($1.key)] })
        where pair.key != idKey && pair.key != skipNumber {
            out.text(", ")
            out.string(nodeNames[Int(pair.key)])
            out.text(": ")
            out.value(pair.value, declared: declared[Int(pair.key)])
        }
        out.text("}")
    }

    private mutating func writeEdge(_ r: RelID, _ keys: inout EdgeKeys) {
        let start = graph.startNode(of: r), end = graph.endNode(of: r)
        out.text("{\"source\": ")
        out.raw(idJSON[start])
        out.text(", \"target\": ")
        out.raw(idJSON[end])
        out.text(", \"key\": ")
        out.raw(String(keys.next(start, end)))
        out.text(", \"type\": ")
        out.string(graph.type(of: r))
        for pair in graph.propertyPairs(ofRelationship: r).sorted(by: { keyRank[Int($0.key)] < keyRank[Int($1.key)] }) {
            out.text(", ")
            out.string(edgeNames[Int(pair.key)])
            out.text(": ")
            out.value(pair.value, declared: declared[Int(pair.key)])
        }
        out.text("}")
    }

    /// NetworkX's keys of parallel edges: 0, 1, ... per ordered pair of nodes.
    private struct EdgeKeys {
        var counts: [UInt64: Int32] = [:]

        mutating func next(_ start: NodeID, _ end: NodeID) -> Int32 {
            let pair = UInt64(start) << 32 | UInt64(end)
            let k = counts[pair, default: 0]
            counts[pair] = k + 1
            return k
        }
    }
}
