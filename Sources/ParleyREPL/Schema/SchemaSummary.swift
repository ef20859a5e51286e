import Foundation
import ParleyGraph
import ParleyValues

/// What a graph contains, by label, relationship type and property key (`:schema`, the
/// banner, `parley check`).
struct SchemaSummary: Sendable {
    /// One relationship pattern with its count: `(:Person)-[:ATTENDED]->(:Talk) 12`.
    struct Pattern: Sendable, Hashable {
        var start: String, type: String, end: String
    }

    /// Label → node count, most common first (ties by name).
    var labels: [(name: String, count: Int)]
    /// Type → relationship count, most common first.
    var types: [(name: String, count: Int)]
    /// Relationship patterns by start labels, type and end labels, most common first.
    var patterns: [(pattern: Pattern, count: Int)]
    /// Label (or `(no label)`) → property key → number of nodes having it.
    var nodeKeys: [(label: String, keys: [(key: String, count: Int)])]
    /// Relationship type → property key → number of relationships having it.
    var relationshipKeys: [(type: String, keys: [(key: String, count: Int)])]
    /// Nodes and relationships in total.
    var nodeCount: Int, relationshipCount: Int

    /// Only the counts of `graph` (labels, types, totals), without the patterns and property
    /// keys that take a pass over every node and relationship: for `parley check`.
    init(countsOf graph: GraphStore) {
        labels = SchemaSummary.byCount(Dictionary(graph.labelCounts.map { ($0.label, $0.count) }, uniquingKeysWith: +))
        types = SchemaSummary.byCount(Dictionary(graph.typeCountsByName.map { ($0.type, $0.count) }, uniquingKeysWith: +))
        patterns = []
        nodeKeys = []
        relationshipKeys = []
        nodeCount = graph.nodeCount
        relationshipCount = graph.relationshipCount
    }

    /// Name → count pairs, most common first (ties by name).
    static func byCount(_ d: [String: Int]) -> [(name: String, count: Int)] {
        d.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// Summarises `graph`.
    init(_ graph: GraphStore) {
        func keysSorted(_ d: [String: [String: Int]]) -> [(String, [(key: String, count: Int)])] {
            d.keys.sorted().map { k in (k, d[k]!.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }) }
        }
        let counts = SchemaSummary(countsOf: graph)
        labels = counts.labels
        types = counts.types
        var patternCounts: [Pattern: Int] = [:]
        var relKeys: [String: [String: Int]] = [:]
        for r in graph.relationshipIDs {
            let type = graph.type(of: r)
            let p = Pattern(start: SchemaSummary.labelText(graph, graph.startNode(of: r)), type: type,
                            end: SchemaSummary.labelText(graph, graph.endNode(of: r)))
            patternCounts[p, default: 0] += 1
            for (key, _) in graph.properties(ofRelationship: r) { relKeys[type, default: [:]][key, default: 0] += 1 }
        }
        patterns = patternCounts.map { ($0.key, $0.value) }.sorted {
            if $0.1 != $1.1 { return $0.1 > $1.1 }
            return ($0.0.type, $0.0.start, $0.0.end) < ($1.0.type, $1.0.start, $1.0.end)
        }
        var nodeKeyCounts: [String: [String: Int]] = [:]
        for n in graph.nodeIDs {
            let labels = graph.labels(of: n)
            let props = graph.properties(of: n).keys
            for label in labels.isEmpty ? ["(no label)"] : labels {
                for key in props { nodeKeyCounts[label, default: [:]][key, default: 0] += 1 }
            }
        }
        nodeKeys = keysSorted(nodeKeyCounts).map { (label: $0.0, keys: $0.1) }
        relationshipKeys = keysSorted(relKeys).map { (type: $0.0, keys: $0.1) }
        nodeCount = graph.nodeCount
        relationshipCount = graph.relationshipCount
    }

    /// `(:A:B)` for a node's labels, `()` without labels.
    static func labelText(_ graph: GraphStore, _ node: NodeID) -> String {
        let labels = graph.labels(of: node).sorted()
        return labels.isEmpty ? "()" : "(" + labels.map { ":" + $0 }.joined() + ")"
    }

    /// The `:schema` report.
    var report: String { report(width: nil) }

    /// The `:schema` report, with long lists of property keys wrapped at `width` columns.
    func report(width maxWidth: Int?) -> String {
        var out = ""
        func table(_ rows: [(String, String)], indent: String = "  ") {
            let width = rows.map { $0.0.displayWidth }.max() ?? 0
            let hanging = String(repeating: " ", count: indent.count + width + 2)
            for (a, b) in rows {
                out += indent + a + String(repeating: " ", count: width - a.displayWidth + 2)
                guard let maxWidth, hanging.count + b.displayWidth > maxWidth else {
                    out += b + "\n"
                    continue
                }
                // Wrap after commas, continuing under the first item.
                var used = hanging.count
                let items = b.components(separatedBy: ", ")
                for (i, item) in items.enumerated() {
                    let piece = item + (i < items.count - 1 ? "," : "")
                    if i > 0 {
                        if used + 1 + piece.displayWidth > maxWidth {
                            out += "\n" + hanging
                            used = hanging.count
                        } else {
                            out += " "
                            used += 1
                        }
                    }
                    out += piece
                    used += piece.displayWidth
                }
                out += "\n"
            }
        }
        out += "Labels (\(nodeCount) node\(nodeCount == 1 ? "" : "s"))\n"
        if labels.isEmpty { out += "  (none)\n" }
        table(labels.map { (":" + $0.name, "\($0.count)") })
        out += "Relationship types (\(relationshipCount) relationship\(relationshipCount == 1 ? "" : "s"))\n"
        if patterns.isEmpty { out += "  (none)\n" }
        table(patterns.map { ("\($0.pattern.start)-[:\($0.pattern.type)]->\($0.pattern.end)", "\($0.count)") })
        out += "Property keys\n"
        if nodeKeys.isEmpty && relationshipKeys.isEmpty { out += "  (none)\n" }
        table(nodeKeys.map { entry in
            (entry.label.hasPrefix("(") ? entry.label : ":" + entry.label, entry.keys.map { "\($0.key) \($0.count)" }.joined(separator: ", "))
        } + relationshipKeys.map { entry in
            ("[:\(entry.type)]", entry.keys.map { "\($0.key) \($0.count)" }.joined(separator: ", "))
        })
        return out
    }

    /// `41 nodes (9 State, 11 Organization, …), 63 relationships`.
    func countsLine(maxLabels: Int = 4) -> String {
        var text = "\(nodeCount) node\(nodeCount == 1 ? "" : "s")"
        if !labels.isEmpty && maxLabels > 0 {
            var parts = labels.prefix(maxLabels).map { "\($0.count) \($0.name)" }
            if labels.count > maxLabels { parts.append("…") }
            text += " (" + parts.joined(separator: ", ") + ")"
        }
        return text + ", \(relationshipCount) relationship\(relationshipCount == 1 ? "" : "s")"
    }

    /// A query to suggest in the banner, built from the most common relationship pattern.
    var exampleQuery: String {
        guard let first = patterns.first(where: { $0.pattern.start != "()" && $0.pattern.end != "()" })?.pattern else {
            return "MATCH (n) RETURN n LIMIT 10;"
        }
        func variable(_ labels: String, _ fallback: String) -> String {
            let name = labels.dropFirst(2).prefix { $0 != ":" && $0 != ")" }
            return name.first.map { String($0).lowercased() } ?? fallback
        }
        var a = variable(first.start, "a"), b = variable(first.end, "b")
        if a == b { a += "1"; b += "2" }
        let startLabel = first.start.dropFirst().prefix { $0 != ")" }.split(separator: ":").first.map { ":" + $0 } ?? ""
        let endLabel = first.end.dropFirst().prefix { $0 != ")" }.split(separator: ":").first.map { ":" + $0 } ?? ""
        return "MATCH (\(a)\(startLabel))-[:\(first.type)]->(\(b)\(endLabel)) RETURN \(a), \(b);"
    }
}
