import ParleyGraph
import ParleyValues

/// Finding the properties JSON cannot hold, and naming them the way the user knows them.
extension GraphFile {
    /// The first property holding NaN or an infinity (alone or in a list), described for a
    /// message: `node 'kz' property 'score' is NaN`, or nil when every property can be written.
    ///
    /// Nodes are named by their `id` property, relationships by their type and the `id`s of
    /// their ends; internal ids are never shown.
    static func unwritableProperty(in graph: GraphStore) -> String? {
        for n in graph.nodeIDs {
            for (key, value) in graph.propertyPairs(of: n) {
                if let problem = describe(value) {
                    return "\(nodeName(n, in: graph)) property '\(graph.keys.name(key))' \(problem)"
                }
            }
        }
        for r in graph.relationshipIDs {
            for (key, value) in graph.propertyPairs(ofRelationship: r) {
                if let problem = describe(value) {
                    let start = endName(graph.startNode(of: r), in: graph), end = endName(graph.endNode(of: r), in: graph)
                    return "relationship \(start)-[:\(graph.type(of: r))]->\(end) property '\(graph.keys.name(key))' \(problem)"
                }
            }
        }
        return nil
    }

    /// `is NaN`, `is Infinity`, `holds -Infinity in a list`, or nil for a value JSON can hold.
    static func describe(_ value: Value) -> String? {
        switch value {
        case .double(let d) where !d.isFinite: return "is \(word(d))"
        case .list(let items):
            for case .double(let d) in items where !d.isFinite { return "holds \(word(d)) in a list" }
            return nil
        default: return nil
        }
    }

    /// `NaN`, `Infinity` or `-Infinity` (never the C library's `-nan`).
    static func word(_ d: Double) -> String {
        d.isNaN ? "NaN" : (d < 0 ? "-Infinity" : "Infinity")
    }

    /// `node 'kz'`; `node with id 5` for a non-string id; `:Person node without an id`.
    static func nodeName(_ n: NodeID, in graph: GraphStore) -> String {
        switch graph.property(of: n, named: GraphStore.idKey) {
        case .string(let id): return "node '\(id)'"
        case .null:
            let labels = graph.labels(of: n)
            return labels.isEmpty ? "a node without an id or labels" : labels.map { ":" + $0 }.joined() + " node without an id"
        case let other: return "node with id \(other.jsonText(in: nil))"
        }
    }

    /// A relationship's end as in `'kz'-[:MET]->'ru'`; `(:Person node without an id)` when it has no id.
    static func endName(_ n: NodeID, in graph: GraphStore) -> String {
        switch graph.property(of: n, named: GraphStore.idKey) {
        case .string(let id): return "'\(id)'"
        default: return "(\(nodeName(n, in: graph)))"
        }
    }
}
