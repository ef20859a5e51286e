import ParleyGraph
import ParleyValues

/// Splits query text into tokens, tracking line, column (in Unicode scalars) and UTF-8 offset.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var offset = 0

    /// Creates a lexer over `source`.
    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// Tokenizes the whole input; the last token is `.end`.
    static func tokenize(_ source: String) throws(QueryError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let t = try lexer.next()
            tokens.append(t)
            if t.kind == .end { return tokens }
        }
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column, offset: offset) }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func advance() {
        let c = scalars[index]
        index += 1
        offset += UTF8.width(c)
        // A line ends at \n, \r\n or a lone \r, as Diagnostic.lines(of:) cuts it.
        if c == "\n" || (c == "\r" && peek() != "\n") { line += 1; column = 1 } else { column += 1 }
    }

    private func error(_ message: String, _ start: SourceLocation, detail: QueryError.Kind.SyntaxDetail = .unexpectedSyntax) -> QueryError {
        QueryError(.compileTime, .syntax(detail), message, at: SourceRange(start: start, end: location))
    }

    private mutating func skipTrivia() throws(QueryError) {
        while let c = peek() {
            if c == "\u{FEFF}" && index == 0 {
                // A byte order mark at the start takes no column.
                index += 1
                offset += UTF8.width(c)
            } else if c.properties.isWhitespace {
                advance()
            } else if c == "/" && peek(1) == "/" {
                while let d = peek(), d != "\n", d != "\r" { advance() }
            } else if c == "/" && peek(1) == "*" {
                let start = location
                advance(); advance()
                while true {
                    guard let d = peek() else { throw error("Unterminated comment: expected '*/'", start) }
                    if d == "*" && peek(1) == "/" { advance(); advance(); break }
                    advance()
                }
            } else {
                return
            }
        }
    }

    private static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    private static func isIdentPart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }

    private static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return ("0"..."9").contains(c)
    }

    /// The next token.
    mutating func next() throws(QueryError) -> Token {
        try skipTrivia()
        let start = location
        guard let c = peek() else { return Token(kind: .end, text: "", range: SourceRange(at: start)) }
        func make(_ kind: Token.Kind, _ text: String) -> Token {
            Token(kind: kind, text: text, range: SourceRange(start: start, end: location))
        }
        if Lexer.isIdentStart(c) {
            var s = ""
            while let d = peek(), Lexer.isIdentPart(d) { s.unicodeScalars.append(d); advance() }
            return make(.word, s)
        }
        if Lexer.isDigit(c) || (c == "." && Lexer.isDigit(peek(1))) {
            return try number(start)
        }
        switch c {
        case "`":
            advance()
            var s = ""
            while true {
                guard let d = peek() else { throw error("Unterminated quoted name: expected '`'", start) }
                advance()
                if d == "`" {
                    if peek() == "`" { advance(); s.append("`"); continue }
                    break
                }
                s.unicodeScalars.append(d)
            }
            return make(.quotedName, s)
        case "'", "\"":
            return make(.string, try string(quote: c, start))
        case "$":
            advance()
            var s = ""
            if peek() == "`" {
                let t = try next()
                s = t.text
            } else {
                while let d = peek(), Lexer.isIdentPart(d) { s.unicodeScalars.append(d); advance() }
            }
            if s.isEmpty { throw error("Invalid input '$': expected a parameter name", start) }
            return make(.parameter, s)
        default:
            break
        }
        let two: [String] = ["<=", ">=", "<>", "!=", "=~", "..", "+=", "::"]
        if let d = peek(1) {
            let pair = String(c) + String(d)
            if two.contains(pair) { advance(); advance(); return make(.symbol, pair) }
        }
        let singles = "()[]{},.:;|=<>+-*/%^&!"
        if singles.unicodeScalars.contains(c) { advance(); return make(.symbol, String(c)) }
        advance()
        throw error("Invalid input '\(c)': unexpected character", start, detail: c.isASCII ? .unexpectedSyntax : .invalidUnicodeCharacter)
    }

    /// Reads a number: the whole run of letters and digits, so `0x1Z` is one (invalid) literal.
    private mutating func number(_ start: SourceLocation) throws(QueryError) -> Token {
        var s = ""
        var isFloat = false
        func take() { s.unicodeScalars.append(peek()!); advance() }
        if peek() == "0", let x = peek(1), x == "x" || x == "o" || x == "X" || x == "O" {
            while let d = peek(), Lexer.isIdentPart(d) { take() }
            return Token(kind: .integer, text: s, range: SourceRange(start: start, end: location))
        }
        while Lexer.isDigit(peek()) { take() }
        if peek() == ".", Lexer.isDigit(peek(1)) {
            isFloat = true
            take()
            while Lexer.isDigit(peek()) { take() }
        }
        if let e = peek(), e == "e" || e == "E" {
            let n1 = peek(1)
            if Lexer.isDigit(n1) || ((n1 == "-" || n1 == "+") && Lexer.isDigit(peek(2))) {
                isFloat = true
                take(); take()
                while Lexer.isDigit(peek()) { take() }
            }
        }
        // Letters glued to a number make it invalid (`9223372h54775808`).
        while let d = peek(), Lexer.isIdentPart(d) { take() }
        return Token(kind: isFloat ? .float : .integer, text: s, range: SourceRange(start: start, end: location))
    }

    /// Reads a quoted string and decodes its escapes.
    private mutating func string(quote: Unicode.Scalar, _ start: SourceLocation) throws(QueryError) -> String {
        advance()
        var s = ""
        while true {
            guard let c = peek() else { throw error("Unterminated string literal: expected \(quote)", start) }
            if c == quote { advance(); return s }
            if c == "\\" {
                let escStart = location
                advance()
                guard let e = peek() else { throw error("Unterminated string literal: expected \(quote)", start) }
                advance()
                switch e {
                case "\\": s.append("\\")
                case "'": s.append("'")
                case "\"": s.append("\"")
                case "n": s.append("\n")
                case "t": s.append("\t")
                case "r": s.append("\r")
                case "b": s.append("\u{8}")
                case "f": s.append("\u{C}")
                case "u", "U":
                    let n = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<n {
                        guard let h = peek(), h.properties.isASCIIHexDigit else {
                            throw error("Invalid input: expected \(n) hexadecimal digits after \\\(e)", escStart, detail: .invalidUnicodeLiteral)
                        }
                        hex.unicodeScalars.append(h)
                        advance()
                    }
                    guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                        throw error("Invalid unicode character \\\(e)\(hex)", escStart, detail: .invalidUnicodeCharacter)
                    }
                    s.unicodeScalars.append(scalar)
                default:
                    s.append("\\")
                    s.unicodeScalars.append(e)
                }
            } else {
                s.unicodeScalars.append(c)
                advance()
            }
        }
    }
}
