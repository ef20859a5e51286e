import ParleyBolt
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues

/// The graph formats over Bolt: `--format dot` (and the graph-document formats), `:export` and
/// `:render` draw the nodes, relationships and paths a server query returns, from the scratch
/// store ``BoltMaterializer`` fills; without a query, the server's whole graph.
extension Session {
    /// Runs `query` on the server and keeps its whole result with the store its values name.
    /// Relationships whose ends the query did not return bring them along (one more query),
    /// so a drawing shows them with their labels. Nil, with the error printed, when it fails.
    func remoteGraphResult(_ query: String) -> (result: QueryResult, graph: GraphStore)? {
        guard let bolt = liveRemote() else { return nil }
        return withRemoteInterrupts(bolt) { () throws(BoltError) -> (result: QueryResult, graph: GraphStore) in
            var materializer = BoltMaterializer()
            var parameters = BoltMap()
            for name in self.parameters.keys.sorted() {
                parameters[name] = try BoltValue(parameter: self.parameters[name]!)
            }
            let result = try bolt.run(query, parameters: parameters)
            var rows: [[Value]] = []
            while let record = try result.next() { rows.append(try materializer.row(record)) }
            let summary = result.summary
            noteRemoteWrite(summary)
            try fillEnds(&materializer, bolt)
            let statistics = Self.statistics(summary) ?? QueryStatistics()
            return (QueryResult(columns: result.keys, rows: rows, statistics: statistics), materializer.graph)
        }
    }

    /// The server's whole graph (every node, then every relationship), for `:export` and
    /// `:render` without a query. Nil, with the error printed, when it fails.
    func remoteWholeGraph() -> GraphStore? {
        guard let bolt = liveRemote() else { return nil }
        return withRemoteInterrupts(bolt) { () throws(BoltError) -> GraphStore in
            try Launcher.pullGraph(from: bolt, query: nil, showsProgress: showsProgress)
        }
    }

    /// `--format dot` (or a graph-document format) on a server: the statement's result drawn
    /// from its scratch store.
    func runRemoteGraphQuery(_ text: String, origin: StatementOrigin) -> Bool {
        let clock = ContinuousClock()
        let started = clock.now
        guard let (result, graph) = remoteGraphResult(text) else { return false }
        return present(result, elapsed: clock.now - started, origin: origin, graph: graph)
    }

    /// The DOT text of what `query` returns on the server (the whole server graph when
    /// `query` is empty), coloured and sized by its columns as locally; nil, error printed.
    func remoteDOTText(query: String, origin: StatementOrigin) -> String? {
        guard !query.isEmpty else {
            guard let graph = remoteWholeGraph() else { return nil }
            return try? dotText(for: nil, graph: graph)
        }
        guard let (result, graph) = remoteGraphResult(query) else { return nil }
        return dotText(for: result, origin: origin, graph: graph)
    }

    /// The graph `:export` writes on a server: what `query` returns (its nodes, relationships
    /// and paths, with the ends of its relationships), or the whole server graph.
    func remoteExportGraph(query: String) -> GraphStore? {
        guard !query.isEmpty else { return remoteWholeGraph() }
        guard let (result, graph) = remoteGraphResult(query) else { return nil }
        return Interchange.extract(Subgraph(collecting: result.rows, graph: graph), from: graph)
    }

    /// Runs `body` on `bolt` with Ctrl-C sending RESET; a failure is printed, and a connection
    /// that cannot go on is closed (the next statement connects again). Nil when it failed.
    private func withRemoteInterrupts<T>(_ bolt: BoltSession, _ body: () throws(BoltError) -> T) -> T? {
        bolt.shouldInterrupt = catchesInterrupts ? { [cancellation] in
            guard cancellation.isCancelled else { return false }
            cancellation.reset()
            return true
        } : nil
        bolt.onInterruptSent = catchesInterrupts ? { [weak self] in
            self?.error("note: RESET sent; waiting for the server to stop the query (Ctrl-C again closes the connection).")
        } : nil
        defer {
            bolt.shouldInterrupt = nil
            bolt.onInterruptSent = nil
        }
        let wasInTransaction = bolt.inTransaction
        do throws(BoltError) {
            return try body()
        } catch {
            reportRemote(error)
            if wasInTransaction && !bolt.inTransaction && !bolt.isBroken {
                self.error("note: the transaction was rolled back (Parley sent RESET after the error); statements run in autocommit again, :begin starts a new one.")
            }
            if !error.isRecoverable {
                bolt.close()
                remote = nil
                if interactive { self.error("note: the connection is closed; the next statement connects again.") }
            }
            return nil
        }
    }

    /// Fetches the nodes that relationships in a result end at but the result did not return,
    /// so they are drawn with their labels and properties.
    private func fillEnds(_ materializer: inout BoltMaterializer, _ bolt: BoltSession) throws(BoltError) {
        let missing = materializer.unseenNodes.values.sorted()
        guard !missing.isEmpty else { return }
        let result = try bolt.run("MATCH (n) WHERE id(n) IN $ids RETURN n", parameters: ["ids": .list(missing.map { .int($0) })])
        while let record = try result.next() {
            for value in record { _ = try materializer.value(value) }
        }
    }
}
