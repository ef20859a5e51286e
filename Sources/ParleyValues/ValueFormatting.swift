/// Printing values in Cypher notation.
extension Value {
    /// The value as a Cypher literal: `'it''s'`-style strings become `'it\'s'`, nodes
    /// `(:State {name: 'Kazakhstan'})`, relationships `[:HOSTED {date: '2015-05-25'}]`, paths
    /// `<(...)-[...]->(...)>`, map keys sorted, temporal values as their quoted ISO 8601 text
    /// (`'2015-07-21'`, `'PT1H'`), which is how the TCK writes them in expected results. `graph` is needed for nodes, relationships and paths.
    ///
    /// Details: floats always show a decimal point or an exponent, as Java's
    /// `Double.toString` does (`1.0`, `1.0E10`, `1.5E-10`, `NaN`, `Infinity`, `-Infinity`);
    /// labels, types and keys that are not plain identifiers are back-quoted; a node or
    /// relationship without properties prints no `{}`; a relationship of a path traversed
    /// against its direction prints as `<-[...]-`. Without a graph (or for an id the graph
    /// does not hold) nodes print as `(#12)` and relationships as `[#3]`.
    public func cypherLiteral(in graph: (any ElementLookup)?) -> String {
        var out = ""
        writeLiteral(into: &out, graph, readable: false)
        return out
    }

    /// The value as Cypher that reads back: `RETURN <text>` gives an equal value of the same
    /// type. Like ``cypherLiteral(in:)`` but NaN and the infinities print as `0.0 / 0.0`,
    /// `1.0 / 0.0` and `-1.0 / 0.0`, temporal values as calls (`date('2015-07-21')`,
    /// `datetime('2015-07-21T21:40+02:00[Europe/Stockholm]')`, `duration('PT1H')`), and a path
    /// as a pattern without the TCK's angle brackets. Nodes, relationships and paths have no
    /// literal form: they print as patterns (`(:State {name: 'Kazakhstan'})`), which can be
    /// used in MATCH or CREATE but do not read back as values.
    public func cypherExpression(in graph: (any ElementLookup)?) -> String {
        var out = ""
        writeLiteral(into: &out, graph, readable: true)
        return out
    }

    /// The text `toString()` gives and `+` concatenates: integers and floats in Cypher
    /// notation (`'1.0'`, `'1.0E10'`), booleans as `'true'`/`'false'`, strings unchanged,
    /// temporal values in ISO 8601 (`'1984-10-11T12:31:14.645876123+01:00'`, `'P14DT16H12M'`);
    /// `nil` for values that have no string form (null, lists, maps, graph elements).
    public func toCypherString() -> String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return FloatFormatting.javaStyle(d)
        case .bool(let b): return b ? "true" : "false"
        case .temporal(let t): return t.description
        case .null, .list, .map, .node, .relationship, .path: return nil
        }
    }

    /// A string as a single-quoted Cypher literal: `it's` → `'it\'s'`, with `\\`, `\n`,
    /// `\r`, `\t`, `\b`, `\f` and `\uXXXX` for other control characters (C0, DEL and C1).
    public static func quotedString(_ s: String) -> String {
        BackslashEscape.quoted(s, quote: "'", hexEscaped: \.isControlCharacter)
    }

    /// A label, type or key as Cypher writes it: plain when it is an identifier as the lexer
    /// reads one (a letter or `_`, then letters, `_` or ASCII digits: `name`, `_x1`),
    /// otherwise back-quoted with back-quotes doubled (`` `first name` ``).
    public static func symbolicName(_ name: String) -> String {
        var isPlain = !name.isEmpty
        for (i, scalar) in name.unicodeScalars.enumerated() {
            let ok = scalar == "_" || scalar.properties.isAlphabetic
                || (i > 0 && scalar.value >= 0x30 && scalar.value <= 0x39)
            if !ok { isPlain = false; break }
        }
        if isPlain { return name }
        var out = "`"
        for scalar in name.unicodeScalars {
            if scalar == "`" { out += "``" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "`"
    }

    /// The call that builds a temporal value from its ISO 8601 text (`date`, `datetime`, ...).
    static func temporalFunction(_ t: TemporalValue) -> String {
        switch t {
        case .date: return "date"
        case .localTime: return "localtime"
        case .time: return "time"
        case .localDateTime: return "localdatetime"
        case .dateTime: return "datetime"
        case .duration: return "duration"
        }
    }

    private func writeLiteral(into out: inout String, _ graph: (any ElementLookup)?, readable: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if readable && d.isNaN {
                out += "0.0 / 0.0"
            } else if readable && d.isInfinite {
                out += d < 0 ? "-1.0 / 0.0" : "1.0 / 0.0"
            } else {
                out += FloatFormatting.javaStyle(d)
            }
        case .string(let s): out += Value.quotedString(s)
        case .temporal(let t):
            if readable { out += Value.temporalFunction(t) + "(" }
            out += Value.quotedString(t.description)
            if readable { out += ")" }
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.writeLiteral(into: &out, graph, readable: readable)
            }
            out += "]"
        case .map(let map):
            Value.writeMap(map.sorted { Value.compareStrings($0.key, $1.key) < 0 }, into: &out, graph, emptyAsNothing: false, readable: readable)
        case .node(let n):
            Value.writeNode(n, into: &out, graph, readable: readable)
        case .relationship(let r):
            out += "["
            Value.writeRelationshipBody(r, into: &out, graph, readable: readable)
            out += "]"
        case .path(let p):
            if !readable { out += "<" }
            for (i, node) in p.nodes.enumerated() {
                if i > 0, i - 1 < p.relationships.count {
                    let rel = p.relationships[i - 1]
                    let backwards = graph.map {
                        $0.contains(relationship: rel) && $0.startNode(of: rel) == node
                            && $0.endNode(of: rel) == p.nodes[i - 1] && node != p.nodes[i - 1]
                    } ?? false
                    out += backwards ? "<-[" : "-["
                    Value.writeRelationshipBody(rel, into: &out, graph, readable: readable)
                    out += backwards ? "]-" : "]->"
                }
                Value.writeNode(node, into: &out, graph, readable: readable)
            }
            if !readable { out += ">" }
        }
    }

    private static func writeMap(_ pairs: [(key: String, value: Value)], into out: inout String, _ graph: (any ElementLookup)?, emptyAsNothing: Bool, readable: Bool) {
        if pairs.isEmpty && emptyAsNothing { return }
        out += "{"
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out += ", " }
            out += symbolicName(pair.key) + ": "
            pair.value.writeLiteral(into: &out, graph, readable: readable)
        }
        out += "}"
    }

    private static func writeNode(_ n: NodeID, into out: inout String, _ graph: (any ElementLookup)?, readable: Bool) {
        guard let graph, n >= 0, n < graph.nodeCapacity else {
            out += "(#\(n))"
            return
        }
        out += "("
        let labels = graph.labels(of: n)
        for label in labels { out += ":" + symbolicName(label) }
        let props = graph.properties(of: n).sorted { Value.compareStrings($0.key, $1.key) < 0 }
        if !props.isEmpty {
            if !labels.isEmpty { out += " " }
            writeMap(props, into: &out, graph, emptyAsNothing: true, readable: readable)
        }
        out += ")"
    }

    private static func writeRelationshipBody(_ r: RelID, into out: inout String, _ graph: (any ElementLookup)?, readable: Bool) {
        guard let graph, r >= 0, r < graph.relationshipCapacity else {
            out += "#\(r)"
            return
        }
        out += ":" + symbolicName(graph.type(of: r))
        let props = graph.properties(ofRelationship: r).sorted { Value.compareStrings($0.key, $1.key) < 0 }
        if !props.isEmpty {
            out += " "
            writeMap(props, into: &out, graph, emptyAsNothing: true, readable: readable)
        }
    }
}
