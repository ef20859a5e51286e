/// A cell of an expected-results or parameters table that is not valid TCK notation.
struct TCKNotationError: Error, Sendable, CustomStringConvertible {
    var text: String
    var offset: Int
    var message: String

    var description: String { "cannot read TCK value `\(text)` at offset \(offset): \(message)" }
}

/// Parses the TCK's value notation (README.adoc, "Format of the expected results"):
/// `null`, `true`, integers, floats (`1.5`, `-1e-305`, `NaN`, `Inf`, `-Inf`), strings `'x'`
/// (with `\'` and `\\` escapes), lists `[..]`, maps `{k: v}`, nodes `(:A:B {k: v})`,
/// relationships `[:T {k: v}]` and paths `<(:A)-[:T]->(:B)<-[:U]-(:C)>`.
struct TCKValueParser {
    private let text: String
    private let scalars: [Unicode.Scalar]
    private var i = 0

    /// Parses `text` as exactly one value (surrounding whitespace allowed).
    static func parse(_ text: String) throws(TCKNotationError) -> TCKValue {
        var parser = TCKValueParser(text: text)
        let value = try parser.value()
        parser.skipSpace()
        guard parser.i == parser.scalars.count else { throw parser.error("unexpected text after the value") }
        return value
    }

    private init(text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    private func error(_ message: String) -> TCKNotationError {
        TCKNotationError(text: text, offset: i, message: message)
    }

    private var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    private mutating func skipSpace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1 }
    }

    private mutating func eat(_ s: String) -> Bool {
        let want = Array(s.unicodeScalars)
        guard i + want.count <= scalars.count, Array(scalars[i..<(i + want.count)]) == want else { return false }
        i += want.count
        return true
    }

    private mutating func expect(_ s: String) throws(TCKNotationError) {
        skipSpace()
        guard eat(s) else { throw error("expected `\(s)`") }
    }

    /// Whether a keyword (`null`, `NaN`, ...) is here and not the start of a longer word.
    private mutating func keyword(_ word: String) -> Bool {
        let start = i
        guard eat(word) else { return false }
        if let c = current, TCKValueParser.isNameScalar(c) { i = start; return false }
        return true
    }

    private mutating func value() throws(TCKNotationError) -> TCKValue {
        skipSpace()
        guard let c = current else { throw error("expected a value, found the end") }
        switch c {
        case "'", "\"": return .string(try string())
        case "[": return try listOrRelationship()
        case "{": return .map(try map())
        case "(": return .node(try node())
        case "<": return .path(try path())
        default: break
        }
        if keyword("null") { return .null }
        if keyword("true") { return .bool(true) }
        if keyword("false") { return .bool(false) }
        if keyword("NaN") { return .float(.nan) }
        if keyword("Inf") || keyword("Infinity") { return .float(.infinity) }
        if keyword("-Inf") || keyword("-Infinity") { return .float(-.infinity) }
        if c == "-" || c == "+" || c == "." || ("0"..."9").contains(c) { return try number() }
        throw error("expected a value, found `\(c)`")
    }

    private mutating func number() throws(TCKNotationError) -> TCKValue {
        let start = i
        if current == "-" || current == "+" { i += 1 }
        var isFloat = false
        func digits(_ p: inout TCKValueParser) -> Int {
            var n = 0
            while let c = p.current, ("0"..."9").contains(c) { p.i += 1; n += 1 }
            return n
        }
        var count = digits(&self)
        if current == "." {
            isFloat = true
            i += 1
            count += digits(&self)
        }
        guard count > 0 else { throw error("expected digits") }
        if current == "e" || current == "E" {
            isFloat = true
            i += 1
            if current == "-" || current == "+" { i += 1 }
            guard digits(&self) > 0 else { throw error("expected exponent digits") }
        }
        let literal = String(String.UnicodeScalarView(scalars[start..<i]))
        if isFloat {
            guard let d = Double(literal) else { throw error("bad float `\(literal)`") }
            return .float(d)
        }
        guard let n = Int64(literal) else { throw error("integer `\(literal)` out of range") }
        return .int(n)
    }

    private mutating func string() throws(TCKNotationError) -> String {
        let quote = current!
        i += 1
        var out = String.UnicodeScalarView()
        while let c = current {
            i += 1
            if c == quote { return String(out) }
            if c == "\\", let next = current {
                i += 1
                switch next {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\\", "'", "\"": out.append(next)
                default: out.append(c); out.append(next)
                }
            } else {
                out.append(c)
            }
        }
        throw error("unterminated string")
    }

    private mutating func listOrRelationship() throws(TCKNotationError) -> TCKValue {
        let start = i
        i += 1
        skipSpace()
        if current == ":" {
            i = start
            return .relationship(try relationship())
        }
        var items: [TCKValue] = []
        if eat("]") { return .list(items) }
        while true {
            items.append(try value())
            skipSpace()
            if eat("]") { return .list(items) }
            guard eat(",") else { throw error("expected `,` or `]` in a list") }
        }
    }

    private mutating func map() throws(TCKNotationError) -> [String: TCKValue] {
        try expect("{")
        var out: [String: TCKValue] = [:]
        skipSpace()
        if eat("}") { return out }
        while true {
            skipSpace()
            let key = try name()
            try expect(":")
            out[key] = try value()
            skipSpace()
            if eat("}") { return out }
            guard eat(",") else { throw error("expected `,` or `}` in a map") }
        }
    }

    /// A label, type or key: letters, digits, `_`, or a `backticked` name.
    private mutating func name() throws(TCKNotationError) -> String {
        if current == "`" {
            i += 1
            var out = String.UnicodeScalarView()
            while let c = current {
                i += 1
                if c == "`" {
                    if current == "`" { i += 1; out.append("`"); continue }
                    return String(out)
                }
                out.append(c)
            }
            throw error("unterminated `name`")
        }
        let start = i
        while let c = current, TCKValueParser.isNameScalar(c) { i += 1 }
        guard i > start else { throw error("expected a name") }
        return String(String.UnicodeScalarView(scalars[start..<i]))
    }

    private static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }

    private mutating func labelsAndProperties() throws(TCKNotationError) -> ([String], [String: TCKValue]) {
        var labels: [String] = []
        skipSpace()
        while eat(":") {
            skipSpace()
            labels.append(try name())
            skipSpace()
        }
        let properties = current == "{" ? try map() : [:]
        return (labels, properties)
    }

    private mutating func node() throws(TCKNotationError) -> TCKNode {
        try expect("(")
        let (labels, properties) = try labelsAndProperties()
        try expect(")")
        return TCKNode(labels: labels, properties: properties)
    }

    private mutating func relationship() throws(TCKNotationError) -> TCKRelationship {
        try expect("[")
        let (types, properties) = try labelsAndProperties()
        try expect("]")
        guard types.count == 1 else { throw error("a relationship has exactly one type") }
        return TCKRelationship(type: types[0], properties: properties)
    }

    private mutating func path() throws(TCKNotationError) -> TCKPath {
        try expect("<")
        let start = try node()
        var hops: [TCKPath.Hop] = []
        while true {
            skipSpace()
            if eat(">") { return TCKPath(start: start, hops: hops) }
            if eat("<-") {
                let rel = try relationship()
                try expect("-")
                hops.append(.init(relationship: rel, forward: false, node: try node()))
            } else if eat("-") {
                let rel = try relationship()
                try expect("->")
                hops.append(.init(relationship: rel, forward: true, node: try node()))
            } else {
                throw error("expected `-[`, `<-[` or `>` in a path")
            }
        }
    }
}
