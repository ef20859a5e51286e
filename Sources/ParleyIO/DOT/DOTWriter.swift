import ParleyGraph
import ParleyValues

/// Builds the DOT text for a selection of nodes and relationships: graph defaults, clusters,
/// nodes, edges and the legend, in a deterministic order.
struct DOTWriter {
    let graph: GraphStore
    let style: DOTStyle
    let options: DOTOptions
    /// The colours and sizes that result columns give nodes, if any.
    let columns: DOTColumnStyling?
    var out = ""
    /// The label each drawn node is styled by, and the statuses that gave a line style.
    var usedLabels: Set<String> = []
    var usedStatuses: Set<String> = []
    /// Caches: the styling label and style per label set, and the caption per drawn node.
    private var styles: [[Int32]: (label: String?, style: DOTStyle.NodeStyle)] = [:]
    private var captions: [NodeID: String] = [:]
    private var edgeStyles: [Int32: DOTStyle.EdgeStyle] = [:]

    init(graph: GraphStore, style: DOTStyle, options: DOTOptions, columns: DOTColumnStyling?) {
        self.graph = graph
        self.style = style
        self.options = options
        self.columns = columns
    }

    /// The whole document for these sorted node and relationship ids.
    mutating func write(nodes: [NodeID], relationships: [RelID]) -> String {
        out = ""
        out.reserveCapacity(256 + 200 * nodes.count + 160 * relationships.count)
        out += "// Parley: \(nodes.count) node\(nodes.count == 1 ? "" : "s"), "
        out += "\(relationships.count) relationship\(relationships.count == 1 ? "" : "s")\n"
        out += "digraph \(DOTText.quoted(options.graphName)) {\n"
        out += "  graph [rankdir=\(DOTText.quoted(style.rankdir)), fontname=\"Helvetica\", fontsize=\"10\", "
        out += "nodesep=\"0.3\", ranksep=\"0.5\", newrank=\"true\"];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=\"11\", style=\"filled\", penwidth=\"1.2\", margin=\"0.1,0.05\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=\"9\", arrowsize=\"0.7\"];\n"

        let (clusters, loose) = clustered(nodes)
        for (index, cluster) in clusters.enumerated() {
            out += "  subgraph \(DOTText.quoted("cluster_\(index + 1)")) {\n"
            out += "    label=\(DOTText.label(cluster.title)); style=\"rounded,filled\"; fillcolor=\"#f7f7f7\"; color=\"#bbbbbb\";\n"
            for n in cluster.members { writeNode(n, indent: "    ") }
            out += "  }\n"
        }
        for n in loose { writeNode(n, indent: "  ") }
        var usedTypes: Set<String> = []
        for r in relationships {
            usedTypes.insert(graph.type(of: r))
            writeEdge(r)
        }
        if options.legend ?? style.legend {
            if !(usedLabels.isEmpty && usedTypes.isEmpty) { writeLegend(types: usedTypes.sorted()) }
            if let columns { writeColumnLegend(columns) }
        }
        out += "}\n"
        return out
    }

    // MARK: Nodes and edges

    private mutating func writeNode(_ n: NodeID, indent: String) {
        let labels = graph.labels(of: n)
        let (label, nodeStyle) = resolvedStyle(n)
        if let label { usedLabels.insert(label) }
        var lineStyle = "filled"
        if let status = statusStyle(graph.property(of: n, named: style.statusProperty)) {
            lineStyle += "," + status
        }
        let text = caption(n, labels: labels, style: nodeStyle)
        captions[n] = text
        let size = columns?.size(of: n)
        // A node sized by a column has its caption beside it (`xlabel`): it need not fit.
        out += indent + DOTText.quoted("n\(n)") + (size == nil ? " [label=" : " [label=\"\", xlabel=") + DOTText.label(text)
        out += ", tooltip=" + DOTText.tooltip(tooltip(n, labels: labels))
        out += ", shape=" + DOTText.quoted(nodeStyle.shape ?? "ellipse")
        if let fill = columns?.fill(of: n) {
            out += ", fillcolor=" + DOTText.quoted(fill.fill)
            if size == nil { out += ", fontcolor=" + DOTText.quoted(fill.font) }
        } else {
            out += ", fillcolor=" + DOTText.quoted(nodeStyle.color ?? "#ffffff")
        }
        out += ", color=" + DOTText.quoted(nodeStyle.borderColor ?? "#555555")
        if let size {
            out += ", width=" + DOTText.quoted("\(size)") + ", height=" + DOTText.quoted("\(size)") + ", fixedsize=\"true\""
        }
        if lineStyle != "filled" { out += ", style=" + DOTText.quoted(lineStyle) }
        out += "];\n"
    }

    private mutating func writeEdge(_ r: RelID) {
        let type = graph.type(of: r)
        let typeID = graph.typeID(of: r)
        let edgeStyle = edgeStyles[typeID] ?? style.edgeStyle(forType: type)
        edgeStyles[typeID] = edgeStyle
        let color = edgeStyle.color ?? "#555555"
        var line = edgeStyle.style
        if let status = statusStyle(graph.property(of: r, relationshipKeyNamed: style.statusProperty)) {
            line = status
        }
        out += "  " + DOTText.quoted("n\(graph.startNode(of: r))") + " -> " + DOTText.quoted("n\(graph.endNode(of: r))")
        out += " [label=" + DOTText.label(type)
        out += ", tooltip=" + DOTText.tooltip(edgeTooltip(r, type: type))
        out += ", color=" + DOTText.quoted(color) + ", fontcolor=" + DOTText.quoted(color)
        if let line { out += ", style=" + DOTText.quoted(line) }
        out += "];\n"
    }

    /// The line style for a status property value, remembering it for the legend.
    private mutating func statusStyle(_ value: Value) -> String? {
        guard case .string(let status) = value, let line = style.lineStyle(forStatus: status) else { return nil }
        usedStatuses.insert(status.lowercased())
        return line
    }

    // MARK: Text

    /// The styling label and style of node `n`, cached per label set.
    mutating func resolvedStyle(_ n: NodeID) -> (label: String?, style: DOTStyle.NodeStyle) {
        let key = graph.labelIDs(of: n)
        if let cached = styles[key] { return cached }
        let resolved = style.nodeStyle(forLabels: graph.labels(of: n))
        styles[key] = resolved
        return resolved
    }

    /// The caption: the style's label property, else `name`, else `id`, else the labels.
    func caption(_ n: NodeID, labels: [String], style nodeStyle: DOTStyle.NodeStyle) -> String {
        for key in [nodeStyle.labelProperty, "name", GraphStore.idKey].compactMap({ $0 }) {
            let v = graph.property(of: n, named: key)
            if !v.isNull { return DOTWriter.text(v) }
        }
        return labels.isEmpty ? "node \(n)" : DOTWriter.labelText(labels)
    }

    /// Every label and property of node `n`, one per line, keys sorted.
    func tooltip(_ n: NodeID, labels: [String]) -> String {
        let head = labels.isEmpty ? "(no labels)" : DOTWriter.labelText(labels)
        return DOTWriter.lines(head, graph.properties(of: n))
    }

    /// The type, endpoints and every property of relationship `r`, one per line, keys sorted.
    /// The endpoints' captions were recorded when their nodes were written.
    func edgeTooltip(_ r: RelID, type: String) -> String {
        let start = captions[graph.startNode(of: r)] ?? "", end = captions[graph.endNode(of: r)] ?? ""
        return DOTWriter.lines("\(start) -[:\(type)]-> \(end)", graph.properties(ofRelationship: r))
    }

    /// Labels in Cypher notation, sorted by name: `:Media:Organization`.
    static func labelText(_ labels: [String]) -> String {
        labels.sorted().map { ":" + $0 }.joined()
    }

    /// `head`, then one `key: value` line per property, keys sorted.
    static func lines(_ head: String, _ properties: [String: Value]) -> String {
        var lines = [head]
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) { lines.append("\(key): \(text(value))") }
        return lines.joined(separator: "\n")
    }

    /// A property value as plain text: strings bare, lists in brackets with strings quoted.
    static func text(_ value: Value, nested: Bool = false) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.description
        case .string(let s): return nested ? "'" + s + "'" : s
        case .list(let items): return "[" + items.map { text($0, nested: true) }.joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.sorted(by: { $0.key < $1.key }).map { "\($0.key): \(text($0.value, nested: true))" }.joined(separator: ", ") + "}"
        case .node(let n): return "node \(n)"
        case .relationship(let r): return "relationship \(r)"
        case .path(let p): return "path of length \(p.relationships.count)"
        case .temporal(let t): return nested ? "'" + t.description + "'" : t.description
        }
    }

    // MARK: Clusters

    /// Nodes grouped by ``DOTOptions/clusterBy`` (or the style's): clusters sorted by title,
    /// and the nodes that belong to none.
    mutating func clustered(_ nodes: [NodeID]) -> (clusters: [(title: String, members: [NodeID])], loose: [NodeID]) {
        guard let key = options.clusterBy ?? style.clusterBy, !key.isEmpty else { return ([], nodes) }
        var groups: [String: [NodeID]] = [:]
        var loose: [NodeID] = []
        for n in nodes {
            let title: String?
            if key == "label" {
                title = resolvedStyle(n).label
            } else {
                let v = graph.property(of: n, named: key)
                title = v.isNull ? nil : "\(key): \(DOTWriter.text(v))"
            }
            if let title { groups[title, default: []].append(n) } else { loose.append(n) }
        }
        return (groups.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) }, loose)
    }
}
