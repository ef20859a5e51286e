import ParleyGraph
import ParleyValues

/// A node pattern `(n:Label {key: value})`.
struct NodePattern: Sendable {
    var variable: String?
    var labels: [String]
    /// A map literal or a parameter.
    var properties: Expression?
    var range: SourceRange
    /// A label expression other than a plain conjunction (`:A|B`, `:!A`, `:%`); `labels` is
    /// then empty. Plain `:A:B` and `:A&B` are in `labels`.
    var labelExpression: LabelExpression? = nil
    /// `(n WHERE predicate)`.
    var predicate: Expression? = nil
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
    /// A type expression other than a plain disjunction (`:!R`, `:%`, `:R&S`); `types` is then
    /// empty. Plain `:R|S` (and `:R|:S`) is in `types`.
    var typeExpression: LabelExpression? = nil
    /// `-[r WHERE predicate]-`.
    var predicate: Expression? = nil
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

    /// The expressions written inside the pattern: inline properties and WHERE predicates.
    var inlineExpressions: [Expression] {
        nodes.flatMap { [$0.properties, $0.predicate].compactMap { $0 } }
            + chain.flatMap { [$0.relationship.properties, $0.relationship.predicate].compactMap { $0 } }
    }
}
