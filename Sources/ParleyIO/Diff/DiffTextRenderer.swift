import ParleyGraph
import ParleyValues

/// A diff as text, one line per change, then a summary line:
///
///     - node astana-2014 :Talk {name: 'Astana talks 2014'}
///     + node saudi-arabia :State {name: 'Saudi Arabia'}
///     ~ node kazakhstan: name 'Kazakhstan' → 'Republic of Kazakhstan'; +:Host
///     - (kazakhstan)-[:HOSTED]->(astana-talks-2015)
///     ~ (russia)-[:ATTENDED]->(astana-talks-2015): weight 1 → 1.0
///     1 node added, 1 removed, 1 changed; 0 relationships added, 1 removed, 1 changed
///
/// Removed entries come first, then added, then changed; nodes before relationships. Values
/// are Cypher expressions (`date('2015-05-25')`, not a bare string), so a change of type
/// shows. A node id that is not a plain word (letters, digits, `_`, `-`, `.`) is quoted.
struct DiffTextRenderer {
    let diff: GraphDiff
    /// Colour lines with ANSI escapes: removed red, added green, changed yellow.
    let color: Bool

    /// The whole text, ending in a newline.
    func render() -> String {
        var out = ""
        for node in diff.removedNodes { line(&out, "-", "node " + nodeText(node)) }
        for node in diff.addedNodes { line(&out, "+", "node " + nodeText(node)) }
        for change in diff.changedNodes { line(&out, "~", "node " + changeText(change)) }
        for r in diff.removedRelationships { line(&out, "-", relationshipText(r)) }
        for r in diff.addedRelationships { line(&out, "+", relationshipText(r)) }
        for change in diff.changedRelationships {
            let r = GraphDiff.Relationship(source: change.source, target: change.target, type: change.type, id: change.id, properties: [])
            line(&out, "~", relationshipText(r) + ": " + propertyChanges(change.properties))
        }
        out += DiffTextRenderer.summary(diff) + "\n"
        return out
    }

    /// `2 nodes added, 1 removed, 3 changed; 4 relationships added, 0 removed, 1 changed`, or
    /// `no differences`.
    static func summary(_ diff: GraphDiff) -> String {
        if diff.isEmpty { return "no differences" }
        let nodes = diff.addedNodes.count, rels = diff.addedRelationships.count
        return "\(nodes) node\(nodes == 1 ? "" : "s") added, \(diff.removedNodes.count) removed, \(diff.changedNodes.count) changed; "
            + "\(rels) relationship\(rels == 1 ? "" : "s") added, \(diff.removedRelationships.count) removed, "
            + "\(diff.changedRelationships.count) changed"
    }

    private func line(_ out: inout String, _ mark: String, _ text: String) {
        guard color else {
            out += mark + " " + text + "\n"
            return
        }
        let code = mark == "+" ? "32" : mark == "-" ? "31" : "33"
        out += "\u{1B}[\(code)m" + mark + " " + text + "\u{1B}[0m\n"
    }

    /// `saudi-arabia :State {name: 'Saudi Arabia'}`.
    private func nodeText(_ node: GraphDiff.Node) -> String {
        var text = DiffTextRenderer.nodeID(node.id)
        if !node.labels.isEmpty { text += " " + node.labels.map { ":" + Value.symbolicName($0) }.joined() }
        if !node.properties.isEmpty { text += " " + map(node.properties) }
        return text
    }

    /// `kazakhstan: name 'Kazakhstan' → 'Republic of Kazakhstan'; +:Host`.
    private func changeText(_ change: GraphDiff.NodeChange) -> String {
        var parts: [String] = []
        if !change.properties.isEmpty { parts.append(propertyChanges(change.properties)) }
        parts += change.addedLabels.map { "+:" + Value.symbolicName($0) }
        parts += change.removedLabels.map { "-:" + Value.symbolicName($0) }
        return DiffTextRenderer.nodeID(change.id) + ": " + parts.joined(separator: "; ")
    }

    /// `(kazakhstan)-[:HOSTED {id: 'h1', since: 2015}]->(astana-talks-2015)`.
    private func relationshipText(_ r: GraphDiff.Relationship) -> String {
        var properties = r.properties
        if let id = r.id { properties.insert(GraphDiff.Property(key: GraphStore.idKey, value: id), at: 0) }
        var body = ":" + Value.symbolicName(r.type)
        if !properties.isEmpty { body += " " + map(properties) }
        return "(" + DiffTextRenderer.nodeID(r.source) + ")-[" + body + "]->(" + DiffTextRenderer.nodeID(r.target) + ")"
    }

    /// `name 'Kazakhstan' → 'Republic of Kazakhstan'; capital null → 'Astana'`.
    private func propertyChanges(_ changes: [GraphDiff.PropertyChange]) -> String {
        changes.map { Value.symbolicName($0.key) + " " + DiffTextRenderer.value($0.old) + " → " + DiffTextRenderer.value($0.new) }
            .joined(separator: "; ")
    }

    private func map(_ properties: [GraphDiff.Property]) -> String {
        "{" + properties.map { Value.symbolicName($0.key) + ": " + DiffTextRenderer.value($0.value) }.joined(separator: ", ") + "}"
    }

    /// A value as a Cypher expression (`date('2015-05-25')`, `1.0`, `'text'`).
    static func value(_ v: Value) -> String { v.cypherExpression(in: nil) }

    /// A node id bare when it is a plain word, else as a quoted Cypher string.
    static func nodeID(_ id: String) -> String {
        let plain = !id.isEmpty && id.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-" || $0 == "."
        }
        return plain ? id : Value.quotedString(id)
    }
}

extension GraphDiff {
    /// The diff as text: one line per change (`+` added, `-` removed, `~` changed) and a
    /// summary line (`no differences` when there are none); with `color`, ANSI colours.
    public func text(color: Bool = false) -> String {
        DiffTextRenderer(diff: self, color: color).render()
    }

    /// The summary line alone: `2 nodes added, 1 removed, 3 changed; 4 relationships added,
    /// 0 removed, 1 changed`, or `no differences`.
    public var summary: String { DiffTextRenderer.summary(self) }
}
