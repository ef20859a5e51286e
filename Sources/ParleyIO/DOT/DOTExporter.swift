import ParleyGraph
import ParleyValues

/// Options for DOT output that belong to one export rather than to a style.
public struct DOTOptions: Sendable {
    /// Also draw every relationship between two drawn nodes (`--induced`).
    public var induced = false
    /// Group nodes into clusters: `label`, or a property key such as `city`. Overrides the
    /// style's `clusterBy` when set.
    public var clusterBy: String?
    /// Draw the legend; `nil` follows the style (default: yes).
    public var legend: Bool?
    /// The query result column that colours nodes; `nil` follows the style's `colorBy`.
    public var colorBy: DOTColumnChoice?
    /// The query result column that sizes nodes; `nil` follows the style's `sizeBy`.
    public var sizeBy: DOTColumnChoice?
    /// The name of the digraph.
    public var graphName = "parley"
    /// Creates default options.
    public init() {}
}

/// Writes a graph, or part of one, as Graphviz DOT.
///
/// The output is deterministic: the same graph, subgraph, options and style give the same
/// bytes (nodes and relationships in internal-id order, properties in key order).
public enum DOTExporter {
    /// Above this many nodes, `dot` layout gets slow and the picture unreadable.
    public static let largeGraphNodeCount = 2_000

    /// The DOT text for `subgraph` of `graph` (the whole graph when `subgraph` is nil),
    /// without colouring or sizing by columns (there are none).
    public static func export(_ graph: GraphStore, subgraph: Subgraph? = nil, options: DOTOptions = DOTOptions(),
                              style: DOTStyle = .default) -> String {
        let selection = selection(graph, subgraph: subgraph, induced: options.induced)
        var writer = DOTWriter(graph: graph, style: style, options: options, columns: nil)
        return writer.write(nodes: selection.nodes, relationships: selection.relationships)
    }

    /// The DOT text for `subgraph` of `graph`, drawn from query results whose `columns`
    /// colour and size nodes (see ``DOTStyle/colorBy`` and ``DOTStyle/sizeBy``).
    ///
    /// Throws when `colorBy` or `sizeBy` (from `options`, else `style`) names a column the
    /// results do not have, or one whose values cannot colour (or size) nodes.
    public static func export(_ graph: GraphStore, subgraph: Subgraph?, columns: NodeColumns, options: DOTOptions = DOTOptions(),
                              style: DOTStyle = .default) throws(DOTColumnError) -> String {
        let selection = selection(graph, subgraph: subgraph, induced: options.induced)
        let styling = try DOTColumnStyling.resolve(columns, nodes: selection.nodes, options: options, style: style)
        var writer = DOTWriter(graph: graph, style: style, options: options, columns: styling)
        return writer.write(nodes: selection.nodes, relationships: selection.relationships)
    }

    /// The DOT text for the nodes, relationships and paths in a query result (see
    /// ``Subgraph/init(collecting:graph:)``), coloured and sized by its columns.
    public static func export(_ graph: GraphStore, columns: [String], rows: [[Value]], options: DOTOptions = DOTOptions(),
                              style: DOTStyle = .default) throws(DOTColumnError) -> String {
        try export(graph, subgraph: Subgraph(collecting: rows, graph: graph), columns: NodeColumns(columns: columns, rows: rows),
                   options: options, style: style)
    }

    /// How many nodes an export of `subgraph` would draw (endpoints and induced included).
    public static func nodeCount(_ graph: GraphStore, subgraph: Subgraph? = nil, options: DOTOptions = DOTOptions()) -> Int {
        selection(graph, subgraph: subgraph, induced: options.induced).nodes.count
    }

    /// A warning for drawings of more than ``largeGraphNodeCount`` nodes, suggesting `sfdp` or
    /// a narrower query; `nil` when the size is fine.
    public static func sizeWarning(nodeCount: Int, layout: String = "dot") -> String? {
        guard nodeCount > largeGraphNodeCount else { return nil }
        let advice = layout == "sfdp"
            ? "consider a narrower query (for example MATCH (n {id: '...'})-[*1..2]-(m) RETURN *)"
            : "consider the sfdp layout or a narrower query (for example MATCH (n {id: '...'})-[*1..2]-(m) RETURN *)"
        return "warning: the drawing has \(nodeCount) nodes (more than \(largeGraphNodeCount)); Graphviz may be slow and the picture hard to read; \(advice)"
    }

    /// The sorted node and relationship ids to draw: live ids only, relationship endpoints
    /// added, and with `induced` every relationship among the drawn nodes.
    static func selection(_ graph: GraphStore, subgraph: Subgraph?, induced: Bool) -> (nodes: [NodeID], relationships: [RelID]) {
        guard let subgraph else { return (Array(graph.nodeIDs), Array(graph.relationshipIDs)) }
        var nodes = Set(subgraph.nodes.filter { graph.contains(node: $0) })
        var rels = Set(subgraph.relationships.filter { graph.contains(relationship: $0) })
        for r in rels {
            nodes.insert(graph.startNode(of: r))
            nodes.insert(graph.endNode(of: r))
        }
        if induced {
            for n in nodes {
                for entry in graph.adjacency(of: n, .outgoing) where nodes.contains(Int(entry.other)) {
                    rels.insert(Int(entry.rel))
                }
            }
        }
        return (nodes.sorted(), rels.sorted())
    }
}
