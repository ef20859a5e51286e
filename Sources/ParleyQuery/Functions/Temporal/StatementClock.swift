#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The clock behind `date()`, `datetime.statement()`, `localtime.realtime()`, ...
///
/// Cypher's default clock is the *statement* clock: every `date()`/`datetime()` in one query
/// sees the same instant. The engine provides it by running each query inside
/// ``StatementClock/statement(_:)`` (`try StatementClock.statement { ... }`); without that, each call reads
/// the real-time clock. `.transaction` is the statement clock too (there are no multi-statement
/// transactions); `.realtime` always reads the system clock.
enum StatementClock {
    /// The instant the current statement started, as (seconds, nanoseconds) since the epoch.
    @TaskLocal static var statementInstant: StatementInstant?

    /// A fixed instant for the statement clock.
    struct StatementInstant: Sendable {
        /// Seconds since the epoch.
        var seconds: Int64
        /// Nanoseconds within the second.
        var nanos: Int64
        /// An instant from its parts.
        init(seconds: Int64, nanos: Int64) {
            self.seconds = seconds
            self.nanos = nanos
        }
    }

    /// The system's real-time clock now.
    static func realtime() -> StatementInstant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return StatementInstant(seconds: Int64(ts.tv_sec), nanos: Int64(ts.tv_nsec))
    }

    /// Runs `body` (one statement) with the statement clock fixed at the current real time, so
    /// every `date()`, `datetime()`, `localtime.statement()`, ... in it sees the same instant.
    static func statement<R>(_ body: () throws(QueryError) -> R) throws(QueryError) -> R {
        let result = $statementInstant.withValue(realtime()) {
            Result { () throws(QueryError) -> R in try body() }
        }
        return try result.get()
    }

    /// The statement instant if one is set, else the real-time clock.
    static func now(realtimeOnly: Bool = false) -> (Int64, Int64) {
        let i = (realtimeOnly ? nil : statementInstant) ?? realtime()
        return (i.seconds, i.nanos)
    }
}
