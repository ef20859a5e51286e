import ParleyGraph
import ParleyValues

/// The dated elements of a graph (or of part of it) in time order: what `:timeline` lists and
/// `:render timeline` draws (docs/time.md).
public struct Timeline: Sendable {
    /// One dated node or relationship.
    public struct Entry: Sendable {
        /// When it holds.
        public var period: ValidPeriod
        /// The period as the file wrote it: `2015-04`, `2015-05-25..2015-05-28`, `2014..`.
        public var when: String
        /// The period's first day or month or year as written (`..` for "since always"): the
        /// rank of the drawing.
        public var start: String
        /// `:Talk` for a node, `:HOSTED` for a relationship.
        public var what: String
        /// The node's name (its `name`, else its id), or `start → end` for a relationship.
        public var who: String
        /// The node, if the entry is one.
        public var node: NodeID?
        /// The relationship, if the entry is one.
        public var relationship: RelID?
    }

    /// The entries, earliest first (by start, then end, then name).
    public var entries: [Entry]

    /// The dated elements of `graph`, or only those in `subgraph`. Elements that hold always
    /// (no validity property) are left out, and so are those whose validity property is not a
    /// date.
    public init(_ graph: GraphStore, subgraph: Subgraph? = nil) {
        let keys = graph.validityKeys
        let rule = graph.validity
        var entries: [Entry] = []
        func text(_ v: Value) -> String {
            switch v {
            case .string(let s): return s
            case .temporal(let t): return t.description
            default: return ""
            }
        }
        func when(_ value: (String) -> Value) -> (String, String) {
            let point = value(rule.date)
            if !point.isNull { return (text(point), text(point)) }
            let from = value(rule.from), to = value(rule.to)
            let start = from.isNull ? ".." : text(from)
            return ((from.isNull ? "" : text(from)) + ".." + (to.isNull ? "" : text(to)), start)
        }
        let nodes = subgraph.map { $0.nodes.sorted() } ?? Array(graph.nodeIDs)
        for n in nodes {
            guard let period = graph.validPeriod(ofNode: n, keys), !period.isAlways else { continue }
            let (w, s) = when { graph.property(of: n, named: $0) }
            entries.append(Entry(period: period, when: w, start: s, what: graph.labels(of: n).map { ":" + $0 }.joined(),
                                 who: Timeline.name(n, graph), node: n))
        }
        let rels = subgraph.map { $0.relationships.sorted() } ?? Array(graph.relationshipIDs)
        for r in rels {
            guard let period = graph.validPeriod(ofRelationship: r, keys), !period.isAlways else { continue }
            let (w, s) = when { graph.property(of: r, relationshipKeyNamed: $0) }
            entries.append(Entry(period: period, when: w, start: s, what: ":" + graph.type(of: r),
                                 who: Timeline.name(graph.startNode(of: r), graph) + " → " + Timeline.name(graph.endNode(of: r), graph),
                                 relationship: r))
        }
        entries.sort {
            ($0.period.start, $0.period.end) != ($1.period.start, $1.period.end)
                ? ($0.period.start, $0.period.end) < ($1.period.start, $1.period.end)
                : ($0.who, $0.what) < ($1.who, $1.what)
        }
        self.entries = entries
    }

    /// A node's `name` when it is a string, else its `id`, else `#N`.
    static func name(_ n: NodeID, _ graph: GraphStore) -> String {
        if case .string(let s) = graph.property(of: n, named: "name") { return s }
        if case .string(let s) = graph.property(of: n, named: GraphStore.idKey) { return s }
        return "#\(n)"
    }
}
