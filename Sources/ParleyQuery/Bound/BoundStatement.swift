import ParleyGraph
import ParleyValues

/// A statement after binding: its single queries (the parts of a UNION), the sub-queries its
/// expressions use, and the row layout every later stage shares. The binder produces it; the
/// logical planner turns it into a ``StatementPlan``.
struct BoundStatement {
    var parts: [BoundQuery]
    /// UNION (distinct) rather than UNION ALL.
    var distinctUnion: Bool
    /// The sub-queries of EXISTS, pattern predicates and pattern comprehensions, indexed by
    /// ``SubplanReference/index``.
    var subqueries: [BoundSubquery]
    /// How many row slots the statement uses, and a readable name per slot.
    var slotCount: Int
    var slotNames: [String]
    var mode: Statement.Mode
    /// Whether the statement writes (so it needs an eager read phase).
    var writes: Bool
}

/// One single query (clauses up to UNION) after binding.
struct BoundQuery {
    var clauses: [BoundClause]
    var columns: [String]
    var columnSlots: [Int]
    /// The slots this query (and its sub-queries) uses; the engine clears only these before
    /// running it, so a UNION of many parts costs no more than its parts.
    var slotRange: Range<Int> = 0..<0
}

/// A clause after binding: every name resolved to a slot, every expression bound, every
/// semantic rule checked.
struct BoundClause {
    /// What the clause does.
    enum Kind {
        case match(BoundMatch)
        case unwind(BoundUnwind)
        case projection(BoundProjection)
        case create(CreateAction, text: String)
        case merge(BoundMerge)
        /// SET (`name` "SetProperties") or REMOVE (`name` "Remove").
        case update([SetAction], name: String)
        case delete([BoundExpression], detach: Bool, text: String)
        case call(BoundCall)
        case foreach(BoundForeach)
        case subqueryCall(BoundSubqueryCall)
    }

    var kind: Kind
    /// Where the clause is written; steps planned for it without a position of their own get it.
    var range: SourceRange
}

/// A sub-query used inside an expression, planned on its own and run per row.
enum BoundSubquery {
    /// A pattern predicate or a pattern comprehension's pattern, with the WHERE conjuncts.
    case pattern(ResolvedPart, predicates: [PendingPredicate], outerBound: Set<Int>)
    /// The body of an `EXISTS`, `COUNT` or `COLLECT` subquery.
    case query(BoundUnion, kind: SubqueryExpressionKind)
}

/// A subquery body: its single queries joined by UNION, and where the union puts each row's
/// columns.
struct BoundUnion {
    var parts: [BoundQuery]
    /// UNION (distinct) rather than UNION ALL.
    var distinct: Bool
    /// The slots of the union's columns (the first part's own).
    var columnSlots: [Int]
    var columns: [String]
}

/// `[OPTIONAL] CALL { ... }`: a subquery run per row.
struct BoundSubqueryCall {
    var body: BoundUnion
    /// Whether the body returns nothing (a unit subquery: rows pass on unchanged).
    var unit: Bool
    /// OPTIONAL CALL: a row whose subquery yields nothing passes once, its new columns null.
    var optional: Bool
    /// Whether the body writes to the graph.
    var writes: Bool
    var text: String
}

/// `UNWIND expression AS variable`.
struct BoundUnwind {
    var expression: BoundExpression
    var slot: Int
    var text: String
    /// Where the expression is written.
    var range: SourceRange
}

/// A predicate with the text EXPLAIN shows and where it is written.
struct BoundPredicate {
    var expression: BoundExpression
    var text: String
    var range: SourceRange?
}

/// `CALL procedure(arguments) YIELD ... WHERE ...`.
struct BoundCall {
    /// The procedure's registered name (the physical planner finds its implementation).
    var procedure: String
    /// The procedure's signature, as plans show it.
    var signature: String
    var arguments: [BoundExpression]
    /// (output column index, slot) for every yielded output.
    var outputs: [(index: Int, slot: Int)]
    var range: SourceRange
    var argumentRanges: [SourceRange]
    var predicate: BoundPredicate?
    /// A standalone call's result columns.
    var columns: [String] = []
    var columnSlots: [Int] = []
}

/// `MERGE pattern ON MATCH SET ... ON CREATE SET ...`.
struct BoundMerge {
    /// The pattern, matched first.
    var part: ResolvedPart
    /// Slots bound before the MERGE.
    var outerBound: Set<Int>
    /// What to create when nothing matches (reusing the match side's slots).
    var create: CreateAction
    var onMatch: [SetAction]
    var onCreate: [SetAction]
    var text: String
}

/// `FOREACH (variable IN list | body)`.
struct BoundForeach {
    var expression: BoundExpression
    /// The slot holding the current element while the body runs.
    var slot: Int
    /// The update clauses, bound in the body's scope.
    var body: [BoundClause]
    var text: String
    /// Where the list is written.
    var listRange: SourceRange
}
