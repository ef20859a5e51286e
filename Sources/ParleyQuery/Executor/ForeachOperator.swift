import ParleyGraph
import ParleyValues

/// `FOREACH (x IN list | updates)`: for each input row, runs the body plan once per element of
/// the list (with the element in `slot`), then passes the row on unchanged.
final class ForeachOperator: Operator {
    let list: BoundExpression
    let slot: Int
    let body: Operator
    /// Where the list is written, for its type error.
    let listRange: SourceRange?

    init(input: Operator, list: BoundExpression, slot: Int, body: Operator, listRange: SourceRange?) {
        self.list = list
        self.slot = slot
        self.body = body
        self.listRange = listRange
        super.init(input: input)
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        guard try input!.pull(ctx) else { return false }
        let items: [Value]
        switch try ctx.eval(list) {
        case .list(let l): items = l
        case .null: items = []
        case let v:
            throw RuntimeError.type(.invalidArgumentType, "FOREACH expects a list but got \(v.typeName)", listRange)
        }
        guard !items.isEmpty else { return true }
        let saved = ctx.row.snapshot()
        for item in items {
            try ctx.tick()
            ctx.row[slot] = item
            try body.open(ctx)
            while try body.pull(ctx) {}
            // The body's variables are its own: the next element starts from the input row.
            ctx.row.load(saved)
        }
        return true
    }
}
