/// A message the client sends, as the Bolt specification names them.
public enum BoltRequest: Sendable, Equatable {
    /// Opens the session: `user_agent`, `bolt_agent` and (before 5.1) the credentials.
    case hello(extra: BoltMap)
    /// Authenticates (Bolt 5.1+): `scheme`, `principal`, `credentials`.
    case logon(auth: BoltMap)
    /// Ends the session politely; the server closes the connection without answering.
    case goodbye
    /// Stops whatever runs and returns the session to ready.
    case reset
    /// Runs a query with parameters; `extra` may name the database (`db`) or a transaction mode.
    case run(query: String, parameters: BoltMap, extra: BoltMap)
    /// Asks for the next `n` records (`-1`: all) of the query `qid` (`-1`: the last one).
    case pull(n: Int64, qid: Int64 = -1)
    /// Throws away the next `n` records (`-1`: all).
    case discard(n: Int64, qid: Int64 = -1)
    /// Starts an explicit transaction.
    case begin(extra: BoltMap)
    case commit
    case rollback
    /// Asks for the routing table (Bolt 4.4+): the routing context (`address`: the host and
    /// port as the user named them), bookmarks, and `extra` (`db`).
    case route(routing: BoltMap, bookmarks: [String], extra: BoltMap)

    /// The message's tag byte.
    public var signature: UInt8 {
        switch self {
        case .hello: return 0x01
        case .goodbye: return 0x02
        case .reset: return 0x0F
        case .run: return 0x10
        case .begin: return 0x11
        case .commit: return 0x12
        case .rollback: return 0x13
        case .discard: return 0x2F
        case .pull: return 0x3F
        case .logon: return 0x6A
        case .route: return 0x66
        }
    }

    /// The message's name, for errors (`RUN`, `PULL`).
    public var name: String {
        switch self {
        case .hello: return "HELLO"
        case .logon: return "LOGON"
        case .goodbye: return "GOODBYE"
        case .reset: return "RESET"
        case .run: return "RUN"
        case .pull: return "PULL"
        case .discard: return "DISCARD"
        case .begin: return "BEGIN"
        case .commit: return "COMMIT"
        case .rollback: return "ROLLBACK"
        case .route: return "ROUTE"
        }
    }

    /// The message as PackStream bytes (one structure, not yet chunked).
    public func encoded(dialect: BoltDialect = .v5) throws(BoltError) -> [UInt8] {
        var e = PackStreamEncoder(dialect: dialect)
        switch self {
        case .hello(let extra), .begin(let extra):
            try e.structureHeader(fields: 1, signature: signature)
            try e.encodeMap(extra)
        case .logon(let auth):
            try e.structureHeader(fields: 1, signature: signature)
            try e.encodeMap(auth)
        case .goodbye, .reset, .commit, .rollback:
            try e.structureHeader(fields: 0, signature: signature)
        case .run(let query, let parameters, let extra):
            try e.structureHeader(fields: 3, signature: signature)
            try e.encodeString(query)
            try e.encodeMap(parameters)
            try e.encodeMap(extra)
        case .pull(let n, let qid), .discard(let n, let qid):
            try e.structureHeader(fields: 1, signature: signature)
            var extra: BoltMap = ["n": .int(n)]
            if qid != -1 { extra["qid"] = .int(qid) }
            try e.encodeMap(extra)
        case .route(let routing, let bookmarks, let extra):
            try e.structureHeader(fields: 3, signature: signature)
            try e.encodeMap(routing)
            try e.encode(.list(bookmarks.map { .string($0) }))
            try e.encodeMap(extra)
        }
        return e.bytes
    }
}
