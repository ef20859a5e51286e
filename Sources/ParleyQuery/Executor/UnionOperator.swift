import ParleyGraph
import ParleyValues

/// UNION [ALL] inside a subquery: for each input row, the rows of each part in turn, with the
/// part's columns copied to the union's column slots. UNION drops a row already produced for
/// the same input row.
final class UnionOperator: Operator {
    let parts: [Operator]
    let partSlots: [[Int]]
    let columnSlots: [Int]
    let distinct: Bool
    /// The part producing rows, or nil before the first input row (and after the last part).
    @exclusivity(unchecked) private var current: Int?
    @exclusivity(unchecked) private var seen = Set<[Value]>()

    init(input: Operator, parts: [Operator], partSlots: [[Int]], columnSlots: [Int], distinct: Bool) {
        self.parts = parts
        self.partSlots = partSlots
        self.columnSlots = columnSlots
        self.distinct = distinct
        super.init(input: input)
    }

    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        current = nil
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if let k = current {
                if try parts[k].pull(ctx) {
                    let values = partSlots[k].map { ctx.row[$0] }
                    for (slot, value) in zip(columnSlots, values) { ctx.row[slot] = value }
                    if distinct && !seen.insert(values).inserted { continue }
                    return true
                }
                if k + 1 < parts.count {
                    current = k + 1
                    try parts[k + 1].open(ctx)
                    continue
                }
                current = nil
            }
            guard try input!.pull(ctx) else { return false }
            seen.removeAll(keepingCapacity: true)
            current = 0
            try parts[0].open(ctx)
        }
    }
}
