import ParleyGraph
import ParleyValues

/// A path selector (`ANY k`, `SHORTEST k`, `ALL SHORTEST`, `SHORTEST k GROUPS`): for each input
/// row, runs the pattern's plan to the end, partitions its rows by the path's two end nodes
/// (in the order partitions first appear) and passes on the rows the selector keeps, shortest
/// first within a partition.
final class PathSelectionOperator: Operator {
    let inner: Operator
    let selector: PathSelector.Kind
    let start: Int, end: Int, path: Int
    @exclusivity(unchecked) private var selected: [[Value]] = []
    @exclusivity(unchecked) private var index = 0
    @exclusivity(unchecked) private var charged = 0

    init(input: Operator, inner: Operator, selector: PathSelector.Kind, start: Int, end: Int, path: Int) {
        self.inner = inner
        self.selector = selector
        self.start = start
        self.end = end
        self.path = path
        super.init(input: input)
    }

    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        try release(ctx)
        selected = []
        index = 0
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if index < selected.count {
                ctx.row.load(selected[index])
                index += 1
                return true
            }
            guard try input!.pull(ctx) else { return false }
            try release(ctx)
            selected = try select(ctx)
            index = 0
        }
    }

    private func release(_ ctx: ExecutionContext) throws(QueryError) {
        if charged != 0 && ctx.tracksMemory { try ctx.charge(-charged, by: self) }
        charged = 0
    }

    /// The rows the selector keeps for the current input row.
    private func select(_ ctx: ExecutionContext) throws(QueryError) -> [[Value]] {
        struct Partition {
            var rows: [(length: Int, row: [Value])] = []
        }
        var order: [Value] = []
        var partitions: [Value: Partition] = [:]
        try inner.open(ctx)
        while try inner.pull(ctx) {
            let key = Value.list([ctx.row[start], ctx.row[end]])
            guard case .path(let p) = ctx.row[path] else { continue }
            if case .any(let k) = selector, (partitions[key]?.rows.count ?? 0) >= k { continue }
            let row = ctx.row.snapshot()
            if ctx.tracksMemory {
                let bytes = Value.estimatedBytes(ofRow: row)
                charged += bytes
                try ctx.charge(bytes, by: self)
            }
            if partitions[key] == nil { order.append(key) }
            partitions[key, default: Partition()].rows.append((p.relationships.count, row))
        }
        var out: [[Value]] = []
        for key in order {
            var rows = partitions[key]!.rows
            // Stable: paths of one length keep the order the pattern found them in.
            rows = rows.enumerated().sorted { ($0.element.length, $0.offset) < ($1.element.length, $1.offset) }.map(\.element)
            switch selector {
            case .all: out += rows.map(\.row)
            case .any(let k), .shortest(let k): out += rows.prefix(k).map(\.row)
            case .allShortest:
                let least = rows[0].length
                out += rows.prefix { $0.length == least }.map(\.row)
            case .shortestGroups(let k):
                var lengths = 0, last = -1
                for r in rows {
                    if r.length != last {
                        lengths += 1
                        last = r.length
                    }
                    if lengths > k { break }
                    out.append(r.row)
                }
            }
        }
        return out
    }
}
