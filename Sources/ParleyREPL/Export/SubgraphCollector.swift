import ParleyGraph
import ParleyIO

/// Gathers the nodes and relationships a query returned (also inside lists, maps and paths),
/// for DOT export of a result.
enum SubgraphCollector {
    /// The subgraph of every node, relationship (with its endpoints) and path in `rows`.
    static func collect(_ rows: [[Value]], graph: GraphStore) -> Subgraph {
        var subgraph = Subgraph()
        for row in rows {
            for value in row { add(value, graph: graph, to: &subgraph) }
        }
        return subgraph
    }

    /// Adds the graph elements inside `value` to `subgraph`.
    static func add(_ value: Value, graph: GraphStore, to subgraph: inout Subgraph) {
        switch value {
        case .node(let n):
            if graph.contains(node: n) { subgraph.nodes.insert(n) }
        case .relationship(let r):
            guard graph.contains(relationship: r) else { return }
            subgraph.relationships.insert(r)
            subgraph.nodes.insert(graph.startNode(of: r))
            subgraph.nodes.insert(graph.endNode(of: r))
        case .path(let p):
            for n in p.nodes { add(.node(n), graph: graph, to: &subgraph) }
            for r in p.relationships { add(.relationship(r), graph: graph, to: &subgraph) }
        case .list(let items):
            for item in items { add(item, graph: graph, to: &subgraph) }
        case .map(let map):
            for item in map.values { add(item, graph: graph, to: &subgraph) }
        default:
            break
        }
    }
}
