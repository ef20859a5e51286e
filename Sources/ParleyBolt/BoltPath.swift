/// A path as Bolt sends it: its distinct nodes and relationships, and the walk through them.
///
/// `indices` alternates a relationship index and a node index for each step: a relationship
/// index `i > 0` is `relationships[i - 1]` traversed forwards, `-i` backwards; the node index
/// points into `nodes`. The walk starts at `nodes[0]`.
public struct BoltPath: Sendable, Hashable {
    public var nodes: [BoltNode]
    public var relationships: [BoltUnboundRelationship]
    public var indices: [Int64]

    public init(nodes: [BoltNode], relationships: [BoltUnboundRelationship], indices: [Int64]) {
        self.nodes = nodes
        self.relationships = relationships
        self.indices = indices
    }

    /// One step of the walk: the relationship, whether it is traversed from its start, and the
    /// node it reaches.
    public struct Step: Sendable, Hashable {
        public var relationship: BoltUnboundRelationship
        public var forward: Bool
        public var from: BoltNode
        public var to: BoltNode
    }

    /// The steps of the walk in order; throws when an index is out of range or odd in count.
    public func steps() throws(BoltError) -> [Step] {
        guard indices.count % 2 == 0, let first = nodes.first else {
            if indices.isEmpty && !nodes.isEmpty { return [] }
            throw .protocolViolation("a path has \(nodes.count) nodes and \(indices.count) indices")
        }
        var out: [Step] = []
        var current = first
        var i = 0
        while i < indices.count {
            let r = indices[i]
            let n = indices[i + 1]
            let ri = Int(r.magnitude) - 1
            guard r != 0, ri < relationships.count, n >= 0, Int(n) < nodes.count else {
                throw .protocolViolation("a path index is out of range (relationship \(r), node \(n))")
            }
            let next = nodes[Int(n)]
            out.append(Step(relationship: relationships[ri], forward: r > 0, from: current, to: next))
            current = next
            i += 2
        }
        return out
    }
}
