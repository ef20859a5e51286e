/// What a TLS connection trusts beyond the system's certificate authorities.
public struct BoltTLSOptions: Sendable, Hashable {
    /// A PEM file of certificate authorities to trust as well (`--trust-ca FILE`): a private CA,
    /// or a server's self-signed certificate itself.
    public var trustedCAFile: String?

    public init(trustedCAFile: String? = nil) {
        self.trustedCAFile = trustedCAFile
    }
}
