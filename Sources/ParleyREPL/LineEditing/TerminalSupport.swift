/// The seam between the REPL and the terminal line editor (libedit).
///
/// The REPL calls ``makeEditor(historyPath:completion:)`` when standard input is a terminal;
/// when it returns nil, the REPL falls back to a ``PlainLineReader`` with prompts. The
/// terminal side replaces the body of this function with one that builds its libedit editor.
public enum TerminalSupport {
    /// Builds the terminal line editor.
    ///
    /// - Parameters:
    ///   - historyPath: the file history is loaded from and saved to (`~/.parley_history`),
    ///     or nil for no persistence.
    ///   - completion: called on Tab to get what completion may draw on (the live graph, the
    ///     parameters, the meta-commands, the pending statement text).
    /// - Returns: the editor, or nil when none is available (the fallback is used).
    public static func makeEditor(historyPath: String?, completion: @escaping () -> CompletionContext) -> LineEditor? {
        nil
    }
}
