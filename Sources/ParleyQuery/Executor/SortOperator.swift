import ParleyGraph
import ParleyValues

/// ORDER BY: materialises rows with their sort keys and sorts them with Cypher's total order.
/// With a known `limit` (SKIP + LIMIT) it keeps only the best rows as it goes (top-N).
final class SortOperator: Operator {
    let keys: [(expression: BoundExpression, ascending: Bool, nullsFirst: Bool)]
    let limit: Int?
    /// Where each key is written, for its runtime errors (set by the planner).
    var keyRanges: [SourceRange] = []
    @exclusivity(unchecked) private var rows: [(key: [Value], row: [Value])] = []
    @exclusivity(unchecked) private var output = 0
    @exclusivity(unchecked) private var done = false
    /// In top-N, the first key of the worst row kept once `limit` rows are kept.
    @exclusivity(unchecked) private var worstFirst: Value = .null

    init(input: Operator, keys: [(expression: BoundExpression, ascending: Bool, nullsFirst: Bool)], limit: Int?) {
        self.keys = keys
        self.limit = limit
        super.init(input: input)
    }


    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        rows = []
        output = 0
        done = false
    }

    /// Key `i` of the current row; an error in it points at the key.
    @inline(__always) private func key(_ ctx: ExecutionContext, _ i: Int) throws(QueryError) -> Value {
        do {
            return try ctx.eval(keys[i].expression)
        } catch {
            throw located(error, i < keyRanges.count ? keyRanges[i] : nil)
        }
    }

    /// The bytes a kept row weighs.
    private static func weight(_ key: [Value], _ row: [Value]) -> Int {
        Value.estimatedBytes(ofRow: key) + Value.estimatedBytes(ofRow: row)
    }

    private func less(_ a: [Value], _ b: [Value]) -> Bool {
        for (i, k) in keys.enumerated() {
            let c = SortOperator.compare(a[i], b[i], k.ascending, k.nullsFirst)
            if c != 0 { return c < 0 }
        }
        return false
    }

    /// Which of `a` and `b` comes first under one key: negative for `a`, positive for `b`,
    /// zero for a tie. A null goes first or last as `nullsFirst` says, whatever the direction.
    @inline(__always) static func compare(_ a: Value, _ b: Value, _ ascending: Bool, _ nullsFirst: Bool) -> Int {
        let an = a.isNull, bn = b.isNull
        if an || bn {
            if an && bn { return 0 }
            return an == nullsFirst ? -1 : 1
        }
        let c = ExecutionContext.orderCompare(a, b)
        return ascending ? c : -c
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if !done {
            var key: [Value] = []
            while try input!.pull(ctx) {
                key.removeAll(keepingCapacity: true)
                if let limit, limit <= 4096 {
                    // Top-N: a sorted buffer of at most `limit` rows; most rows lose to the worst kept one,
                    // usually on the first key, so keys are evaluated only until the row is decided.
                    if rows.count >= limit {
                        guard limit > 0 else { continue }
                        // Most rows lose on the first key: compare it with the worst kept row's
                        // first key, cached, before touching the buffer.
                        let first = try self.key(ctx, 0)
                        let c0 = SortOperator.compare(first, worstFirst, keys[0].ascending, keys[0].nullsFirst)
                        if c0 > 0 { continue }
                        key.append(first)
                        var keep = c0 < 0
                        try rows.withUnsafeBufferPointer { (buffer) throws(QueryError) in
                            guard !keep else { return }
                            let worst = buffer[buffer.count - 1].key
                            for (i, k) in keys.enumerated().dropFirst() {
                                let v = try self.key(ctx, i)
                                key.append(v)
                                let c = SortOperator.compare(v, worst[i], k.ascending, k.nullsFirst)
                                if c != 0 {
                                    keep = c < 0
                                    break
                                }
                            }
                        }
                        guard keep else { continue }
                    }
                    for i in key.count..<keys.count { key.append(try self.key(ctx, i)) }
                    var lo = 0, hi = rows.count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if less(key, rows[mid].key) { hi = mid } else { lo = mid + 1 }
                    }
                    rows.insert((key, ctx.row.snapshot()), at: lo)
                    if rows.count > limit { rows.removeLast() }
                    if rows.count >= limit { worstFirst = rows[rows.count - 1].key[0] }
                    continue
                }
                for i in 0..<keys.count { key.append(try self.key(ctx, i)) }
                let row = ctx.row.snapshot()
                if ctx.tracksMemory { try ctx.charge(Self.weight(key, row), by: self) }
                rows.append((key, row))
                if let limit, rows.count / 2 >= limit {
                    rows.sort { less($0.key, $1.key) }
                    if ctx.tracksMemory {
                        var freed = 0
                        for r in rows[limit...] { freed += Self.weight(r.key, r.row) }
                        try ctx.charge(-freed, by: self)
                    }
                    rows.removeLast(rows.count - limit)
                }
            }
            rows.sort { less($0.key, $1.key) }
            if let limit, rows.count > limit { rows.removeLast(rows.count - limit) }
            done = true
        }
        guard output < rows.count else { return false }
        ctx.row.load(rows[output].row)
        output += 1
        return true
    }
}
