/// Parses a Java-flavoured regular expression (the syntax of `java.util.regex.Pattern`, which
/// Cypher's `=~` uses) into a ``RegexNode``, reporting the first error with its scalar offset.
///
/// Not supported, each with an error that names it: backreferences (`\1`, `\k<name>`),
/// lookbehind (`(?<=...)`, `(?<!...)`), `\X`, `\N{...}`, and the `(?U)` and `(?c)` flags.
struct RegexParser {
    /// The flags in force: `(?i)`, `(?s)`, `(?m)`, `(?x)`, `(?d)` (`(?u)` is accepted: case
    /// folding is always Unicode-aware).
    struct Flags {
        var caseless = false, dotAll = false, multiline = false, comments = false, unixLines = false
        var lineMode: RegexLineMode { unixLines ? .unix : .java }
    }

    /// Groups may nest this deep (the parser and compiler recurse).
    static let maxDepth = 200
    /// A repetition count may be at most this.
    static let maxCount = 100_000

    private let s: [UInt32]
    private var i = 0
    private var flags = Flags()
    private var depth = 0

    /// Parses `pattern`.
    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var p = RegexParser(pattern.unicodeScalars.map(\.value))
        let node = try p.alternation()
        if p.i < p.s.count {
            // alternation() stops only at ')' or the end.
            throw RegexSyntaxError("unmatched ')'", at: p.i)
        }
        return node
    }

    private init(_ scalars: [UInt32]) { s = scalars }

    private func peek(_ ahead: Int = 0) -> UInt32? { i + ahead < s.count ? s[i + ahead] : nil }
    private func isChar(_ c: Character, _ ahead: Int = 0) -> Bool { peek(ahead) == c.unicodeScalars.first!.value }
    private mutating func accept(_ c: Character) -> Bool {
        if isChar(c) { i += 1; return true }
        return false
    }

    /// `scalar` as written in a message: quoted, or by its code when invisible.
    static func show(_ v: UInt32) -> String {
        guard let u = Unicode.Scalar(v), v > 0x20, v != 0x7F, !u.properties.isWhitespace else {
            return "U+" + String(v, radix: 16, uppercase: true)
        }
        return "'\(Character(u))'"
    }

    /// Skips whitespace and `#` comments under `(?x)`.
    private mutating func skipComments() {
        guard flags.comments else { return }
        while let c = peek() {
            if let u = Unicode.Scalar(c), u.properties.isWhitespace { i += 1; continue }
            if c == 0x23 {
                while let d = peek(), !RegexLineMode.java.isTerminator(d) { i += 1 }
                continue
            }
            return
        }
    }

    private mutating func alternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try concatenation()]
        while accept("|") { branches.append(try concatenation()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func concatenation() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while true {
            skipComments()
            guard let c = peek(), c != 0x7C, c != 0x29 else { break }   // '|', ')'
            let atomStart = i
            let atom = try self.atom()
            items.append(try quantified(atom, atomStart: atomStart))
        }
        return items.count == 1 ? items[0] : .concat(items)
    }

    /// `atom` followed by its quantifier, if any.
    private mutating func quantified(_ atom: RegexNode, atomStart: Int) throws(RegexSyntaxError) -> RegexNode {
        skipComments()
        let at = i
        var min = 0, max: Int? = nil
        if accept("*") {
        } else if accept("+") {
            min = 1
        } else if accept("?") {
            max = 1
        } else if isChar("{") {
            (min, max) = try interval()
        } else {
            return atom
        }
        var kind = RegexQuantifierKind.greedy
        if accept("?") { kind = .lazy } else if accept("+") { kind = .possessive }
        skipComments()
        if let c = peek(), c == 0x2A || c == 0x2B || c == 0x3F || c == 0x7B {
            throw RegexSyntaxError("dangling \(Self.show(c)): a quantifier cannot follow the quantifier at offset \(at)", at: i)
        }
        return .repetition(atom, min: min, max: max, kind, offset: at)
    }

    /// `{n}`, `{n,}` or `{n,m}`.
    private mutating func interval() throws(RegexSyntaxError) -> (Int, Int?) {
        let open = i
        i += 1
        guard let lo = try number() else {
            throw RegexSyntaxError("expected a number after '{' (a repetition like {2} or {1,3}; write \\{ for a literal brace)", at: i)
        }
        var hi: Int? = lo
        if accept(",") { hi = try number() }
        guard accept("}") else {
            throw RegexSyntaxError("expected '}' to close the repetition opened at offset \(open)\(peek().map { " but found \(Self.show($0))" } ?? "")", at: i)
        }
        if let hi, hi < lo {
            throw RegexSyntaxError("repetition {\(lo),\(hi)}: the maximum is smaller than the minimum", at: open, length: i - open)
        }
        return (lo, hi)
    }

    /// A decimal number, or nil when there is no digit.
    private mutating func number() throws(RegexSyntaxError) -> Int? {
        let start = i
        var n = 0
        while let c = peek(), (0x30...0x39).contains(c) {
            n = n * 10 + Int(c - 0x30)
            i += 1
            if n > Self.maxCount {
                while let d = peek(), (0x30...0x39).contains(d) { i += 1 }
                throw RegexSyntaxError("repetition count too large (at most \(Self.maxCount))", at: start, length: i - start)
            }
        }
        return i > start ? n : nil
    }

    private mutating func atom() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        let c = s[i]
        switch c {
        case 0x28: return try group()                                       // (
        case 0x5B: return .set(try charClass(), caseless: flags.caseless)   // [
        case 0x2E:                                                          // .
            i += 1
            return .any(flags.lineMode, dotAll: flags.dotAll)
        case 0x5E:                                                          // ^
            i += 1
            return .assertion(.lineStart(multiline: flags.multiline, flags.lineMode))
        case 0x24:                                                          // $
            i += 1
            return .assertion(.lineEnd(multiline: flags.multiline, flags.lineMode))
        case 0x5C: return try escape()                                      // \
        case 0x2A, 0x2B, 0x3F:                                              // * + ?
            throw RegexSyntaxError("dangling \(Self.show(c)): nothing to repeat", at: start)
        case 0x7B:                                                          // {
            throw RegexSyntaxError("dangling '{': nothing to repeat (write \\{ for a literal brace)", at: start)
        default:
            i += 1
            return .scalar(c, caseless: flags.caseless)
        }
    }

    /// A group, from its `(` to its `)`, or an inline flag setting `(?i)`.
    private mutating func group() throws(RegexSyntaxError) -> RegexNode {
        let open = i
        i += 1
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            throw RegexSyntaxError("groups nested too deeply (at most \(Self.maxDepth) levels)", at: open)
        }
        let saved = flags
        var wrap: (RegexNode) -> RegexNode = { $0 }
        if accept("?") {
            guard let c = peek() else { throw RegexSyntaxError("unclosed group: expected a group construct after '(?'", at: i, length: 0) }
            switch c {
            case 0x3A: i += 1                                                       // (?:
            case 0x3D: i += 1; wrap = { .lookahead($0, negated: false) }            // (?=
            case 0x21: i += 1; wrap = { .lookahead($0, negated: true) }             // (?!
            case 0x3E: i += 1; wrap = { .atomic($0) }                               // (?>
            case 0x3C:                                                              // (?<
                if isChar("=", 1) || isChar("!", 1) {
                    throw RegexSyntaxError("lookbehind (?<\(isChar("=", 1) ? "=" : "!")...) is not supported", at: open, length: 4)
                }
                i += 1
                try groupName()
            default:
                // Inline flags: (?imsxdu-imsxdu) or (?flags:...).
                if try inlineFlags(open) { return .empty }
            }
        }
        let body = try alternation()
        flags = saved
        guard accept(")") else {
            throw RegexSyntaxError("unclosed group: expected ')' to close the '(' at offset \(open)", at: i, length: 0)
        }
        return wrap(body)
    }

    /// The `name>` of a named group `(?<name>...)`: a letter, then letters and digits.
    private mutating func groupName() throws(RegexSyntaxError) {
        let start = i
        while let c = peek(), (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (i > start && (0x30...0x39).contains(c)) { i += 1 }
        guard i > start else {
            throw RegexSyntaxError("expected a group name (a letter, then letters or digits) after '(?<'\(peek().map { " but found \(Self.show($0))" } ?? "")", at: i, length: peek() == nil ? 0 : 1)
        }
        guard accept(">") else {
            throw RegexSyntaxError("expected '>' to end the group name\(peek().map { " but found \(Self.show($0))" } ?? "")", at: i, length: peek() == nil ? 0 : 1)
        }
    }

    /// Reads the flags of `(?flags)` or `(?flags:`; true for the former (the flags then hold to
    /// the end of the enclosing group), false for the latter (a group follows).
    private mutating func inlineFlags(_ open: Int) throws(RegexSyntaxError) -> Bool {
        var on = true
        while let c = peek() {
            i += 1
            switch c {
            case 0x2D: on = false                       // -
            case 0x69: flags.caseless = on              // i
            case 0x73: flags.dotAll = on                // s
            case 0x6D: flags.multiline = on             // m
            case 0x78: flags.comments = on              // x
            case 0x64: flags.unixLines = on             // d
            case 0x75: break                            // u: case folding is always Unicode-aware
            case 0x29: return true                      // )
            case 0x3A: return false                     // :
            case 0x55, 0x63:
                throw RegexSyntaxError("the inline flag '\(Character(Unicode.Scalar(c)!))' is not supported", at: i - 1)
            default:
                throw RegexSyntaxError("unknown group construct or inline flag \(Self.show(c)) after '(?'", at: i - 1)
            }
        }
        throw RegexSyntaxError("unclosed group: expected ')' to close the '(' at offset \(open)", at: i, length: 0)
    }

    /// An escape outside a class.
    private mutating func escape() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        guard let c = peek(1) else { throw RegexSyntaxError("unfinished escape: '\\' at the end of the pattern", at: start) }
        switch c {
        case 0x62, 0x42: i += 2; return .assertion(.wordBoundary(negated: c == 0x42))       // \b \B
        case 0x41, 0x47: i += 2; return .assertion(.inputStart)                            // \A \G
        case 0x7A: i += 2; return .assertion(.inputEnd)                                    // \z
        case 0x5A: i += 2; return .assertion(.lineEnd(multiline: false, flags.lineMode))   // \Z
        case 0x52:                                                                          // \R
            i += 2
            let crlf = RegexNode.concat([.scalar(0x0D, caseless: false), .scalar(0x0A, caseless: false)])
            return .atomic(.alternation([crlf, .set(.ranges([0x0A...0x0D, 0x85...0x85, 0x2028...0x2029]), caseless: false)]))
        case 0x51:                                                                          // \Q...\E
            i += 2
            var items: [RegexNode] = []
            while i < s.count, !(isChar("\\") && isChar("E", 1)) {
                items.append(.scalar(s[i], caseless: flags.caseless))
                i += 1
            }
            if i < s.count { i += 2 }
            return .concat(items)
        default:
            switch try escapeItem() {
            case .scalar(let v): return .scalar(v, caseless: flags.caseless)
            case .set(let set): return .set(set, caseless: flags.caseless)
            }
        }
    }

    /// What an escape stands for inside or outside a class: one scalar or a set.
    private enum EscapeItem { case scalar(UInt32), set(RegexCharSet) }

    /// An escape that stands for a scalar or a set (`\n`, `\x41`, `\d`, `\p{L}`, `\.`).
    private mutating func escapeItem() throws(RegexSyntaxError) -> EscapeItem {
        let start = i
        i += 1
        guard let c = peek() else { throw RegexSyntaxError("unfinished escape: '\\' at the end of the pattern", at: start) }
        i += 1
        switch c {
        case 0x74: return .scalar(0x09)                 // \t
        case 0x6E: return .scalar(0x0A)                 // \n
        case 0x72: return .scalar(0x0D)                 // \r
        case 0x66: return .scalar(0x0C)                 // \f
        case 0x61: return .scalar(0x07)                 // \a
        case 0x65: return .scalar(0x1B)                 // \e
        case 0x64: return .set(.digit)                  // \d
        case 0x44: return .set(.not(.digit))
        case 0x77: return .set(.word)                   // \w
        case 0x57: return .set(.not(.word))
        case 0x73: return .set(.space)                  // \s
        case 0x53: return .set(.not(.space))
        case 0x68: return .set(.horizontal)             // \h
        case 0x48: return .set(.not(.horizontal))
        case 0x76: return .set(.vertical)               // \v
        case 0x56: return .set(.not(.vertical))
        case 0x70, 0x50:                                // \p \P
            let set = try property(start)
            return .set(c == 0x50 ? .not(set) : set)
        case 0x30:                                      // \0 octal
            var v: UInt32 = 0, n = 0
            while n < 3, let d = peek(), (0x30...0x37).contains(d), v * 8 + (d - 0x30) <= 0o377 {
                v = v * 8 + (d - 0x30); i += 1; n += 1
            }
            guard n > 0 else { throw RegexSyntaxError("illegal octal escape: expected an octal digit after '\\0'", at: start, length: 2) }
            return .scalar(v)
        case 0x78:                                      // \xhh \x{h...}
            if accept("{") {
                let v = try hex(start, min: 1, max: 8)
                guard accept("}") else { throw RegexSyntaxError("expected '}' to close the hexadecimal escape", at: i) }
                return .scalar(try validScalar(v, start))
            }
            return .scalar(try hex(start, min: 2, max: 2))
        case 0x75:                                      // \uhhhh, and surrogate pairs
            let v = try hex(start, min: 4, max: 4)
            if (0xD800...0xDBFF).contains(v), isChar("\\"), isChar("u", 1) {
                let save = i
                i += 2
                if let low = try? hex(start, min: 4, max: 4), (0xDC00...0xDFFF).contains(low) {
                    return .scalar(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00))
                }
                i = save
            }
            return .scalar(try validScalar(v, start))
        case 0x63:                                      // \cX
            guard let x = peek() else { throw RegexSyntaxError("expected a control letter after '\\c'", at: i, length: 0) }
            i += 1
            return .scalar(x ^ 0x40)
        case 0x31...0x39:
            throw RegexSyntaxError("backreferences (\\\(Character(Unicode.Scalar(c)!))) are not supported", at: start, length: 2)
        case 0x6B:
            throw RegexSyntaxError("backreferences (\\k<name>) are not supported", at: start, length: 2)
        case 0x58, 0x4E:
            throw RegexSyntaxError("the escape \\\(Character(Unicode.Scalar(c)!)) is not supported", at: start, length: 2)
        default:
            let isAlnum = (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
            if isAlnum {
                throw RegexSyntaxError("unknown escape '\\\(Character(Unicode.Scalar(c)!))'", at: start, length: 2)
            }
            return .scalar(c)
        }
    }

    /// `min` to `max` hexadecimal digits.
    private mutating func hex(_ start: Int, min: Int, max: Int) throws(RegexSyntaxError) -> UInt32 {
        var v: UInt32 = 0, n = 0
        while n < max, let d = peek(), let h = Self.hexValue(d) {
            v = v &* 16 &+ h; i += 1; n += 1
        }
        guard n >= min else {
            throw RegexSyntaxError("illegal hexadecimal escape: expected \(min == max ? "\(min)" : "at least \(min)") hexadecimal digit\(min == 1 ? "" : "s")", at: start, length: i - start)
        }
        return v
    }

    private static func hexValue(_ d: UInt32) -> UInt32? {
        switch d {
        case 0x30...0x39: return d - 0x30
        case 0x41...0x46: return d - 0x41 + 10
        case 0x61...0x66: return d - 0x61 + 10
        default: return nil
        }
    }

    private func validScalar(_ v: UInt32, _ start: Int) throws(RegexSyntaxError) -> UInt32 {
        guard Unicode.Scalar(v) != nil else {
            throw RegexSyntaxError("the escape is not a Unicode scalar value (U+\(String(v, radix: 16, uppercase: true)))", at: start, length: i - start)
        }
        return v
    }

    /// The property of `\p{Name}` or `\pL` (the `\p` already read).
    private mutating func property(_ start: Int) throws(RegexSyntaxError) -> RegexCharSet {
        var name = ""
        if accept("{") {
            while let c = peek(), c != 0x7D { name.unicodeScalars.append(Unicode.Scalar(c)!); i += 1 }
            guard accept("}") else { throw RegexSyntaxError("expected '}' to close the property name", at: i, length: 0) }
        } else if let c = peek() {
            name.unicodeScalars.append(Unicode.Scalar(c)!)
            i += 1
        }
        guard let set = RegexProperties.set(named: name) else {
            throw RegexSyntaxError("unknown character property '\(name)'", at: start, length: i - start)
        }
        return set
    }

    /// A class `[...]`, from its `[` to its `]`.
    private mutating func charClass() throws(RegexSyntaxError) -> RegexCharSet {
        let open = i
        i += 1
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            throw RegexSyntaxError("classes nested too deeply (at most \(Self.maxDepth) levels)", at: open)
        }
        let negated = accept("^")
        var operands: [RegexCharSet] = []
        var items: [RegexCharSet] = []
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        func flush() {
            if !ranges.isEmpty { items.append(.ranges(ranges)); ranges = [] }
        }
        while true {
            skipComments()
            guard let c = peek() else {
                throw RegexSyntaxError("unclosed character class: expected ']' to close the '[' at offset \(open)", at: i, length: 0)
            }
            if c == 0x5D && !first { i += 1; break }                    // ]
            first = false
            if c == 0x5B {                                              // [ nested
                items.append(try charClass())
                continue
            }
            if c == 0x26 && isChar("&", 1) {                            // &&
                i += 2
                flush()
                operands.append(items.count == 1 ? items[0] : .union(items))
                items = []
                continue
            }
            if c == 0x5C && isChar("Q", 1) {                            // \Q...\E
                i += 2
                while i < s.count, !(isChar("\\") && isChar("E", 1)) { ranges.append(s[i]...s[i]); i += 1 }
                if i < s.count { i += 2 }
                continue
            }
            let itemStart = i
            let lo: UInt32
            switch try classItem() {
            case .set(let set): flush(); items.append(set); continue
            case .scalar(let v): lo = v
            }
            skipComments()
            if isChar("-"), let next = peek(1), next != 0x5D, next != 0x5B {
                i += 1
                skipComments()
                let hiStart = i
                guard case .scalar(let hi) = try classItem() else {
                    throw RegexSyntaxError("illegal character range: a range cannot end with a class", at: hiStart, length: i - hiStart)
                }
                guard lo <= hi else {
                    throw RegexSyntaxError("illegal character range \(Self.show(lo))-\(Self.show(hi)): the end is before the start", at: itemStart, length: i - itemStart)
                }
                ranges.append(lo...hi)
            } else {
                ranges.append(lo...lo)
            }
        }
        flush()
        let union = items.count == 1 ? items[0] : .union(items)
        let set = operands.isEmpty ? union : .intersection(operands + [union])
        return negated ? .not(set) : set
    }

    /// One scalar or escape inside a class.
    private mutating func classItem() throws(RegexSyntaxError) -> EscapeItem {
        guard let c = peek() else { return .scalar(0) }
        if c == 0x5C {
            if let e = peek(1), e == 0x62 || e == 0x42 || e == 0x41 || e == 0x7A || e == 0x5A || e == 0x47 || e == 0x52 {
                throw RegexSyntaxError("the escape \\\(Character(Unicode.Scalar(e)!)) is not allowed in a character class", at: i, length: 2)
            }
            return try escapeItem()
        }
        i += 1
        return .scalar(c)
    }
}
