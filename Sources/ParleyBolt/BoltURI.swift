/// Where a Bolt server is: `bolt://HOST[:PORT]` (7687 when no port is given).
///
/// `neo4j://` asks the server for its routing table (ROUTE) and runs statements on a writer;
/// `+s` (`bolt+s://`, `neo4j+s://`) wraps the connection in TLS and verifies the server's
/// certificate and host name, `+ssc` wraps it in TLS and accepts any certificate (self-signed).
/// A password in the URI is refused: it would show in process lists.
public struct BoltURI: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int
    /// The user named before `@`, if any.
    public var user: String?

    /// The schemes Parley connects to.
    static let schemes: Set<String> = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"]

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
        guard Self.schemes.contains(scheme) else {
            throw .invalidURI(text, reason: "unknown scheme '\(scheme)://' (Parley speaks bolt://, neo4j:// and their TLS forms bolt+s://, bolt+ssc://, neo4j+s://, neo4j+ssc://)")
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

    /// How the connection is protected: plain TCP, TLS with the certificate verified (`+s`), or
    /// TLS accepting any certificate (`+ssc`).
    public var security: BoltSecurity {
        if scheme.hasSuffix("+s") { return .verifiedTLS }
        if scheme.hasSuffix("+ssc") { return .unverifiedTLS }
        return .plain
    }

    /// Whether the scheme asks for the routing table (`neo4j://` and its TLS forms).
    public var routes: Bool { scheme.hasPrefix("neo4j") }

    /// The same server at another address (a routing table's entry), keeping the scheme.
    public func at(host: String, port: Int) -> BoltURI {
        var copy = self
        copy.host = host
        copy.port = port
        return copy
    }

    /// `host:port` as Bolt's routing context names an address (`[::1]:7687` for IPv6).
    public var address: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "\(h):\(port)"
    }

    /// `bolt://host:port`, as the prompt and messages show it (never with a user or password).
    public var description: String {
        "\(scheme)://\(address)"
    }
}
