import ParleyGraph
import ParleyValues

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

    /// Collects every node, relationship and path in query result rows, looking inside lists
    /// and maps at any depth; a relationship brings its two endpoints. Elements that are no longer in `graph` (deleted) are skipped.
    public init(collecting rows: [[Value]], graph: GraphStore) {
        self.init()
        for row in rows {
            for value in row { collect(value, graph) }
        }
    }

    /// Whether nothing is to be drawn.
    public var isEmpty: Bool { nodes.isEmpty && relationships.isEmpty }

    private mutating func collect(_ value: Value, _ graph: GraphStore) {
        switch value {
        case .node(let n):
            if graph.contains(node: n) { nodes.insert(n) }
        case .relationship(let r):
            guard graph.contains(relationship: r) else { return }
            relationships.insert(r)
            nodes.insert(graph.startNode(of: r))
            nodes.insert(graph.endNode(of: r))
        case .path(let p):
            for n in p.nodes where graph.contains(node: n) { nodes.insert(n) }
            for r in p.relationships { collect(.relationship(r), graph) }
        case .list(let items):
            for item in items { collect(item, graph) }
        case .map(let entries):
            for item in entries.values { collect(item, graph) }
        case .null, .bool, .int, .double, .string, .temporal:
            break
        }
    }
}
