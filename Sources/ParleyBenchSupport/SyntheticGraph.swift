/// A synthetic "diplomacy" property graph for benchmarks: `nodes` nodes labelled State,
/// Organization, Person and Talk, `edges` relationships of six types whose endpoints follow
/// Zipf-like activity weights, made from a seed. The same (nodes, edges, seed) gives the same
/// graph on every run; `write(to:)` writes it as Parley's JSON, CSV for Kùzu, params.json and
/// manifest.json.
public struct SyntheticGraph: Sendable {
    /// The number of nodes.
    public let nodeCount: Int
    /// The number of relationships.
    public let edgeCount: Int
    /// The seed the graph was made from.
    public let seed: UInt64
    /// The number of nodes of each label (in `SyntheticGraphSpec.labels` order).
    let labelCounts: [Int]
    /// The global index of each label's first node.
    let offsets: [Int]
    /// Each label's property columns (in `SyntheticGraphSpec.nodeColumns` order).
    let nodeProperties: [[SyntheticColumn]]
    /// The relationships, HOSTED first and then the drawn types in drawing order.
    let relationships: [SyntheticRelationships]

    /// Makes the graph; throws if it cannot hold `edges` distinct relationships or has a label
    /// with no nodes.
    public init(nodes: Int, edges: Int, seed: UInt64) throws(SyntheticGraphError) {
        guard nodes > 0, edges >= 0 else { throw .badSize(nodes: nodes, edges: edges) }
        nodeCount = nodes
        edgeCount = edges
        self.seed = seed
        let spec = SyntheticGraphSpec.self
        let counts = spec.labelCounts(nodes: nodes)
        if let empty = counts.firstIndex(of: 0) { throw .emptyLabel(spec.labels[empty], nodes: nodes) }
        labelCounts = counts
        var start = 0
        offsets = counts.map { count in
            defer { start += count }
            return start
        }
        var random = SyntheticRandom(seed: seed)
        nodeProperties = SyntheticNodeProperties.make(counts: counts, random: &random)
        let activity = counts.map { WeightedSampler.activity($0, &random) }

        var groups: [SyntheticRelationships] = []
        let hosted = spec.hostedCount(edges: edges, talks: counts[spec.talk])
        let talks = random.distinctSorted(hosted, of: counts[spec.talk])
        var host = SyntheticRelationships(type: "HOSTED", from: spec.state, to: spec.talk, property: nil)
        for talk in talks {
            host.append(source: offsets[spec.state] + activity[spec.state].sample(&random), target: offsets[spec.talk] + talk)
        }
        groups.append(host)
        let typeCounts = spec.split(edges - hosted, by: spec.relationshipTypes.map(\.share))
        for (type, typeCount) in zip(spec.relationshipTypes, typeCounts) {
            let pairCounts = spec.split(typeCount, by: type.pairs.map(\.share))
            for (pair, count) in zip(type.pairs, pairCounts) {
                var group = SyntheticRelationships(type: type.name, from: pair.from, to: pair.to, property: type.property)
                try group.draw(
                    count, from: activity[pair.from], offset: offsets[pair.from], to: activity[pair.to], offset: offsets[pair.to],
                    random: &random)
                groups.append(group)
            }
        }
        relationships = groups
    }

    /// The number of nodes labelled `label` (0 for a label the graph does not have).
    public func nodeCount(ofLabel label: String) -> Int {
        SyntheticGraphSpec.labels.firstIndex(of: label).map { labelCounts[$0] } ?? 0
    }
}

/// Why a synthetic graph cannot be made.
public enum SyntheticGraphError: Error, Equatable, CustomStringConvertible {
    /// No nodes or a negative edge count.
    case badSize(nodes: Int, edges: Int)
    /// So few nodes that a label gets none.
    case emptyLabel(String, nodes: Int)
    /// More relationships of a type and endpoint labels than distinct pairs exist.
    case tooDense(type: String, count: Int, pairs: Int)
    /// The skewed draw kept hitting pairs already taken.
    case notConverging(type: String)
    /// A file could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .badSize(let nodes, let edges): "need at least one node and no negative edge count (got --nodes \(nodes) --edges \(edges))"
        case .emptyLabel(let label, let nodes): "\(nodes) nodes give no \(label) node; use --nodes 20 or more"
        case .tooDense(let type, let count, let pairs): "cannot place \(count) distinct \(type) relationships among \(pairs) endpoint pairs; lower --edges"
        case .notConverging(let type): "drawing \(type) relationships did not converge (graph too dense for its skew); lower --edges"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
