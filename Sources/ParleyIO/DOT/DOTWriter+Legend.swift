/// The legend: the labels, relationship types and statuses drawn.
extension DOTWriter {
    /// A cluster listing the labels drawn (as their shapes, in one column) and, in a second
    /// column, the relationship types (an arrow in their colour and line style) and the
    /// statuses that changed a line style.
    mutating func writeLegend(types: [String]) {
        out += "  subgraph \"cluster_legend\" {\n"
        out += "    label=\"Legend\"; style=\"rounded\"; color=\"#999999\"; fontsize=\"10\"; ordering=\"out\";\n"
        out += "    node [fontsize=\"9\"];\n"
        // Graphviz stacks unconnected nodes top to bottom in LR but right to left in TB, and
        // targets of the invisible edges the other way round (``layOut(_:after:)``): order
        // both so they read forward.
        let across = style.rankdir == "TB" || style.rankdir == "BT"
        var anchor: String?
        let labels = Array(usedLabels.sorted().enumerated())
        for (i, label) in across ? labels.reversed() : labels {
            let s = style.nodeStyle(forLabels: [label]).style
            let id = DOTText.quoted("legend_label_\(i)")
            anchor = anchor ?? id
            out += "    \(id) [label=" + DOTText.label(label) + ", tooltip=" + DOTText.tooltip("label :\(label)")
            out += ", shape=" + DOTText.quoted(s.shape ?? "ellipse") + ", fillcolor=" + DOTText.quoted(s.color ?? "#ffffff")
            out += ", color=" + DOTText.quoted(s.borderColor ?? "#555555") + "];\n"
        }
        var entries: [(id: String, text: String, tooltip: String, color: String, line: String?)] = []
        for (i, type) in types.enumerated() {
            let s = style.edgeStyle(forType: type)
            entries.append(("legend_type_\(i)", type, "relationship type :\(type)", s.color ?? "#555555", s.style))
        }
        for (i, status) in usedStatuses.sorted().enumerated() {
            let text = "\(style.statusProperty): \(status)"
            entries.append(("legend_status_\(i)", text, text, "#555555", style.lineStyle(forStatus: status)))
        }
        for entry in entries {
            let id = DOTText.quoted(entry.id)
            out += "    \(id) [label=" + DOTText.label(DOTWriter.arrow(for: entry.line) + " " + entry.text)
            out += ", tooltip=" + DOTText.tooltip(entry.tooltip)
            out += ", shape=\"plaintext\", style=\"\", height=\"0.2\", margin=\"0.02\", fontcolor=" + DOTText.quoted(entry.color) + "];\n"
        }
        layOut(entries.map(\.id), after: anchor)
        out += "  }\n"
    }

    /// Invisible edges that put legend entries `ids` in columns of at most ten after
    /// `anchor` (a quoted ID): the first column hangs off the anchor, each next column off the
    /// previous column's head.
    mutating func layOut(_ ids: [String], after anchor: String?) {
        // Graphviz stacks the targets of one node bottom to top in LR but left to right in TB.
        let across = style.rankdir == "TB" || style.rankdir == "BT"
        let perColumn = 10
        var previous = anchor
        for start in stride(from: 0, to: ids.count, by: perColumn) {
            let column = ids[start..<min(start + perColumn, ids.count)]
            if let from = previous {
                for id in across ? Array(column) : column.reversed() {
                    out += "    \(from) -> \(DOTText.quoted(id)) [style=\"invis\"];\n"
                }
            }
            previous = DOTText.quoted(column[column.startIndex])
        }
    }

    /// A short arrow drawn with box-drawing characters in the given line style.
    static func arrow(for line: String?) -> String {
        let parts = (line ?? "").split(separator: ",")
        if parts.contains("dashed") { return "\u{254C}\u{254C}\u{254C}\u{25B6}" }
        if parts.contains("dotted") { return "\u{2508}\u{2508}\u{2508}\u{25B6}" }
        if parts.contains("bold") { return "\u{2501}\u{2501}\u{2501}\u{25B6}" }
        return "\u{2500}\u{2500}\u{2500}\u{25B6}"
    }
}
