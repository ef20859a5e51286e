/// The routing table a server gives in answer to ROUTE: which addresses take writes, which
/// reads, which answer ROUTE, and how long the table holds.
public struct BoltRoutingTable: Sendable, Equatable {
    /// One address in the table, split into host and port.
    public struct Address: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// Reads `host:port`, `[v6]:port` or a bare host (port 7687); nil for what is none of these.
        public init?(parsing text: String) {
            var host = Substring(text)
            var port = BoltURI.defaultPort
            if text.hasPrefix("[") {
                guard let close = text.firstIndex(of: "]") else { return nil }
                host = text[text.index(after: text.startIndex)..<close]
                let after = text[text.index(after: close)...]
                if !after.isEmpty {
                    guard after.hasPrefix(":"), let p = Int(after.dropFirst()) else { return nil }
                    port = p
                }
            } else if let colon = text.lastIndex(of: ":") {
                guard let p = Int(text[text.index(after: colon)...]) else { return nil }
                host = text[..<colon]
                port = p
            }
            guard !host.isEmpty, (1...65_535).contains(port) else { return nil }
            self.host = String(host)
            self.port = port
        }

        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    /// Seconds the table may be used before asking again.
    public var ttl: Int64
    /// The database the table is for, when the server names it.
    public var database: String?
    /// The servers that take writes (role `WRITE`), in the server's order.
    public var writers: [Address]
    /// The servers that take reads (role `READ`).
    public var readers: [Address]
    /// The servers that answer ROUTE (role `ROUTE`).
    public var routers: [Address]

    public init(ttl: Int64, database: String? = nil, writers: [Address], readers: [Address], routers: [Address]) {
        self.ttl = ttl
        self.database = database
        self.writers = writers
        self.readers = readers
        self.routers = routers
    }

    /// Reads ROUTE's SUCCESS metadata: `{rt: {ttl, db, servers: [{addresses, role}]}}`.
    public init(success meta: BoltMap) throws(BoltError) {
        guard let rt = meta["rt"]?.mapValue else {
            throw .protocolViolation("ROUTE's answer has no routing table ('rt')")
        }
        guard let servers = rt["servers"]?.listValue else {
            throw .protocolViolation("the routing table has no 'servers' list")
        }
        var writers: [Address] = [], readers: [Address] = [], routers: [Address] = []
        for entry in servers {
            guard let server = entry.mapValue, let role = server["role"]?.stringValue,
                  let addresses = server["addresses"]?.listValue else {
                throw .protocolViolation("a routing table entry lacks its 'role' or 'addresses'")
            }
            var parsed: [Address] = []
            for a in addresses {
                guard let text = a.stringValue, let address = Address(parsing: text) else {
                    throw .protocolViolation("the routing table holds an address that is not HOST:PORT (\(a))")
                }
                parsed.append(address)
            }
            switch role.uppercased() {
            case "WRITE": writers += parsed
            case "READ": readers += parsed
            case "ROUTE": routers += parsed
            default: break
            }
        }
        self.init(ttl: rt["ttl"]?.intValue ?? 0, database: rt["db"]?.stringValue, writers: writers, readers: readers, routers: routers)
    }

    /// Whether statements can run on the server that answered ROUTE, reached at `address`: it
    /// is named a writer there, or the table names one server only, as router and writer (a
    /// single server naming itself under the address it advertises).
    public func isAnsweringServerWriter(reachedAt address: Address) -> Bool {
        if writers.contains(address) { return true }
        return Set(routers).count == 1 && Set(writers) == Set(routers)
    }
}
