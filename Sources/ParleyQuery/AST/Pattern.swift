import ParleyGraph
import ParleyValues

/// A node pattern `(n:Label {key: value})`.
struct NodePattern: Sendable {
    var variable: String?
    var labels: [String]
    /// A map literal or a parameter.
    var properties: Expression?
    var range: SourceRange
}

/// A relationship pattern `-[r:TYPE|OTHER *1..3 {key: value}]->`.
struct RelationshipPattern: Sendable {
    /// Which way the arrow points, as written left to right.
    enum Direction: Sendable { case right, left, both }

    var variable: String?
    var types: [String]
    var properties: Expression?
    var direction: Direction
    /// `nil` for a single hop; otherwise the bounds of a variable-length pattern (`nil` bound = open).
    var length: (min: Int?, max: Int?)?
    var range: SourceRange
}

/// A path pattern: a node, then (relationship, node) steps; optionally named `p = ...`.
struct PatternPart: Sendable {
    /// The shortest-path wrapper, if any.
    enum Shortest: Sendable { case none, shortest, allShortest }

    var pathVariable: String?
    var shortest: Shortest = .none
    var first: NodePattern
    var chain: [(relationship: RelationshipPattern, node: NodePattern)]
    var range: SourceRange

    /// All node patterns in order.
    var nodes: [NodePattern] { [first] + chain.map(\.node) }
}
