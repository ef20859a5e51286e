/// One token of a statement being typed, as far as completion needs to know it.
struct ScannedToken: Sendable, Equatable {
    /// What kind of token this is.
    enum Kind: Sendable, Equatable {
        /// A name (plain or in backticks); `text` is the name without backticks.
        case identifier
        /// A closed string literal; `text` is its contents, unescaped.
        case string
        /// A number; `text` is its spelling.
        case number
        /// Any other character (brackets, `:`, `.`, `$`, operators); `text` is that character.
        case symbol
    }

    /// What kind of token this is.
    var kind: Kind
    /// The name, string contents, number spelling or symbol.
    var text: String
    /// Whether whitespace or a comment separates this token from the one before.
    var spaceBefore: Bool
    /// Whether the identifier was written in backticks.
    var quoted: Bool = false

    /// Whether this is the symbol `s`.
    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
    /// Whether this is an unquoted identifier equal to `keyword`, ignoring case.
    func isKeyword(_ keyword: String) -> Bool {
        kind == .identifier && !quoted && text.uppercased() == keyword
    }
}

/// A lexical reading of the text before the cursor: the finished tokens, and what is being
/// typed at the cursor (a word, a string, a backticked name, a comment).
struct StatementScan: Sendable {
    /// The finished tokens, not including the word being typed.
    var tokens: [ScannedToken] = []
    /// The identifier characters right before the cursor ("" when there are none).
    var word = ""
    /// Whether whitespace separates `word` from the last finished token.
    var wordSpaceBefore = false
    /// Whether `word` starts after an unclosed backtick.
    var wordInBackticks = false
    /// The quote character and contents so far of a string left open at the cursor.
    var openString: (quote: Character, contents: String)?
    /// Whether the cursor is inside a comment.
    var inComment = false
    /// Indexes into `tokens` of the brackets still open at the cursor, innermost last.
    var openBrackets: [Int] = []

    /// The innermost open bracket character, if any.
    var innermostBracket: String? { openBrackets.last.map { tokens[$0].text } }

    /// Reads `text`.
    init(_ text: String) {
        let chars = Array(text)
        var i = 0
        var space = false
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                space = true
                i += 1
            } else if c == "/" && i + 1 < chars.count && chars[i + 1] == "/" {
                guard let end = chars[i...].firstIndex(of: "\n") else { inComment = true; return }
                i = end
                space = true
            } else if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                var j = i + 2
                while j + 1 < chars.count && !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
                guard j + 1 < chars.count else { inComment = true; return }
                i = j + 2
                space = true
            } else if c == "'" || c == "\"" {
                var contents = ""
                var j = i + 1
                var closed = false
                while j < chars.count {
                    if chars[j] == "\\" && j + 1 < chars.count {
                        contents.append(Self.unescape(chars[j + 1]))
                        j += 2
                    } else if chars[j] == c {
                        closed = true
                        break
                    } else {
                        contents.append(chars[j])
                        j += 1
                    }
                }
                guard closed else { openString = (c, contents); return }
                tokens.append(ScannedToken(kind: .string, text: contents, spaceBefore: space))
                i = j + 1
                space = false
            } else if c == "`" {
                guard let end = chars[(i + 1)...].firstIndex(of: "`") else {
                    word = String(chars[(i + 1)...])
                    wordInBackticks = true
                    wordSpaceBefore = space
                    return
                }
                tokens.append(ScannedToken(kind: .identifier, text: String(chars[(i + 1)..<end]), spaceBefore: space, quoted: true))
                i = end + 1
                space = false
            } else if Self.isIdentifierStart(c) || c.isNumber {
                var j = i
                while j < chars.count && Self.isIdentifierPart(chars[j]) { j += 1 }
                let spelling = String(chars[i..<j])
                if j == chars.count && !c.isNumber {
                    word = spelling
                    wordSpaceBefore = space
                    return
                }
                tokens.append(ScannedToken(kind: c.isNumber ? .number : .identifier, text: spelling, spaceBefore: space))
                i = j
                space = false
            } else {
                let token = ScannedToken(kind: .symbol, text: String(c), spaceBefore: space)
                switch c {
                case "(", "[", "{":
                    openBrackets.append(tokens.count)
                case ")", "]", "}":
                    if !openBrackets.isEmpty { openBrackets.removeLast() }
                default:
                    break
                }
                tokens.append(token)
                i += 1
                space = false
            }
        }
        wordSpaceBefore = space
    }

    /// Whether `c` may start a name.
    static func isIdentifierStart(_ c: Character) -> Bool { c.isLetter || c == "_" }

    /// Whether `c` may continue a name.
    static func isIdentifierPart(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// The character an escape `\c` stands for.
    private static func unescape(_ c: Character) -> Character {
        switch c {
        case "n": "\n"
        case "t": "\t"
        case "r": "\r"
        default: c
        }
    }
}
