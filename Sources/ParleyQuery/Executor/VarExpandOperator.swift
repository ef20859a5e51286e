import ParleyGraph
import ParleyValues

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
    /// When the pattern's path is exactly this walk (`p = (a)-[*]-(b)`), the slot of `p`: the
    /// walk keeps the path's arrays in step with the trail instead of a projection rebuilding
    /// the path, O(length), for every row.
    var pathSlot: Int?
    /// The name of that path variable, for plans.
    var pathName = ""

    private struct Frame {
        var candidates: [(rel: Int32, other: Int32)]
        var index = 0
    }
    @exclusivity(unchecked) private var stack: [Frame] = []
    @exclusivity(unchecked) private var trail: [Int32] = []
    /// `trail` as the list value the row gets, kept in step with it (no list built per row).
    @exclusivity(unchecked) private var trailValues: [Value] = []
    /// With ``pathSlot``: the path's nodes (start first) and relationships along the trail.
    @exclusivity(unchecked) private var pathNodes: [NodeID] = []
    @exclusivity(unchecked) private var pathRels: [RelID] = []
    /// The relationships on `trail`, as a bitmap by id (membership in O(1) however deep the walk).
    @exclusivity(unchecked) private var onTrail: [UInt64] = []
    /// Bytes of the walk's stack charged to the memory budget.
    @exclusivity(unchecked) private var charged = 0
    @exclusivity(unchecked) private var nodes: [Int32] = []
    @exclusivity(unchecked) private var active = false
    @exclusivity(unchecked) private var pendingZero = false
    @exclusivity(unchecked) private var startNode = 0
    @exclusivity(unchecked) private var propValues: [(key: Int32?, value: Value)] = []

    init(input: Operator, from: Int, rel: Int, to: Int, direction: Direction, types: [Int32]?, toLabels: [Int32?],
         minLength: Int, maxLength: Int, into: Bool, uniqueRels: [Int], uniqueLists: [Int],
         relProperties: [(key: String, value: BoundExpression)], reverseOutput: Bool) {
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
        super.init(input: input)
    }


    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        stack = []
        trail = []
        trailValues = []
        pathNodes = []
        pathRels = []
        onTrail = []
        if charged != 0 { try ctx.charge(-charged, by: self) }
        charged = 0
        active = false
        pendingZero = false
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        // The previous row is consumed: drop its reference to the list so `trailValues` can
        // change in place (a step that kept the row holds its own copy).
        ctx.row[rel] = .null
        if let pathSlot { ctx.row[pathSlot] = .null }
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
                let frame = stack.removeLast()
                if ctx.tracksMemory { try release(ctx, frame) }
                if let last = trail.popLast() {
                    onTrail[Int(last) >> 6] &= ~(1 << (UInt64(last) & 63))
                    trailValues.removeLast()
                    if pathSlot != nil {
                        pathRels.removeLast()
                        pathNodes.removeLast()
                    }
                }
                continue
            }
            let (r, other) = stack[top].candidates[stack[top].index]
            stack[top].index += 1
            try ctx.tick()
            let word = Int(r) >> 6, bit: UInt64 = 1 << (UInt64(r) & 63)
            if word >= onTrail.count {
                // A relationship created since the walk began (a write later in the statement).
                onTrail.append(contentsOf: repeatElement(0, count: word + 1 - onTrail.count))
            }
            if onTrail[word] & bit != 0 || !acceptRelationship(ctx, Int(r)) { continue }
            trail.append(r)
            trailValues.append(.relationship(Int(r)))
            if pathSlot != nil {
                pathRels.append(Int(r))
                pathNodes.append(Int(other))
            }
            onTrail[word] |= bit
            let depth = trail.count
            if depth < maxLength {
                try push(ctx, Frame(candidates: neighbours(ctx.graph, Int(other))))
            } else {
                try push(ctx, Frame(candidates: []))
            }
            if depth >= minLength, try emit(ctx, end: Int(other)) { return true }
        }
    }

    /// The bytes one frame of the walk holds (its candidates, the trail entry, the frame).
    private static func weight(_ frame: Frame) -> Int { 64 + frame.candidates.count * 8 }

    /// Pushes a frame of the walk, charging it to the memory budget.
    private func push(_ ctx: ExecutionContext, _ frame: Frame) throws(QueryError) {
        stack.append(frame)
        if ctx.tracksMemory {
            let w = Self.weight(frame)
            charged += w
            try ctx.charge(w, by: self)
        }
    }

    /// Gives a popped frame's bytes back to the memory budget.
    private func release(_ ctx: ExecutionContext, _ frame: Frame) throws(QueryError) {
        let w = Self.weight(frame)
        charged -= w
        try ctx.charge(-w, by: self)
    }

    private func startRow(_ ctx: ExecutionContext) throws(QueryError) {
        if ctx.tracksMemory { for frame in stack { try release(ctx, frame) } }
        stack.removeAll(keepingCapacity: true)
        for r in trail { onTrail[Int(r) >> 6] &= ~(1 << (UInt64(r) & 63)) }
        trail.removeAll(keepingCapacity: true)
        trailValues.removeAll(keepingCapacity: true)
        let words = (ctx.graph.relationshipCapacity >> 6) + 1
        if onTrail.count < words { onTrail.append(contentsOf: repeatElement(0, count: words - onTrail.count)) }
        guard case .node(let n) = ctx.row[from], ctx.graph.contains(node: n), !(types?.isEmpty ?? false),
              !toLabels.contains(where: { $0 == nil }) else { return }
        propValues = []
        for (k, v) in relProperties { propValues.append((ctx.graph.keys.id(of: k), try ctx.eval(v))) }
        startNode = n
        if pathSlot != nil {
            pathNodes.removeAll(keepingCapacity: true)
            pathRels.removeAll(keepingCapacity: true)
            pathNodes.append(n)
        }
        active = true
        pendingZero = minLength == 0
        if maxLength > 0 { try push(ctx, Frame(candidates: neighbours(ctx.graph, n))) }
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
        ctx.row[rel] = .list(reverseOutput ? trailValues.reversed() : trailValues)
        if let pathSlot { ctx.row[pathSlot] = .path(Path(nodes: pathNodes, relationships: pathRels)) }
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
