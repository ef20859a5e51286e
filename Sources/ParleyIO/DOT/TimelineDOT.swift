import ParleyGraph

/// Draws a ``Timeline`` as Graphviz DOT: time flows left to right, one column (rank) per
/// period start, nodes in the shape and colours of the style, relationships as notes.
public enum TimelineDOT {
    /// The DOT text of `timeline` (of elements of `graph`) in `style`.
    public static func write(_ timeline: Timeline, graph: GraphStore, style: DOTStyle = .default) -> String {
        var out = "digraph timeline {\n  rankdir=LR;\n  nodesep=0.15;\n  ranksep=0.35;\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n  edge [style=invis];\n"
        var periods: [String] = []
        var members: [String: [String]] = [:]
        for (i, entry) in timeline.entries.enumerated() {
            if members[entry.start] == nil { periods.append(entry.start) }
            let id = "e\(i)"
            members[entry.start, default: []].append(id)
            let label = entry.who + (entry.when == entry.start ? "" : "\n" + entry.when)
            if let n = entry.node {
                let s = style.nodeStyle(forLabels: graph.labels(of: n)).style
                var attributes = "label=\(DOTText.label(label)), shape=\(DOTText.quoted(s.shape ?? "box")), fillcolor=\(DOTText.quoted(s.color ?? "#ffffff")), color=\(DOTText.quoted(s.borderColor ?? "#555555"))"
                if case .string(let status) = graph.property(of: n, named: style.statusProperty), let line = style.lineStyle(forStatus: status) {
                    attributes += ", style=\(DOTText.quoted("filled," + line))"
                }
                out += "  \(id) [\(attributes), tooltip=\(DOTText.tooltip(entry.what))];\n"
            } else {
                let type = String(entry.what.dropFirst())
                let color = style.edgeStyle(forType: type).color ?? "#555555"
                out += "  \(id) [label=\(DOTText.label(entry.who + "\n" + entry.what + (entry.when == entry.start ? "" : "  " + entry.when))), shape=note, fillcolor=\"#ffffff\", color=\(DOTText.quoted(color)), fontcolor=\(DOTText.quoted(color))];\n"
            }
        }
        // The axis: one plain-text period label per rank, chained left to right.
        for (i, p) in periods.enumerated() {
            out += "  p\(i) [label=\(DOTText.label(p == ".." ? "before" : p)), shape=plaintext, style=\"\", fontsize=12, fontname=\"Helvetica-Bold\"];\n"
        }
        if periods.count > 1 {
            out += "  " + periods.indices.map { "p\($0)" }.joined(separator: " -> ") + " [style=solid, color=\"#999999\", arrowhead=normal];\n"
        }
        let isNode = Set(timeline.entries.indices.filter { timeline.entries[$0].node != nil }.map { "e\($0)" })
        for (i, p) in periods.enumerated() {
            // Talks and other nodes first, then the relationships of the period.
            let all = members[p] ?? []
            let ids = all.filter { isNode.contains($0) } + all.filter { !isNode.contains($0) }
            out += "  { rank=same; p\(i); " + ids.joined(separator: "; ") + "; }\n"
            // Stack the period's elements under its label.
            out += "  p\(i) -> " + ids.joined(separator: " -> ") + " [constraint=false];\n"
        }
        out += "}\n"
        return out
    }
}
