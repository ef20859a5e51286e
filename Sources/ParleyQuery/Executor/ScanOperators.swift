import ParleyGraph

/// Binds a node slot to every node (optionally carrying all of `labels`), once per input row.
final class NodeScanOperator: Operator {
    let slot: Int
    /// The label whose index is scanned (nil = all nodes).
    let scanLabel: Int32?
    /// Further labels every produced node must carry (nil entry = unknown label: nothing matches).
    let otherLabels: [Int32?]
    @exclusivity(unchecked) private var candidates: [Int32] = []
    @exclusivity(unchecked) private var index = 0
    @exclusivity(unchecked) private var all = false
    @exclusivity(unchecked) private var capacity = 0

    init(input: Operator, slot: Int, scanLabel: Int32?, otherLabels: [Int32?]) {
        self.slot = slot
        self.scanLabel = scanLabel
        self.otherLabels = otherLabels
        super.init(input: input)
    }


    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        index = 0
        capacity = 0
        candidates = []
        all = false
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if all {
                while index < capacity {
                    let n = index
                    index += 1
                    try ctx.tick()
                    if ctx.graph.contains(node: n) && hasLabels(ctx.graph, n) {
                        ctx.row[slot] = .node(n)
                        return true
                    }
                }
            } else {
                while index < candidates.count {
                    let n = Int(candidates[index])
                    index += 1
                    try ctx.tick()
                    if hasLabels(ctx.graph, n) {
                        ctx.row[slot] = .node(n)
                        return true
                    }
                }
            }
            guard try refill(ctx) else { return false }
        }
    }

    /// Like `next`, but a node for which `accept` is false is skipped before it is bound, so a
    /// filter right above the scan costs no row or operator call per rejected node.
    func next(_ ctx: ExecutionContext, where accept: (Int) -> Bool) throws(QueryError) -> Bool {
        while true {
            if all {
                while index < capacity {
                    let n = index
                    index += 1
                    try ctx.tick()
                    if ctx.graph.contains(node: n) && hasLabels(ctx.graph, n) && accept(n) {
                        ctx.row[slot] = .node(n)
                        return true
                    }
                }
            } else {
                while index < candidates.count {
                    let n = Int(candidates[index])
                    index += 1
                    try ctx.tick()
                    if hasLabels(ctx.graph, n) && accept(n) {
                        ctx.row[slot] = .node(n)
                        return true
                    }
                }
            }
            guard try refill(ctx) else { return false }
        }
    }

    /// Pulls the next input row and sets up the candidates for it; false when the input is done.
    private func refill(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        guard try input!.pull(ctx) else { return false }
        index = 0
        if otherLabels.contains(where: { $0 == nil }) {
            // An unknown label: no node can match, so this input row yields nothing.
            candidates = []
            all = false
        } else if let scanLabel {
            candidates = ctx.graph.nodes(withLabel: scanLabel)
            all = false
        } else {
            all = true
            capacity = ctx.graph.nodeCapacity
        }
        return true
    }

    @inline(__always) private func hasLabels(_ g: GraphStore, _ n: Int) -> Bool {
        for l in otherLabels where !g.hasLabel(n, l!) { return false }
        return true
    }
}

/// Binds a node slot to the nodes whose indexed property equals a value (index seek).
final class NodeIndexSeekOperator: Operator {
    let slot: Int
    let key: Int32
    let value: BoundExpression
    let labels: [Int32?]
    @exclusivity(unchecked) private var candidates: [Int32] = []
    @exclusivity(unchecked) private var index = 0

    init(input: Operator, slot: Int, key: Int32, value: BoundExpression, labels: [Int32?]) {
        self.slot = slot
        self.key = key
        self.value = value
        self.labels = labels
        super.init(input: input)
    }


    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        candidates = []
        index = 0
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            while index < candidates.count {
                let n = Int(candidates[index])
                index += 1
                if labels.allSatisfy({ $0 != nil && ctx.graph.hasLabel(n, $0!) }) {
                    ctx.row[slot] = .node(n)
                    return true
                }
            }
            guard try input!.pull(ctx) else { return false }
            index = 0
            let v = try ctx.eval(value)
            candidates = v.isNull ? [] : (ctx.graph.nodes(whereProperty: key, equals: v) ?? [])
        }
    }
}

/// Checks that an already-bound node slot holds a live node with the given labels (or null
/// is dropped). Used when a MATCH starts at a node bound by an earlier clause.
final class BoundNodeCheckOperator: Operator {
    let slot: Int
    let labels: [Int32?]
    init(input: Operator, slot: Int, labels: [Int32?]) {
        self.slot = slot
        self.labels = labels
        super.init(input: input)
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while try input!.pull(ctx) {
            guard case .node(let n) = ctx.row[slot], ctx.graph.contains(node: n) else { continue }
            if labels.allSatisfy({ $0 != nil && ctx.graph.hasLabel(n, $0!) }) { return true }
        }
        return false
    }
}
