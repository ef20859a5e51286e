import Foundation
import ParleyGraph

/// The mutable state of one query execution: the graph being read and written, the current
/// row (one value per slot), statistics, cancellation and caches.
final class ExecutionContext {
    /// The graph; write operators mutate it, and the engine commits it only on success.
    @exclusivity(unchecked) var graph: GraphStore
    /// The current row; operators read and write slots in place.
    @exclusivity(unchecked) var row: [Value]
    /// Polled every 1024 steps.
    let cancellation: CancellationToken?
    /// Counts work for cancellation polling.
    @exclusivity(unchecked) var steps = 0
    /// What writes did.
    @exclusivity(unchecked) var statistics = QueryStatistics()
    /// Whether operators record time (PROFILE).
    let profiling: Bool
    /// Compiled regular expressions by pattern.
    var regexCache: [String: NSRegularExpression] = [:]
    /// Nodes and relationships deleted by this query (for DeletedEntityAccess checks).
    var deletedSomething = false

    /// Creates a context for a query using `slotCount` slots.
    init(graph: GraphStore, slotCount: Int, cancellation: CancellationToken?, profiling: Bool) {
        self.graph = graph
        self.row = [Value](repeating: .null, count: slotCount)
        self.cancellation = cancellation
        self.profiling = profiling
    }

    /// Counts one unit of work; every 1024 units, checks for cancellation.
    @inline(__always) func tick() throws(QueryError) {
        steps &+= 1
        if steps & 1023 == 0 { try checkCancelled() }
    }

    /// Throws `Cancelled` if the token was cancelled.
    func checkCancelled() throws(QueryError) {
        if let cancellation, cancellation.isCancelled {
            throw QueryError(.runtime, "Cancelled", "Query cancelled")
        }
    }
}

/// Helpers to raise runtime errors.
enum RuntimeError {
    /// A TypeError with a TCK detail.
    static func type(_ detail: String, _ message: String, _ range: SourceRange? = nil) -> QueryError {
        QueryError(.runtime, "TypeError", detail: detail, message, at: range)
    }

    /// An ArgumentError with a TCK detail.
    static func argument(_ detail: String, _ message: String, _ range: SourceRange? = nil) -> QueryError {
        QueryError(.runtime, "ArgumentError", detail: detail, message, at: range)
    }
}
