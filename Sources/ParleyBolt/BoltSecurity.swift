/// How a connection to a Bolt server is protected, as the URI's scheme says.
public enum BoltSecurity: Sendable, Hashable {
    /// Plain TCP (`bolt://`, `neo4j://`).
    case plain
    /// TLS; the server's certificate must chain to a trusted authority (the system's trust store,
    /// or the `--trust-ca` file) and name the host (`bolt+s://`, `neo4j+s://`).
    case verifiedTLS
    /// TLS; any certificate is accepted, self-signed ones included (`bolt+ssc://`, `neo4j+ssc://`).
    /// The traffic is encrypted, but nothing proves who the server is.
    case unverifiedTLS

    /// Whether the connection is wrapped in TLS.
    public var usesTLS: Bool { self != .plain }
}
