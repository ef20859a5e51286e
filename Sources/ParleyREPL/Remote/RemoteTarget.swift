import ParleyBolt

/// A Bolt server a session works on: where, as whom, in which database, trusting what. Kept
/// while the connection is down, so the next statement can connect again.
struct RemoteTarget {
    var uri: BoltURI
    var credentials: BoltCredentials
    var database: String?
    /// What TLS trusts beyond the system's authorities (`--trust-ca`).
    var tls = BoltTLSOptions()

    /// Opens a session on the server (for `neo4j://`, on the writer its routing table names);
    /// a `neo4j://` server that does not route is used directly, with a note on standard error.
    func connect() throws(BoltError) -> BoltSession {
        let session = try BoltSession.connect(to: uri, credentials: credentials, userAgent: "parley/\(Launcher.version)", tls: tls, database: database)
        if let note = session.routingNote { FileOutput.standardError.write("note: \(note).\n") }
        return session
    }
}
