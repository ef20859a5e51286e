/// The legend of the columns that colour and size nodes.
extension DOTWriter {
    /// A cluster saying which column colours the nodes (a swatch per value, most frequent
    /// first, and one for the values beyond the palette) and which column sizes them (the
    /// smallest and largest value, drawn at their sizes).
    mutating func writeColumnLegend(_ columns: DOTColumnStyling) {
        let colors = columns.colorColumn.flatMap { columns.swatches.isEmpty && columns.others.nodes == 0 ? nil : $0 }
        let sizes = columns.sizeColumn.flatMap { c in columns.sizeRange.map { (column: c, range: $0) } }
        let title = colors != nil && sizes != nil ? "Colour and size" : colors != nil ? "Colour" : "Size"
        out += "  subgraph \"cluster_legend_columns\" {\n"
        out += "    label=\(DOTText.label(title)); style=\"rounded\"; color=\"#999999\"; fontsize=\"10\"; ordering=\"out\";\n"
        out += "    node [fontsize=\"9\"];\n"
        if let column = colors {
            let head = "legend_fill"
            out += "    \(DOTText.quoted(head)) [label=" + DOTText.label("fill: \(column)")
            out += ", tooltip=" + DOTText.tooltip("the fill colour shows the column \(column)")
            out += ", shape=\"plaintext\", style=\"\"];\n"
            var ids: [String] = []
            for (i, swatch) in columns.swatches.enumerated() {
                let id = "legend_fill_\(i)"
                ids.append(id)
                let nodes = "\(swatch.count) node\(swatch.count == 1 ? "" : "s")"
                out += "    \(DOTText.quoted(id)) [label=" + DOTText.label(swatch.category.text)
                out += ", tooltip=" + DOTText.tooltip("\(column) = \(swatch.category.text): \(nodes)")
                out += ", shape=\"box\", fillcolor=" + DOTText.quoted(swatch.color)
                out += ", fontcolor=" + DOTText.quoted(DOTColumnStyling.textColor(on: swatch.color)) + ", color=\"#555555\"];\n"
            }
            if columns.others.values > 0 {
                let id = "legend_fill_other"
                ids.append(id)
                let text = "\(columns.others.values) other value\(columns.others.values == 1 ? "" : "s")"
                let nodes = "\(columns.others.nodes) node\(columns.others.nodes == 1 ? "" : "s")"
                out += "    \(DOTText.quoted(id)) [label=" + DOTText.label(text)
                out += ", tooltip=" + DOTText.tooltip("\(text) of \(column) (\(nodes)) share this colour: the palette has \(DOTColumnStyling.palette.count) colours")
                out += ", shape=\"box\", fillcolor=" + DOTText.quoted(DOTColumnStyling.otherColor) + ", color=\"#555555\"];\n"
            }
            layOut(ids, after: DOTText.quoted(head))
        }
        if let sizes {
            let (column, range) = (sizes.column, sizes.range)
            let head = "legend_size"
            out += "    \(DOTText.quoted(head)) [label=" + DOTText.label("size: \(column)")
            out += ", tooltip=" + DOTText.tooltip("the area of a node shows the column \(column)")
            out += ", shape=\"plaintext\", style=\"\"];\n"
            var ids: [String] = []
            let marks = range.min == range.max ? [("min", range.min)] : [("min", range.min), ("max", range.max)]
            for (name, mark) in marks {
                let id = "legend_size_\(name)"
                ids.append(id)
                let value = DOTColumnStyling.number(mark.value)
                let which = name == "min" ? "smallest" : "largest"
                out += "    \(DOTText.quoted(id)) [label=" + DOTText.label(value)
                out += ", tooltip=" + DOTText.tooltip("\(which) \(column): \(value), drawn \(mark.size) in wide")
                out += ", shape=\"circle\", fillcolor=\"#eeeeee\", color=\"#555555\", width=" + DOTText.quoted("\(mark.size)")
                out += ", height=" + DOTText.quoted("\(mark.size)") + ", fixedsize=\"true\"];\n"
            }
            // One row: the title, the smallest, the largest.
            var previous = DOTText.quoted(head)
            for id in ids {
                out += "    \(previous) -> \(DOTText.quoted(id)) [style=\"invis\"];\n"
                previous = DOTText.quoted(id)
            }
        }
        out += "  }\n"
    }
}
