import ParleyGraph
import ParleyValues

/// Breadth-first search for the shortest path(s) between two bound nodes, within a maximum
/// length, following the pattern's direction and types. Binds the relationship list and the
/// path. Polls cancellation as it searches.
final class ShortestPathOperator: Operator {
    let from: Int, to: Int, rel: Int
    let path: Int?
    let direction: Direction
    let types: [Int32]?
    let minLength: Int, maxLength: Int
    let all: Bool
    let relProperties: [(key: String, value: BoundExpression)]
    let singleRelationship: Bool
    /// A path selector's search: with both ends the same node, the shortest closed walks.
    let closedWalks: Bool

    @exclusivity(unchecked) private var results: [Path] = []
    @exclusivity(unchecked) private var index = 0
    /// The two searches' marks, kept from row to row (a search stamps what it visits with its
    /// own number, so nothing is cleared between rows).
    @exclusivity(unchecked) private var forward = SearchMarks()
    @exclusivity(unchecked) private var backward = SearchMarks()
    @exclusivity(unchecked) private var searchNumber: Int32 = 0

    init(input: Operator, from: Int, to: Int, rel: Int, path: Int?, direction: Direction, types: [Int32]?, minLength: Int, maxLength: Int,
         all: Bool, relProperties: [(key: String, value: BoundExpression)], singleRelationship: Bool, closedWalks: Bool = false) {
        self.closedWalks = closedWalks
        self.from = from; self.to = to; self.rel = rel; self.path = path
        self.direction = direction
        self.types = types
        self.minLength = minLength
        self.maxLength = maxLength
        self.all = all
        self.relProperties = relProperties
        self.singleRelationship = singleRelationship
        super.init(input: input)
    }


    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        results = []
        index = 0
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if index < results.count {
                let p = results[index]
                index += 1
                ctx.row[rel] = singleRelationship ? .relationship(p.relationships[0]) : .list(p.relationships.map { .relationship($0) })
                if let path { ctx.row[path] = .path(p) }
                return true
            }
            guard try input!.pull(ctx) else { return false }
            index = 0
            results = []
            guard case .node(let a) = ctx.row[from], case .node(let b) = ctx.row[to] else { continue }
            try search(ctx, a, b)
        }
    }

    private func search(_ ctx: ExecutionContext, _ a: Int, _ b: Int) throws(QueryError) {
        var props: [(Int32?, Value)] = []
        if a == b {
            if minLength == 0 {
                results = [Path(nodes: [a], relationships: [])]
            } else if closedWalks {
                for (k, v) in relProperties { props.append((ctx.graph.keys.id(of: k), try ctx.eval(v))) }
                results = try shortestClosedWalks(ctx, a, props)
            }
            return
        }
        for (k, v) in relProperties { props.append((ctx.graph.keys.id(of: k), try ctx.eval(v))) }
        if !all {
            if let path = try bidirectional(ctx, a, b, props) { results = [path] }
        } else {
            results = try bidirectionalAll(ctx, a, b, props)
        }
    }

    /// Every shortest path from `a` to `b`: breadth-first from both ends as in
    /// ``bidirectional(_:_:_:_:)``, but each level is completed and every parent one level
    /// closer kept. When a level meets, every meeting node lies at the new radius from one end
    /// and the other radius from the other (no shorter path exists, or an earlier level would
    /// have met), so each shortest path crosses exactly one of them: the paths are the
    /// meeting nodes' ways back to `a` times their ways on to `b`.
    private func bidirectionalAll(_ ctx: ExecutionContext, _ a: Int, _ b: Int, _ props: [(Int32?, Value)]) throws(QueryError) -> [Path] {
        let g = ctx.graph
        forward.prepare(g.nodeCapacity)
        backward.prepare(g.nodeCapacity)
        if searchNumber == Int32.max {
            forward.reset()
            backward.reset()
            searchNumber = 0
        }
        searchNumber += 1
        let stamp = searchNumber
        forward.visit(a, stamp: stamp, rel: -1, parent: -1, depth: 0)
        backward.visit(b, stamp: stamp, rel: -1, parent: -1, depth: 0)
        // Further parents of a node, one level closer to its side's end (the first is in the marks).
        var moreA: [Int: [(rel: Int32, parent: Int32)]] = [:], moreB: [Int: [(rel: Int32, parent: Int32)]] = [:]
        var frontA = [a], frontB = [b]
        var radiusA: Int32 = 0, radiusB: Int32 = 0
        func allowed(_ r: Int32) -> Bool {
            for (k, v) in props {
                guard let k, g.property(of: Int(r), relationshipKey: k).cypherEquals(v) == true else { return false }
            }
            return true
        }
        var meetings: [Int] = []
        while meetings.isEmpty && !frontA.isEmpty && !frontB.isEmpty && Int(radiusA + radiusB) < maxLength {
            let fromA = frontA.count <= frontB.count
            let level = (fromA ? radiusA : radiusB) + 1
            var next: [Int] = []
            let dir: Direction = fromA ? direction : (direction == .outgoing ? .incoming : (direction == .incoming ? .outgoing : .both))
            for n in fromA ? frontA : frontB {
                try ctx.tick()
                Self.neighbours(g, n, dir, types) { r, o in
                    guard props.isEmpty || allowed(r) else { return }
                    let other = Int(o)
                    if fromA {
                        if forward.seen(other, stamp) {
                            if forward.depth[other] == level { moreA[other, default: []].append((r, Int32(n))) }
                            return
                        }
                        forward.visit(other, stamp: stamp, rel: r, parent: Int32(n), depth: level)
                        if backward.seen(other, stamp) { meetings.append(other) }
                    } else {
                        if backward.seen(other, stamp) {
                            if backward.depth[other] == level { moreB[other, default: []].append((r, Int32(n))) }
                            return
                        }
                        backward.visit(other, stamp: stamp, rel: r, parent: Int32(n), depth: level)
                        if forward.seen(other, stamp) { meetings.append(other) }
                    }
                    next.append(other)
                }
            }
            if fromA { frontA = next; radiusA = level } else { frontB = next; radiusB = level }
        }
        guard !meetings.isEmpty, Int(radiusA + radiusB) >= minLength else { return [] }
        /// Every way from `m` back to its side's end, as (relationships, nodes) from `m` outwards.
        func ways(_ m: Int, _ marks: SearchMarks, _ more: [Int: [(rel: Int32, parent: Int32)]]) throws(QueryError) -> [([RelID], [NodeID])] {
            var found: [([RelID], [NodeID])] = []
            var stack: [(node: Int, rels: [RelID], nodes: [NodeID])] = [(m, [], [m])]
            while let (n, rels, nodes) = stack.popLast() {
                guard marks.parent[n] >= 0 else {
                    found.append((rels, nodes))
                    continue
                }
                try ctx.tick()
                for (r, p) in [(marks.rel[n], marks.parent[n])] + (more[n] ?? []) {
                    stack.append((Int(p), rels + [Int(r)], nodes + [Int(p)]))
                }
            }
            return found
        }
        var paths: [Path] = []
        for m in meetings {
            let toA = try ways(m, forward, moreA), toB = try ways(m, backward, moreB)
            for (relsA, nodesA) in toA {
                for (relsB, nodesB) in toB {
                    try ctx.tick()
                    paths.append(Path(nodes: nodesA.reversed() + nodesB.dropFirst(), relationships: relsA.reversed() + relsB))
                }
            }
        }
        return paths
    }

    /// One shortest path from `a` to `b`: breadth-first from both ends, a whole level at a
    /// time, always growing the smaller frontier, until the two meet. The first meeting is a
    /// shortest path: no path is shorter than the two searched radii plus one, and the level
    /// that meets reaches exactly that.
    private func bidirectional(_ ctx: ExecutionContext, _ a: Int, _ b: Int, _ props: [(Int32?, Value)]) throws(QueryError) -> Path? {
        let g = ctx.graph
        let capacity = g.nodeCapacity
        forward.prepare(capacity)
        backward.prepare(capacity)
        if searchNumber == Int32.max {
            forward.reset()
            backward.reset()
            searchNumber = 0
        }
        searchNumber += 1
        let stamp = searchNumber
        forward.visit(a, stamp: stamp, rel: -1, parent: -1)
        backward.visit(b, stamp: stamp, rel: -1, parent: -1)
        var frontA = [a], frontB = [b]
        var radiusA = 0, radiusB = 0
        func allowed(_ r: Int32) -> Bool {
            for (k, v) in props {
                guard let k, g.property(of: Int(r), relationshipKey: k).cypherEquals(v) == true else { return false }
            }
            return true
        }
        while !frontA.isEmpty && !frontB.isEmpty && radiusA + radiusB < maxLength {
            let fromA = frontA.count <= frontB.count
            var next: [Int] = []
            var meeting = -1
            let dir: Direction = fromA ? direction : (direction == .outgoing ? .incoming : (direction == .incoming ? .outgoing : .both))
            for n in fromA ? frontA : frontB {
                try ctx.tick()
                Self.neighbours(g, n, dir, types) { r, o in
                    guard meeting < 0, props.isEmpty || allowed(r) else { return }
                    let other = Int(o)
                    if fromA {
                        guard !forward.seen(other, stamp) else { return }
                        forward.visit(other, stamp: stamp, rel: r, parent: Int32(n))
                        if backward.seen(other, stamp) { meeting = other }
                    } else {
                        guard !backward.seen(other, stamp) else { return }
                        backward.visit(other, stamp: stamp, rel: r, parent: Int32(n))
                        if forward.seen(other, stamp) { meeting = other }
                    }
                    next.append(other)
                }
                if meeting >= 0 { break }
            }
            if meeting >= 0 {
                // a … meeting from the forward marks, meeting … b from the backward ones.
                var nodes = [meeting], rels: [RelID] = []
                var n = meeting
                while n != a {
                    rels.append(Int(forward.rel[n]))
                    n = Int(forward.parent[n])
                    nodes.append(n)
                }
                nodes.reverse()
                rels.reverse()
                n = meeting
                while n != b {
                    rels.append(Int(backward.rel[n]))
                    n = Int(backward.parent[n])
                    nodes.append(n)
                }
                return rels.count >= minLength ? Path(nodes: nodes, relationships: rels) : nil
            }
            if fromA { frontA = next; radiusA += 1 } else { frontB = next; radiusB += 1 }
        }
        return nil
    }

    /// The shortest walks from `a` back to `a` that use no relationship twice (one, or every one
    /// with `all`): depth-first searches to a growing depth, until a depth finds some or no walk
    /// reaches it.
    private func shortestClosedWalks(_ ctx: ExecutionContext, _ a: Int, _ props: [(Int32?, Value)]) throws(QueryError) -> [Path] {
        let g = ctx.graph
        var depth = max(1, minLength)
        while depth <= maxLength {
            var found: [Path] = []
            var reached = false
            var nodes = [a], rels: [RelID] = []
            var used = Set<Int32>()
            func walk(_ n: Int) throws(QueryError) {
                if rels.count == depth {
                    reached = true
                    if n == a { found.append(Path(nodes: nodes, relationships: rels)) }
                    return
                }
                try ctx.tick()
                var next: [(Int32, Int32)] = []
                Self.neighbours(g, n, direction, types) { r, o in next.append((r, o)) }
                for (r, o) in next where !used.contains(r) {
                    if !(all || found.isEmpty) { return }
                    var ok = true
                    for (k, v) in props where ok {
                        if k == nil || g.property(of: Int(r), relationshipKey: k!).cypherEquals(v) != true { ok = false }
                    }
                    if !ok { continue }
                    used.insert(r)
                    rels.append(Int(r))
                    nodes.append(Int(o))
                    try walk(Int(o))
                    used.remove(r)
                    rels.removeLast()
                    nodes.removeLast()
                }
            }
            try walk(a)
            if !found.isEmpty { return found }
            if !reached { return [] }
            depth += 1
        }
        return []
    }

    /// The relationships of `n` in direction `d` (self-loops once when both directions count).
    private static func neighbours(_ g: GraphStore, _ n: Int, _ d: Direction, _ types: [Int32]?, _ body: (Int32, Int32) -> Void) {
        func add(_ d: Direction, skipLoops: Bool) {
            func slice(_ s: ArraySlice<AdjacencyEntry>) { for e in s where !(skipLoops && Int(e.other) == n) { body(e.rel, e.other) } }
            if let types { for t in types { slice(g.adjacency(of: n, d, type: t)) } } else { slice(g.adjacency(of: n, d)) }
        }
        if d != .incoming { add(.outgoing, skipLoops: false) }
        if d != .outgoing { add(.incoming, skipLoops: d == .both) }
    }
}

/// What one side of a bidirectional search knows of each node: the search that last visited
/// it, and the relationship and node it was reached through.
struct SearchMarks {
    var stamp: [Int32] = []
    var rel: [Int32] = []
    var parent: [Int32] = []
    /// How many steps from its side's end the node was reached (set by the all-paths search).
    var depth: [Int32] = []

    /// Makes room for `capacity` nodes.
    mutating func prepare(_ capacity: Int) {
        if stamp.count < capacity {
            let more = capacity - stamp.count
            stamp.append(contentsOf: repeatElement(0, count: more))
            rel.append(contentsOf: repeatElement(-1, count: more))
            parent.append(contentsOf: repeatElement(-1, count: more))
            depth.append(contentsOf: repeatElement(0, count: more))
        }
    }

    /// Forgets every search (when the search numbers wrap).
    mutating func reset() {
        for i in stamp.indices { stamp[i] = 0 }
    }

    @inline(__always) func seen(_ n: Int, _ search: Int32) -> Bool { stamp[n] == search }

    @inline(__always) mutating func visit(_ n: Int, stamp search: Int32, rel r: Int32, parent p: Int32, depth d: Int32 = 0) {
        stamp[n] = search
        rel[n] = r
        parent[n] = p
        depth[n] = d
    }
}
