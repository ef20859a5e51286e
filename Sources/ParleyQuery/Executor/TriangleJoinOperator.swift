import ParleyGraph
import ParleyValues

/// Every triangle of distinct nodes `(a, b, c)` whose key values rise in a given order, each
/// once: nodes are ranked by the key, each relationship spec becomes neighbour lists sorted
/// by rank (parallel relationships folded), and for each ordered pair `p < q` the third node
/// comes from intersecting the lists of `p` and `q` above `q`'s rank (a worst-case-optimal
/// join). Binds the three node slots only. When the key's values are not all strings or all
/// integers it runs the pattern's ordinary plan (`fallback`) instead.
final class TriangleJoinOperator: Operator {
    /// One relationship spec between node indexes `from` and `to`, direction seen from `from`.
    struct Edge {
        var from: Int, to: Int
        var direction: Direction
        var types: [Int32]?
    }

    let slots: [Int]
    let labels: [[Int32?]]
    let edges: [Edge]
    /// Node indexes in rising key order: p, q, r.
    let order: [Int]
    let key: Int32?
    let fallback: Operator
    /// No node of the pattern needs a label.
    let labelsFree: Bool

    @exclusivity(unchecked) private var usingFallback = false
    @exclusivity(unchecked) private var rank: [Int32] = []
    /// No two ranked nodes share a key value: every triangle's three ranks differ.
    @exclusivity(unchecked) private var distinctRanks = false
    /// Neighbour lists (node ids sorted by rank) from p to q, from q to r and from p to r.
    @exclusivity(unchecked) private var lists: [NeighbourLists] = []
    @exclusivity(unchecked) private var p = -1
    @exclusivity(unchecked) private var qPosition = 0
    @exclusivity(unchecked) private var qEnd = 0
    @exclusivity(unchecked) private var q = -1
    @exclusivity(unchecked) private var thirds: [Int32] = []
    @exclusivity(unchecked) private var thirdIndex = 0
    @exclusivity(unchecked) private var started = false
    /// The input gave no row: nothing to join.
    @exclusivity(unchecked) private var noInput = false
    /// When all three relationships are the same undirected spec: each triangle is found once
    /// from its lowest node in (degree, id) order, then its nodes are put in key order.
    @exclusivity(unchecked) private var symmetric = false
    /// Nodes in (degree, id) order, and for each position the later neighbours' positions.
    @exclusivity(unchecked) private var nodeAt: [Int32] = []
    @exclusivity(unchecked) private var forwardOffsets: [Int] = []
    @exclusivity(unchecked) private var forward: [Int32] = []
    @exclusivity(unchecked) private var u = -1
    @exclusivity(unchecked) private var k = 0
    /// Triangles found for the current (u, fwd(u)[k]) pair, three nodes each, in key order.
    @exclusivity(unchecked) private var found: [Int32] = []

    init(input: Operator, slots: [Int], labels: [[Int32?]], edges: [Edge], order: [Int], key: Int32?, fallback: Operator) {
        self.slots = slots
        self.labels = labels
        self.edges = edges
        self.order = order
        self.key = key
        self.fallback = fallback
        labelsFree = labels.allSatisfy(\.isEmpty)
        super.init(input: input)
    }

    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        started = false
        noInput = false
        usingFallback = false
        symmetric = false
        thirds = []
        thirdIndex = 0
    }

    /// Whether the operator runs its join (not the fallback plan); known once ``start(_:)`` ran.
    var isJoining: Bool { started && !usingFallback }

    /// Reads the input row and prepares the join (or opens the fallback), once per run.
    func start(_ ctx: ExecutionContext) throws(QueryError) {
        guard !started else { return }
        started = true
        guard try input!.pull(ctx) else {
            noInput = true
            return
        }
        if try !prepare(ctx) {
            usingFallback = true
            try fallback.open(ctx)
        }
        p = -1
        qPosition = 0
        qEnd = 0
        u = -1
        k = 0
        found = []
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if !started { try start(ctx) }
        if noInput { return false }
        if usingFallback { return try fallback.pull(ctx) }
        if symmetric { return try nextSymmetric(ctx) }
        while true {
            if thirdIndex < thirds.count {
                let r = Int(thirds[thirdIndex])
                thirdIndex += 1
                ctx.row[slots[order[0]]] = .node(p)
                ctx.row[slots[order[1]]] = .node(q)
                ctx.row[slots[order[2]]] = .node(r)
                return true
            }
            guard try nextPair(ctx) else { return false }
        }
    }

    /// Moves to the next (p, q) pair, p's next q or the next p, and puts its third nodes in
    /// `thirds`; false when no pair is left.
    private func nextPair(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            while qPosition >= qEnd {
                p += 1
                if p >= rank.count { return false }
                try ctx.tick()
                guard rank[p] >= 0, ctx.graph.contains(node: p), Self.carries(ctx.graph, p, labels[order[0]]) else { continue }
                let range = lists[0].range(of: p)
                qPosition = lists[0].firstAtLeast(NeighbourLists.key(rank: rank[p] + 1, node: 0), range)
                qEnd = range.upperBound
            }
            q = Int(Int32(truncatingIfNeeded: lists[0].keys[qPosition]))
            qPosition += 1
            guard labels[order[1]].isEmpty || Self.carries(ctx.graph, q, labels[order[1]]) else { continue }
            intersect(ctx)
            return true
        }
    }

    /// The next triangle of the symmetric mode: for each node u and each later neighbour v,
    /// the later neighbours of u that are also neighbours of v; a triangle whose three key
    /// values differ is bound in key order.
    private func nextSymmetric(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if thirdIndex < found.count {
                let i = thirdIndex
                thirdIndex += 3
                ctx.row[slots[order[0]]] = .node(Int(found[i]))
                ctx.row[slots[order[1]]] = .node(Int(found[i + 1]))
                ctx.row[slots[order[2]]] = .node(Int(found[i + 2]))
                return true
            }
            found.removeAll(keepingCapacity: true)
            thirdIndex = 0
            // The next (u, v) pair.
            while u < 0 || k >= forwardOffsets[u + 1] - forwardOffsets[u] {
                u += 1
                if u >= nodeAt.count { return false }
                k = 0
                if u & 255 == 0 { try ctx.tick() }
            }
            let v = Int(forward[forwardOffsets[u] + k])
            k += 1
            forEachCommon(u, k - 1) { x in
                if let t = inKeyOrder(nodeAt[u], nodeAt[v], nodeAt[Int(x)], ctx) {
                    found.append(t.0)
                    found.append(t.1)
                    found.append(t.2)
                }
            }
        }
    }

    /// Calls `body` with each position after the `k`-th forward neighbour of `u` that is also
    /// a forward neighbour of that neighbour (the third nodes of the pair's triangles).
    @inline(__always) private func forEachCommon(_ u: Int, _ k: Int, _ body: (Int32) -> Void) {
        let base = forwardOffsets[u], end = forwardOffsets[u + 1]
        let v = Int(forward[base + k])
        var i = base + k + 1, j = forwardOffsets[v]
        let jEnd = forwardOffsets[v + 1]
        forward.withUnsafeBufferPointer { f in
            while i < end && j < jEnd {
                let x = f[i], y = f[j]
                if x == y {
                    body(x)
                    i += 1
                    j += 1
                } else if x < y {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
    }

    /// Triangle (a, b, c) in key order, if its key values differ and each node carries the
    /// labels of its place.
    @inline(__always) private func inKeyOrder(_ a: Int32, _ b: Int32, _ c: Int32, _ ctx: ExecutionContext) -> (Int32, Int32, Int32)? {
        var x = a, y = b, z = c
        if rank[Int(x)] > rank[Int(y)] { swap(&x, &y) }
        if rank[Int(y)] > rank[Int(z)] { swap(&y, &z) }
        if rank[Int(x)] > rank[Int(y)] { swap(&x, &y) }
        guard rank[Int(x)] < rank[Int(y)], rank[Int(y)] < rank[Int(z)] else { return nil }
        if !labelsFree {
            guard Self.carries(ctx.graph, Int(x), labels[order[0]]), Self.carries(ctx.graph, Int(y), labels[order[1]]),
                  Self.carries(ctx.graph, Int(z), labels[order[2]]) else { return nil }
        }
        return (x, y, z)
    }

    /// The number of triangles the rest of the run would bind, counted without binding them;
    /// nil when the operator runs its fallback plan. The run is over afterwards.
    func countTriangles(_ ctx: ExecutionContext) throws(QueryError) -> Int? {
        try start(ctx)
        if noInput { return 0 }
        guard !usingFallback else { return nil }
        defer { noInput = true }
        var total = 0
        if symmetric && distinctRanks && labelsFree {
            // Every triangle's ranks differ and no labels are asked for: each one counts. Mark
            // u's later neighbours, then count the marked among each one's later neighbours.
            var mark = [Int32](repeating: -1, count: nodeAt.count)
            if ctx.tracksMemory { try ctx.charge(mark.count * 4, by: self) }
            for u in 0..<nodeAt.count {
                if u & 255 == 0 { try ctx.tick() }
                let base = forwardOffsets[u], end = forwardOffsets[u + 1]
                guard end - base >= 2 else { continue }
                let stamp = Int32(u)
                forward.withUnsafeBufferPointer { f in
                    forwardOffsets.withUnsafeBufferPointer { offsets in
                        mark.withUnsafeMutableBufferPointer { marks in
                            for i in base..<end { marks[Int(f[i])] = stamp }
                            for i in base..<end {
                                let v = Int(f[i])
                                for j in offsets[v]..<offsets[v + 1] where marks[Int(f[j])] == stamp { total += 1 }
                            }
                        }
                    }
                }
            }
            return total
        }
        if symmetric {
            for u in 0..<nodeAt.count {
                if u & 255 == 0 { try ctx.tick() }
                for k in 0..<(forwardOffsets[u + 1] - forwardOffsets[u]) {
                    let v = nodeAt[Int(forward[forwardOffsets[u] + k])]
                    forEachCommon(u, k) { x in
                        if inKeyOrder(nodeAt[u], v, nodeAt[Int(x)], ctx) != nil { total += 1 }
                    }
                }
            }
            return total
        }
        while true {
            total += thirds.count - thirdIndex
            thirdIndex = thirds.count
            guard try nextPair(ctx) else { return total }
        }
    }

    /// The symmetric mode's (degree, id) order and forward neighbour lists, straight from the
    /// adjacency lists of the one spec (`types`, both directions): the ranked nodes in order of
    /// their number of relationships, and for each the positions of its later neighbours, sorted,
    /// parallel relationships and self-loops folded.
    private func prepareSymmetric(_ ctx: ExecutionContext, types: [Int32]?) throws(QueryError) {
        let g = ctx.graph
        func count(_ n: Int) -> Int {
            var total = 0
            for d in [Direction.outgoing, .incoming] {
                if let types { for t in types { total += g.adjacency(of: n, d, type: t).count } } else { total += g.adjacency(of: n, d).count }
            }
            return total
        }
        var nodes: [(degree: Int, node: Int32)] = []
        for n in 0..<rank.count where rank[n] >= 0 && g.contains(node: n) {
            nodes.append((count(n), Int32(n)))
        }
        nodes.sort { $0.degree != $1.degree ? $0.degree < $1.degree : $0.node < $1.node }
        nodeAt = nodes.map(\.node)
        var position = [Int32](repeating: -1, count: rank.count)
        for (i, n) in nodeAt.enumerated() { position[Int(n)] = Int32(i) }
        forwardOffsets = [Int](repeating: 0, count: nodeAt.count + 1)
        forward = []
        forward.reserveCapacity(g.relationshipCount)
        var scratch: [Int32] = []
        for (i, n) in nodeAt.enumerated() {
            forwardOffsets[i] = forward.count
            if i & 1023 == 0 { try ctx.tick() }
            scratch.removeAll(keepingCapacity: true)
            func slice(_ s: ArraySlice<AdjacencyEntry>) {
                for e in s {
                    let other = position[Int(e.other)]
                    if other > Int32(i) { scratch.append(other) }
                }
            }
            for d in [Direction.outgoing, .incoming] {
                if let types { for t in types { slice(g.adjacency(of: Int(n), d, type: t)) } } else { slice(g.adjacency(of: Int(n), d)) }
            }
            scratch.sort()
            var last: Int32 = -1
            for x in scratch where x != last {
                forward.append(x)
                last = x
            }
        }
        forwardOffsets[nodeAt.count] = forward.count
        if ctx.tracksMemory { try ctx.charge(forward.count * 4 + forwardOffsets.count * 8 + nodeAt.count * 4, by: self) }
    }

    /// The r above q's rank adjacent to both p (list 2) and q (list 1), into `thirds`.
    private func intersect(_ ctx: ExecutionContext) {
        thirds.removeAll(keepingCapacity: true)
        thirdIndex = 0
        let fromQ = lists[1].range(of: q), fromP = lists[2].range(of: p)
        let above = NeighbourLists.key(rank: rank[q] + 1, node: 0)
        var i = lists[1].firstAtLeast(above, fromQ), j = lists[2].firstAtLeast(above, fromP)
        lists[1].keys.withUnsafeBufferPointer { a in
            lists[2].keys.withUnsafeBufferPointer { b in
                while i < fromQ.upperBound && j < fromP.upperBound {
                    let x = a[i], y = b[j]
                    if x == y {
                        let r = Int32(truncatingIfNeeded: x)
                        if labels[order[2]].isEmpty || Self.carries(ctx.graph, Int(r), labels[order[2]]) { thirds.append(r) }
                        i += 1
                        j += 1
                    } else if x < y {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
    }

    /// Ranks the nodes by the key and builds the three neighbour lists; false when the key's
    /// values are not all of one kind this join orders (strings, or integers).
    private func prepare(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        let g = ctx.graph
        rank = [Int32](repeating: -1, count: g.nodeCapacity)
        distinctRanks = false
        guard let key else { return true }  // no node has the key: no comparison holds
        var strings: [(node: Int32, value: String)] = [], ints: [(node: Int32, value: Int64)] = []
        for n in 0..<g.nodeCapacity where g.contains(node: n) {
            switch g.property(of: n, key) {
            case .null: continue
            case .string(let s): strings.append((Int32(n), s))
            case .int(let i): ints.append((Int32(n), i))
            default: return false
            }
            if !strings.isEmpty && !ints.isEmpty { return false }
        }
        try ctx.tick()
        if !strings.isEmpty {
            strings.sort { ExecutionContext.compareUTF8($0.value, $1.value) < 0 }
            var r: Int32 = 0
            for (i, e) in strings.enumerated() {
                if i > 0 && ExecutionContext.compareUTF8(strings[i - 1].value, e.value) != 0 { r += 1 }
                rank[Int(e.node)] = r
            }
            distinctRanks = Int(r) == strings.count - 1
        } else {
            ints.sort { $0.value < $1.value }
            var r: Int32 = 0
            for (i, e) in ints.enumerated() {
                if i > 0 && ints[i - 1].value != e.value { r += 1 }
                rank[Int(e.node)] = r
            }
            distinctRanks = Int(r) == ints.count - 1
        }
        // p → q, q → r, p → r: each edge oriented from the earlier node of the two.
        func oriented(_ x: Int, _ y: Int) -> (direction: Direction, types: [Int32]?) {
            let e = edges.first { ($0.from == x && $0.to == y) || ($0.from == y && $0.to == x) }!
            if e.from == x { return (e.direction, e.types) }
            return (e.direction == .outgoing ? .incoming : (e.direction == .incoming ? .outgoing : .both), e.types)
        }
        let specs = [oriented(order[0], order[1]), oriented(order[1], order[2]), oriented(order[0], order[2])]
        lists = []
        symmetric = specs.allSatisfy { $0.direction == .both && $0.types == specs[0].types }
        if symmetric {
            try prepareSymmetric(ctx, types: specs[0].types)
            return true
        }
        for (i, spec) in specs.enumerated() {
            if let same = specs[..<i].firstIndex(where: { $0.direction == spec.direction && $0.types == spec.types }) {
                lists.append(lists[same])
                continue
            }
            let built = try NeighbourLists(g, direction: spec.direction, types: spec.types, rank: rank, ctx: ctx)
            if ctx.tracksMemory { try ctx.charge(built.keys.count * 8 + built.offsets.count * 8, by: self) }
            lists.append(built)
        }
        return true
    }

    /// Whether `n` carries every label (an unknown label: nothing does).
    @inline(__always) static func carries(_ g: GraphStore, _ n: Int, _ labels: [Int32?]) -> Bool {
        for l in labels {
            guard let l, g.hasLabel(n, l) else { return false }
        }
        return true
    }
}

/// Each node's neighbours for one relationship spec, ranked nodes only, as keys
/// `rank << 32 | node` in increasing order and without repeats (parallel relationships fold):
/// comparing two keys compares (rank, node), with no lookup.
struct NeighbourLists {
    var offsets: [Int]
    var keys: [UInt64]

    /// The key of `node` at `rank`.
    @inline(__always) static func key(rank: Int32, node: Int32) -> UInt64 { UInt64(UInt32(rank)) << 32 | UInt64(UInt32(node)) }

    init(_ g: GraphStore, direction: Direction, types: [Int32]?, rank: [Int32], ctx: ExecutionContext) throws(QueryError) {
        offsets = [Int](repeating: 0, count: g.nodeCapacity + 1)
        keys = []
        var scratch: [UInt64] = []
        for n in 0..<g.nodeCapacity {
            offsets[n] = keys.count
            guard rank[n] >= 0, g.contains(node: n) else { continue }
            if n & 1023 == 0 { try ctx.tick() }
            scratch.removeAll(keepingCapacity: true)
            func add(_ d: Direction) {
                func slice(_ s: ArraySlice<AdjacencyEntry>) {
                    for e in s where Int(e.other) != n {
                        let r = rank[Int(e.other)]
                        if r >= 0 { scratch.append(Self.key(rank: r, node: e.other)) }
                    }
                }
                if let types { for t in types { slice(g.adjacency(of: n, d, type: t)) } } else { slice(g.adjacency(of: n, d)) }
            }
            if direction != .incoming { add(.outgoing) }
            if direction != .outgoing { add(.incoming) }
            scratch.sort()
            var last = UInt64.max
            for x in scratch where x != last {
                keys.append(x)
                last = x
            }
        }
        offsets[g.nodeCapacity] = keys.count
    }

    /// The positions of `n`'s neighbours.
    @inline(__always) func range(of n: Int) -> Range<Int> { offsets[n]..<offsets[n + 1] }

    /// The first position in `range` whose key is at least `key`.
    @inline(__always) func firstAtLeast(_ key: UInt64, _ range: Range<Int>) -> Int {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
