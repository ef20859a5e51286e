import ParleyGraph

/// The public entry point of the query language: compiles and runs openCypher text on a graph.
///
/// ```swift
/// var engine = QueryEngine(graph: store)
/// let result = try engine.run("MATCH (s:State)-[:HOSTED]->(t:Talk) RETURN s.name, t.name")
/// ```
///
/// A query that fails leaves ``graph`` exactly as it was before the query.
public struct QueryEngine: Sendable {
    /// The graph queries read and write.
    public var graph: GraphStore
    /// Limits that stop runaway queries (0 = unlimited).
    public var maxRows: Int = 0

    /// Creates an engine over `graph`.
    public init(graph: GraphStore) {
        self.graph = graph
    }

    /// Compiles and runs one statement (a trailing `;` is allowed).
    ///
    /// - Parameters:
    ///   - query: the openCypher text; `EXPLAIN` and `PROFILE` prefixes are understood.
    ///   - parameters: values for `$name` parameters.
    ///   - cancellation: polled during execution; when cancelled the query throws a
    ///     `Cancelled` error and the graph is left unchanged.
    public mutating func run(_ query: String, parameters: [String: Value] = [:], cancellation: CancellationToken? = nil) throws(QueryError) -> QueryResult {
        throw QueryError(.compileTime, "SyntaxError", "the query engine is not built yet")
    }
}
