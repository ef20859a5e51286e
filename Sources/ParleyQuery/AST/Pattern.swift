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
    /// `-[r:R]->{1,3}`, `-->+`, `-->*`: a quantified relationship.
    var quantifier: Quantifier? = nil
    /// When set, this step is a quantified path pattern `((a)-[r]->(b) WHERE p){1,3}` standing
    /// between the nodes around it; the relationship's own fields are then unused.
    var group: QuantifiedGroup? = nil
}

/// A quantifier `{m,n}`, `{m,}`, `{,n}`, `{n}`, `+` or `*` (`max` nil: unbounded).
struct Quantifier: Sendable {
    var min: Int
    var max: Int?
    var range: SourceRange

    /// The quantifier as written in plans: `+`, `*` or `{m,n}`.
    var text: String {
        switch (min, max) {
        case (1, nil): return "+"
        case (0, nil): return "*"
        case (let lo, let hi?) where lo == hi: return "{\(lo)}"
        default: return "{\(min),\(max.map(String.init) ?? "")}"
        }
    }
}

/// A quantified path pattern: a parenthesized path (at least one relationship), an optional
/// WHERE over one repetition, and its quantifier. A class so that a relationship step can hold
/// one (the inner path is made of relationship steps again).
final class QuantifiedGroup: Sendable {
    let path: PatternPart
    let predicate: Expression?
    let quantifier: Quantifier
    let range: SourceRange

    init(path: PatternPart, predicate: Expression?, quantifier: Quantifier, range: SourceRange) {
        self.path = path
        self.predicate = predicate
        self.quantifier = quantifier
        self.range = range
    }
}

/// A path selector written before a path pattern: `ANY`, `ANY k`, `ANY SHORTEST`, `SHORTEST k`,
/// `ALL SHORTEST`, `SHORTEST k GROUPS`, `ALL`.
struct PathSelector: Sendable {
    enum Kind: Sendable, Equatable {
        /// Any `k` paths per pair of end nodes.
        case any(Int)
        /// The `k` shortest paths per pair of end nodes (`ANY SHORTEST` is `shortest(1)`).
        case shortest(Int)
        /// Every shortest path per pair of end nodes.
        case allShortest
        /// Every path whose length is among the `k` smallest per pair of end nodes.
        case shortestGroups(Int)
        /// Every path (not selective).
        case all
    }

    var kind: Kind
    var range: SourceRange

    /// Whether it keeps only some paths (every selector but ALL).
    var isSelective: Bool { kind != .all }

    /// The selector as written in plans.
    var text: String {
        switch kind {
        case .any(let k): return k == 1 ? "ANY" : "ANY \(k)"
        case .shortest(let k): return "SHORTEST \(k)"
        case .allShortest: return "ALL SHORTEST"
        case .shortestGroups(let k): return "SHORTEST \(k) GROUPS"
        case .all: return "ALL"
        }
    }
}

/// A path pattern: a node, then (relationship, node) steps; optionally named `p = ...`.
struct PatternPart: Sendable {
    /// The shortest-path wrapper, if any.
    enum Shortest: Sendable { case none, shortest, allShortest }

    var pathVariable: String?
    var shortest: Shortest = .none
    /// `SHORTEST 2 (a)-->+(b)` and the other selectors.
    var selector: PathSelector? = nil
    var first: NodePattern
    var chain: [(relationship: RelationshipPattern, node: NodePattern)]
    var range: SourceRange

    /// All node patterns in order.
    var nodes: [NodePattern] { [first] + chain.map(\.node) }

    /// The expressions written inside the pattern: inline properties and WHERE predicates.
    var inlineExpressions: [Expression] {
        nodes.flatMap { [$0.properties, $0.predicate].compactMap { $0 } }
            + chain.flatMap { step in
                [step.relationship.properties, step.relationship.predicate].compactMap { $0 }
                    + (step.relationship.group.map { $0.path.inlineExpressions + [$0.predicate].compactMap { $0 } } ?? [])
            }
    }

    /// Whether a step is a quantified relationship or a quantified path pattern.
    var isQuantified: Bool { chain.contains { $0.relationship.quantifier != nil || $0.relationship.group != nil } }
}
