/// Writing values back in the TCK's notation, for mismatch messages and property identities.
extension TCKValue: CustomStringConvertible {
    /// The value in TCK notation; map keys and labels sorted so equal values print alike.
    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return TCKValue.render(d)
        case .string(let s): return TCKValue.quote(s)
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): return TCKValue.render(m)
        case .node(let n): return n.description
        case .relationship(let r): return r.description
        case .path(let p):
            var out = "<" + p.start.description
            for hop in p.hops {
                out += hop.forward ? "-\(hop.relationship)->" : "<-\(hop.relationship)-"
                out += hop.node.description
            }
            return out + ">"
        }
    }

    /// `1.0`, `0.5`, `1e+308`, `NaN`, `Inf`, `-Inf`: always distinguishable from an integer.
    static func render(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "Inf" }
        return d.description
    }

    /// `'it\'s'`.
    static func quote(_ s: String) -> String {
        var out = "'"
        for c in s {
            switch c {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "'"
    }

    /// `{a: 1, b: 'x'}` with keys sorted.
    static func render(_ m: [String: TCKValue]) -> String {
        "{" + m.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
}

extension TCKNode: CustomStringConvertible {
    /// `(:A:B {k: v})`.
    var description: String {
        var out = "(" + labels.sorted().map { ":" + $0 }.joined()
        if !properties.isEmpty { out += (labels.isEmpty ? "" : " ") + TCKValue.render(properties) }
        return out + ")"
    }
}

extension TCKRelationship: CustomStringConvertible {
    /// `[:T {k: v}]`.
    var description: String {
        "[:" + type + (properties.isEmpty ? "" : " " + TCKValue.render(properties)) + "]"
    }
}
