import Foundation
import ParleyGraph

extension BuiltinFunctions {
    /// `randomUUID()` and `timestamp()`.
    enum Identity {
        /// A random (version 4) UUID in lower-case hex with dashes, as Neo4j prints it.
        static func randomUUID() -> String {
            UUID().uuidString.lowercased()
        }

        /// Milliseconds since the Unix epoch on the statement clock: every `timestamp()` in one
        /// statement returns the same value, as `datetime()` does.
        static func timestamp() -> Int64 {
            let (seconds, nanos) = StatementClock.now()
            return seconds * 1000 + nanos / 1_000_000
        }
    }
}
