import ParleyGraph
import ParleyValues

/// A diff drawn as Graphviz DOT: the union of the two graphs, with added nodes and
/// relationships in green, removed ones in red with dashed lines, changed ones in orange and
/// the rest as the style draws them, plus a legend of the three colours.
///
/// Nodes are drawn in the order of their ids (DOT ID `n:<id>`), relationships by source,
/// type, target and `id`. Captions and shapes follow the style as in ``DOTExporter``;
/// tooltips list labels and properties, and for changed elements each change `old → new`.
struct DiffDOTRenderer {
    let diff: GraphDiff
    let style: DOTStyle
    private var out = ""

    /// What happened to an element.
    enum Status {
        case unchanged, added, removed, changed

        /// Line (and text) colour; nil: the style's.
        var color: String? {
            switch self {
            case .unchanged: return nil
            case .added: return "#2e7d32"
            case .removed: return "#c62828"
            case .changed: return "#e67e00"
            }
        }

        /// Fill colour of nodes; nil: the style's.
        var fill: String? {
            switch self {
            case .unchanged: return nil
            case .added: return "#e3f4e4"
            case .removed: return "#fde4e4"
            case .changed: return "#fff0d9"
            }
        }
    }

    init(diff: GraphDiff, style: DOTStyle) {
        self.diff = diff
        self.style = style
    }

    /// The whole document.
    mutating func render() -> String {
        let old = diff.old, new = diff.new
        let oldIDs = GraphWriter.fileIDs(old), newIDs = GraphWriter.fileIDs(new)
        var nodeStatus: [NodeID: Status] = [:]
        for n in diff.elements.addedNodes { nodeStatus[n] = .added }
        var nodeChanges: [NodeID: GraphDiff.NodeChange] = [:]
        for (pair, change) in zip(diff.elements.changedNodes, diff.changedNodes) {
            nodeStatus[pair.new] = .changed
            nodeChanges[pair.new] = change
        }
        var nodes: [(id: String, graph: GraphStore, n: NodeID, status: Status)] = []
        for n in new.nodeIDs { nodes.append((newIDs[n], new, n, nodeStatus[n] ?? .unchanged)) }
        for n in diff.elements.removedNodes { nodes.append((oldIDs[n], old, n, .removed)) }
        nodes.sort { DiffOrder.precedes($0.id, $1.id) }

        var relStatus: [RelID: Status] = [:]
        for r in diff.elements.addedRelationships { relStatus[r] = .added }
        var relChanges: [RelID: GraphDiff.RelationshipChange] = [:]
        for (pair, change) in zip(diff.elements.changedRelationships, diff.changedRelationships) {
            relStatus[pair.new] = .changed
            relChanges[pair.new] = change
        }
        var rels: [(key: (source: String, type: String, target: String, id: Value?), graph: GraphStore, r: RelID, status: Status)] = []
        let newIDKey = new.keys.id(of: GraphStore.idKey), oldIDKey = old.keys.id(of: GraphStore.idKey)
        func key(_ g: GraphStore, _ ids: [String], _ r: RelID, _ idKey: Int32?) -> (String, String, String, Value?) {
            let id = idKey.map { g.property(of: r, relationshipKey: $0) }
            return (ids[g.startNode(of: r)], g.type(of: r), ids[g.endNode(of: r)], id?.isNull == false ? id : nil)
        }
        for r in new.relationshipIDs { rels.append((key(new, newIDs, r, newIDKey), new, r, relStatus[r] ?? .unchanged)) }
        for r in diff.elements.removedRelationships { rels.append((key(old, oldIDs, r, oldIDKey), old, r, .removed)) }
        rels.sort {
            let c = DiffOrder.compare($0.key, $1.key)
            return c != 0 ? c < 0 : ($0.status == .removed ? 0 : 1, $0.r) < ($1.status == .removed ? 0 : 1, $1.r)
        }

        out = "// Parley diff: \(nodes.count) node\(nodes.count == 1 ? "" : "s"), \(rels.count) relationship\(rels.count == 1 ? "" : "s"); "
        out += diff.summary + "\n"
        out += "digraph \"parley_diff\" {\n"
        out += "  graph [rankdir=\(DOTText.quoted(style.rankdir)), fontname=\"Helvetica\", fontsize=\"10\", "
        out += "nodesep=\"0.3\", ranksep=\"0.5\", newrank=\"true\"];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=\"11\", style=\"filled\", penwidth=\"1.2\", margin=\"0.1,0.05\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=\"9\", arrowsize=\"0.7\"];\n"
        for node in nodes { writeNode(node.id, node.graph, node.n, node.status, change: nodeChanges[node.n]) }
        for rel in rels {
            writeEdge(rel.key, rel.graph, rel.r, rel.status, change: rel.status == .changed ? relChanges[rel.r] : nil)
        }
        writeLegend()
        out += "}\n"
        return out
    }

    private mutating func writeNode(_ id: String, _ graph: GraphStore, _ n: NodeID, _ status: Status, change: GraphDiff.NodeChange?) {
        let labels = graph.labels(of: n)
        let nodeStyle = style.nodeStyle(forLabels: labels).style
        var caption = labels.isEmpty ? id : DOTWriter.labelText(labels)
        for key in [nodeStyle.labelProperty, "name", GraphStore.idKey].compactMap({ $0 }) {
            let v = graph.property(of: n, named: key)
            if !v.isNull { caption = DOTWriter.text(v); break }
        }
        var tooltip = DOTWriter.lines(labels.isEmpty ? "(no labels)" : DOTWriter.labelText(labels), graph.properties(of: n))
        if let change { tooltip += "\n" + DiffDOTRenderer.changeLines(change.properties, added: change.addedLabels, removed: change.removedLabels) }
        out += "  " + DOTText.quoted("n:" + id) + " [label=" + DOTText.label(caption)
        out += ", tooltip=" + DOTText.tooltip(DiffDOTRenderer.heading(status) + tooltip)
        out += ", shape=" + DOTText.quoted(nodeStyle.shape ?? "ellipse")
        out += ", fillcolor=" + DOTText.quoted(status.fill ?? nodeStyle.color ?? "#ffffff")
        out += ", color=" + DOTText.quoted(status.color ?? nodeStyle.borderColor ?? "#555555")
        if status != .unchanged { out += ", fontcolor=" + DOTText.quoted(status.color!) + ", penwidth=\"2.2\"" }
        if status == .removed { out += ", style=\"filled,dashed\"" }
        out += "];\n"
    }

    private mutating func writeEdge(_ key: (source: String, type: String, target: String, id: Value?), _ graph: GraphStore, _ r: RelID,
                                    _ status: Status, change: GraphDiff.RelationshipChange?) {
        let edgeStyle = style.edgeStyle(forType: key.type)
        let color = status.color ?? edgeStyle.color ?? "#555555"
        var tooltip = DOTWriter.lines("\(key.source) -[:\(key.type)]-> \(key.target)", graph.properties(ofRelationship: r))
        if let change { tooltip += "\n" + DiffDOTRenderer.changeLines(change.properties, added: [], removed: []) }
        out += "  " + DOTText.quoted("n:" + key.source) + " -> " + DOTText.quoted("n:" + key.target)
        out += " [label=" + DOTText.label(key.type)
        out += ", tooltip=" + DOTText.tooltip(DiffDOTRenderer.heading(status) + tooltip)
        out += ", color=" + DOTText.quoted(color) + ", fontcolor=" + DOTText.quoted(color)
        if status != .unchanged { out += ", penwidth=\"2\"" }
        if status == .removed {
            out += ", style=\"dashed\""
        } else if let line = edgeStyle.style {
            out += ", style=" + DOTText.quoted(line)
        }
        out += "];\n"
    }

    /// The legend: one swatch per status, stacked.
    private mutating func writeLegend() {
        out += "  subgraph \"cluster_legend\" {\n"
        out += "    label=\"Legend\"; style=\"rounded\"; color=\"#999999\"; fontsize=\"10\"; ordering=\"out\";\n"
        out += "    node [fontsize=\"9\"];\n"
        let entries: [(name: String, status: Status, tooltip: String)] = [
            ("added", .added, "only in the new graph"),
            ("removed", .removed, "only in the old graph"),
            ("changed", .changed, "in both, with other labels or properties"),
        ]
        for entry in entries {
            let arrow = DOTWriter.arrow(for: entry.status == .removed ? "dashed" : nil)
            out += "    " + DOTText.quoted("legend_\(entry.name)") + " [label=" + DOTText.label(arrow + " " + entry.name)
            out += ", tooltip=" + DOTText.tooltip(entry.tooltip) + ", shape=\"box\""
            out += ", fillcolor=" + DOTText.quoted(entry.status.fill!) + ", color=" + DOTText.quoted(entry.status.color!)
            out += ", fontcolor=" + DOTText.quoted(entry.status.color!)
            out += entry.status == .removed ? ", style=\"filled,dashed\"];\n" : "];\n"
        }
        // One rank: a column when the graph flows left to right, a row when top to bottom.
        out += "    { rank=\"same\"; \"legend_added\"; \"legend_removed\"; \"legend_changed\"; }\n"
        out += "  }\n"
    }

    private static func heading(_ status: Status) -> String {
        switch status {
        case .unchanged: return ""
        case .added: return "added\n"
        case .removed: return "removed\n"
        case .changed: return "changed\n"
        }
    }

    /// `changes:`, then `name: 'Kazakhstan' → 'Republic of Kazakhstan'` lines, then `+:Label` / `-:Label`.
    private static func changeLines(_ changes: [GraphDiff.PropertyChange], added: [String], removed: [String]) -> String {
        var lines = changes.map { "\($0.key): \(DiffTextRenderer.value($0.old)) → \(DiffTextRenderer.value($0.new))" }
        lines += added.map { "+:" + $0 } + removed.map { "-:" + $0 }
        return (["changes:"] + lines).joined(separator: "\n")
    }
}

extension GraphDiff {
    /// Both graphs in one Graphviz DOT drawing: added elements green, removed red and
    /// dashed, changed orange, with a legend. Shapes and captions follow `style`.
    public func dot(style: DOTStyle = .default) -> String {
        var renderer = DiffDOTRenderer(diff: self, style: style)
        return renderer.render()
    }
}
