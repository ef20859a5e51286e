import ParleyAlgorithms
import ParleyGraph
import ParleyValues

/// What a procedure's implementation may use besides its arguments: the graph, the query's
/// cancellation (Ctrl-C) and its budget, and where its arguments are written.
public struct ProcedureContext: @unchecked Sendable {
    /// The graph as the query sees it at the call.
    public let graph: GraphStore
    /// The running query (nil when a procedure is called outside one, as in tests).
    let execution: ExecutionContext?
    /// The CALL step, for budget errors.
    let step: Operator?
    /// Where each argument is written, in parameter order (fewer when defaults were used).
    let argumentRanges: [SourceRange]
    /// Where the call is written.
    let callRange: SourceRange?

    /// A context on `graph` alone: never cancelled, no budget.
    public init(graph: GraphStore) {
        self.init(graph: graph, execution: nil, step: nil, argumentRanges: [], callRange: nil)
    }

    init(graph: GraphStore, execution: ExecutionContext?, step: Operator?, argumentRanges: [SourceRange], callRange: SourceRange?) {
        self.graph = graph
        self.execution = execution
        self.step = step
        self.argumentRanges = argumentRanges
        self.callRange = callRange
    }

    /// Whether the user asked the query to stop.
    public var isCancelled: Bool { execution?.cancellation?.isCancelled ?? false }

    /// A checkpoint that long computations poll to stop on Ctrl-C.
    public var checkpoint: Checkpoint {
        guard let token = execution?.cancellation else { return .never }
        return Checkpoint { token.isCancelled }
    }

    /// Throws `Cancelled` if the user asked the query to stop.
    public func checkCancelled() throws(QueryError) {
        try execution?.checkCancelled()
    }

    /// The most rows one step may produce (0: no limit).
    public var rowLimit: Int { execution?.budget.maxRows ?? 0 }

    /// Counts `bytes` the procedure is about to hold against the query's memory budget;
    /// throws `ResourceLimit` when they do not fit. Give them back with ``release(bytes:)``.
    public func reserve(bytes: Int) throws(QueryError) {
        guard let execution, execution.tracksMemory else { return }
        try execution.charge(bytes, by: step)
    }

    /// Returns `bytes` reserved with ``reserve(bytes:)``.
    public func release(bytes: Int) {
        guard let execution, execution.tracksMemory else { return }
        execution.memoryHeld -= bytes
    }

    /// Where argument `index` is written (the call itself when it was left out).
    public func range(ofArgument index: Int) -> SourceRange? {
        index < argumentRanges.count ? argumentRanges[index] : callRange
    }
}
