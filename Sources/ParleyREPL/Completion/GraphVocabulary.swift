import ParleyGraph
import ParleyValues

/// The names a graph offers to completion: labels, relationship types, property keys and the
/// string values of properties.
///
/// Scans are bounded (`sampleLimit` entities per question) so Tab stays instant on big graphs.
/// On a Bolt server (`server` set) the names are the server's, and there are no per-label keys
/// or string values (the local graph is not the one queried).
struct GraphVocabulary {
    /// The graph asked.
    let graph: GraphStore
    /// The server's names, when the session runs on a Bolt server.
    var server: ServerSchema?
    /// The most nodes or relationships looked at to answer one question.
    var sampleLimit = 200_000

    /// Labels in use, sorted.
    var labels: [String] { server?.labels ?? graph.labelCounts.map(\.label).sorted() }

    /// Relationship types in use, sorted.
    var types: [String] { server?.types ?? graph.typeCountsByName.map(\.type).sorted() }

    /// Every property key name, sorted.
    var allKeys: [String] { server?.keys ?? Array(Set(graph.keys.names)).sorted() }

    /// Keys found on nodes carrying all of `labels` (sorted), or nil when no such node exists.
    func nodeKeys(labels names: [String]) -> [String]? {
        guard server == nil else { return nil }
        let ids = names.compactMap { graph.labels.id(of: $0) }
        guard ids.count == names.count, let first = ids.first else { return nil }
        var keys = Set<Int32>()
        var seen = 0
        for node in graph.nodes(withLabel: first) {
            let id = NodeID(node)
            guard graph.contains(node: id), ids.allSatisfy({ graph.hasLabel(id, $0) }) else { continue }
            for pair in graph.propertyPairs(of: id) { keys.insert(pair.key) }
            seen += 1
            if seen >= sampleLimit { break }
        }
        guard seen > 0 else { return nil }
        return keys.map { graph.keys.name($0) }.sorted()
    }

    /// Keys found on relationships of type `type` (sorted), or nil when there are none.
    func relationshipKeys(type name: String) -> [String]? {
        guard server == nil else { return nil }
        guard let type = graph.types.id(of: name) else { return nil }
        var keys = Set<Int32>()
        var seen = 0
        var looked = 0
        for rel in graph.relationshipIDs {
            looked += 1
            if looked > sampleLimit { break }
            guard graph.typeID(of: rel) == type else { continue }
            for pair in graph.propertyPairs(ofRelationship: rel) { keys.insert(pair.key) }
            seen += 1
        }
        guard seen > 0 else { return nil }
        return keys.map { graph.keys.name($0) }.sorted()
    }

    /// The distinct string values of properties `keys` on nodes (then relationships), in the
    /// order first met.
    func stringValues(keys names: [String]) -> [String] {
        guard server == nil else { return [] }
        let ids = names.compactMap { graph.keys.id(of: $0) }
        guard !ids.isEmpty else { return [] }
        var values: [String] = []
        var seen = Set<String>()
        var looked = 0
        func collect(_ value: Value) {
            if case .string(let s) = value, !s.isEmpty, seen.insert(s).inserted { values.append(s) }
        }
        for node in graph.nodeIDs {
            looked += 1
            if looked > sampleLimit { break }
            for key in ids { collect(graph.property(of: node, key)) }
        }
        looked = 0
        for rel in graph.relationshipIDs {
            looked += 1
            if looked > sampleLimit { break }
            for key in ids { collect(graph.property(of: rel, relationshipKey: key)) }
        }
        return values
    }
}
