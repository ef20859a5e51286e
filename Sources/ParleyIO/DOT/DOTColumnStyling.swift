import Foundation
import ParleyGraph
import ParleyValues

/// How one drawing colours and sizes its nodes by query result columns: the chosen columns,
/// a fill colour per value of the colour column and a size per node (see docs/dot.md).
///
/// Colours: the values are ranked by how many drawn nodes have them (most first, ties in
/// value order: booleans, then integers, then strings), and the first twelve take Paul Tol's
/// colour-blind-safe qualitative colours in order; any further values share a pale grey, which
/// the legend counts as "other values". Sizes: a node's area is proportional to its value
/// (measured from 0, or from the smallest value when that is negative): the largest value is
/// ``maxSize`` inches wide, and nodes that would be narrower than ``minSize`` are drawn at it.
struct DOTColumnStyling {
    /// One value of the colour column, as the legend lists it.
    struct Swatch: Equatable {
        /// The value.
        var category: DOTCategory
        /// Its fill colour.
        var color: String
        /// How many drawn nodes have it.
        var count: Int
    }

    /// One end of the size scale, as the legend shows it.
    struct SizeMark: Equatable {
        /// The column's value.
        var value: Double
        /// The node width and height for it, in inches.
        var size: Double
    }

    /// Columns that colour nodes without being chosen, first found first.
    static let automaticColorColumns = ["communityId", "componentId", "community", "component"]
    /// Columns that size nodes without being chosen, first found first.
    static let automaticSizeColumns = [
        "score", "degree", "centrality", "pageRank", "betweenness", "closeness", "harmonic", "triangles", "coreNumber",
        "coefficient",
    ]
    /// Paul Tol's qualitative colours: the nine of his "muted" scheme in its order, then the
    /// three more of his twelve-colour scheme. All are told apart with the common forms of
    /// colour blindness.
    static let palette = [
        "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499",
        "#6699CC", "#661100", "#AA4466",
    ]
    /// The fill of values beyond the palette (Tol's pale grey).
    static let otherColor = "#DDDDDD"
    /// The smallest and largest node width, in inches.
    static let minSize = 0.4
    static let maxSize = 1.6

    /// The column that colours nodes, if any.
    var colorColumn: String?
    /// The values with a colour of their own, most frequent first.
    var swatches: [Swatch] = []
    /// How many values, and how many nodes, share ``otherColor``.
    var others = (values: 0, nodes: 0)
    /// The fill per value.
    var colors: [DOTCategory: String] = [:]
    /// The column that sizes nodes, if any.
    var sizeColumn: String?
    /// The size of each drawn node with a value.
    var sizes: [NodeID: Double] = [:]
    /// The smallest and largest value drawn, with their sizes.
    var sizeRange: (min: SizeMark, max: SizeMark)?

    private let columns: NodeColumns

    /// The styling of a drawing of `nodes`, by the columns `options` (else `style`) choose;
    /// nil when no column colours or sizes any node.
    static func resolve(_ columns: NodeColumns, nodes: [NodeID], options: DOTOptions, style: DOTStyle) throws(DOTColumnError) -> DOTColumnStyling? {
        var styling = DOTColumnStyling(columns: columns)
        styling.colorColumn = try choose(options.colorBy ?? style.colorBy, .colorBy, columns, kinds: ValueKind.categorical,
                                         automatic: automaticColorColumns)
        styling.sizeColumn = try choose(options.sizeBy ?? style.sizeBy, .sizeBy, columns, kinds: ValueKind.numeric,
                                        automatic: automaticSizeColumns)
        if let column = styling.colorColumn { styling.assignColors(column, nodes) }
        if let column = styling.sizeColumn { styling.assignSizes(column, nodes) }
        return styling.swatches.isEmpty && styling.others.nodes == 0 && styling.sizes.isEmpty ? nil : styling
    }

    /// The column `choice` picks: checked when named, the first suitable known name when automatic.
    static func choose(_ choice: DOTColumnChoice, _ use: DOTColumnError.Use, _ columns: NodeColumns, kinds: Set<ValueKind>,
                       automatic: [String]) throws(DOTColumnError) -> String? {
        let suitable = columns.names.filter { columns.column($0, holdsOnly: kinds) }
        switch choice {
        case .none:
            return nil
        case .automatic:
            return columns.names.first { automatic.contains($0) && suitable.contains($0) }
        case .column(let name):
            guard columns.names.contains(name) else {
                throw DOTColumnError(use: use, column: name, found: [], columns: columns.names, suitable: suitable)
            }
            guard suitable.contains(name) else {
                throw DOTColumnError(use: use, column: name, found: columns.kindNames(of: name), columns: columns.names, suitable: suitable)
            }
            return name
        }
    }

    private mutating func assignColors(_ column: String, _ nodes: [NodeID]) {
        var counts: [DOTCategory: Int] = [:]
        for n in nodes {
            if let value = columns.value(of: n, in: column), let category = DOTCategory(value) { counts[category, default: 0] += 1 }
        }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (rank, entry) in ranked.enumerated() {
            if rank < DOTColumnStyling.palette.count {
                let color = DOTColumnStyling.palette[rank]
                swatches.append(Swatch(category: entry.key, color: color, count: entry.value))
                colors[entry.key] = color
            } else {
                others.values += 1
                others.nodes += entry.value
                colors[entry.key] = DOTColumnStyling.otherColor
            }
        }
    }

    private mutating func assignSizes(_ column: String, _ nodes: [NodeID]) {
        var values: [(NodeID, Double)] = []
        for n in nodes {
            switch columns.value(of: n, in: column) {
            case .int(let i): values.append((n, Double(i)))
            case .double(let d) where d.isFinite: values.append((n, d))
            default: break
            }
        }
        guard let low = values.map(\.1).min(), let high = values.map(\.1).max() else { return }
        let base = min(0, low)
        for (n, v) in values { sizes[n] = DOTColumnStyling.size(v, base: base, high: high) }
        sizeRange = (SizeMark(value: low, size: DOTColumnStyling.size(low, base: base, high: high)),
                     SizeMark(value: high, size: DOTColumnStyling.size(high, base: base, high: high)))
    }

    /// The width of a node of value `value` when `base` has no area and `high` is ``maxSize``
    /// wide, at least ``minSize``; rounded to hundredths of an inch.
    static func size(_ value: Double, base: Double, high: Double) -> Double {
        let span = high - base
        let raw = span > 0 ? maxSize * ((value - base) / span).squareRoot() : minSize
        return (max(minSize, raw) * 100).rounded() / 100
    }

    /// The fill and text colours of node `n`, if the colour column gives it one.
    func fill(of n: NodeID) -> (fill: String, font: String)? {
        guard let column = colorColumn, let value = columns.value(of: n, in: column), let category = DOTCategory(value),
              let color = colors[category] else { return nil }
        return (color, DOTColumnStyling.textColor(on: color))
    }

    /// The size of node `n`, if the size column gives it one.
    func size(of n: NodeID) -> Double? { sizes[n] }

    /// Black or white, whichever reads better on `fill` (`#rrggbb`), by WCAG contrast.
    static func textColor(on fill: String) -> String {
        let hex = fill.dropFirst()
        guard hex.count == 6, let rgb = UInt32(hex, radix: 16) else { return "#000000" }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((rgb >> shift) & 0xFF) / 255
            return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000000" : "#FFFFFF"
    }

    /// A number as the legend shows it: whole numbers plainly, others to four significant digits.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.4g", value)
    }
}
