import ParleyGraph
import ParleyValues

/// One occurrence of a node in a pattern, after variables got slots.
struct NodeOccurrence {
    var slot: Int
    var name: String
    var labels: [String]
    var properties: [(key: String, value: BoundExpression)]
    /// Where the node pattern is written.
    var range: SourceRange?
    /// The label expression, when not a plain conjunction (`labels` then holds the labels it
    /// implies; the part's predicates check the rest).
    var labelExpression: LabelExpression? = nil
}

/// One relationship of a pattern, after variables got slots.
struct RelOccurrence {
    var slot: Int
    var name: String
    var types: [String]
    var properties: [(key: String, value: BoundExpression)]
    var direction: RelationshipPattern.Direction
    var length: (min: Int?, max: Int?)?
    var boundBefore: Bool
    /// Where the relationship pattern is written.
    var range: SourceRange?
    /// The type expression, when not a plain disjunction (`types` then holds the graph's
    /// types it allows).
    var typeExpression: LabelExpression? = nil
    /// When set, this step is a quantified path pattern: `slot` then holds the list of every
    /// relationship it traversed, in order (for the path and relationship uniqueness), and
    /// `length` its quantifier's bounds.
    var group: ResolvedGroup? = nil
}

/// A quantified path pattern after binding: its inner path with slots of its own (one
/// repetition's nodes and relationships), the checks one repetition must pass, and the group
/// variables (lists outside the pattern) each inner variable fills.
struct ResolvedGroup {
    /// Inner nodes, left to right; `slot` is the slot one repetition binds.
    var nodes: [NodeOccurrence]
    /// Inner relationships (single hops), left to right.
    var rels: [RelOccurrence]
    /// For each inner node, the index of an earlier inner node with the same variable (nil when none).
    var nodeAliases: [Int?]
    /// Label expressions, inline properties and WHEREs of one repetition.
    var predicates: [PendingPredicate]
    var min: Int
    var max: Int?
    /// (slot one repetition binds, slot of the group variable's list).
    var groupSlots: [(inner: Int, outer: Int)]
    /// The pattern as written, for plans.
    var text: String
}

/// A pattern part with resolved slots.
struct ResolvedPart {
    var nodes: [NodeOccurrence]
    var rels: [RelOccurrence]
    var pathSlot: Int?
    /// (fresh list slot, bound list slot) pairs that must be equal.
    var listEqualities: [(Int, Int)] = []
    /// shortestPath / allShortestPaths.
    var shortest: PatternPart.Shortest = .none
    /// Label-expression checks and the WHEREs written inside the pattern.
    var predicates: [PendingPredicate] = []
    /// A selective path selector (`SHORTEST 2`, `ANY`, …); `pathSlot` is then set (a hidden
    /// slot when the path has no name).
    var selector: PathSelector? = nil

    /// Every slot matching the part binds: nodes, relationships, group variables, the path.
    var boundSlots: [Int] {
        nodes.map(\.slot) + rels.flatMap { r in [r.slot] + (r.group.map { $0.groupSlots.flatMap { [$0.inner, $0.outer] } } ?? []) }
            + (pathSlot.map { [$0] } ?? [])
    }
}

/// A WHERE conjunct waiting for its variables to be bound.
struct PendingPredicate {
    var expression: BoundExpression
    var slots: Set<Int>
    var text: String
    /// Where the predicate is written.
    var range: SourceRange? = nil
    /// For `n.key = value`: the node slot, key and value (index-seek candidates).
    var equality: (slot: Int, key: String, value: BoundExpression)?
}

/// `MATCH` / `OPTIONAL MATCH` after binding: its patterns and WHERE conjuncts.
struct BoundMatch {
    var parts: [ResolvedPart]
    var predicates: [PendingPredicate]
    var optional: Bool
    /// The slots the MATCH binds (an OPTIONAL MATCH that finds nothing sets them to null).
    var newSlots: [Int]
    /// The slots bound before it.
    var outerBound: Set<Int>
}
