import ParleyGraph

/// Variable-length expansion `-[r:T*min..max]->`: a depth-first walk producing every trail
/// (no relationship twice) whose length is within bounds. Binds the relationship list and
/// the end node (or checks it in "into" mode). Polls cancellation as it walks.
final class VarExpandOperator: Operator {
    let from: Int
    let rel: Int
    let to: Int
    let direction: Direction
    let types: [Int32]?
    let toLabels: [Int32?]
    let minLength: Int
    let maxLength: Int
    let into: Bool
    let uniqueRels: [Int]
    let uniqueLists: [Int]
    /// Property equalities every relationship on the trail must satisfy.
    let relProperties: [(key: String, value: BoundExpression)]
    /// Whether the list must be reversed to follow the pattern's written order.
    let reverseOutput: Bool
    let text: String

    private struct Frame {
        var candidates: [(rel: Int32, other: Int32)]
        var index = 0
    }
    @exclusivity(unchecked) private var stack: [Frame] = []
    @exclusivity(unchecked) private var trail: [Int32] = []
    @exclusivity(unchecked) private var nodes: [Int32] = []
    @exclusivity(unchecked) private var active = false
    @exclusivity(unchecked) private var pendingZero = false
    @exclusivity(unchecked) private var startNode = 0
    @exclusivity(unchecked) private var propValues: [(key: Int32?, value: Value)] = []

    init(input: Operator, from: Int, rel: Int, to: Int, direction: Direction, types: [Int32]?, toLabels: [Int32?],
         minLength: Int, maxLength: Int, into: Bool, uniqueRels: [Int], uniqueLists: [Int],
         relProperties: [(key: String, value: BoundExpression)], reverseOutput: Bool, text: String) {
        self.from = from
        self.rel = rel
        self.to = to
        self.direction = direction
        self.types = types
        self.toLabels = toLabels
        self.minLength = minLength
        self.maxLength = maxLength
        self.into = into
        self.uniqueRels = uniqueRels
        self.uniqueLists = uniqueLists
        self.relProperties = relProperties
        self.reverseOutput = reverseOutput
        self.text = text
        super.init(input: input)
    }

    override var name: String { into ? "VarLengthExpandInto" : "VarLengthExpand" }
    override var details: String { text }

    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        stack = []
        trail = []
        active = false
        pendingZero = false
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if !active {
                guard try input!.pull(ctx) else { return false }
                try startRow(ctx)
                continue
            }
            if pendingZero {
                pendingZero = false
                if try emit(ctx, end: startNode) { return true }
            }
            guard !stack.isEmpty else { active = false; continue }
            let top = stack.count - 1
            if stack[top].index >= stack[top].candidates.count {
                stack.removeLast()
                if !trail.isEmpty { trail.removeLast() }
                continue
            }
            let (r, other) = stack[top].candidates[stack[top].index]
            stack[top].index += 1
            try ctx.tick()
            if trail.contains(r) || !acceptRelationship(ctx, Int(r)) { continue }
            trail.append(r)
            let depth = trail.count
            if depth < maxLength {
                stack.append(Frame(candidates: neighbours(ctx.graph, Int(other))))
            } else {
                stack.append(Frame(candidates: []))
            }
            if depth >= minLength, try emit(ctx, end: Int(other)) { return true }
        }
    }

    private func startRow(_ ctx: ExecutionContext) throws(QueryError) {
        stack.removeAll(keepingCapacity: true)
        trail.removeAll(keepingCapacity: true)
        guard case .node(let n) = ctx.row[from], ctx.graph.contains(node: n), !(types?.isEmpty ?? false),
              !toLabels.contains(where: { $0 == nil }) else { return }
        propValues = []
        for (k, v) in relProperties { propValues.append((ctx.graph.keys.id(of: k), try ctx.eval(v))) }
        startNode = n
        active = true
        pendingZero = minLength == 0
        if maxLength > 0 { stack.append(Frame(candidates: neighbours(ctx.graph, n))) }
    }

    private func acceptRelationship(_ ctx: ExecutionContext, _ r: Int) -> Bool {
        for s in uniqueRels {
            if case .relationship(let o) = ctx.row[s], o == r { return false }
        }
        for s in uniqueLists {
            if case .list(let items) = ctx.row[s], items.contains(.relationship(r)) { return false }
        }
        for (k, v) in propValues {
            guard let k else { return false }
            if ctx.graph.property(of: r, relationshipKey: k).cypherEquals(v) != true { return false }
        }
        return true
    }

    private func emit(_ ctx: ExecutionContext, end: Int) throws(QueryError) -> Bool {
        for l in toLabels where !ctx.graph.hasLabel(end, l!) { return false }
        if into {
            guard case .node(let t) = ctx.row[to], t == end else { return false }
        } else {
            ctx.row[to] = .node(end)
        }
        var list = trail.map { Value.relationship(Int($0)) }
        if reverseOutput { list.reverse() }
        ctx.row[rel] = .list(list)
        return true
    }

    private func neighbours(_ g: GraphStore, _ n: Int) -> [(rel: Int32, other: Int32)] {
        var out: [(rel: Int32, other: Int32)] = []
        func add(_ d: Direction, skipLoops: Bool) {
            if let types {
                for t in types { for e in g.adjacency(of: n, d, type: t) where !(skipLoops && Int(e.other) == n) { out.append((e.rel, e.other)) } }
            } else {
                for e in g.adjacency(of: n, d) where !(skipLoops && Int(e.other) == n) { out.append((e.rel, e.other)) }
            }
        }
        if direction != .incoming { add(.outgoing, skipLoops: false) }
        if direction != .outgoing { add(.incoming, skipLoops: direction == .both) }
        return out
    }
}
