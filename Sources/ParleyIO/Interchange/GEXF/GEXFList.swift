import ParleyGraph
import ParleyValues

/// GEXF list values (`liststring` and the typed list types): `[a, "b, c", 3]`, items
/// separated by commas, strings quoted with `"` when they need it (backslash escapes `"` and
/// `\`).
enum GEXFList {
    /// The items of a list of one scalar kind as GEXF list text.
    static func text(_ items: [Value]) -> String {
        var out = "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            if case .string(let s) = item {
                out += needsQuotes(s) ? quoted(s) : s
            } else {
                out += PropertyText.scalar(item)
            }
        }
        return out + "]"
    }

    /// The item kind of a list whose items are all strings, all integers, all floats or all
    /// booleans (non-empty); nil for any other list.
    static func uniformKind(_ items: [Value]) -> PropertyText.ScalarKind? {
        guard let first = items.first else { return nil }
        let kind: PropertyText.ScalarKind
        switch first {
        case .string: kind = .string
        case .int: kind = .long
        case .double: kind = .double
        case .bool: kind = .boolean
        default: return nil
        }
        for item in items.dropFirst() {
            switch (item, kind) {
            case (.string, .string), (.int, .long), (.double, .double), (.bool, .boolean): continue
            default: return nil
            }
        }
        return kind
    }

    /// The items of GEXF list text (brackets optional); quoted items keep their spaces.
    static func items(_ text: String) -> [String] {
        var s = Substring(PropertyText.trimmed(text))
        if s.first == "[" && s.last == "]" { s = s.dropFirst().dropLast() }
        if PropertyText.trimmed(String(s)).isEmpty { return [] }
        var items: [String] = []
        var current = ""
        var quote: Character? = nil
        var wasQuoted = false
        var escaping = false
        for c in s {
            if let q = quote {
                if escaping { current.append(c); escaping = false }
                else if c == "\\" { escaping = true }
                else if c == q { quote = nil }
                else { current.append(c) }
            } else if c == "," {
                items.append(wasQuoted ? current : PropertyText.trimmed(current))
                current = ""
                wasQuoted = false
            } else if (c == "\"" || c == "'") && PropertyText.trimmed(current).isEmpty {
                quote = c
                wasQuoted = true
                current = ""
            } else if !(wasQuoted && quote == nil) {
                current.append(c)
            }
        }
        items.append(wasQuoted ? current : PropertyText.trimmed(current))
        return items
    }

    private static func needsQuotes(_ s: String) -> Bool {
        s.isEmpty || s.contains(where: { ",[]\"'\\".contains($0) }) || s.first!.isWhitespace || s.last!.isWhitespace
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            if c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }
}
