import ParleyGraph

/// Every node's relationships (for one direction and type filter), sorted by the node at the
/// other end, so two neighbourhoods can be intersected by binary search.
final class SortedNeighbourIndex {
    let offsets: [Int]
    let others: [Int32]
    let rels: [Int32]

    /// Builds the index over all nodes of `g`.
    init(_ g: GraphStore, direction: Direction, types: [Int32]?) {
        var offsets = [Int](repeating: 0, count: g.nodeCapacity + 1)
        var pairs: [(other: Int32, rel: Int32)] = []
        var others: [Int32] = [], rels: [Int32] = []
        for n in 0..<g.nodeCapacity {
            offsets[n] = others.count
            guard g.contains(node: n) else { continue }
            pairs.removeAll(keepingCapacity: true)
            func add(_ d: Direction, skipLoops: Bool) {
                func slice(_ s: ArraySlice<AdjacencyEntry>) {
                    for e in s where !(skipLoops && Int(e.other) == n) { pairs.append((e.other, e.rel)) }
                }
                if let types { for t in types { slice(g.adjacency(of: n, d, type: t)) } } else { slice(g.adjacency(of: n, d)) }
            }
            if direction != .incoming { add(.outgoing, skipLoops: false) }
            if direction != .outgoing { add(.incoming, skipLoops: direction == .both) }
            pairs.sort { $0.other != $1.other ? $0.other < $1.other : $0.rel < $1.rel }
            for p in pairs { others.append(p.other); rels.append(p.rel) }
        }
        offsets[g.nodeCapacity] = others.count
        self.offsets = offsets
        self.others = others
        self.rels = rels
    }

    /// The first position in `lo..<hi` whose other end is at least `key`.
    @inline(__always) func lowerBound(_ key: Int32, _ lo: Int, _ hi: Int) -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = (lo + hi) >> 1
            if others[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Closes a triangle: with `a` and `b` bound, finds every `c` adjacent to both — `(b)-[r1]-(c)`
/// and `(c)-[r2]-(a)` — by intersecting the two sorted neighbourhoods (iterating the smaller).
/// Replaces an Expand to `c` followed by an ExpandInto back to `a`.
final class ExpandIntersectOperator: Operator {
    let b: Int, r1: Int, c: Int, r2: Int, a: Int
    /// Direction of r1 seen from b, and of r2 seen from a.
    let directionFromB: Direction, directionFromA: Direction
    let typesB: [Int32]?, typesA: [Int32]?
    let cLabels: [Int32?]
    let uniqueRels: [Int]
    let uniqueLists: [Int]

    @exclusivity(unchecked) private var indexB: SortedNeighbourIndex?
    @exclusivity(unchecked) private var indexA: SortedNeighbourIndex?
    @exclusivity(unchecked) private var out: [(r1: Int32, c: Int32, r2: Int32)] = []
    @exclusivity(unchecked) private var position = 0

    init(input: Operator, b: Int, r1: Int, c: Int, r2: Int, a: Int, directionFromB: Direction, directionFromA: Direction,
         typesB: [Int32]?, typesA: [Int32]?, cLabels: [Int32?], uniqueRels: [Int], uniqueLists: [Int]) {
        self.b = b; self.r1 = r1; self.c = c; self.r2 = r2; self.a = a
        self.directionFromB = directionFromB
        self.directionFromA = directionFromA
        self.typesB = typesB
        self.typesA = typesA
        self.cLabels = cLabels
        self.uniqueRels = uniqueRels
        self.uniqueLists = uniqueLists
        super.init(input: input)
    }


    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        out.removeAll(keepingCapacity: true)
        position = 0
        // The graph may have changed since the last run: rebuild lazily.
        indexA = nil
        indexB = nil
    }

    private func ensureIndexes(_ ctx: ExecutionContext) {
        if indexB == nil {
            indexB = SortedNeighbourIndex(ctx.graph, direction: directionFromB, types: typesB)
            if directionFromA == directionFromB && typesA == typesB {
                indexA = indexB
            }
        }
        if indexA == nil { indexA = SortedNeighbourIndex(ctx.graph, direction: directionFromA, types: typesA) }
    }

    private func used(_ ctx: ExecutionContext, _ r: Int32) -> Bool {
        for s in uniqueRels { if case .relationship(let o) = ctx.row[s], o == Int(r) { return true } }
        for s in uniqueLists { if case .list(let items) = ctx.row[s], items.contains(.relationship(Int(r))) { return true } }
        return false
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if position < out.count {
                let t = out[position]
                position += 1
                ctx.row[r1] = .relationship(Int(t.r1))
                ctx.row[c] = .node(Int(t.c))
                ctx.row[r2] = .relationship(Int(t.r2))
                return true
            }
            guard try input!.pull(ctx) else { return false }
            out.removeAll(keepingCapacity: true)
            position = 0
            guard case .node(let nb) = ctx.row[b], case .node(let na) = ctx.row[a],
                  ctx.graph.contains(node: nb), ctx.graph.contains(node: na),
                  !cLabels.contains(where: { $0 == nil }) else { continue }
            ensureIndexes(ctx)
            let ib = indexB!, ia = indexA!
            let bLo = ib.offsets[nb], bHi = ib.offsets[nb + 1]
            let aLo = ia.offsets[na], aHi = ia.offsets[na + 1]
            func emit(_ x: Int32, _ cNode: Int32, _ y: Int32) {
                if x == y { return }
                for l in cLabels where !ctx.graph.hasLabel(Int(cNode), l!) { return }
                if used(ctx, x) || used(ctx, y) { return }
                out.append((x, cNode, y))
            }
            if bHi - bLo <= aHi - aLo {
                var i = bLo
                while i < bHi {
                    try ctx.tick()
                    let cNode = ib.others[i]
                    var j = ia.lowerBound(cNode, aLo, aHi)
                    while j < aHi && ia.others[j] == cNode {
                        emit(ib.rels[i], cNode, ia.rels[j])
                        j += 1
                    }
                    i += 1
                }
            } else {
                var j = aLo
                while j < aHi {
                    try ctx.tick()
                    let cNode = ia.others[j]
                    var i = ib.lowerBound(cNode, bLo, bHi)
                    while i < bHi && ib.others[i] == cNode {
                        emit(ib.rels[i], cNode, ia.rels[j])
                        i += 1
                    }
                    j += 1
                }
            }
            // Keep the order of an expansion from b.
            if out.count > 1 { out.sort { $0.r1 != $1.r1 ? $0.r1 < $1.r1 : $0.r2 < $1.r2 } }
        }
    }
}
