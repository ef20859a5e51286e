/// How a DOT diagram looks: shapes and colours per label, colours and line styles per
/// relationship type, line styles per `status`, direction, clustering, the legend, and the
/// query result columns that colour and size nodes.
///
/// ``DOTStyle/default`` reads well without configuration; a JSON style file (see
/// docs/dot.md and ``DOTStyle/load(path:)``) overrides any part of it.
public struct DOTStyle: Sendable, Equatable {
    /// How nodes with one label are drawn. `nil` fields fall back to the default.
    public struct NodeStyle: Sendable, Equatable {
        /// A Graphviz shape (`box`, `ellipse`, `diamond`, ...).
        public var shape: String?
        /// The fill colour (`#rrggbb` or a Graphviz colour name).
        public var color: String?
        /// The border and font accent colour.
        public var borderColor: String?
        /// The property shown as the node's caption (default `name`, then `id`).
        public var labelProperty: String?

        /// Creates a node style.
        public init(shape: String? = nil, color: String? = nil, borderColor: String? = nil, labelProperty: String? = nil) {
            self.shape = shape
            self.color = color
            self.borderColor = borderColor
            self.labelProperty = labelProperty
        }

        /// This style with the non-nil fields of `other` laid over it.
        func overlaid(with other: NodeStyle) -> NodeStyle {
            NodeStyle(shape: other.shape ?? shape, color: other.color ?? color,
                      borderColor: other.borderColor ?? borderColor, labelProperty: other.labelProperty ?? labelProperty)
        }
    }

    /// How relationships of one type are drawn. `nil` fields fall back to the default.
    public struct EdgeStyle: Sendable, Equatable {
        /// The line and label colour.
        public var color: String?
        /// A Graphviz line style: `solid`, `dashed`, `dotted`, `bold`, ... (comma-separated).
        public var style: String?

        /// Creates an edge style.
        public init(color: String? = nil, style: String? = nil) {
            self.color = color
            self.style = style
        }

        func overlaid(with other: EdgeStyle) -> EdgeStyle {
            EdgeStyle(color: other.color ?? color, style: other.style ?? style)
        }
    }

    /// Graph direction: `LR` (default), `TB`, `RL` or `BT`.
    public var rankdir = "LR"
    /// Group nodes into clusters: `label`, or a property key such as `city`; `nil` for none.
    public var clusterBy: String?
    /// Whether to draw the legend cluster.
    public var legend = true
    /// The query result column whose values colour nodes (default: a column named
    /// `communityId`, `componentId`, `community` or `component`).
    public var colorBy = DOTColumnChoice.automatic
    /// The query result column whose values size nodes (default: a column named `score`,
    /// `degree`, `centrality`, `pageRank`, ...).
    public var sizeBy = DOTColumnChoice.automatic
    /// Node styles by label name.
    public var labels: [String: NodeStyle] = DOTStyle.builtinLabels
    /// Edge styles by relationship type name.
    public var types: [String: EdgeStyle] = [:]
    /// The property whose value picks a line style (default `status`).
    public var statusProperty = "status"
    /// Line style by value of ``statusProperty`` (lowercased), for relationships and nodes.
    public var statusStyles: [String: String] = DOTStyle.builtinStatusStyles

    /// Creates the default style.
    public init() {}

    /// The default style.
    public static let `default` = DOTStyle()

    /// Built-in node styles: State box, Organization component, Person ellipse, Talk diamond.
    public static let builtinLabels: [String: NodeStyle] = [
        "State": NodeStyle(shape: "box", color: "#dbe9f6", borderColor: "#2b5d8a"),
        "Organization": NodeStyle(shape: "component", color: "#fde3c8", borderColor: "#a65c00"),
        "Person": NodeStyle(shape: "ellipse", color: "#dff2d8", borderColor: "#2e7d32"),
        "Talk": NodeStyle(shape: "diamond", color: "#f3e0f7", borderColor: "#7b3294"),
    ]

    /// Built-in status styles: postponed and cancelled dashed, scheduled and planned dotted.
    public static let builtinStatusStyles: [String: String] = [
        "postponed": "dashed",
        "scheduled": "dotted",
        "planned": "dotted",
        "cancelled": "dashed",
        "canceled": "dashed",
    ]

    /// Fill and border colours for labels without a style, picked by a stable hash of the name.
    static let nodePalette: [(fill: String, border: String)] = [
        ("#fff2b3", "#8a6d00"), ("#d7f0f0", "#00695c"), ("#f9d6d5", "#b23a36"),
        ("#e4dcf5", "#4a3b8f"), ("#e8e8e8", "#555555"), ("#d9ecd0", "#4b7a2b"),
        ("#fbe0ef", "#a0306b"), ("#d6e4ff", "#2f4fa3"),
    ]

    /// Line colours for relationship types without a style, picked by a stable hash of the name.
    static let edgePalette: [String] = [
        "#1f5f99", "#b35900", "#2e7d32", "#8e24aa", "#c62828", "#00796b", "#5d4037", "#455a64",
        "#ad1457", "#6d8a00", "#0277bd", "#9e7400",
    ]

    /// The style of a node with labels `labels` (names): the first label, in name order, that
    /// has a style, else a palette entry for the first label; also returns that label.
    func nodeStyle(forLabels labels: [String]) -> (label: String?, style: NodeStyle) {
        let sorted = labels.sorted()
        if let styled = sorted.first(where: { self.labels[$0] != nil }) {
            let base = DOTStyle.paletteStyle(for: styled)
            return (styled, base.overlaid(with: self.labels[styled]!))
        }
        guard let first = sorted.first else {
            return (nil, NodeStyle(shape: "ellipse", color: "#ffffff", borderColor: "#555555"))
        }
        return (first, DOTStyle.paletteStyle(for: first))
    }

    /// The palette style of a label without configuration.
    static func paletteStyle(for label: String) -> NodeStyle {
        let entry = nodePalette[Int(stableHash(label) % UInt64(nodePalette.count))]
        return NodeStyle(shape: "box", color: entry.fill, borderColor: entry.border)
    }

    /// The style of relationships of type `type`.
    func edgeStyle(forType type: String) -> EdgeStyle {
        let base = EdgeStyle(color: DOTStyle.edgePalette[Int(DOTStyle.stableHash(type) % UInt64(DOTStyle.edgePalette.count))], style: nil)
        guard let custom = types[type] else { return base }
        return base.overlaid(with: custom)
    }

    /// The line style for a `status` value, if it has one.
    func lineStyle(forStatus status: String) -> String? {
        statusStyles[status.lowercased()]
    }

    /// FNV-1a over the UTF-8 bytes: the same on every run and platform (unlike `Hasher`).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
