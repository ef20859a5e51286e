/// Where a Bolt server is: `bolt://HOST[:PORT]` (7687 when no port is given).
///
/// `neo4j://` is accepted and connects directly to the one host named (no routing table yet);
/// `bolt+s://`, `bolt+ssc://`, `neo4j+s://` and `neo4j+ssc://` (TLS) are refused with a clear
/// message until TLS lands. A password in the URI is refused: it would show in process lists.
public struct BoltURI: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int
    /// The user named before `@`, if any.
    public var user: String?

    /// The default Bolt port.
    public static let defaultPort = 7687

    /// Whether the text looks like a Bolt URI at all (so a file argument is not mistaken for one).
    public static func looksLikeURI(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://"].contains { lower.hasPrefix($0) }
    }

    public init(parsing text: String) throws(BoltError) {
        guard let sep = text.range(of: "://") else { throw .invalidURI(text, reason: "expected bolt://HOST:PORT") }
        let scheme = text[..<sep.lowerBound].lowercased()
        switch scheme {
        case "bolt", "neo4j": break
        case "bolt+s", "bolt+ssc", "neo4j+s", "neo4j+ssc":
            throw .invalidURI(text, reason: "TLS (\(scheme)://) is not supported yet; use bolt:// on a trusted network or an SSH tunnel")
        default:
            throw .invalidURI(text, reason: "unknown scheme '\(scheme)://' (Parley speaks bolt:// and neo4j://)")
        }
        var rest = Substring(text[sep.upperBound...])
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) {
            let tail = rest[slash...]
            guard tail == "/" || tail.isEmpty else {
                throw .invalidURI(text, reason: "a path or query ('\(tail)') is not supported; name the database with --database")
            }
            rest = rest[..<slash]
        }
        var user: String?
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            guard !info.contains(":") else {
                throw .invalidURI(text, reason: "a password in the URI would show in process lists and history; use PARLEY_PASSWORD")
            }
            user = info.isEmpty ? nil : String(info)
            rest = rest[rest.index(after: at)...]
        }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .invalidURI(text, reason: "an IPv6 address lacks its ']'") }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw .invalidURI(text, reason: "unexpected '\(after)' after the address")
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty else { throw .invalidURI(text, reason: "no host name") }
        var port = Self.defaultPort
        if let portText {
            guard let p = Int(portText), (1...65_535).contains(p) else {
                throw .invalidURI(text, reason: "the port '\(portText)' is not a number from 1 to 65535")
            }
            port = p
        }
        self.scheme = scheme
        self.host = String(host)
        self.port = port
        self.user = user
    }

    /// `bolt://host:port`, as the prompt and messages show it (never with a user or password).
    public var description: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(h):\(port)"
    }
}
