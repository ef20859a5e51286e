import ParleyGraph
import ParleyValues

/// A recursive-descent parser from tokens to a ``Statement``.
///
/// Expressions get one method per precedence level (see Parser+Expressions.swift); clauses and
/// patterns are in their own files.
struct Parser {
    /// The query text, as UTF-8, for column names taken verbatim from the source.
    let utf8: [UInt8]
    var tokens: [Token]
    var pos = 0
    /// How deeply expressions are nested right now (bounded so that no input overflows the stack).
    var depth = 0
    /// The deepest nesting accepted.
    static let maxDepth = 120
    /// The tallest expression tree accepted (chains such as `1+1+…` grow one level per operator;
    /// AND, OR and XOR chains are balanced, so any number of terms fits).
    static let maxHeight = 10_000
    /// Outcomes of speculative pattern parses inside expressions (`(a)-->(b)` versus `(a)`),
    /// by token position and whether a path name was allowed: the pattern, or nil for a
    /// failure, and the position after it. Without this, input such as `((((...` would be
    /// parsed once as a pattern and once as an expression at every level: exponential time.
    var speculativePatterns: [SpeculationKey: (part: PatternPart?, end: Int)] = [:]
    /// Inside a comprehension's WHERE, where `|` ends the predicate rather than continuing a
    /// label expression (`[x IN l WHERE x:A | x.name]`); parentheses lift it.
    var inComprehensionPredicate = false
    /// Inside a quantified path pattern's parentheses (another one there would be nested).
    var inQuantifiedGroup = false

    /// The key of a speculative pattern parse: where it started and whether a name was allowed.
    struct SpeculationKey: Hashable {
        var position: Int
        var allowNamed: Bool
    }

    /// The clause keywords, for "expected ..." messages and "did you mean" hints.
    static var clauseKeywords: [String] { Keywords.clauses }
    /// Other keywords considered for "did you mean" hints.
    static var otherKeywords: [String] { Keywords.others }

    /// Creates a parser for `source`.
    init(_ source: String) throws(QueryError) {
        utf8 = Array(source.utf8)
        tokens = try Lexer.tokenize(source)
    }

    /// Parses a whole statement.
    static func parse(_ source: String) throws(QueryError) -> Statement {
        var p = try Parser(source)
        return try p.statement()
    }

    // MARK: - Cursor

    var current: Token { tokens[pos] }

    func peek(_ ahead: Int = 1) -> Token {
        pos + ahead < tokens.count ? tokens[pos + ahead] : tokens[tokens.count - 1]
    }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    /// The end of the previous token (for ranges).
    var previousEnd: SourceLocation { pos > 0 ? tokens[pos - 1].range.end : tokens[0].range.start }

    /// A range from `start` to the end of the last consumed token.
    func range(from start: SourceLocation) -> SourceRange { SourceRange(start: start, end: previousEnd) }

    /// The source text of `range`, as written.
    func text(_ range: SourceRange) -> String {
        let lo = max(0, min(range.start.offset, utf8.count)), hi = max(lo, min(range.end.offset, utf8.count))
        return String(decoding: utf8[lo..<hi], as: UTF8.self)
    }

    mutating func accept(_ keyword: String) -> Bool {
        if current.isKeyword(keyword) { advance(); return true }
        return false
    }

    mutating func acceptSymbol(_ s: String) -> Bool {
        if current.isSymbol(s) { advance(); return true }
        return false
    }

    mutating func expect(_ keyword: String) throws(QueryError) {
        if !accept(keyword) { throw unexpected(expected: keyword) }
    }

    mutating func expectSymbol(_ s: String) throws(QueryError) {
        if !acceptSymbol(s) { throw unexpected(expected: "'\(s)'") }
    }

    /// A name: a bare word or a backtick-quoted identifier.
    mutating func name(_ what: String = "a name") throws(QueryError) -> String {
        if current.kind == .word || current.kind == .quotedName { return advance().text }
        throw unexpected(expected: what)
    }

    /// A syntax error at the current token: `Invalid input 'X': expected ...`.
    func unexpected(expected: String, suggest: [String] = []) -> QueryError {
        let t = current
        var hint: String?
        if t.kind == .word, let best = Parser.nearest(t.text.uppercased(), among: suggest.isEmpty ? Parser.clauseKeywords + Parser.otherKeywords : suggest) {
            hint = "did you mean \(best)?"
        }
        let found = t.kind == .end ? "Invalid input: unexpected end of input" : "Invalid input \(t.display)"
        return QueryError(.compileTime, .syntax(.unexpectedSyntax), "\(found): expected \(expected)", at: t.range, hint: hint)
    }

    /// The keyword closest to `word` by edit distance (at most 2, and less than the word's length).
    static func nearest(_ word: String, among keywords: [String]) -> String? {
        var best: (String, Int)?
        for k in keywords where k != word {
            let d = EditDistance.between(word, k)
            if d <= 2 && d < word.count - 1 && (best == nil || d < best!.1) { best = (k, d) }
        }
        return best?.0
    }

    /// A semantic or syntax error found while parsing, with a TCK detail.
    func error(_ detail: QueryError.Kind.SyntaxDetail, _ message: String, _ range: SourceRange) -> QueryError {
        QueryError(.compileTime, .syntax(detail), message, at: range)
    }
}
