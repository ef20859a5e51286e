import ParleyGraph
import ParleyValues

/// What the node-link and JGF writers share: the order of keys, the properties they refuse,
/// and the count of nodes that get a generated id.
enum JSONFormWriting {
    /// The position of each key id in the name-sorted order of keys.
    static func keyRanks(_ graph: GraphStore) -> [Int] {
        let order = (0..<graph.keys.count).sorted { graph.keys.names[$0] < graph.keys.names[$1] }
        var rank = [Int](repeating: 0, count: graph.keys.count)
        for (r, key) in order.enumerated() { rank[key] = r }
        return rank
    }

    /// Throws when a property holds NaN or an infinity, which JSON cannot hold.
    static func checkWritable(_ graph: GraphStore) throws(GraphFileError) {
        if let problem = GraphFile.unwritableProperty(in: graph) {
            throw GraphFileError(path: "", diagnostic: Diagnostic(.error, "cannot write: \(problem), which JSON cannot hold"))
        }
    }

    /// The name each key is written under on nodes (`onNodes`) or relationships: its own,
    /// except the `reserved` names the format uses itself, which get `_` appended until the
    /// name is free (`source` → `source_`). Returns the names by key id and the renames made
    /// (written name → property name), counting the values renamed into `count`.
    static func names(_ graph: GraphStore, reserved: [String], onNodes: Bool, count: inout Int) -> (names: [String], renamed: [String: String]) {
        var names = graph.keys.names
        var renamed: [String: String] = [:]
        for name in reserved {
            guard let key = graph.keys.id(of: name) else { continue }
            var uses = 0
            if onNodes {
                for n in graph.nodeIDs where !graph.property(of: n, key).isNull { uses += 1 }
            } else {
                for r in graph.relationshipIDs where !graph.property(of: r, relationshipKey: key).isNull { uses += 1 }
            }
            guard uses > 0 else { continue }
            var written = name + "_"
            while graph.keys.id(of: written) != nil || reserved.contains(written) { written += "_" }
            names[Int(key)] = written
            renamed[written] = name
            count += uses
        }
        return (names, renamed)
    }

    /// How many nodes are written with an id other than their `id` property (none, not a
    /// string, empty, or used by an earlier node).
    static func renamedNodes(_ graph: GraphStore, _ fileIDs: [String]) -> Int {
        guard let idKey = graph.keys.id(of: GraphStore.idKey) else { return graph.nodeCount }
        var count = 0
        for n in graph.nodeIDs {
            if case .string(let s) = graph.property(of: n, idKey), s == fileIDs[n] { continue }
            count += 1
        }
        return count
    }
}
