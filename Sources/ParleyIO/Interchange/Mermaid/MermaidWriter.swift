import ParleyGraph
import ParleyValues

/// Writes a graph (or a query's result) as a Mermaid `graph LR` diagram for Markdown pages
/// (docs/interchange.md#mermaid).
///
/// Nodes are `n0`, `n1`, ... (ids Mermaid cannot misread), shown by their `name`, else their
/// `id`, else their labels; each label gets a shape (a legend comment lists them); an edge's
/// text is its type.
enum MermaidWriter {
    /// Above this many nodes Mermaid's layout is hard to read.
    static let readableNodes = 300
    /// Mermaid's default `maxEdges`: more and it shows an error instead of the diagram.
    static let maxEdges = 500
    /// Mermaid's default `maxTextSize`, in characters.
    static let maxTextSize = 50_000

    /// The shapes labels get, in the order of the label names: opening and closing text.
    static let shapes: [(open: String, close: String, name: String)] = [
        ("(\"", "\")", "rounded"), ("{{\"", "\"}}", "hexagon"), ("([\"", "\"])", "stadium"),
        ("[[\"", "\"]]", "subroutine"), ("[(\"", "\")]", "cylinder"), ("((\"", "\"))", "circle"),
        ("{\"", "\"}", "rhombus"), (">\"", "\"]", "flag"),
    ]

    /// The diagram of `graph`, with notes when it is too big for Mermaid to show well.
    static func text(_ graph: GraphStore) -> (bytes: [UInt8], notes: ExportNotes) {
        var notes = ExportNotes()
        // The first label of each node picks its shape; labels in name order get the shapes in turn.
        let firstLabels = Set(graph.nodeIDs.compactMap { graph.labelIDs(of: $0).first })
        let ordered = firstLabels.sorted { graph.labels.name($0) < graph.labels.name($1) }
        var shapeOf: [Int32: Int] = [:]
        for (i, label) in ordered.enumerated() { shapeOf[label] = i % shapes.count }

        var out = "%% Parley: \(graph.nodeCount) node\(graph.nodeCount == 1 ? "" : "s"), \(graph.relationshipCount) relationship\(graph.relationshipCount == 1 ? "" : "s")\n"
        if !ordered.isEmpty {
            out += "%% shapes: " + ordered.map { "\(graph.labels.name($0).replacingOccurrences(of: "\n", with: " ")) \(shapes[shapeOf[$0]!].name)" }.joined(separator: ", ") + "\n"
        }
        out += "graph LR\n"
        var number = [Int](repeating: -1, count: graph.nodeCapacity)
        var next = 0
        for n in graph.nodeIDs {
            number[n] = next
            next += 1
            let shape = graph.labelIDs(of: n).first.map { shapes[shapeOf[$0]!] }
            out += "  n\(number[n])\(shape?.open ?? "[\"")\(MermaidText.escape(caption(n, graph)))\(shape?.close ?? "\"]")\n"
        }
        for r in graph.relationshipIDs {
            out += "  n\(number[graph.startNode(of: r)]) -->|\"\(MermaidText.escape(graph.type(of: r)))\"| n\(number[graph.endNode(of: r)])\n"
        }
        if graph.nodeCount > readableNodes {
            notes.add("nodes in one diagram: Mermaid lays out more than a few hundred poorly (export a query's result instead)", count: graph.nodeCount)
        }
        if graph.relationshipCount > maxEdges {
            notes.add("relationships, above Mermaid's default limit of \(maxEdges) (maxEdges): GitHub shows an error instead of the diagram", count: graph.relationshipCount)
        }
        let size = out.count
        if size > maxTextSize {
            notes.add("characters, above Mermaid's default limit of \(maxTextSize) (maxTextSize): GitHub shows an error instead of the diagram", count: size)
        }
        return (Array(out.utf8), notes)
    }

    /// What a node shows: its `name`, else its `id`, else its labels, else `node`.
    static func caption(_ n: NodeID, _ graph: GraphStore) -> String {
        for key in ["name", GraphStore.idKey] {
            if case .string(let s) = graph.property(of: n, named: key), !s.isEmpty { return s }
        }
        for key in ["name", GraphStore.idKey] {
            let v = graph.property(of: n, named: key)
            if !v.isNull, let text = v.toCypherString() { return text }
        }
        let labels = graph.labels(of: n)
        return labels.isEmpty ? "node" : labels.map { ":" + $0 }.joined()
    }
}
