import ParleyGraph
import ParleyQuery

/// What the scenario runner needs from an engine: run a query on its graph, and show the graph.
/// ``QueryEngine`` conforms; unit tests use small fakes to test the runner without an engine.
protocol TCKEngine {
    /// The graph queries read and write.
    var graph: GraphStore { get }
    /// Runs one query.
    mutating func execute(_ query: String, parameters: [String: Value], cancellation: CancellationToken) -> Result<QueryResult, QueryError>
}

extension QueryEngine: TCKEngine {
    mutating func execute(_ query: String, parameters: [String: Value], cancellation: CancellationToken) -> Result<QueryResult, QueryError> {
        do throws(QueryError) {
            return .success(try run(query, parameters: parameters, cancellation: cancellation))
        } catch {
            return .failure(error)
        }
    }
}
