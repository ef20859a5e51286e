/// One Bolt conversation with a server, blocking: open it with ``connect(to:credentials:userAgent:)``,
/// run queries with ``run(_:parameters:)`` and read each ``BoltResult`` before the next.
///
/// Requests are pipelined where the protocol allows (RUN with the first PULL). After a server
/// FAILURE the session sends RESET and waits for the server to be ready again, so the error is
/// thrown and the session goes on.
public final class BoltSession {
    /// The server as the user named it.
    public let uri: BoltURI
    /// The negotiated protocol version.
    public let version: BoltVersion
    /// The server's agent string from HELLO (`Neo4j/5.13.0`).
    public private(set) var serverAgent: String = ""
    /// Records asked for per PULL.
    public var fetchSize: Int64 = 1000
    /// The database RUN names (`db`), nil for the server's default.
    public var database: String?
    /// Asked while waiting for the server: whether a Ctrl-C came since it was last asked (it
    /// consumes it). The first makes the session send RESET, wait for the server to be ready
    /// and throw `.interrupted`; a second one before the server answers closes the connection.
    public var shouldInterrupt: (() -> Bool)?
    /// Called when a Ctrl-C has sent RESET and the session waits for the server to stop.
    public var onInterruptSent: (() -> Void)?
    /// How often ``shouldInterrupt`` is asked while the server is silent.
    static let interruptPoll: Duration = .milliseconds(100)
    /// Whether the connection has failed (a dropped connection, a protocol error) and is closed.
    public var isBroken: Bool { broken != nil }
    /// Whether an explicit transaction is open (BEGIN answered, no COMMIT or ROLLBACK yet): RUN
    /// then goes without `db`, which BEGIN named. A RESET or a broken connection ends it.
    public internal(set) var inTransaction = false
    /// Whether the server answers `EXPLAIN` with a plan rather than running the statement
    /// (nil until ``plansExplain()`` asked). FalkorDB 4.16 runs it, writes included.
    var explainsPlans: Bool?

    let transport: BoltTransport
    private var reader = BoltChunkReader()
    private(set) var dialect: BoltDialect
    /// Requests sent whose responses have not been read yet.
    private var outstanding = 0
    /// The result still being read, if any.
    weak var openResult: BoltResult?
    private var broken: BoltError?

    /// Opens a TCP connection and runs the handshake, HELLO and (Bolt 5.1+) LOGON.
    public static func connect(
        to uri: BoltURI, credentials: BoltCredentials = BoltCredentials(), userAgent: String = "parley"
    ) throws(BoltError) -> BoltSession {
        let transport = try NIOBoltTransport.connect(host: uri.host, port: uri.port)
        do {
            return try BoltSession(transport: transport, uri: uri, credentials: credentials, userAgent: userAgent)
        } catch {
            transport.close()
            throw error
        }
    }

    /// Runs the opening exchange over a transport that is already connected.
    public init(transport: BoltTransport, uri: BoltURI, credentials: BoltCredentials, userAgent: String) throws(BoltError) {
        self.transport = transport
        self.uri = uri
        try transport.send(BoltHandshake.request)
        var answer: [UInt8] = []
        while answer.count < 4 {
            answer += try transport.receive(waitingFor: "the Bolt handshake", timeout: .seconds(30))
        }
        version = try BoltHandshake.version(from: Array(answer.prefix(4)), host: uri.host, port: uri.port)
        dialect = version.dialect
        reader.feed(answer.dropFirst(4))

        var hello: BoltMap = ["user_agent": .string(userAgent)]
        if version.wantsBoltAgent { hello["bolt_agent"] = .map(["product": .string(userAgent), "language": "Swift"]) }
        if !version.usesLogon {
            for e in credentials.token.entries { hello[e.key] = e.value }
        }
        if version.major == 4 { hello["patch_bolt"] = ["utc"] }
        let helloMeta = try expectSuccess(.hello(extra: hello))
        serverAgent = helloMeta["server"]?.stringValue ?? ""
        if version.major == 4, helloMeta["patch_bolt"]?.listValue?.contains("utc") == true {
            dialect.utcDateTime = true
        }
        if version.usesLogon { _ = try expectSuccess(.logon(auth: credentials.token)) }
    }

    /// Runs a query and returns its result, whose records are fetched as they are read.
    /// A result still open from an earlier query is discarded first.
    public func run(_ query: String, parameters: BoltMap = [:]) throws(BoltError) -> BoltResult {
        try finishOpenResult()
        var extra: BoltMap = [:]
        if let database, !inTransaction { extra["db"] = .string(database) }
        try send([.run(query: query, parameters: parameters, extra: extra), .pull(n: fetchSize)])
        let meta: BoltMap
        switch try nextResponse(waitingFor: "the server to accept the query") {
        case .success(let m): meta = m
        case .failure(let code, let message, _): try recover(); throw .server(code: code, message: message)
        case let other: throw fail("a \(other.name) in answer to RUN")
        }
        let keys = meta["fields"]?.listValue?.compactMap(\.stringValue) ?? []
        let result = BoltResult(session: self, keys: keys, runMetadata: meta)
        openResult = result
        return result
    }

    /// Sends RESET and waits until the server is ready (after an interrupted or failed query).
    public func reset() throws(BoltError) {
        openResult?.markDone()
        openResult = nil
        try send([.reset])
        try drainToReady()
    }

    /// Closes the connection. No GOODBYE is sent: Bolt allows either side to just close, and
    /// FalkorDB 4.16, after a GOODBYE, leaves the next connection's handshake unanswered.
    public func close() {
        inTransaction = false
        transport.close()
        broken = .connectionClosed(waitingFor: "nothing: the session was closed")
    }

    // MARK: - For BoltResult

    /// What a Ctrl-C does while the session waits for the server.
    enum InterruptAction {
        /// Nothing: the wait is not interruptible.
        case ignore
        /// RESET stops the query; the session goes on (the first Ctrl-C).
        case reset
        /// The connection is closed (a second Ctrl-C, while a RESET is not answered: some
        /// servers finish the running query first).
        case abandon
    }

    /// The next response. While the server is silent, ``shouldInterrupt`` is asked every
    /// ``interruptPoll`` and `onInterrupt` says what a yes does.
    func nextResponse(waitingFor: String, onInterrupt: InterruptAction = .reset) throws(BoltError) -> BoltResponse {
        if let broken { throw broken }
        let poll = onInterrupt == .ignore ? nil : shouldInterrupt
        while true {
            if let message = reader.nextMessage() {
                do {
                    let response = try BoltResponse.decode(message)
                    if case .record = response {} else { outstanding -= 1 }
                    return response
                } catch {
                    throw fail(error)
                }
            }
            if let poll, poll() {
                if onInterrupt == .abandon { throw fail(.abandoned) }
                try interrupt()
            }
            do {
                reader.feed(try transport.receive(waitingFor: waitingFor, timeout: poll == nil ? nil : Self.interruptPoll))
            } catch .timedOut(_, _, _) where poll != nil {
                continue
            } catch {
                throw fail(error)
            }
        }
    }

    /// Ctrl-C: RESET stops the running query on the server; once the server is ready again,
    /// `.interrupted` is thrown and the session goes on. A second Ctrl-C before the server
    /// answers the RESET closes the connection.
    private func interrupt() throws(BoltError) -> Never {
        openResult?.markDone()
        openResult = nil
        try send([.reset])
        onInterruptSent?()
        try drainToReady(onInterrupt: .abandon)
        throw .interrupted
    }

    /// Sends requests in one write.
    func send(_ requests: [BoltRequest]) throws(BoltError) {
        if let broken { throw broken }
        var bytes: [UInt8] = []
        for r in requests { bytes += BoltChunker.frame(try r.encoded(dialect: dialect)) }
        do { try transport.send(bytes) } catch { throw fail(error) }
        outstanding += requests.count
        // RESET rolls back an open transaction on the server.
        if requests.contains(.reset) { inTransaction = false }
    }

    /// After a FAILURE: RESET, then read everything up to RESET's answer (the IGNOREDs of what
    /// was pipelined come first; FalkorDB sends them only once the RESET arrives).
    func recover() throws(BoltError) {
        openResult?.markDone()
        openResult = nil
        try send([.reset])
        try drainToReady()
    }

    /// Reads responses until none is outstanding; the last must be SUCCESS.
    private func drainToReady(onInterrupt: InterruptAction = .ignore) throws(BoltError) {
        var last: BoltResponse = .ignored
        while outstanding > 0 {
            last = try nextResponse(waitingFor: "the server to reset", onInterrupt: onInterrupt)
        }
        guard case .success = last else { throw fail("the server did not reset (\(last.name))") }
    }

    /// Discards what the open result has not read yet.
    func finishOpenResult() throws(BoltError) {
        guard let result = openResult else { return }
        openResult = nil
        try result.discardRest()
    }

    @discardableResult
    private func expectSuccess(_ request: BoltRequest) throws(BoltError) -> BoltMap {
        try send([request])
        switch try nextResponse(waitingFor: "the server's answer to \(request.name)") {
        case .success(let meta): return meta
        case .failure(let code, let message, _):
            broken = .server(code: code, message: message)
            throw .server(code: code, message: message)
        case let other: throw fail("a \(other.name) in answer to \(request.name)")
        }
    }

    /// Marks the connection unusable after a transport or protocol error and returns the error.
    func fail(_ error: BoltError) -> BoltError {
        broken = error
        inTransaction = false
        transport.close()
        return error
    }

    func fail(_ what: String) -> BoltError { fail(.protocolViolation(what)) }
}
