/// A parsed regular expression (see ``RegexParser``), before compilation to a ``RegexProgram``.
indirect enum RegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One scalar; `caseless` under `(?i)`.
    case scalar(UInt32, caseless: Bool)
    /// One scalar of a set.
    case set(RegexCharSet, caseless: Bool)
    /// `.`: any scalar, or any but a line terminator.
    case any(RegexLineMode, dotAll: Bool)
    /// A zero-width test of the position.
    case assertion(RegexAssertion)
    /// The items one after another.
    case concat([RegexNode])
    /// The first branch that matches, then the next ones.
    case alternation([RegexNode])
    /// `min` to `max` (nil: unbounded) repetitions; `offset` is where the quantifier is written.
    case repetition(RegexNode, min: Int, max: Int?, RegexQuantifierKind, offset: Int)
    /// `(?>...)`: the first way the body matches, never revisited.
    case atomic(RegexNode)
    /// `(?=...)` or `(?!...)`.
    case lookahead(RegexNode, negated: Bool)
}

/// Greedy `*`, lazy `*?` or possessive `*+`.
enum RegexQuantifierKind: Sendable { case greedy, lazy, possessive }

/// Which scalars end a line: Java's set (`\n`, `\r`, `\u0085`, `\u2028`, `\u2029`, and `\r\n`
/// as one), or only `\n` under `(?d)`.
enum RegexLineMode: Sendable, Equatable {
    case java, unix

    /// Whether `v` is a line terminator.
    func isTerminator(_ v: UInt32) -> Bool {
        switch self {
        case .unix: return v == 0x0A
        case .java: return v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029
        }
    }
}

/// The zero-width tests.
enum RegexAssertion: Sendable, Equatable {
    /// `^`: the start of the input, or under `(?m)` the start of any line.
    case lineStart(multiline: Bool, RegexLineMode)
    /// `$`: the end of the input or before a final line terminator, or under `(?m)` before any.
    case lineEnd(multiline: Bool, RegexLineMode)
    /// `\A` (and `\G`, which at the start of a whole-string match is the same).
    case inputStart
    /// `\z`.
    case inputEnd
    /// `\b`, or `\B` when negated; word scalars are those of `\w`.
    case wordBoundary(negated: Bool)
}
