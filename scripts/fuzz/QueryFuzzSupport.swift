// Shared by the `query` and `exec` libFuzzer targets (scripts/fuzz/fuzz.sh compiles this file
// into both): turning fuzz bytes into query text, checking errors, and a watchdog that cancels
// a query that runs too long.

import ParleyGraph
import ParleyQuery
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fuzz input as query text (invalid UTF-8 becomes U+FFFD, as when a terminal sends it).
func queryText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
    guard let data, size > 0 else { return "" }
    return String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// Traps unless `error` is well-formed for `text`: a known TCK error type, a non-empty
/// message, a range inside the text, and a diagnostic that renders with its source line.
func checkError(_ error: QueryError, in text: String) {
    let types: Set<String> = [
        "SyntaxError", "SemanticError", "TypeError", "ArgumentError", "EntityNotFound",
        "ConstraintVerificationFailed", "ParameterMissing", "ProcedureError", "ArithmeticError", "Cancelled", "ResourceLimit",
    ]
    guard types.contains(error.type) else { fatalError("unknown error type \(error.type): \(error)") }
    guard !error.message.isEmpty else { fatalError("an error without a message (\(error.type))") }
    if let range = error.range {
        let length = text.utf8.count
        guard range.start.line >= 1, range.start.column >= 1,
              0 <= range.start.offset, range.start.offset <= range.end.offset, range.end.offset <= length
        else { fatalError("error range \(range.start.offset)..<\(range.end.offset) (\(range)) outside the \(length)-byte query: \(error)") }
    }
    _ = error.diagnostic.render(source: text, fileName: "fuzz.cypher")
}

/// Cancels the running query's token once it has run longer than `limit` seconds, so that a
/// legitimately expensive query ends as a `Cancelled` error instead of a libFuzzer timeout.
/// One background thread serves every input.
final class Watchdog: Sendable {
    /// The shared watchdog (started on first use).
    static let shared = Watchdog(limit: 2)

    private let limit: Double
    private let current = Mutex<(token: CancellationToken, started: Double)?>(nil)

    private init(limit: Double) {
        self.limit = limit
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        _ = pthread_create(&thread, nil, { context in
            let dog = Unmanaged<Watchdog>.fromOpaque(context!).takeUnretainedValue()
            while true {
                usleep(50_000)
                dog.current.withLock { entry in
                    if let entry, monotonicSeconds() - entry.started > dog.limit { entry.token.cancel() }
                }
            }
        }, context)
    }

    /// Runs `body` with a fresh token that the watchdog cancels after the time limit.
    func guarding<R>(_ body: (CancellationToken) throws(QueryError) -> R) throws(QueryError) -> R {
        let token = CancellationToken()
        current.withLock { $0 = (token, monotonicSeconds()) }
        defer { current.withLock { $0 = nil } }
        return try body(token)
    }
}

/// Monotonic time in seconds.
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
