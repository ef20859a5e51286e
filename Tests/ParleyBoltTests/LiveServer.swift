import Foundation
import Testing
import ParleyBolt

/// The Bolt server the live tests talk to: PARLEY_BOLT_URI (`make bolt-test` starts FalkorDB
/// and sets it). Without it the live tests are disabled, and say why.
enum LiveServer {
    static let uriText = ProcessInfo.processInfo.environment["PARLEY_BOLT_URI"].flatMap { $0.isEmpty ? nil : $0 }
    static var isConfigured: Bool { uriText != nil }
    /// Set by `make bolt-test`: a missing server is then a failure, not a skip.
    static let isRequired = ProcessInfo.processInfo.environment["PARLEY_BOLT_REQUIRE"] == "1"
    static let reason: Comment = "no Bolt server: set PARLEY_BOLT_URI=bolt://HOST:PORT (make bolt-test starts FalkorDB and sets it)"

    static func uri() throws -> BoltURI { try BoltURI(parsing: uriText ?? "") }

    static func connect() throws -> BoltSession {
        try BoltSession.connect(to: uri(), userAgent: "parley-tests")
    }
}
