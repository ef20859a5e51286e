import ParleyQuery

/// Sentences about what a query did.
enum ResultSummary {
    /// `Created 2 nodes, set 3 properties`, or nil when nothing changed.
    static func statistics(_ s: QueryStatistics) -> String? {
        var parts: [String] = []
        func add(_ n: Int, _ verb: String, _ noun: String, _ plural: String) {
            guard n > 0 else { return }
            parts.append("\(verb) \(n) \(n == 1 ? noun : plural)")
        }
        add(s.nodesCreated, "created", "node", "nodes")
        add(s.nodesDeleted, "deleted", "node", "nodes")
        add(s.relationshipsCreated, "created", "relationship", "relationships")
        add(s.relationshipsDeleted, "deleted", "relationship", "relationships")
        add(s.propertiesSet, "set", "property", "properties")
        add(s.propertiesRemoved, "removed", "property", "properties")
        add(s.labelsAdded, "added", "label", "labels")
        add(s.labelsRemoved, "removed", "label", "labels")
        guard !parts.isEmpty else { return nil }
        var text = parts.joined(separator: ", ")
        text = text.prefix(1).uppercased() + text.dropFirst()
        return text
    }
}
