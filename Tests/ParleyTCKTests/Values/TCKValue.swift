import ParleyGraph
import ParleyValues

/// A value in the TCK's result notation, detached from any graph: what a scenario expects, and
/// what an actual ``Value`` becomes once its nodes and relationships are read from the graph.
///
/// Comparing two `TCKValue`s (``TCKValue/matches(_:ignoringListOrder:)``) is how results are
/// checked, so actual results are converted with ``TCKValue/init(_:in:)`` first.
indirect enum TCKValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case list([TCKValue])
    case map([String: TCKValue])
    case node(TCKNode)
    case relationship(TCKRelationship)
    case path(TCKPath)
}

/// A node as the TCK writes it: `(:A:B {k: v})`. Labels are a set; their order does not matter.
struct TCKNode: Sendable, Equatable {
    var labels: [String]
    var properties: [String: TCKValue]
}

/// A relationship as the TCK writes it: `[:T {k: v}]`.
struct TCKRelationship: Sendable, Equatable {
    var type: String
    var properties: [String: TCKValue]
}

/// A path as the TCK writes it: `<(:A)-[:T]->(:B)<-[:U]-(:C)>`.
struct TCKPath: Sendable, Equatable {
    /// One hop: the relationship, whether it points along the path (`-[]->`), and the node reached.
    struct Hop: Sendable, Equatable {
        var relationship: TCKRelationship
        var forward: Bool
        var node: TCKNode
        /// A self-loop read from the graph: either written direction matches it.
        var isLoop = false
    }
    var start: TCKNode
    var hops: [Hop]
}

extension TCKValue {
    /// Reads an actual query value, looking up labels, types and properties in `graph`.
    /// Ids the graph never had give a node/relationship named `<missing N>` (never a trap).
    init(_ value: Value, in graph: GraphStore) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .float(d)
        case .string(let s): self = .string(s)
        // The TCK writes expected temporal values as their ISO text ('2015-07-21').
        case .temporal(let t): self = .string(t.description)
        case .list(let items): self = .list(items.map { TCKValue($0, in: graph) })
        case .map(let m): self = .map(m.mapValues { TCKValue($0, in: graph) })
        case .node(let id): self = .node(TCKNode(id, in: graph))
        case .relationship(let id): self = .relationship(TCKRelationship(id, in: graph))
        case .path(let p): self = .path(TCKPath(p, in: graph))
        }
    }

    /// The value as a parameter for the engine, or `nil` for graph elements (never parameters).
    var parameterValue: Value? {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let items):
            var out: [Value] = []
            for item in items {
                guard let v = item.parameterValue else { return nil }
                out.append(v)
            }
            return .list(out)
        case .map(let m):
            var out: [String: Value] = [:]
            for (k, item) in m {
                guard let v = item.parameterValue else { return nil }
                out[k] = v
            }
            return .map(out)
        case .node, .relationship, .path: return nil
        }
    }
}

extension TCKNode {
    /// The labels and properties of node `id` in `graph`.
    init(_ id: NodeID, in graph: GraphStore) {
        guard id >= 0, id < graph.nodeCapacity else {
            self.init(labels: ["<missing \(id)>"], properties: [:])
            return
        }
        self.init(labels: graph.labels(of: id).sorted(), properties: graph.properties(of: id).mapValues { TCKValue($0, in: graph) })
    }
}

extension TCKRelationship {
    /// The type and properties of relationship `id` in `graph`.
    init(_ id: RelID, in graph: GraphStore) {
        guard id >= 0, id < graph.relationshipCapacity else {
            self.init(type: "<missing \(id)>", properties: [:])
            return
        }
        self.init(type: graph.type(of: id), properties: graph.properties(ofRelationship: id).mapValues { TCKValue($0, in: graph) })
    }
}

extension TCKPath {
    /// The nodes and relationships of `path`; a hop is forward when its relationship starts at
    /// the node before it.
    init(_ path: Path, in graph: GraphStore) {
        let start = path.nodes.first.map { TCKNode($0, in: graph) } ?? TCKNode(labels: ["<empty path>"], properties: [:])
        var hops: [Hop] = []
        for (i, rel) in path.relationships.enumerated() {
            let from = i < path.nodes.count ? path.nodes[i] : -1
            let to = i + 1 < path.nodes.count ? path.nodes[i + 1] : -1
            let known = rel >= 0 && rel < graph.relationshipCapacity
            let forward = known ? graph.startNode(of: rel) == from : true
            let isLoop = known && graph.startNode(of: rel) == graph.endNode(of: rel)
            hops.append(Hop(relationship: TCKRelationship(rel, in: graph), forward: forward, node: TCKNode(to, in: graph), isLoop: isLoop))
        }
        self.init(start: start, hops: hops)
    }
}
