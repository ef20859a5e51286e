/// `neo4j://`: ask the server named in the URI for its routing table and run statements on a
/// writer, as cypher-shell does (its default access mode is WRITE).
extension BoltSession {
    /// Sends ROUTE and reads the table; nil when the server answers with FAILURE (it does not
    /// route), after which the session has been reset and goes on.
    public func fetchRoutingTable() throws(BoltError) -> BoltRoutingTable? {
        var extra: BoltMap = [:]
        if let database { extra["db"] = .string(database) }
        try send([.route(routing: ["address": .string(uri.address)], bookmarks: [], extra: extra)])
        switch try nextResponse(waitingFor: "the server's routing table (ROUTE)", onInterrupt: .ignore) {
        case .success(let meta):
            do { return try BoltRoutingTable(success: meta) } catch { throw fail(error) }
        case .failure(let code, let message, _):
            try recover()
            routingNote = "\(uri) does not route (it answered ROUTE with \(code): \(message)); statements run on \(uri.address) directly"
            return nil
        case let other:
            throw fail("a \(other.name) in answer to ROUTE")
        }
    }

    /// Asks for the routing table and returns the session statements should run on: this one
    /// when it is the writer (or the server does not route), else a new one on the first writer
    /// that can be reached (this one is then closed). A table that names one server for every
    /// role describes the server that answered (under the address it advertises, which may be
    /// unreachable from here: FalkorDB always names `localhost:7687`), so this one stays.
    public func followRoutingTable(credentials: BoltCredentials, userAgent: String, tls: BoltTLSOptions) throws(BoltError) -> BoltSession {
        let table: BoltRoutingTable
        do {
            guard let fetched = try fetchRoutingTable() else { return self }
            table = fetched
        } catch {
            close()
            throw error
        }
        routingTable = table
        guard !table.writers.isEmpty else {
            close()
            throw .routingFailed(router: uri.description, reason: "its routing table names no writer (the cluster may be electing a leader; try again, or connect to a server with bolt://)")
        }
        if table.isAnsweringServerWriter(reachedAt: BoltRoutingTable.Address(host: uri.host, port: uri.port)) { return self }
        var failures: [String] = []
        for writer in table.writers {
            do {
                let session = try BoltSession.open(uri.at(host: writer.host, port: writer.port), credentials: credentials, userAgent: userAgent, tls: tls)
                session.database = database
                session.routingTable = table
                session.routedVia = uri
                close()
                return session
            } catch {
                failures.append("\(writer): \(error.description)")
            }
        }
        close()
        throw .routingFailed(router: uri.description, reason: "no writer in its routing table could be reached (\(failures.joined(separator: "; ")))")
    }
}
