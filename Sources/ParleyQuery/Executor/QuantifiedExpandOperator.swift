import ParleyGraph
import ParleyValues

/// A quantified path pattern `((a)-[r]->(b) WHERE p){min,max}` from a bound node: a
/// depth-first walk whose every step is one repetition of the inner path, never using a
/// relationship twice (on the walk, and against the relationships bound earlier in the
/// MATCH). Binds the end node (or checks it in "into" mode), the list of every relationship
/// walked and each group variable's list. Polls cancellation as it walks.
final class QuantifiedExpandOperator: Operator {
    /// One hop of the inner path, in walk order.
    struct Hop {
        var rel: Int
        var direction: Direction
        var types: [Int32]?
    }

    let from: Int, to: Int, into: Bool
    /// Labels the end node must carry (nil: a label the graph lacks).
    let toLabels: [Int32?]
    /// The slot of the list of relationships walked.
    let relsSlot: Int
    /// The inner nodes' slots in walk order (hops.count + 1 of them).
    let nodes: [Int]
    /// Labels each inner node must carry (nil: a label the graph lacks).
    let nodeLabels: [[Int32?]]
    /// Per inner node, an earlier one with the same variable (they must be the same node).
    let aliases: [Int?]
    let hops: [Hop]
    /// What one repetition must satisfy, with its inner slots bound.
    let predicates: [BoundExpression]
    let minCount: Int, maxCount: Int
    /// (inner slot, group variable slot).
    let groupSlots: [(inner: Int, outer: Int)]
    let uniqueRels: [Int], uniqueLists: [Int]
    /// The walk runs from the pattern's right end: every list is reversed on output.
    let reverseOutput: Bool

    /// One repetition found from a node: its nodes (walk order) and relationships.
    private struct Repetition {
        var nodes: [Int]
        var rels: [Int]
    }
    private struct Frame {
        var candidates: [Repetition]
        var index = 0
    }
    @exclusivity(unchecked) private var stack: [Frame] = []
    @exclusivity(unchecked) private var trail: [Int] = []
    @exclusivity(unchecked) private var onTrail = Set<Int>()
    /// Per group variable, its values along the walk.
    @exclusivity(unchecked) private var groupValues: [[Value]] = []
    @exclusivity(unchecked) private var active = false
    @exclusivity(unchecked) private var pendingZero = false
    @exclusivity(unchecked) private var startNode = 0

    init(input: Operator, from: Int, to: Int, into: Bool, toLabels: [Int32?], relsSlot: Int, nodes: [Int], nodeLabels: [[Int32?]], hops: [Hop],
         predicates: [BoundExpression], minCount: Int, maxCount: Int, groupSlots: [(inner: Int, outer: Int)],
         uniqueRels: [Int], uniqueLists: [Int], reverseOutput: Bool) {
        self.from = from; self.to = to; self.into = into
        self.toLabels = toLabels
        self.relsSlot = relsSlot
        self.nodes = nodes
        self.nodeLabels = nodeLabels
        self.aliases = nodes.indices.map { i in nodes[..<i].firstIndex(of: nodes[i]) }
        self.hops = hops
        self.predicates = predicates
        self.minCount = minCount
        self.maxCount = maxCount
        self.groupSlots = groupSlots
        self.uniqueRels = uniqueRels
        self.uniqueLists = uniqueLists
        self.reverseOutput = reverseOutput
        super.init(input: input)
    }

    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        stack = []
        trail = []
        onTrail = []
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
                if emit(ctx, end: startNode) { return true }
            }
            guard !stack.isEmpty else { active = false; continue }
            let top = stack.count - 1
            if stack[top].index >= stack[top].candidates.count {
                stack.removeLast()
                if !stack.isEmpty { undoRepetition() }
                continue
            }
            let rep = stack[top].candidates[stack[top].index]
            stack[top].index += 1
            try ctx.tick()
            // Candidates were found with the walk as it is now; apply this one.
            for r in rep.rels {
                trail.append(r)
                onTrail.insert(r)
            }
            for (g, slots) in groupSlots.enumerated() {
                groupValues[g].append(value(of: slots.inner, in: rep))
            }
            let count = stack.count
            let end = rep.nodes[rep.nodes.count - 1]
            stack.append(Frame(candidates: count < maxCount ? try repetitions(ctx, from: end) : []))
            if count >= minCount, emit(ctx, end: end) { return true }
        }
    }

    /// The value the inner slot had in a repetition.
    private func value(of slot: Int, in rep: Repetition) -> Value {
        if let i = nodes.firstIndex(of: slot) { return .node(rep.nodes[i]) }
        if let j = hops.firstIndex(where: { $0.rel == slot }) { return .relationship(rep.rels[j]) }
        return .null
    }

    /// Takes the last repetition off the walk.
    private func undoRepetition() {
        for _ in 0..<hops.count {
            if let r = trail.popLast() { onTrail.remove(r) }
        }
        for g in groupValues.indices { _ = groupValues[g].popLast() }
    }

    private func startRow(_ ctx: ExecutionContext) throws(QueryError) {
        stack.removeAll(keepingCapacity: true)
        trail.removeAll(keepingCapacity: true)
        onTrail.removeAll(keepingCapacity: true)
        groupValues = Array(repeating: [], count: groupSlots.count)
        guard case .node(let n) = ctx.row[from], ctx.graph.contains(node: n) else { return }
        startNode = n
        active = true
        pendingZero = minCount == 0
        stack.append(Frame(candidates: maxCount > 0 ? try repetitions(ctx, from: n) : []))
    }

    private func emit(_ ctx: ExecutionContext, end: Int) -> Bool {
        for l in toLabels {
            guard let l, ctx.graph.hasLabel(end, l) else { return false }
        }
        if into {
            guard case .node(let t) = ctx.row[to], t == end else { return false }
        } else {
            ctx.row[to] = .node(end)
        }
        let rels = trail.map { Value.relationship($0) }
        ctx.row[relsSlot] = .list(reverseOutput ? rels.reversed() : rels)
        for (g, slots) in groupSlots.enumerated() {
            ctx.row[slots.outer] = .list(reverseOutput ? groupValues[g].reversed() : groupValues[g])
        }
        return true
    }

    /// Every way to walk the inner path once from `start` with relationships not used yet,
    /// that passes the repetition's checks.
    private func repetitions(_ ctx: ExecutionContext, from start: Int) throws(QueryError) -> [Repetition] {
        var out: [Repetition] = []
        var current = Repetition(nodes: [start], rels: [])
        guard nodeFits(ctx.graph, 0, start) else { return [] }
        try extend(ctx, &current, &out)
        return out
    }

    private func nodeFits(_ g: GraphStore, _ i: Int, _ n: Int) -> Bool {
        for l in nodeLabels[i] {
            guard let l, g.hasLabel(n, l) else { return false }
        }
        return true
    }

    private func extend(_ ctx: ExecutionContext, _ rep: inout Repetition, _ out: inout [Repetition]) throws(QueryError) {
        let i = rep.rels.count
        if i == hops.count {
            for (k, n) in rep.nodes.enumerated() {
                if let a = aliases[k], rep.nodes[a] != n { return }
                ctx.row[nodes[k]] = .node(n)
            }
            for (k, r) in rep.rels.enumerated() { ctx.row[hops[k].rel] = .relationship(r) }
            for p in predicates {
                guard case .bool(true) = try ctx.eval(p) else { return }
            }
            out.append(rep)
            return
        }
        try ctx.tick()
        let hop = hops[i]
        let n = rep.nodes[i]
        let g = ctx.graph
        var candidates: [(rel: Int, other: Int)] = []
        func add(_ d: Direction, skipLoops: Bool) {
            if let types = hop.types {
                for t in types { for e in g.adjacency(of: n, d, type: t) where !(skipLoops && Int(e.other) == n) { candidates.append((Int(e.rel), Int(e.other))) } }
            } else {
                for e in g.adjacency(of: n, d) where !(skipLoops && Int(e.other) == n) { candidates.append((Int(e.rel), Int(e.other))) }
            }
        }
        if hop.direction != .incoming { add(.outgoing, skipLoops: false) }
        if hop.direction != .outgoing { add(.incoming, skipLoops: hop.direction == .both) }
        for (r, other) in candidates {
            if onTrail.contains(r) || rep.rels.contains(r) || !unique(ctx, r) || !nodeFits(g, i + 1, other) { continue }
            rep.rels.append(r)
            rep.nodes.append(other)
            try extend(ctx, &rep, &out)
            rep.rels.removeLast()
            rep.nodes.removeLast()
        }
    }

    private func unique(_ ctx: ExecutionContext, _ r: Int) -> Bool {
        for s in uniqueRels {
            if case .relationship(let o) = ctx.row[s], o == r { return false }
        }
        for s in uniqueLists {
            if case .list(let items) = ctx.row[s], items.contains(.relationship(r)) { return false }
        }
        return true
    }
}
