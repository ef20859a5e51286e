import ParleyGraph

/// What a session keeps about the Bolt server it runs on, beyond the connection: the server's
/// schema for completion and the scratch store of the last result (`:last` draws from it).
struct RemoteCache {
    /// The labels, types and keys last fetched from the server; nil before the first fetch.
    var schema: ServerSchema?
    /// Whether ``schema`` may be out of date (a write ran, the connection was made again).
    var schemaStale = true
    /// The schema procedures the server lacks: not asked again on this connection's server.
    var missingProcedures: Set<String> = []
    /// The store the values of ``Session/lastResult`` name, when that result came from a server.
    var lastGraph: GraphStore?
}
