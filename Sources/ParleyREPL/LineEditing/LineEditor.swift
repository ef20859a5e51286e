/// What reading one line from the user produced.
public enum LineInput: Sendable, Equatable {
    /// A line of text, without its newline.
    case line(String)
    /// Ctrl-C while editing: drop what was typed, show a fresh prompt.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Reads lines from the user: libedit on a terminal, plain reading for pipes and tests.
public protocol LineEditor: AnyObject {
    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineInput
    /// Adds a finished statement (possibly several lines) to the history as one entry and
    /// persists it.
    func addHistory(_ entry: String)
    /// The history entries, oldest first.
    var history: [String] { get }
    /// Whether this editor talks to a terminal (prompts, colours, completion).
    var isInteractive: Bool { get }
}
