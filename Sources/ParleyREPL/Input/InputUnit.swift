import ParleyGraph
import ParleyValues

/// A piece of input ready to run: a Cypher statement or a meta-command line.
public struct InputUnit: Sendable, Equatable {
    /// What kind of unit this is.
    public enum Kind: Sendable, Equatable {
        /// A Cypher statement, without its terminating `;`.
        case statement
        /// A meta-command line (`:schema`), starting with `:`.
        case meta
    }

    /// What kind of unit this is.
    public var kind: Kind
    /// The statement text (from its first token up to, not including, the `;`), or the
    /// meta-command line trimmed of surrounding whitespace.
    public var text: String
    /// Where `text` starts in the input (1-based line and column, UTF-8 offset).
    public var start: SourceLocation
    /// The input lines the unit spans, whole (for error excerpts), starting at `start.line`.
    public var lines: [String]
    /// The text as it goes into the history: the statement with its `;`, or the meta line.
    public var historyEntry: String

    /// Creates a unit.
    public init(kind: Kind, text: String, start: SourceLocation, lines: [String], historyEntry: String) {
        self.kind = kind
        self.text = text
        self.start = start
        self.lines = lines
        self.historyEntry = historyEntry
    }
}
