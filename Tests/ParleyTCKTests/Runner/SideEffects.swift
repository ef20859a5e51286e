import ParleyGraph
import ParleyValues

/// The TCK's side-effect counts: `+nodes`, `-nodes`, `+relationships`, `-relationships`,
/// `+labels`, `-labels`, `+properties`, `-properties`.
///
/// They are computed by diffing two ``GraphSnapshot``s as the TCK README defines
/// observability, not taken from the engine's statistics:
/// - nodes and relationships: the sets of live ids (ids are never reused);
/// - labels: the set of *distinct label names in use* (`CREATE (:A), (:A)` is `+labels 1`;
///   deleting the last `:A` node is `-labels 1`);
/// - properties: the set of (entity, key, value) triples, so changing a value counts
///   `-properties 1` and `+properties 1`, and setting the same value again counts nothing.
struct SideEffects: Sendable, Equatable, CustomStringConvertible {
    /// Count per key (`"+nodes"`, ...); zero entries are omitted.
    var counts: [String: Int]

    /// The keys a scenario may use.
    static let keys = ["+nodes", "-nodes", "+relationships", "-relationships", "+labels", "-labels", "+properties", "-properties"]

    /// No side effects.
    static let none = SideEffects(counts: [:])

    /// The difference from `before` to `after`.
    init(from before: GraphSnapshot, to after: GraphSnapshot) {
        var c: [String: Int] = [:]
        func put(_ key: String, _ n: Int) { if n != 0 { c[key] = n } }
        put("+nodes", after.nodes.subtracting(before.nodes).count)
        put("-nodes", before.nodes.subtracting(after.nodes).count)
        put("+relationships", after.relationships.subtracting(before.relationships).count)
        put("-relationships", before.relationships.subtracting(after.relationships).count)
        put("+labels", after.labels.subtracting(before.labels).count)
        put("-labels", before.labels.subtracting(after.labels).count)
        put("+properties", after.properties.subtracting(before.properties).count)
        put("-properties", before.properties.subtracting(after.properties).count)
        counts = c
    }

    init(counts: [String: Int]) { self.counts = counts.filter { $0.value != 0 } }

    /// `+nodes 1, +labels 1` in the order of ``keys``, or `none`.
    var description: String {
        let parts = SideEffects.keys.compactMap { k in counts[k].map { "\(k) \($0)" } }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}

/// What side effects are measured on: live ids, labels in use, and property triples.
struct GraphSnapshot: Sendable {
    /// One property: on a node (`n`) or relationship (`r`), its id, key and value in TCK
    /// notation (type-exact, so `1` and `1.0` differ).
    struct Property: Hashable, Sendable {
        var entity: String
        var key: String
        var value: String
    }

    var nodes: Set<NodeID> = []
    var relationships: Set<RelID> = []
    var labels: Set<String> = []
    var properties: Set<Property> = []

    /// Reads everything side effects are counted on.
    init(_ graph: GraphStore) {
        for n in graph.nodeIDs {
            nodes.insert(n)
            for label in graph.labels(of: n) { labels.insert(label) }
            for (key, value) in graph.properties(of: n) {
                properties.insert(Property(entity: "n\(n)", key: key, value: TCKValue(value, in: graph).description))
            }
        }
        for r in graph.relationshipIDs {
            relationships.insert(r)
            for (key, value) in graph.properties(ofRelationship: r) {
                properties.insert(Property(entity: "r\(r)", key: key, value: TCKValue(value, in: graph).description))
            }
        }
    }
}
