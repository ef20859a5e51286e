#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyQuery

/// Entry points to the terminal: the interactive line editor, and Ctrl-C while a query runs.
public enum TerminalSupport {
    /// The libedit editor when standard input and output are both terminals, else nil (the
    /// caller then reads plain lines).
    ///
    /// - Parameters:
    ///   - historyPath: where the history persists; `PARLEY_HISTORY` in the environment wins
    ///     over it, and an empty path means the default (`HistoryFile.defaultPath()`).
    ///   - completion: called when Tab is pressed, with the current line's text before the
    ///     cursor; returns what completion may draw on, or nil for no completion.
    public static func makeEditor(historyPath: String, completion: @escaping (String) -> CompletionContext?) -> LineEditor? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        let environment = HistoryFile.defaultPath(environment: ["PARLEY_HISTORY": getenv("PARLEY_HISTORY").map { String(cString: $0) } ?? ""])
        let path = environment ?? (historyPath.isEmpty ? HistoryFile.defaultPath() ?? "" : historyPath)
        return LibeditLineEditor(historyPath: path, completion: completion)
    }

    /// Runs `body` (a query) so that Ctrl-C — SIGINT, since the terminal is in its normal mode
    /// outside `readLine` — cancels `token` instead of ending the process; the previous SIGINT
    /// disposition is restored afterwards. The engine then stops with a `Cancelled` error.
    public static func withQueryInterrupts<T>(_ token: CancellationToken, _ body: () throws -> T) rethrows -> T {
        let previousTarget = interruptTarget
        interruptTarget = Unmanaged.passRetained(token)
        let previousHandler = signal(SIGINT, cancelOnInterrupt)
        defer {
            _ = signal(SIGINT, previousHandler)
            interruptTarget?.release()
            interruptTarget = previousTarget
        }
        return try body()
    }
}

/// The token SIGINT cancels while a query runs (read by the signal handler, which cannot capture).
nonisolated(unsafe) private var interruptTarget: Unmanaged<CancellationToken>?

/// The SIGINT handler: an atomic store, safe in a signal handler.
private func cancelOnInterrupt(_ signal: Int32) {
    interruptTarget?.takeUnretainedValue().cancel()
}
