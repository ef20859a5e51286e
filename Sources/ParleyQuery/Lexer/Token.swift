import ParleyGraph
import ParleyValues

/// One lexical token of a query, with where it is in the source.
struct Token: Sendable, Equatable {
    /// What kind of token this is.
    enum Kind: Sendable, Equatable {
        /// A bare word: an identifier or a keyword (keywords are matched case-insensitively by the parser).
        case word
        /// A backtick-quoted identifier (never a keyword).
        case quotedName
        /// An integer literal; `text` holds the source spelling (validated by the parser).
        case integer
        /// A float literal; `text` holds the source spelling.
        case float
        /// A string literal; `text` holds the decoded value.
        case string
        /// A parameter `$name` or `$0`; `text` holds the name.
        case parameter
        /// Punctuation or an operator; `text` holds it (`(`, `<=`, `..`, `=~`, ...).
        case symbol
        /// The end of the input.
        case end
    }

    /// The kind.
    var kind: Kind
    /// The identifier, decoded string, number spelling or symbol.
    var text: String
    /// Where the token is.
    var range: SourceRange

    /// Whether this is the bare word `keyword` (case-insensitive; `keyword` must be upper case).
    @inline(__always) func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.count == keyword.count && text.uppercased() == keyword
    }

    /// Whether this is the symbol `s`.
    @inline(__always) func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }

    /// How the token appears in an error message.
    var display: String {
        switch kind {
        case .end: return "end of input"
        case .string: return "'\(text)'"
        case .parameter: return "'$\(text)'"
        case .quotedName: return "'`\(text)`'"
        default: return "'\(text)'"
        }
    }
}
