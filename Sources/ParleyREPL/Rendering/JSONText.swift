import ParleyGraph

/// A small JSON encoder for result values (a private stand-in until ParleyGraph offers
/// `Value.jsonText(in:)`).
///
/// Nodes become `{"_id": 3, "_labels": ["State"], "name": "Kazakhstan"}`, relationships
/// `{"_id": 7, "_type": "HOSTED", "_start": 3, "_end": 9, ...}`, paths
/// `{"nodes": [...], "relationships": [...]}`. Non-finite doubles become strings.
enum JSONText {
    /// The value as compact JSON text.
    static func encode(_ value: Value, in graph: GraphStore) -> String {
        var out = ""
        write(value, in: graph, to: &out)
        return out
    }

    /// An object from ordered (key, value) pairs.
    static func object(_ pairs: [(String, Value)], in graph: GraphStore) -> String {
        var out = "{"
        for (i, (k, v)) in pairs.enumerated() {
            if i > 0 { out += "," }
            out += string(k) + ":"
            write(v, in: graph, to: &out)
        }
        return out + "}"
    }

    private static func write(_ value: Value, in graph: GraphStore, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? "\(d)" : string(ValueText.double(d))
        case .string(let s): out += string(s)
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, in: graph, to: &out)
            }
            out += "]"
        case .map(let map):
            out += object(map.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, in: graph)
        case .node(let n):
            guard graph.contains(node: n) else { out += "{\"_id\":\(n),\"_deleted\":true}"; return }
            var pairs: [(String, Value)] = [("_id", .int(Int64(n))), ("_labels", .list(graph.labels(of: n).map { .string($0) }))]
            pairs += graph.properties(of: n).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            out += object(pairs, in: graph)
        case .relationship(let r):
            guard graph.contains(relationship: r) else { out += "{\"_id\":\(r),\"_deleted\":true}"; return }
            var pairs: [(String, Value)] = [
                ("_id", .int(Int64(r))), ("_type", .string(graph.type(of: r))),
                ("_start", .int(Int64(graph.startNode(of: r)))), ("_end", .int(Int64(graph.endNode(of: r)))),
            ]
            pairs += graph.properties(ofRelationship: r).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            out += object(pairs, in: graph)
        case .path(let p):
            out += "{\"nodes\":"
            write(.list(p.nodes.map { .node($0) }), in: graph, to: &out)
            out += ",\"relationships\":"
            write(.list(p.relationships.map { .relationship($0) }), in: graph, to: &out)
            out += "}"
        }
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
