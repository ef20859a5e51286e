import ParleyGraph
import ParleyValues

/// Reads a server's graph, or the nodes and relationships a query returns, into a local
/// ``GraphStore`` (docs/bolt.md, "Moving graphs").
///
/// Nodes keep their labels and properties, the `id` property among them, so a graph pushed
/// with ``GraphPusher`` comes back with the ids it had; the key a push gives relationships
/// (``GraphPusher/relationshipKey``) is dropped. A relationship whose ends a query did not
/// return brings them along. Values the store has no type for arrive as the
/// ``BoltMaterializer`` turns them (a point as its Cypher text).
public enum GraphPuller {
    /// The whole graph (`query` nil) or what `query` returns; `progress` gets the number of
    /// records read so far.
    public static func pull(
        from session: BoltSession, query: String? = nil, parameters: BoltMap = [:], progress: ((Int) -> Void)? = nil
    ) throws(BoltError) -> GraphStore {
        var materializer = BoltMaterializer()
        var records = 0
        func read(_ text: String, _ params: BoltMap) throws(BoltError) {
            let result = try session.run(text, parameters: params)
            while let row = try result.next() {
                for value in row { _ = try materializer.value(value) }
                records += 1
                progress?(records)
            }
        }
        if let query {
            try read(query, parameters)
        } else {
            try read("MATCH (n) RETURN n", [:])
            try read("MATCH ()-[r]->() RETURN r", [:])
        }
        let missing = materializer.unseenNodes.values.sorted()
        if !missing.isEmpty {
            try read("MATCH (n) WHERE id(n) IN $ids RETURN n", ["ids": .list(missing.map { .int($0) })])
        }
        var graph = materializer.graph
        for r in Array(graph.relationshipIDs) {
            _ = try? graph.setProperty(relationship: r, GraphPusher.relationshipKey, .null)
        }
        return graph
    }
}
