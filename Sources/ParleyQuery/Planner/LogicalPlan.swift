import ParleyGraph
import ParleyValues

/// What a query computes, step by step, before any operator exists: the logical planner's
/// output, what EXPLAIN prints, and the physical planner's input.
///
/// A pipeline is a list of steps, leaf first: each step reads the rows of the one before it.
/// Steps that run another plan per row (OPTIONAL MATCH, MERGE) hold that plan themselves, so
/// the plan is a tree of values; a pipeline of thousands of clauses is a long array, not a
/// deep one.
struct LogicalPlan {
    var steps: [PlanStep]

    /// A plan of one `Argument` step: the single starting row.
    static func argument(at range: SourceRange? = nil) -> LogicalPlan {
        LogicalPlan(steps: [PlanStep(.argument, range: range)])
    }

    /// The last step (the plan's root).
    var root: PlanStep { steps[steps.count - 1] }

    /// Adds `operation` on top.
    mutating func add(_ operation: LogicalOperation, range: SourceRange? = nil) {
        steps.append(PlanStep(operation, range: range))
    }
}

/// One step of a ``LogicalPlan``.
struct PlanStep {
    var operation: LogicalOperation
    /// Where the clause, pattern or expression the step comes from is written (errors the
    /// step raises without a position of their own point here).
    var range: SourceRange?

    init(_ operation: LogicalOperation, range: SourceRange? = nil) {
        self.operation = operation
        self.range = range
    }
}

/// A plan for a whole statement: one plan per UNION part, the sub-plans expressions run, and
/// the row layout.
struct StatementPlan {
    /// One UNION part.
    struct Part {
        var plan: LogicalPlan
        var columns: [String]
        var columnSlots: [Int]
        var slotRange: Range<Int>
    }

    var parts: [Part]
    var distinctUnion: Bool
    /// The plans of ``BoundStatement/subqueries``, in the same order.
    var subplans: [LogicalPlan]
    /// What EXPLAIN calls each sub-plan (`EXISTS`, `COUNT`, `COLLECT`); nil for the sub-plans of
    /// pattern predicates and comprehensions, which it does not show.
    var subplanLabels: [String?] = []
    var slotCount: Int
    var slotNames: [String]
    var mode: Statement.Mode
    var writes: Bool
}
