/// Which relationships of a node to follow.
public enum Direction: Sendable, Hashable {
    /// Relationships that start at the node: `(n)-->()`.
    case outgoing
    /// Relationships that end at the node: `(n)<--()`.
    case incoming
    /// Both: `(n)--()`. A self-loop appears once in each list, so callers that merge the two
    /// lists must skip loops in one of them.
    case both
}

/// One entry of a node's adjacency list: the relationship, its type and the node at its other end.
public struct AdjacencyEntry: Sendable, Hashable {
    /// The relationship's type id.
    public var type: Int32
    /// The relationship's id.
    public var rel: Int32
    /// The node at the other end.
    public var other: Int32

    /// Creates an entry.
    @inlinable public init(type: Int32, rel: Int32, other: Int32) {
        self.type = type
        self.rel = rel
        self.other = other
    }

    @inlinable static func < (a: AdjacencyEntry, b: AdjacencyEntry) -> Bool {
        a.type != b.type ? a.type < b.type : a.rel < b.rel
    }
}
