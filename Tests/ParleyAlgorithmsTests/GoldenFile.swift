import Foundation
import Testing

/// A golden file written by `scripts/goldens/goldens.py`: a graph, its node ids in file order,
/// and NetworkX's answer to each call of an `algo.*` procedure on it.
struct GoldenFile: Decodable, Sendable {
    /// The graph file, relative to the package root.
    var graph: String
    /// A Cypher statement to run on the loaded graph first (the bundled graph gets its
    /// relationships' `weight` this way).
    var prepare: String?
    /// The NetworkX version that answered.
    var networkx: String
    /// The JSON node ids in file order; per-node answers are aligned with them.
    var nodes: [String]
    /// The calls and their answers.
    var cases: [GoldenCase]
}

/// One call of an `algo.*` procedure and NetworkX's answer; which fields are set depends on
/// `kind` (see scripts/goldens/README.md).
struct GoldenCase: Decodable, Sendable {
    /// How the answer is compared.
    enum Kind: String, Decodable, Sendable, CaseIterable {
        /// A number per node (`values`, null where the call yields no row).
        case values
        /// Components: the same partition as `values` (NetworkX's component of each node).
        case partition
        /// Louvain: a partition whose modularity is close to NetworkX's Louvain's.
        case louvain
        /// Label propagation: a partition, the same for the same seed.
        case labelPropagation
        /// A set of nodes (`members`).
        case nodes
        /// A set of node pairs (`pairs`), one relationship each.
        case bridges
        /// Every shortest path: `count`, `length`, and the node sequences (`paths`) when few.
        case shortestPaths
        /// The cheapest path's `cost` (null: no path).
        case dijkstra
    }

    /// What the case checks, e.g. "betweenness out not normalized".
    var name: String
    /// The procedure without `algo.`.
    var procedure: String
    var kind: Kind
    /// The call as Cypher, e.g. `algo.bfs(s, {maxDepth: 2})`; `s` and `t` are the source and
    /// target nodes.
    var call: String
    /// The source node's id (its JSON `id`).
    var source: String?
    /// The target node's id.
    var target: String?
    /// The YIELD column compared.
    var column: String?
    /// NetworkX's value per node, aligned with ``GoldenFile/nodes``.
    var values: [Double?]?
    /// Louvain: the relationship property weighting modularity (none: every relationship 1).
    var weightProperty: String?
    /// Louvain: the resolution γ.
    var resolution: Double?
    /// Louvain: the modularity of NetworkX's Louvain partition (null for a graph without relationships).
    var modularity: Double?
    /// Louvain: NetworkX's community of each node, aligned with ``GoldenFile/nodes``.
    var partition: [Int?]?
    /// Articulation points.
    var members: [String]?
    /// Bridges, as the ids of their two ends.
    var pairs: [[String]]?
    /// Shortest paths: how many, how long, and which (when there are few).
    var count: Int?
    var length: Int?
    var paths: [[String]]?
    /// Dijkstra: the cheapest cost.
    var cost: Double?
}

/// One case of one golden file, as a test argument.
struct GoldenCall: Sendable, CustomTestStringConvertible {
    /// The golden file's name without `.json` (its graph's name).
    var graph: String
    /// The graph file, relative to the package root.
    var graphPath: String
    /// The graph's node ids in file order.
    var nodes: [String]
    /// The call and its answer.
    var golden: GoldenCase

    var testDescription: String { "\(graph): \(golden.name)" }
}
