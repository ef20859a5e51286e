import ParleyGraph

/// One aggregate of a projection: function, arguments and the slot it writes.
struct AggregateSpec: Sendable {
    var name: String
    var distinct: Bool
    var star: Bool
    var arguments: [BoundExpression]
    var slot: Int
    var text: String
}

/// Hash aggregation: groups input rows by the grouping-key values and feeds each group's
/// aggregates; rows stream in, only the groups are kept. `count` is computed natively; the
/// other aggregates go through ``Aggregator``.
final class AggregateOperator: Operator {
    let keys: [(slot: Int, expression: BoundExpression)]
    let aggregates: [AggregateSpec]
    let text: String

    private enum State {
        case count(Int64)
        case countDistinct(Set<Value>)
        case other(Aggregator)
    }

    private var groupKeys: [[Value]] = []
    private var states: [[State]] = []
    private var index: [[Value]: Int] = [:]
    private var output = 0
    private var done = false

    init(input: Operator, keys: [(slot: Int, expression: BoundExpression)], aggregates: [AggregateSpec], text: String) {
        self.keys = keys
        self.aggregates = aggregates
        self.text = text
        super.init(input: input)
    }

    override var name: String { keys.isEmpty ? "Aggregation" : "GroupAggregation" }
    override var details: String { text }

    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        groupKeys = []
        states = []
        index = [:]
        output = 0
        done = false
    }

    private func freshStates() -> [State] {
        aggregates.map { spec in
            if spec.name == "count" { return spec.distinct ? .countDistinct([]) : .count(0) }
            return .other(Aggregator(name: spec.name, distinct: spec.distinct, star: spec.star))
        }
    }

    private func consume(_ ctx: ExecutionContext) throws(QueryError) {
        var scratch: [Value] = []
        scratch.reserveCapacity(keys.count)
        var lastGroup = -1
        var args: [Value] = []
        while try input!.pull(ctx) {
            scratch.removeAll(keepingCapacity: true)
            for k in keys { scratch.append(try ctx.eval(k.expression)) }
            let g: Int
            if lastGroup >= 0 && groupKeys[lastGroup] == scratch {
                g = lastGroup
            } else if let found = index[scratch] {
                g = found
            } else {
                g = groupKeys.count
                groupKeys.append(scratch)
                states.append(freshStates())
                index[scratch] = g
            }
            lastGroup = g
            for (i, spec) in aggregates.enumerated() {
                switch states[g][i] {
                case .count(let c):
                    if spec.star {
                        states[g][i] = .count(c + 1)
                    } else if !(try ctx.eval(spec.arguments[0])).isNull {
                        states[g][i] = .count(c + 1)
                    }
                case .countDistinct(var set):
                    let v = try ctx.eval(spec.arguments[0])
                    if !v.isNull {
                        states[g][i] = .count(0)  // release the set's storage before mutating
                        set.insert(v)
                        states[g][i] = .countDistinct(set)
                    }
                case .other(var agg):
                    args.removeAll(keepingCapacity: true)
                    for a in spec.arguments { args.append(try ctx.eval(a)) }
                    states[g][i] = .count(0)
                    try agg.add(args)
                    states[g][i] = .other(agg)
                }
            }
        }
        if groupKeys.isEmpty && keys.isEmpty {
            groupKeys.append([])
            states.append(freshStates())
        }
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if !done {
            try consume(ctx)
            done = true
        }
        guard output < groupKeys.count else { return false }
        let g = output
        output += 1
        for (i, k) in keys.enumerated() { ctx.row[k.slot] = groupKeys[g][i] }
        for (i, spec) in aggregates.enumerated() {
            switch states[g][i] {
            case .count(let c): ctx.row[spec.slot] = .int(c)
            case .countDistinct(let s): ctx.row[spec.slot] = .int(Int64(s.count))
            case .other(let agg): ctx.row[spec.slot] = try agg.result()
            }
        }
        return true
    }
}

/// ORDER BY: materialises rows with their sort keys and sorts them with Cypher's total order.
/// With a known `limit` (SKIP + LIMIT) it keeps only the best rows as it goes (top-N).
final class SortOperator: Operator {
    let keys: [(expression: BoundExpression, ascending: Bool)]
    let limit: Int?
    let text: String
    private var rows: [(key: [Value], row: [Value])] = []
    private var output = 0
    private var done = false

    init(input: Operator, keys: [(expression: BoundExpression, ascending: Bool)], limit: Int?, text: String) {
        self.keys = keys
        self.limit = limit
        self.text = text
        super.init(input: input)
    }

    override var name: String { limit == nil ? "Sort" : "Top" }
    override var details: String { text + (limit.map { " (keep \($0))" } ?? "") }

    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        rows = []
        output = 0
        done = false
    }

    private func less(_ a: [Value], _ b: [Value]) -> Bool {
        for (i, k) in keys.enumerated() {
            let c = a[i].orderCompare(b[i])
            if c != 0 { return k.ascending ? c < 0 : c > 0 }
        }
        return false
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if !done {
            while try input!.pull(ctx) {
                var key: [Value] = []
                key.reserveCapacity(keys.count)
                for k in keys { key.append(try ctx.eval(k.expression)) }
                rows.append((key, ctx.row))
                if let limit, rows.count >= max(2 * limit, 1024) {
                    rows.sort { less($0.key, $1.key) }
                    rows.removeLast(rows.count - limit)
                }
            }
            rows.sort { less($0.key, $1.key) }
            if let limit, rows.count > limit { rows.removeLast(rows.count - limit) }
            done = true
        }
        guard output < rows.count else { return false }
        ctx.row = rows[output].row
        output += 1
        return true
    }
}
