import ParleyGraph

/// A set of nodes and relationships to draw: the whole graph, or what a query returned.
public struct Subgraph: Sendable, Equatable {
    /// The nodes to draw.
    public var nodes: Set<NodeID>
    /// The relationships to draw (their endpoints are drawn too).
    public var relationships: Set<RelID>

    /// Creates a subgraph.
    public init(nodes: Set<NodeID> = [], relationships: Set<RelID> = []) {
        self.nodes = nodes
        self.relationships = relationships
    }
}

/// Options for DOT output.
public struct DOTOptions: Sendable {
    /// Also draw every relationship between two drawn nodes (`--induced`).
    public var induced = false
    /// Group nodes into clusters: `label`, or a property key such as `city`.
    public var clusterBy: String?
    /// Creates default options.
    public init() {}
}

/// Writes a graph, or part of one, as Graphviz DOT.
public enum DOTExporter {
    /// The DOT text for `subgraph` of `graph` (the whole graph when `subgraph` is nil).
    public static func export(_ graph: GraphStore, subgraph: Subgraph? = nil, options: DOTOptions = DOTOptions()) -> String {
        "digraph parley {}\n"
    }
}
