/// The records of one query, fetched from the server in batches of the session's fetch size as
/// they are read: only one batch is held at a time (when the server honours PULL's `n`).
public final class BoltResult {
    /// The column names.
    public let keys: [String]
    /// RUN's metadata (`fields`, `t_first`, `qid`).
    public let runMetadata: BoltMap
    /// The final SUCCESS's metadata (`t_last`, `stats`, `type`, `plan`), once every record is read.
    public private(set) var summary: BoltMap?

    private let session: BoltSession
    private var done = false

    init(session: BoltSession, keys: [String], runMetadata: BoltMap) {
        self.session = session
        self.keys = keys
        self.runMetadata = runMetadata
    }

    /// The next record, or nil at the end. A server FAILURE mid-stream is thrown as `.server`
    /// after the session is reset.
    public func next() throws(BoltError) -> [BoltValue]? {
        while !done {
            switch try session.nextResponse(waitingFor: "the query's records") {
            case .record(let values): return values
            case .success(let meta):
                if meta["has_more"] == .bool(true) {
                    try session.send([.pull(n: session.fetchSize)])
                } else {
                    summary = meta
                    markDone()
                }
            case .failure(let code, let message, _):
                markDone()
                try session.recover()
                throw .server(code: code, message: message)
            case .ignored:
                markDone()
                throw session.fail("the server ignored PULL")
            }
        }
        return nil
    }

    /// Every remaining record (for small results and tests).
    public func all() throws(BoltError) -> [[BoltValue]] {
        var rows: [[BoltValue]] = []
        while let row = try next() { rows.append(row) }
        return rows
    }

    /// Throws away the records not yet read: DISCARD when the server holds more, then the rest
    /// of what is already on its way.
    func discardRest() throws(BoltError) {
        while !done {
            switch try session.nextResponse(waitingFor: "the query's end") {
            case .record: continue
            case .success(let meta):
                if meta["has_more"] == .bool(true) {
                    try session.send([.discard(n: -1)])
                } else {
                    summary = meta
                    markDone()
                }
            case .failure:
                markDone()
                try session.recover()
            case .ignored:
                markDone()
            }
        }
    }

    func markDone() {
        done = true
        if session.openResult === self { session.openResult = nil }
    }
}
