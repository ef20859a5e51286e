import Foundation
import NIOCore
import NIOSSL

/// The TLS side of the connection: the client context a scheme asks for, and the TLS failures
/// told as causes a person can act on.
extension NIOBoltTransport {
    /// A client context: full verification against the system's trust store (plus `--trust-ca`)
    /// for `+s`, no verification for `+ssc`.
    static func makeTLSContext(security: BoltSecurity, options: BoltTLSOptions) throws(BoltError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        // Closing waits at most this long for the server's close_notify.
        configuration.shutdownTimeout = .seconds(2)
        switch security {
        case .verifiedTLS:
            configuration.certificateVerification = .fullVerification
            if let path = options.trustedCAFile {
                configuration.additionalTrustRoots = [.certificates(try trustedCertificates(path))]
            }
        case .unverifiedTLS, .plain:
            configuration.certificateVerification = .none
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            if let path = options.trustedCAFile, security == .verifiedTLS {
                throw .invalidTrustFile(path: path, reason: "the TLS setup failed with it (\(error))")
            }
            throw .protocolViolation("the TLS setup failed (\(error))")
        }
    }

    /// The certificates in a PEM file, or a clear error when it cannot be read or holds none.
    static func trustedCertificates(_ path: String) throws(BoltError) -> [NIOSSLCertificate] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .invalidTrustFile(path: path, reason: exists ? "the file cannot be read" : "no such file")
        }
        let bytes = [UInt8](data)
        let certificates = (try? NIOSSLCertificate.fromPEMBytes(bytes)) ?? []
        guard !certificates.isEmpty else {
            throw .invalidTrustFile(path: path, reason: "it holds no PEM certificate (expected '-----BEGIN CERTIFICATE-----' blocks)")
        }
        return certificates
    }

    /// Whether `host` is an IP address literal (which TLS cannot send as the server name; the
    /// certificate is then checked against the address itself).
    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    /// A TLS handshake failure as its cause and what to do about it.
    static func describeTLS(
        _ error: Error, host: String, port: Int, security: BoltSecurity, options: BoltTLSOptions, timeout: Duration
    ) -> BoltError {
        let plainHint = "use bolt:// (or neo4j://) for a server without TLS"
        if let ended = error as? TLSHandshakeWatcher.Ended {
            switch ended {
            case .timedOut:
                return .tlsFailed(host: host, port: port, reason: "the TLS handshake did not finish within \(timeout.components.seconds) s (does the server speak TLS on this port? \(plainHint))")
            case .closed:
                return .tlsFailed(host: host, port: port, reason: closedReason(plainHint))
            }
        }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            let named = isIPAddress(host) ? "the address \(host)" : "the host name '\(host)'"
            return .tlsFailed(host: host, port: port, reason: "the server's certificate does not name \(named) (connect with a name the certificate holds, or use bolt+ssc:// to skip the check)")
        }
        if let ssl = error as? NIOSSLError {
            switch ssl {
            case .uncleanShutdown:
                return .tlsFailed(host: host, port: port, reason: closedReason(plainHint))
            case .handshakeFailed(let inner):
                let text = "\(inner)"
                if text.contains("CERTIFICATE_VERIFY_FAILED") {
                    let authorities = options.trustedCAFile.map { "the system's trust store nor in '\($0)'" } ?? "the system's trust store"
                    return .tlsFailed(host: host, port: port, reason: "the server's certificate is not trusted: no certificate authority in \(authorities) signed it (it may be self-signed, expired or from a private CA). Give the authority's PEM certificate with --trust-ca FILE, or use bolt+ssc:// to accept it unchecked (encrypted, but the server is not verified)")
                }
                if ["WRONG_VERSION_NUMBER", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG", "UNEXPECTED_RECORD", "RECORD_TOO_LARGE"].contains(where: text.contains) {
                    return .tlsFailed(host: host, port: port, reason: "the server answered, but not in TLS (is that a plain Bolt port? \(plainHint))")
                }
                if text.contains("EOF") || text.contains("SYSCALL") {
                    return .tlsFailed(host: host, port: port, reason: closedReason(plainHint))
                }
                return .tlsFailed(host: host, port: port, reason: "the TLS handshake failed (\(text))")
            default:
                break
            }
        }
        if let io = error as? IOError {
            return .tlsFailed(host: host, port: port, reason: "the connection failed during the TLS handshake (\(io.description))")
        }
        return .tlsFailed(host: host, port: port, reason: "the TLS handshake failed (\(error))")
    }

    private static func closedReason(_ plainHint: String) -> String {
        "the server closed the connection during the TLS handshake: it does not seem to speak TLS on this port (a plain Bolt server does this; \(plainHint))"
    }
}
