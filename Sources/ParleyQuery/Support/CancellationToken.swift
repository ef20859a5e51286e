import Synchronization

/// A flag the executor polls, so a running query can be stopped (Ctrl-C in the REPL).
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Creates a token that is not cancelled.
    public init() {}

    /// Asks the running query to stop; it ends with a `Cancelled` error.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Clears the flag before the next query.
    public func reset() { flag.store(false, ordering: .relaxed) }

    /// Whether cancellation was requested.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
