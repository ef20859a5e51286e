import Foundation

/// What can go wrong talking to a Bolt server, each with a message a person can act on.
public enum BoltError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URI is not one Parley can connect to.
    case invalidURI(String, reason: String)
    /// Nothing listens at the address (TCP connection refused).
    case connectionRefused(host: String, port: Int)
    /// The host name did not resolve, or the connection could not be made for another reason.
    case cannotConnect(host: String, port: Int, reason: String)
    /// The server did not answer in time.
    case timedOut(host: String, port: Int, waitingFor: String)
    /// The connection closed while Parley was waiting for the server.
    case connectionClosed(waitingFor: String)
    /// The port answered, but not with Bolt (an HTTP server, say).
    case notBolt(host: String, port: Int, reason: String)
    /// The TLS handshake failed: the certificate is not trusted, names another host, or the
    /// server does not speak TLS; `reason` says which and what to do.
    case tlsFailed(host: String, port: Int, reason: String)
    /// The `--trust-ca` file cannot be read or holds no PEM certificate.
    case invalidTrustFile(path: String, reason: String)
    /// A `neo4j://` router's table led nowhere: no writer, or none that could be reached.
    case routingFailed(router: String, reason: String)
    /// The server speaks none of the Bolt versions Parley offers.
    case noCommonVersion(offered: String)
    /// The server answered with FAILURE: its code (`Neo.ClientError.Statement.SyntaxError`) and message.
    case server(code: String, message: String)
    /// The bytes broke the PackStream or Bolt rules.
    case protocolViolation(String)
    /// A value Parley cannot send (or a server value Parley cannot hold).
    case unsupportedValue(String)
    /// The caller interrupted the query (Ctrl-C); RESET stopped it on the server.
    case interrupted
    /// A second interrupt came before the server answered RESET; the connection was closed.
    case abandoned

    public var description: String {
        switch self {
        case .invalidURI(let uri, let reason):
            return "cannot connect to '\(uri)': \(reason)"
        case .connectionRefused(let host, let port):
            return "could not connect to \(host):\(port): connection refused (is a Bolt server listening on that port?)"
        case .cannotConnect(let host, let port, let reason):
            return "could not connect to \(host):\(port): \(reason)"
        case .timedOut(let host, let port, let waitingFor):
            return "the server at \(host):\(port) did not answer in time (waiting for \(waitingFor))"
        case .connectionClosed(let waitingFor):
            return "the server closed the connection (while waiting for \(waitingFor))"
        case .notBolt(let host, let port, let reason):
            return "\(host):\(port) does not speak Bolt: \(reason)"
        case .tlsFailed(let host, let port, let reason):
            return "TLS to \(host):\(port) failed: \(reason)"
        case .invalidTrustFile(let path, let reason):
            return "cannot use --trust-ca '\(path)': \(reason)"
        case .routingFailed(let router, let reason):
            return "cannot route through \(router): \(reason)"
        case .noCommonVersion(let offered):
            return "the server speaks none of the Bolt versions Parley offers (\(offered))"
        case .server(let code, let message):
            return "\(code): \(message)"
        case .protocolViolation(let what):
            return "Bolt protocol error: \(what)"
        case .unsupportedValue(let what):
            return "unsupported value: \(what)"
        case .interrupted:
            return "the query was interrupted; RESET stopped it on the server"
        case .abandoned:
            return "the server did not stop the query; the second Ctrl-C closed the connection"
        }
    }

    /// Whether the connection can go on after this error (a server FAILURE, once RESET, can).
    public var isRecoverable: Bool {
        switch self {
        case .server, .unsupportedValue, .interrupted: return true
        default: return false
        }
    }
}

extension BoltError {
    /// The same error with the schemes it suggests in their `neo4j` forms (`neo4j+ssc://` for
    /// `bolt+ssc://`), for a user who typed `neo4j://`.
    var namingRoutingSchemes: BoltError {
        func swap(_ text: String) -> String {
            text.replacingOccurrences(of: "bolt+ssc://", with: "neo4j+ssc://").replacingOccurrences(of: "bolt+s://", with: "neo4j+s://")
        }
        switch self {
        case .tlsFailed(let host, let port, let reason): return .tlsFailed(host: host, port: port, reason: swap(reason))
        case .notBolt(let host, let port, let reason): return .notBolt(host: host, port: port, reason: swap(reason))
        default: return self
        }
    }
}
