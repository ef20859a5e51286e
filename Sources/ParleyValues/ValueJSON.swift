/// Writing values as JSON: the REPL's `json` and `jsonl` output modes, and the JSON text of
/// property values in ParleyIO's formats (CSV arrays, XML lists, graph diffs).
extension Value {
    /// The value as compact JSON text.
    ///
    /// - null, booleans, integers and strings map to their JSON counterparts; strings are
    ///   escaped (`\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, `\u00XX` for other control
    ///   characters, and `\u2028`/`\u2029` so the text is also valid JavaScript).
    /// - Finite floats are JSON numbers that keep a decimal point or exponent (`1.0`,
    ///   `1.5E-10`). JSON has no NaN or infinity: **NaN, Infinity and -Infinity become
    ///   `null`**.
    /// - Temporal values are strings in ISO 8601 (`"2015-07-21"`, `"PT1H"`).
    /// - Lists are arrays; maps are objects with keys sorted.
    /// - A node is `{"id":…,"labels":[…],"properties":{…}}`, where `id` is the node's `id`
    ///   property when it has one and its internal id otherwise.
    /// - A relationship is `{"id":<internal id>,"type":…,"start":…,"end":…,"properties":{…}}`,
    ///   `start`/`end` being the end nodes' ids as above.
    /// - A path is `{"nodes":[…],"relationships":[…]}` with full node and relationship objects.
    ///
    /// Without a graph, nodes and relationships are written as `{"id":<internal id>}`.
    public func jsonText(in graph: (any ElementLookup)?) -> String {
        var out = ""
        writeJSON(into: &out, graph)
        return out
    }

    /// A string as a JSON string literal, quotes included.
    public static func jsonString(_ s: String) -> String {
        BackslashEscape.quoted(s, quote: "\"") { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    private func writeJSON(into out: inout String, _ graph: (any ElementLookup)?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? FloatFormatting.javaStyle(d) : "null"
        case .string(let s): out += Value.jsonString(s)
        case .temporal(let t): out += Value.jsonString(t.description)
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeJSON(into: &out, graph)
            }
            out += "]"
        case .map(let map):
            Value.writeJSONObject(map.sorted { Value.compareStrings($0.key, $1.key) < 0 }, into: &out, graph)
        case .node(let n): Value.writeJSONNode(n, into: &out, graph)
        case .relationship(let r): Value.writeJSONRelationship(r, into: &out, graph)
        case .path(let p):
            out += "{\"nodes\":["
            for (i, n) in p.nodes.enumerated() {
                if i > 0 { out += "," }
                Value.writeJSONNode(n, into: &out, graph)
            }
            out += "],\"relationships\":["
            for (i, r) in p.relationships.enumerated() {
                if i > 0 { out += "," }
                Value.writeJSONRelationship(r, into: &out, graph)
            }
            out += "]}"
        }
    }

    private static func writeJSONObject(_ pairs: [(key: String, value: Value)], into out: inout String, _ graph: (any ElementLookup)?) {
        out += "{"
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out += "," }
            out += jsonString(pair.key) + ":"
            pair.value.writeJSON(into: &out, graph)
        }
        out += "}"
    }

    /// The JSON id of a node: its `id` property, else its internal id.
    private static func jsonNodeID(_ n: NodeID, _ graph: any ElementLookup) -> String {
        let id = graph.property(of: n, named: type(of: graph).idKey)
        return id.isNull ? String(n) : id.jsonText(in: nil)
    }

    private static func writeJSONNode(_ n: NodeID, into out: inout String, _ graph: (any ElementLookup)?) {
        guard let graph, n >= 0, n < graph.nodeCapacity else {
            out += "{\"id\":\(n)}"
            return
        }
        out += "{\"id\":" + jsonNodeID(n, graph) + ",\"labels\":["
        out += graph.labels(of: n).map(jsonString).joined(separator: ",")
        out += "],\"properties\":"
        writeJSONObject(graph.properties(of: n).sorted { compareStrings($0.key, $1.key) < 0 }, into: &out, graph)
        out += "}"
    }

    private static func writeJSONRelationship(_ r: RelID, into out: inout String, _ graph: (any ElementLookup)?) {
        guard let graph, r >= 0, r < graph.relationshipCapacity else {
            out += "{\"id\":\(r)}"
            return
        }
        out += "{\"id\":\(r),\"type\":" + jsonString(graph.type(of: r))
        out += ",\"start\":" + jsonNodeID(graph.startNode(of: r), graph)
        out += ",\"end\":" + jsonNodeID(graph.endNode(of: r), graph)
        out += ",\"properties\":"
        writeJSONObject(graph.properties(ofRelationship: r).sorted { compareStrings($0.key, $1.key) < 0 }, into: &out, graph)
        out += "}"
    }
}
