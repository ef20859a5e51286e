import ParleyGraph

/// A small JSON encoder for result values: a private stand-in for `Value.jsonText(in:)`
/// (branch `functions`), with the same shapes, so that swapping ``encode(_:in:)`` to
/// `value.jsonText(in: graph)` after the merge changes no output but float spelling.
///
/// A node is `{"id": <its id property, else internal id>, "labels": [...], "properties": {...}}`,
/// a relationship `{"id": <internal id>, "type": ..., "start": ..., "end": ..., "properties": {...}}`,
/// a path `{"nodes": [...], "relationships": [...]}`. NaN and infinities become `null`.
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
        case .double(let d): out += d.isFinite ? "\(d)" : "null"
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
            guard graph.contains(node: n) else { out += "{\"id\":\(n)}"; return }
            out += "{\"id\":" + nodeID(n, graph) + ",\"labels\":" + encode(.list(graph.labels(of: n).map { .string($0) }), in: graph)
            out += ",\"properties\":" + encode(.map(graph.properties(of: n)), in: graph) + "}"
        case .relationship(let r):
            guard graph.contains(relationship: r) else { out += "{\"id\":\(r)}"; return }
            out += "{\"id\":\(r),\"type\":" + string(graph.type(of: r))
            out += ",\"start\":" + nodeID(graph.startNode(of: r), graph) + ",\"end\":" + nodeID(graph.endNode(of: r), graph)
            out += ",\"properties\":" + encode(.map(graph.properties(ofRelationship: r)), in: graph) + "}"
        case .path(let p):
            out += "{\"nodes\":"
            write(.list(p.nodes.map { .node($0) }), in: graph, to: &out)
            out += ",\"relationships\":"
            write(.list(p.relationships.map { .relationship($0) }), in: graph, to: &out)
            out += "}"
        }
    }

    /// A node's JSON id: its `id` property, else its internal id.
    private static func nodeID(_ n: NodeID, _ graph: GraphStore) -> String {
        let id = graph.property(of: n, named: GraphStore.idKey)
        return id.isNull ? String(n) : encode(id, in: graph)
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
