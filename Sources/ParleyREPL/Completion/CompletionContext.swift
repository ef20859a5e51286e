import ParleyGraph
import ParleyQuery

/// What completion may draw on: the live graph (or a Bolt server's schema), the parameters, the meta-commands.
public struct CompletionContext: Sendable {
    /// The session's current graph.
    public var graph: GraphStore
    /// Names of the session's parameters (without `$`).
    public var parameterNames: [String]
    /// Meta-command names, with their leading `:`.
    public var metaCommands: [String]
    /// Text of the statement typed so far on earlier lines (for multi-line statements).
    public var pendingText: String
    /// The procedures `CALL` can name (`db.labels`, `algo.pageRank`, ...) and what they yield.
    public var procedures: [ProcedureSignature]
    /// The server's labels, types and keys when the session runs on a Bolt server: completion
    /// offers these instead of the local graph's names.
    public var serverSchema: ServerSchema?

    /// Creates a context.
    public init(graph: GraphStore, parameterNames: [String] = [], metaCommands: [String] = [], pendingText: String = "",
                procedures: [ProcedureSignature] = ProcedureRegistry.standard.signatures, serverSchema: ServerSchema? = nil) {
        self.graph = graph
        self.serverSchema = serverSchema
        self.procedures = procedures
        self.parameterNames = parameterNames
        self.metaCommands = metaCommands
        self.pendingText = pendingText
    }
}
