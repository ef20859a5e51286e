import ParleyBolt

/// A Bolt server a session works on: where, as whom, in which database. Kept while the
/// connection is down, so the next statement can connect again.
struct RemoteTarget {
    var uri: BoltURI
    var credentials: BoltCredentials
    var database: String?

    /// Opens a session on the server.
    func connect() throws(BoltError) -> BoltSession {
        let session = try BoltSession.connect(to: uri, credentials: credentials, userAgent: "parley/\(Launcher.version)")
        session.database = database
        return session
    }
}
