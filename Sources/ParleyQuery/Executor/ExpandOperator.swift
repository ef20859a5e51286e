import ParleyGraph

/// Follows one relationship from a bound node: binds the relationship slot and the node at the
/// other end (or, in "into" mode, checks that the other end is the already-bound target).
///
/// Enforces relationship uniqueness against the relationships bound earlier in the same MATCH.
final class ExpandOperator: Operator {
    let from: Int
    let rel: Int
    let to: Int
    /// Direction relative to `from`.
    let direction: Direction
    /// Allowed type ids (nil = any).
    let types: [Int32]?
    /// Labels the target must carry (nil entry = unknown label: nothing matches).
    let toLabels: [Int32?]
    /// The target slot is already bound: only relationships reaching it qualify.
    let into: Bool
    /// The relationship slot is already bound (by an earlier clause).
    let relBound: Bool
    /// Slots of single relationships bound earlier in this MATCH.
    let uniqueRels: [Int]
    /// Slots of relationship lists (variable-length) bound earlier in this MATCH.
    let uniqueLists: [Int]

    @exclusivity(unchecked) private var segments: [ArraySlice<AdjacencyEntry>] = []
    @exclusivity(unchecked) private var segmentIncoming: [Bool] = []
    @exclusivity(unchecked) private var segment = 0
    /// The segment being walked (kept here so the loop does not copy it per row).
    @exclusivity(unchecked) private var current: ArraySlice<AdjacencyEntry> = []
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var fromNode = 0
    @exclusivity(unchecked) private var targetNode = -1
    @exclusivity(unchecked) private var impossible = false
    // Expand-into cache: the target's adjacency seen from the target, sorted by other end.
    @exclusivity(unchecked) private var cacheNode = -1
    @exclusivity(unchecked) private var cache: [(other: Int32, rel: Int32)] = []
    @exclusivity(unchecked) private var intoMatches: [Int32] = []
    @exclusivity(unchecked) private var intoIndex = 0
    @exclusivity(unchecked) private var usingInto = false
    /// Label bitmaps for `toLabels` (read-only statements), fetched at open.
    @exclusivity(unchecked) private var labelBits: [[UInt64]]? = nil

    init(input: Operator, from: Int, rel: Int, to: Int, direction: Direction, types: [Int32]?, toLabels: [Int32?], into: Bool,
         relBound: Bool, uniqueRels: [Int], uniqueLists: [Int]) {
        self.from = from
        self.rel = rel
        self.to = to
        self.direction = direction
        self.types = types
        self.toLabels = toLabels
        self.into = into
        self.relBound = relBound
        self.uniqueRels = uniqueRels
        self.uniqueLists = uniqueLists
        impossible = toLabels.contains { $0 == nil } || (types?.isEmpty ?? false)
        super.init(input: input)
    }


    /// Whether this expansion only multiplies rows by a degree: the target is new and
    /// unconstrained, the relationship new and not checked against others.
    var isPlainExpansion: Bool {
        !into && !relBound && toLabels.isEmpty && uniqueRels.isEmpty && uniqueLists.isEmpty
    }

    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        segments.removeAll(keepingCapacity: true)
        segmentIncoming.removeAll(keepingCapacity: true)
        segment = 0
        position = 0
        intoMatches.removeAll(keepingCapacity: true)
        intoIndex = 0
        usingInto = false
        cacheNode = -1
        labelBits = nil
        if !impossible && !toLabels.isEmpty {
            var all: [[UInt64]] = []
            for l in toLabels {
                guard let b = ctx.labelBitmap(l!) else { all = []; break }
                all.append(b)
            }
            if all.count == toLabels.count { labelBits = all }
        }
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if usingInto {
                while intoIndex < intoMatches.count {
                    let r = Int(intoMatches[intoIndex])
                    intoIndex += 1
                    if accept(ctx, r) {
                        ctx.row[rel] = .relationship(r)
                        return true
                    }
                }
            } else {
                while segment < segments.count {
                    if position == 0 { current = segments[segment] }
                    let incomingSeg = segmentIncoming[segment]
                    let end = current.endIndex
                    while current.startIndex + position < end {
                        let e = current[current.startIndex + position]
                        position += 1
                        try ctx.tick()
                        let other = Int(e.other)
                        if incomingSeg && direction == .both && other == fromNode { continue }  // self-loop seen in outgoing
                        if into {
                            if other != targetNode { continue }
                        } else if !hasTargetLabels(ctx, other) {
                            continue
                        }
                        let r = Int(e.rel)
                        if !accept(ctx, r) { continue }
                        ctx.row[rel] = .relationship(r)
                        if !into { ctx.row[to] = .node(other) }
                        return true
                    }
                    segment += 1
                    position = 0
                }
            }
            guard try input!.pull(ctx) else { return false }
            try startRow(ctx)
        }
    }

    /// Whether node `other` carries every label the target must have: through the label
    /// bitmaps when they were built for this query, else through the graph.
    @inline(__always) private func hasTargetLabels(_ ctx: ExecutionContext, _ other: Int) -> Bool {
        if let labelBits {
            for b in labelBits where b[other >> 6] & (1 << (UInt64(other) & 63)) == 0 { return false }
            return true
        }
        for l in toLabels where !ctx.graph.hasLabel(other, l!) { return false }
        return true
    }

    /// For the input row now in `ctx.row`, calls `body(other, rel)` for every relationship
    /// `next` would produce, without writing the row: lets a counting aggregation consume the
    /// expansion in one tight loop instead of one `next` call per row.
    func forEachExpansion(_ ctx: ExecutionContext, _ body: (Int, Int) -> Void) throws(QueryError) {
        try startRow(ctx)
        if usingInto {
            for r in intoMatches where accept(ctx, Int(r)) { body(targetNode, Int(r)) }
            intoMatches.removeAll(keepingCapacity: true)
            usingInto = false
            return
        }
        let both = direction == .both
        let single = labelBits?.count == 1 ? labelBits![0] : nil
        let checkRel = relBound || !uniqueRels.isEmpty || !uniqueLists.isEmpty
        for (k, seg) in segments.enumerated() {
            let skipLoops = both && segmentIncoming[k]
            ctx.steps &+= seg.count
            if ctx.steps & ~1023 != (ctx.steps &- seg.count) & ~1023 { try ctx.checkCancelled() }
            for e in seg {
                let other = Int(e.other)
                if skipLoops && other == fromNode { continue }
                if into {
                    if other != targetNode { continue }
                } else if let single {
                    if single[other >> 6] & (1 << (UInt64(other) & 63)) == 0 { continue }
                } else if !hasTargetLabels(ctx, other) {
                    continue
                }
                let r = Int(e.rel)
                if checkRel && !accept(ctx, r) { continue }
                body(other, r)
            }
        }
        segments.removeAll(keepingCapacity: true)
        segmentIncoming.removeAll(keepingCapacity: true)
    }

    /// The number of rows `next` would produce for the input row now in `ctx.row`.
    func countExpansions(_ ctx: ExecutionContext) throws(QueryError) -> Int {
        var total = 0
        try forEachExpansion(ctx) { _, _ in total += 1 }
        return total
    }

    /// Uniqueness and bound-relationship checks.
    @inline(__always) private func accept(_ ctx: ExecutionContext, _ r: Int) -> Bool {
        if relBound {
            guard case .relationship(let b) = ctx.row[rel], b == r else { return false }
        }
        for s in uniqueRels {
            if case .relationship(let o) = ctx.row[s], o == r { return false }
        }
        for s in uniqueLists {
            if case .list(let items) = ctx.row[s], items.contains(.relationship(r)) { return false }
        }
        return true
    }

    private func startRow(_ ctx: ExecutionContext) throws(QueryError) {
        segments.removeAll(keepingCapacity: true)
        segmentIncoming.removeAll(keepingCapacity: true)
        segment = 0
        position = 0
        usingInto = false
        guard !impossible, case .node(let n) = ctx.row[from], ctx.graph.contains(node: n) else { return }
        fromNode = n
        if into {
            guard case .node(let t) = ctx.row[to], ctx.graph.contains(node: t) else { return }
            targetNode = t
            for l in toLabels where !ctx.graph.hasLabel(t, l!) { return }
            if t == cacheNode || ctx.graph.degree(of: n, direction) > 16 {
                if t != cacheNode { buildCache(ctx.graph, t) }
                intoMatches.removeAll(keepingCapacity: true)
                let key = Int32(n)
                var lo = 0, hi = cache.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if cache[mid].other < key { lo = mid + 1 } else { hi = mid }
                }
                while lo < cache.count && cache[lo].other == key {
                    intoMatches.append(cache[lo].rel)
                    lo += 1
                }
                intoIndex = 0
                usingInto = true
                return
            }
        }
        if direction != .incoming { addSegments(ctx.graph, n, .outgoing, incoming: false) }
        if direction != .outgoing { addSegments(ctx.graph, n, .incoming, incoming: true) }
    }

    private func addSegments(_ g: GraphStore, _ n: Int, _ d: Direction, incoming: Bool) {
        if let types {
            for t in types {
                let s = g.adjacency(of: n, d, type: t)
                if !s.isEmpty { segments.append(s); segmentIncoming.append(incoming) }
            }
        } else {
            let s = g.adjacency(of: n, d)
            if !s.isEmpty { segments.append(s); segmentIncoming.append(incoming) }
        }
    }

    /// Builds the sorted (other, rel) list of `t`'s relationships as seen from the target side.
    private func buildCache(_ g: GraphStore, _ t: Int) {
        cache.removeAll(keepingCapacity: true)
        cacheNode = t
        // From the source's point of view `direction`; from the target's, the reverse.
        func add(_ d: Direction, skipLoops: Bool) {
            func addSlice(_ s: ArraySlice<AdjacencyEntry>) {
                for e in s where !(skipLoops && Int(e.other) == t) { cache.append((e.other, e.rel)) }
            }
            if let types { for ty in types { addSlice(g.adjacency(of: t, d, type: ty)) } } else { addSlice(g.adjacency(of: t, d)) }
        }
        switch direction {
        case .outgoing: add(.incoming, skipLoops: false)
        case .incoming: add(.outgoing, skipLoops: false)
        case .both:
            add(.outgoing, skipLoops: false)
            add(.incoming, skipLoops: true)
        }
        cache.sort { $0.other != $1.other ? $0.other < $1.other : $0.rel < $1.rel }
    }
}
