/// Explicit transactions: BEGIN, then queries that RUN in it, then COMMIT or ROLLBACK.
///
/// Following the Bolt specification (4.4 and 5.x): BEGIN carries the transaction's metadata
/// (`db`); each RUN inside it goes with an empty `extra` map and is answered with its `qid`;
/// PULL and DISCARD name the last query (`qid` -1). A FAILURE inside the transaction puts the
/// server in its failed state: the session sends RESET, which rolls the transaction back, and
/// ``BoltSession/inTransaction`` is false again. The caller checks ``BoltSession/inTransaction``
/// before ``begin()`` (no transaction open) and ``commit()`` / ``rollback()`` (one open).
extension BoltSession {
    /// Starts an explicit transaction in ``database`` (the server's default when nil).
    public func begin() throws(BoltError) {
        try finishOpenResult()
        var extra: BoltMap = [:]
        if let database { extra["db"] = .string(database) }
        _ = try transactionStep(.begin(extra: extra))
        inTransaction = true
    }

    /// Commits the open transaction; returns COMMIT's metadata (a `bookmark`, on Neo4j).
    /// A FAILURE (the server could not commit) ends the transaction too, rolled back.
    @discardableResult
    public func commit() throws(BoltError) -> BoltMap {
        try finishOpenResult()
        defer { inTransaction = false }
        return try transactionStep(.commit)
    }

    /// Rolls the open transaction back.
    public func rollback() throws(BoltError) {
        try finishOpenResult()
        defer { inTransaction = false }
        _ = try transactionStep(.rollback)
    }

    /// Sends one of BEGIN, COMMIT, ROLLBACK and reads its answer; after a FAILURE, RESET.
    private func transactionStep(_ request: BoltRequest) throws(BoltError) -> BoltMap {
        try send([request])
        switch try nextResponse(waitingFor: "the server's answer to \(request.name)", onInterrupt: .ignore) {
        case .success(let meta):
            return meta
        case .failure(let code, let message, _):
            try recover()
            throw .server(code: code, message: message)
        case let other:
            throw fail("a \(other.name) in answer to \(request.name)")
        }
    }
}

extension BoltSession {
    /// The column of the query ``plansExplain()`` sends.
    static let explainProbeColumn = "parley_explain_probe"

    /// Whether the server plans `EXPLAIN` statements instead of running them, asked once per
    /// connection with `EXPLAIN RETURN 1 AS parley_explain_probe`: a server that answers with
    /// that column and no plan ran it (FalkorDB 4.16 does, so an `EXPLAIN CREATE …` would
    /// write). A plan in the summary (Neo4j) or rows of another shape (a plan as rows) count
    /// as planning. When the question itself fails, the answer is yes and the real statement
    /// reports the trouble.
    public func plansExplain() -> Bool {
        if let explainsPlans { return explainsPlans }
        do {
            let result = try run("EXPLAIN RETURN 1 AS \(Self.explainProbeColumn)")
            _ = try result.all()
            let ran = result.keys == [Self.explainProbeColumn] && BoltPlan(summary: result.summary, runMetadata: result.runMetadata) == nil
            explainsPlans = !ran
            return !ran
        } catch {
            return true
        }
    }
}
