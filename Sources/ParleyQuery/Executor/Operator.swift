import ParleyGraph
import ParleyValues

/// A physical operator of the pull-based pipeline. `open` prepares it; each `next` call
/// produces one row in `ctx.row` and returns true, or returns false when exhausted.
///
/// The physical planner builds one per step of a ``LogicalPlan`` and gives it the step's
/// ``name`` and ``details`` (errors and PROFILE name it so).
class Operator {
    /// The operator feeding this one (nil for leaves).
    @exclusivity(unchecked) var input: Operator?
    /// Rows produced so far, over every run (for PROFILE).
    @exclusivity(unchecked) var rowsProduced = 0
    /// Rows produced since the step was last opened (for the row budget: a step inside
    /// OPTIONAL MATCH or MERGE runs again, from zero, for each incoming row).
    @exclusivity(unchecked) var rowsThisRun = 0
    /// Where the step's pattern or expression is written, for budget errors (set by the planner).
    var sourceRange: SourceRange?
    /// Time spent in `next`, children included (for PROFILE).
    @exclusivity(unchecked) var elapsed: Duration = .zero

    init(input: Operator?) { self.input = input }

    /// The name of the plan step the operator runs (set by the physical planner; errors name it).
    var name = ""
    /// What the step does, in the words of the query.
    var details = ""

    /// The number of rows the rest of this run would produce, when the operator can count them
    /// without producing them (nil: pull them). Called only before the first row is pulled.
    func countRows(_ ctx: ExecutionContext) throws(QueryError) -> Int? { nil }

    /// Prepares (or re-prepares) the operator for a fresh run.
    /// An error from a step below without a position gets this step's, as in ``pull(_:)``.
    func open(_ ctx: ExecutionContext) throws(QueryError) {
        rowsThisRun = 0
        do {
            try checkStack(ctx)
            try input?.open(ctx)
        } catch {
            throw located(error, sourceRange)
        }
    }

    /// Throws if the thread's stack could not hold this pipeline: `open` goes as deep as `next`
    /// will, so a pipeline of many thousands of clauses stops here, at its deepest step. Open
    /// may use only half the stack (``ExecutionContext/pipelineLimit``): pulling a row takes a
    /// few more frames per step than opening.
    @inline(__always) final func checkStack(_ ctx: ExecutionContext) throws(QueryError) {
        guard StackGuard.hasRoom(below: ctx.pipelineLimit) else {
            var error = QueryError.evaluationTooDeep
            error.message = "Query too long to run on this thread's stack"
            throw located(error, sourceRange)
        }
    }

    /// Produces the next row into `ctx.row`.
    func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool { false }

    /// The step as errors name it: `VarLengthExpand (a)-[*]-(b)`.
    var stepDescription: String { details.isEmpty ? name : "\(name) \(details)" }

    /// Calls `next`; under PROFILE or a row budget, also counts rows (and time when profiling).
    /// An error without a position gets the step's (`sourceRange`), so every runtime error
    /// points at the clause or pattern that raised it. The stack is checked here too: pulling
    /// a row through thousands of steps (`OPTIONAL MATCH` applies) goes deeper than opening them.
    @inline(__always) final func pull(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        do {
            try checkStack(ctx)
            if ctx.countsRows { return try countedPull(ctx) }
            return try next(ctx)
        } catch {
            throw located(error, sourceRange)
        }
    }

    /// `error` with `range` as its position when it has none; the position is then settled,
    /// so steps further up leave it as it is. Without a position of either kind the error is
    /// left unsettled, for a step further up to give it one.
    @inline(never) final func located(_ error: QueryError, _ range: SourceRange?) -> QueryError {
        guard !error.positionSettled, error.range != nil || range != nil else { return error }
        var located = error
        if located.range == nil { located.range = range }
        located.positionSettled = true
        return located
    }

    /// `pull` with counting: rows for PROFILE and the row budget, time for PROFILE.
    @inline(never) private final func countedPull(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        let ok: Bool
        if ctx.profiling {
            let t0 = ContinuousClock.now
            ok = try next(ctx)
            elapsed += ContinuousClock.now - t0
        } else {
            ok = try next(ctx)
        }
        if ok {
            rowsProduced += 1
            rowsThisRun += 1
            if ctx.budget.maxRows > 0 && rowsThisRun > ctx.budget.maxRows { throw ctx.rowBudgetExceeded(by: self) }
        }
        return ok
    }
}

/// Produces exactly one row per `open` (the start of every pipeline and sub-plan).
final class ArgumentOperator: Operator {
    @exclusivity(unchecked) private var done = false
    init() { super.init(input: nil) }
    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        rowsThisRun = 0
        done = false
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if done { return false }
        done = true
        return true
    }
}

/// Keeps rows for which the predicate is true.
final class FilterOperator: Operator {
    let predicate: BoundExpression
    /// Where the predicate is written, for runtime errors that have no position of their own.
    let range: SourceRange?
    /// The predicate when it is `n.key <op> constant`, evaluated without walking the tree.
    let comparison: NodePropertyComparison
    let hasComparison: Bool
    init(input: Operator, predicate: BoundExpression, range: SourceRange? = nil) {
        self.predicate = predicate
        self.range = range
        let c = NodePropertyComparison(predicate)
        hasComparison = c != nil
        comparison = c ?? NodePropertyComparison(read: NodePropertyRead(slot: 0, key: 0), op: .eq, constant: .null)
        if let c, let scan = input as? NodeScanOperator, scan.slot == c.read.slot { fusedScan = scan } else { fusedScan = nil }
        super.init(input: input)
        sourceRange = range
    }
    /// The node scan right below, binding the compared node: the comparison runs inside its loop.
    let fusedScan: NodeScanOperator?
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if let fusedScan, !ctx.profiling {
            // `decided`: the fast path gave the answer for the node the scan returns.
            var decided = false
            while try fusedScan.next(ctx, where: { n in
                if let h = comparison.holds(ctx, node: n) {
                    decided = true
                    return h
                }
                decided = false
                return true
            }) {
                if decided { return true }
                if try holdsInFull(ctx) { return true }
            }
            return false
        }
        while try input!.pull(ctx) {
            if hasComparison, let holds = comparison.holds(ctx) {
                if holds { return true }
                continue
            }
            if try holdsInFull(ctx) { return true }
        }
        return false
    }

    /// Evaluates the predicate on the current row: true keeps it; false or null drops it.
    func holdsInFull(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        let v: Value
        do {
            v = try ctx.eval(predicate)
        } catch {
            var e = error
            if e.range == nil { e.range = range }
            throw e
        }
        switch v {
        case .bool(true): return true
        case .bool(false), .null: return false
        default: throw RuntimeError.type(.invalidArgumentType, "WHERE expects a boolean but got \(v.typeName)", range)
        }
    }
}

/// Computes expressions into slots.
final class ProjectOperator: Operator {
    let items: [(slot: Int, expression: BoundExpression)]
    /// Where each item is written, for runtime errors without a position.
    let ranges: [SourceRange?]
    @exclusivity(unchecked) private var scratch: [Value] = []
    init(input: Operator, items: [(slot: Int, expression: BoundExpression)], ranges: [SourceRange?] = []) {
        self.items = items
        self.ranges = ranges
        super.init(input: input)
    }

    private func evaluate(_ ctx: ExecutionContext, _ i: Int) throws(QueryError) -> Value {
        do {
            return try ctx.eval(items[i].expression)
        } catch {
            var e = error
            if e.range == nil, i < ranges.count { e.range = ranges[i] }
            throw e
        }
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        guard try input!.pull(ctx) else { return false }
        if items.count == 1 {
            ctx.row[items[0].slot] = try evaluate(ctx, 0)
            return true
        }
        scratch.removeAll(keepingCapacity: true)
        for i in items.indices { scratch.append(try evaluate(ctx, i)) }
        for (i, item) in items.enumerated() { ctx.row[item.slot] = scratch[i] }
        return true
    }
}

/// `UNWIND list AS x`: one row per element.
final class UnwindOperator: Operator {
    let expression: BoundExpression
    let slot: Int
    @exclusivity(unchecked) private var items: [Value] = []
    @exclusivity(unchecked) private var index = 0
    init(input: Operator, expression: BoundExpression, slot: Int) {
        self.expression = expression
        self.slot = slot
        super.init(input: input)
    }
    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        items = []
        index = 0
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if index < items.count {
                try ctx.tick()
                ctx.row[slot] = items[index]
                index += 1
                return true
            }
            guard try input!.pull(ctx) else { return false }
            switch try ctx.eval(expression) {
            case .list(let l): items = l
            case .null: items = []
            case let v: items = [v]
            }
            index = 0
        }
    }
}

/// Drops the first `count` rows.
final class SkipOperator: Operator {
    let count: Int
    @exclusivity(unchecked) private var skipped = 0
    init(input: Operator, count: Int) {
        self.count = count
        super.init(input: input)
    }
    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        skipped = 0
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while skipped < count {
            guard try input!.pull(ctx) else { return false }
            skipped += 1
        }
        return try input!.pull(ctx)
    }
}

/// Stops after `count` rows.
final class LimitOperator: Operator {
    let count: Int
    /// Pull the rest of the input anyway (writes below must all happen).
    let drain: Bool
    @exclusivity(unchecked) private var produced = 0
    init(input: Operator, count: Int, drain: Bool = false) {
        self.count = count
        self.drain = drain
        super.init(input: input)
    }
    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        produced = 0
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        guard produced < count else {
            if drain { while try input!.pull(ctx) {} }
            return false
        }
        guard try input!.pull(ctx) else { return false }
        produced += 1
        return true
    }
}

/// Removes rows whose values in `slots` were already seen.
final class DistinctOperator: Operator {
    /// A triangle join below whose rows are distinct when it runs its join and no two nodes
    /// share a `key` value (nil key: the columns are the nodes themselves).
    struct Waiver {
        let join: TriangleJoinOperator
        let key: Int32?
    }

    let slots: [Int]
    var waiver: Waiver?
    @exclusivity(unchecked) private var seen = EntryHashTable()
    @exclusivity(unchecked) private var kept: [[Value]] = []
    /// Whether rows pass unchecked: decided at the first row (nil before it).
    @exclusivity(unchecked) private var waived: Bool?
    init(input: Operator, slots: [Int]) {
        self.slots = slots
        super.init(input: input)
    }
    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        seen = EntryHashTable()
        kept = []
        waived = nil
    }

    /// Whether the waiver holds now that the join below has chosen how it runs.
    private func waiverHolds(_ ctx: ExecutionContext) -> Bool {
        guard let waiver, waiver.join.isJoining else { return false }
        return waiver.key.map { ctx.graph.isUniquelyIndexed($0) } ?? true
    }

    /// The number of rows this operator would produce, counted without producing them, when
    /// the waiver holds (the projection between holds only reads of the join's nodes).
    override func countRows(_ ctx: ExecutionContext) throws(QueryError) -> Int? {
        // Only a projection (of reads of the join's nodes: the waiver's condition) may stand between.
        guard let waiver, waived == nil, input === waiver.join || (input is ProjectOperator && input!.input === waiver.join)
        else { return nil }
        try waiver.join.start(ctx)
        guard waiverHolds(ctx) else { return nil }
        waived = true
        return try waiver.join.countTriangles(ctx)
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if waived == true { return try input!.pull(ctx) }
        while try input!.pull(ctx) {
            if waived == nil {
                waived = waiverHolds(ctx)
                if waived! { return true }
            }
            var key: [Value] = []
            key.reserveCapacity(slots.count)
            for s in slots { key.append(ctx.row[s]) }
            var h: UInt64 = 0x58
            for v in key { h = FastHash.mix(h ^ FastHash.hash(v)) }
            let r = seen.findOrInsert(h, matches: { self.kept[$0] == key }, make: { self.kept.count })
            if r.inserted {
                if ctx.tracksMemory { try ctx.charge(Value.estimatedBytes(ofRow: key) + 16, by: self) }
                kept.append(key)
                return true
            }
        }
        return false
    }
}

/// Materialises all input rows before passing any on (used before writes, so reads see the
/// graph as it was before the clause).
final class EagerOperator: Operator {
    @exclusivity(unchecked) private var rows: [[Value]] = []
    @exclusivity(unchecked) private var index = 0
    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        rows = []
        index = -1
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if index < 0 {
            while try input!.pull(ctx) {
                let row = ctx.row.snapshot()
                if ctx.tracksMemory { try ctx.charge(Value.estimatedBytes(ofRow: row), by: self) }
                rows.append(row)
            }
            index = 0
        }
        guard index < rows.count else { return false }
        ctx.row.load(rows[index])
        index += 1
        return true
    }
}

/// For each input row, runs `inner`; if it yields nothing, yields the row once with the
/// inner's new slots set to null (OPTIONAL MATCH).
final class OptionalApplyOperator: Operator {
    let inner: Operator
    let nullSlots: [Int]
    @exclusivity(unchecked) private var innerActive = false
    @exclusivity(unchecked) private var innerProduced = false
    init(input: Operator, inner: Operator, nullSlots: [Int]) {
        self.inner = inner
        self.nullSlots = nullSlots
        super.init(input: input)
    }
    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        innerActive = false
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if innerActive {
                if try inner.pull(ctx) {
                    innerProduced = true
                    return true
                }
                innerActive = false
                if !innerProduced {
                    for s in nullSlots { ctx.row[s] = .null }
                    return true
                }
            }
            guard try input!.pull(ctx) else { return false }
            try inner.open(ctx)
            innerActive = true
            innerProduced = false
        }
    }
}
