import ParleyGraph
import ParleyValues

/// `[OPTIONAL] CALL { ... }`: runs the subquery's plan for each input row. A unit subquery
/// runs to the end and the input row passes on unchanged; a returning one yields the input
/// row extended by each of its rows (OPTIONAL: once with `nullSlots` null when it has none).
final class SubqueryCallOperator: Operator {
    let inner: Operator
    let nullSlots: [Int]
    let unit: Bool
    let optional: Bool
    @exclusivity(unchecked) private var innerActive = false
    @exclusivity(unchecked) private var innerProduced = false

    init(input: Operator, inner: Operator, nullSlots: [Int], unit: Bool, optional: Bool) {
        self.inner = inner
        self.nullSlots = nullSlots
        self.unit = unit
        self.optional = optional
        super.init(input: input)
    }

    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        innerActive = false
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if unit {
            guard try input!.pull(ctx) else { return false }
            let saved = ctx.row.snapshot()
            try inner.open(ctx)
            while try inner.pull(ctx) { try ctx.tick() }
            // The subquery's variables are its own: the row passes on as it came in.
            ctx.row.load(saved)
            return true
        }
        while true {
            if innerActive {
                if try inner.pull(ctx) {
                    innerProduced = true
                    return true
                }
                innerActive = false
                if optional && !innerProduced {
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
