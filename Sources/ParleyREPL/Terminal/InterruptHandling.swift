#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyQuery

/// Ctrl-C during a query: a SIGINT handler cancels the running query through its token,
/// so the executor stops, the graph stays as it was and the session goes on.
///
/// The same handler is installed around `:load` (the load finishes, then is discarded) and
/// around printing a result (the printing stops after the current chunk), so Ctrl-C never
/// ends an interactive session.
enum InterruptHandling {
    /// The token the SIGINT handler cancels; every session uses it.
    static let token = CancellationToken()

    /// Also set by the SIGINT handler, but reset only by whoever watches it: whether a Ctrl-C
    /// came since (the script part of `-i` stops at the next unit, even when the Ctrl-C came
    /// between units, after ``token`` was reset).
    static let received = CancellationToken()

    /// Runs `body` with the SIGINT handler installed when `interactive`; the previous
    /// handler is restored afterwards.
    static func whileRunning<T>(_ token: CancellationToken, interactive: Bool, _ body: () throws(QueryError) -> T) throws(QueryError) -> T {
        guard interactive, token === InterruptHandling.token else { return try body() }
        var old = sigaction()
        install(&old)
        defer { sigaction(SIGINT, &old, nil) }
        return try body()
    }

    /// Runs `body` with the SIGINT handler installed when `interactive`: Ctrl-C then only
    /// sets ``token``, which `body` or its caller checks. The previous handler is restored.
    static func catching<T, E: Error>(interactive: Bool, _ body: () throws(E) -> T) throws(E) -> T {
        guard interactive else { return try body() }
        var old = sigaction()
        install(&old)
        defer { sigaction(SIGINT, &old, nil) }
        return try body()
    }

    /// Installs the handler for the whole session (the plain line reader then sees Ctrl-C
    /// as an interrupted read, because the handler does not restart system calls).
    static func installForSession() {
        var old = sigaction()
        install(&old)
    }

    private static func install(_ old: inout sigaction) {
        _ = token  // initialise before the handler may run
        _ = received
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            InterruptHandling.token.cancel()
            InterruptHandling.received.cancel()
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            InterruptHandling.token.cancel()
            InterruptHandling.received.cancel()
        }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, &old)
    }
}
