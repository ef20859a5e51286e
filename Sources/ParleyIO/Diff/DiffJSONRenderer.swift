import ParleyGraph
import ParleyValues

/// A diff as one JSON object, one entry per line:
///
///     {
///       "added": {"nodes": [...], "relationships": [...]},
///       "removed": {"nodes": [...], "relationships": [...]},
///       "changed": {"nodes": [...], "relationships": [...]}
///     }
///
/// Added and removed nodes are `{"id", "labels", "properties"}`, relationships
/// `{"source", "target", "type", "id"?, "properties"}` (`id` only when the relationship has
/// one). A changed node is `{"id", "labels": {"added": [...], "removed": [...]},
/// "properties": {KEY: {"old": V, "new": V}}}`, a changed relationship its key fields and
/// `"properties"` likewise; `null` stands for a key absent on that side. Values are written as
/// in a graph file: floats keep a decimal point (`1.0`), temporal values are typed
/// (`{"$date": "2015-05-25"}`), so that a string that became a date shows.
struct DiffJSONRenderer {
    let diff: GraphDiff
    private var out = ""

    init(diff: GraphDiff) { self.diff = diff }

    /// The whole document, ending in a newline.
    mutating func render() -> String {
        out = "{\n"
        section("added", nodes: diff.addedNodes.map(node), relationships: diff.addedRelationships.map(relationship))
        out += ",\n"
        section("removed", nodes: diff.removedNodes.map(node), relationships: diff.removedRelationships.map(relationship))
        out += ",\n"
        section("changed", nodes: diff.changedNodes.map(nodeChange), relationships: diff.changedRelationships.map(relationshipChange))
        out += "\n}\n"
        return out
    }

    private mutating func section(_ name: String, nodes: [String], relationships: [String]) {
        out += "  \"\(name)\": {\n    \"nodes\": "
        list(nodes)
        out += ",\n    \"relationships\": "
        list(relationships)
        out += "\n  }"
    }

    private mutating func list(_ items: [String]) {
        guard !items.isEmpty else {
            out += "[]"
            return
        }
        out += "[\n      " + items.joined(separator: ",\n      ") + "\n    ]"
    }

    private func node(_ n: GraphDiff.Node) -> String {
        "{\"id\": " + Value.jsonString(n.id) + ", \"labels\": " + strings(n.labels) + ", \"properties\": " + properties(n.properties) + "}"
    }

    private func relationship(_ r: GraphDiff.Relationship) -> String {
        key(r.source, r.target, r.type, r.id) + ", \"properties\": " + properties(r.properties) + "}"
    }

    private func nodeChange(_ c: GraphDiff.NodeChange) -> String {
        "{\"id\": " + Value.jsonString(c.id) + ", \"labels\": {\"added\": " + strings(c.addedLabels) + ", \"removed\": "
            + strings(c.removedLabels) + "}, \"properties\": " + changes(c.properties) + "}"
    }

    private func relationshipChange(_ c: GraphDiff.RelationshipChange) -> String {
        key(c.source, c.target, c.type, c.id) + ", \"properties\": " + changes(c.properties) + "}"
    }

    /// `{"source": ..., "target": ..., "type": ...[, "id": ...]` (the object left open).
    private func key(_ source: String, _ target: String, _ type: String, _ id: Value?) -> String {
        var text = "{\"source\": " + Value.jsonString(source) + ", \"target\": " + Value.jsonString(target)
        text += ", \"type\": " + Value.jsonString(type)
        if let id { text += ", \"id\": " + DiffJSONRenderer.value(id) }
        return text
    }

    private func strings(_ list: [String]) -> String {
        "[" + list.map(Value.jsonString).joined(separator: ", ") + "]"
    }

    private func properties(_ list: [GraphDiff.Property]) -> String {
        "{" + list.map { Value.jsonString($0.key) + ": " + DiffJSONRenderer.value($0.value) }.joined(separator: ", ") + "}"
    }

    private func changes(_ list: [GraphDiff.PropertyChange]) -> String {
        "{" + list.map {
            Value.jsonString($0.key) + ": {\"old\": " + DiffJSONRenderer.value($0.old) + ", \"new\": " + DiffJSONRenderer.value($0.new) + "}"
        }.joined(separator: ", ") + "}"
    }
}

extension DiffJSONRenderer {
    /// A property value as JSON: a temporal value typed as in a graph file
    /// (`{"$datetime": "2015-05-25T10:00+05:00"}`), lists item by item, the rest as
    /// ``Value/jsonText(in:)`` writes it.
    static func value(_ v: Value) -> String {
        switch v {
        case .temporal(let t): return "{" + Value.jsonString("$" + TemporalKind(of: t).rawValue) + ": " + Value.jsonString(t.description) + "}"
        case .list(let items): return "[" + items.map(value).joined(separator: ", ") + "]"
        default: return v.jsonText(in: nil)
        }
    }
}

extension GraphDiff {
    /// The diff as a JSON object with `added`, `removed` and `changed`, each holding `nodes`
    /// and `relationships` (see docs/time.md).
    public func json() -> String {
        var renderer = DiffJSONRenderer(diff: self)
        return renderer.render()
    }
}
