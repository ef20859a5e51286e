import ParleyGraph
import ParleyQuery
import ParleyValues

/// What the scenario runner needs from an engine: run a query on its graph, and show the graph.
/// ``QueryEngine`` conforms; unit tests use small fakes to test the runner without an engine.
protocol TCKEngine {
    /// The graph queries read and write.
    var graph: GraphStore { get }
    /// Runs one query.
    mutating func execute(_ query: String, parameters: [String: Value], cancellation: CancellationToken) -> Result<QueryResult, QueryError>
    /// Makes a procedure callable; false when the engine has no procedures.
    mutating func register(_ procedure: Procedure) -> Bool
}

extension TCKEngine {
    /// Engines without procedures (test fakes) refuse them.
    mutating func register(_ procedure: Procedure) -> Bool { false }
}

extension QueryEngine: TCKEngine {
    mutating func register(_ procedure: Procedure) -> Bool {
        procedures.register(procedure)
        return true
    }

    mutating func execute(_ query: String, parameters: [String: Value], cancellation: CancellationToken) -> Result<QueryResult, QueryError> {
        do throws(QueryError) {
            return .success(try run(query, parameters: parameters, cancellation: cancellation))
        } catch {
            return .failure(error)
        }
    }
}
