#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The seam between the REPL and the terminal line editor (libedit).
///
/// The REPL calls ``makeEditor(historyPath:completion:)`` when standard input is a terminal;
/// when it returns nil, the REPL falls back to a ``PlainLineReader`` with prompts.
///
/// Ctrl-C: while a line is edited the terminal's interrupt character is off and Ctrl-C is a
/// key (the line is dropped, `readLine` returns `.interrupted`); outside `readLine` the terminal
/// is in its normal mode, so Ctrl-C raises SIGINT, which the REPL's handler turns into a
/// cancelled query.
public enum TerminalSupport {
    /// Builds the libedit editor, or returns nil when standard input or output is not a terminal.
    ///
    /// - Parameters:
    ///   - historyPath: where history persists when no standard place is known. The history
    ///     file is `$PARLEY_HISTORY` if set, else `$XDG_STATE_HOME/parley/history`, else
    ///     `~/.local/state/parley/history` (see ``HistoryFile/defaultPath(environment:)``), else
    ///     `historyPath`; nil there means history in memory only.
    ///   - completion: called on Tab to get what completion may draw on (the live graph, the
    ///     parameters, the meta-commands, the pending statement text).
    public static func makeEditor(historyPath: String?, completion: @escaping () -> CompletionContext) -> LineEditor? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        let path = HistoryFile.defaultPath() ?? historyPath ?? ""
        return LibeditLineEditor(historyPath: path, completion: completion)
    }
}
