import ParleyGraph
import ParleyValues

/// `RETURN` / `WITH` after binding: what is projected or aggregated, then DISTINCT, ORDER BY,
/// SKIP, LIMIT and (for WITH) WHERE.
struct BoundProjection {
    /// What the projection computes.
    enum Body {
        /// New columns computed per row (items that are plain variables keep their slots).
        case project(items: [(slot: Int, expression: BoundExpression)], ranges: [SourceRange?], text: String)
        case aggregate(BoundAggregation)
    }

    var body: Body
    /// Writes come before it: they complete before anything is projected, and LIMIT drains.
    var afterWrite: Bool
    /// The item slots DISTINCT compares, when DISTINCT.
    var distinctSlots: [Int]?
    var order: BoundOrder?
    var skip: Int?
    var limit: Int?
    /// `WITH ... WHERE`.
    var predicate: BoundPredicate?
    var columns: [String]
    var columnSlots: [Int]
}

/// The grouping keys and aggregates of an aggregating projection.
struct BoundAggregation {
    var keys: [(slot: Int, expression: BoundExpression)]
    var aggregates: [AggregateSpec]
    /// Items computed from the aggregates afterwards (`count(*) + 1`).
    var post: [(slot: Int, expression: BoundExpression)]
    var postRanges: [SourceRange?]
    /// From the first grouping key to the last (a key that fails to evaluate points here).
    var keysRange: SourceRange?
    var text: String
    var postText: String
}

/// One aggregate of a projection: function, arguments and the slot it writes.
struct AggregateSpec: Sendable {
    var name: String
    var distinct: Bool
    var star: Bool
    var arguments: [BoundExpression]
    var slot: Int
    var text: String
    /// Where the aggregate is written, for its runtime errors.
    var range: SourceRange? = nil
}

/// `ORDER BY` keys.
struct BoundOrder {
    var keys: [(expression: BoundExpression, ascending: Bool, nullsFirst: Bool)]
    var keyRanges: [SourceRange]
    var text: String
}
