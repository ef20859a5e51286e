import Foundation
import ParleyQuery
import Synchronization

/// Cancels queries that run too long: a background thread that checks the armed tokens every
/// 50 ms and cancels those past their deadline. The engine polls the token and stops with a
/// `Cancelled` error, so no scenario can hang the run (unless the engine never polls).
final class Watchdog: Sendable {
    private struct Armed {
        var token: CancellationToken
        var deadline: ContinuousClock.Instant
    }

    private let armed = Mutex<[Int: Armed]>([:])
    private let nextID = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    /// How long one query may run.
    let limit: Duration

    /// Starts the watchdog thread.
    init(limit: Duration) {
        self.limit = limit
        let thread = Thread { [self] in self.loop() }
        thread.name = "tck-watchdog"
        thread.start()
    }

    private func loop() {
        while !stopped.load(ordering: .relaxed) {
            let now = ContinuousClock.now
            armed.withLock { entries in
                for (_, entry) in entries where entry.deadline <= now { entry.token.cancel() }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Runs `body` with a fresh token that is cancelled after ``limit``; returns the body's
    /// result and whether the watchdog fired.
    func guarded<T>(_ body: (CancellationToken) -> T) -> (T, timedOut: Bool) {
        let token = CancellationToken()
        let id = nextID.add(1, ordering: .relaxed).newValue
        armed.withLock { $0[id] = Armed(token: token, deadline: .now + limit) }
        let result = body(token)
        armed.withLock { _ = $0.removeValue(forKey: id) }
        return (result, token.isCancelled)
    }

    /// Ends the watchdog thread.
    func stop() { stopped.store(true, ordering: .relaxed) }
}
