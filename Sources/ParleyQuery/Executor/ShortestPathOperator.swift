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
    let text: String

    @exclusivity(unchecked) private var results: [Path] = []
    @exclusivity(unchecked) private var index = 0

    init(input: Operator, from: Int, to: Int, rel: Int, path: Int?, direction: Direction, types: [Int32]?, minLength: Int, maxLength: Int,
         all: Bool, relProperties: [(key: String, value: BoundExpression)], singleRelationship: Bool, text: String) {
        self.from = from; self.to = to; self.rel = rel; self.path = path
        self.direction = direction
        self.types = types
        self.minLength = minLength
        self.maxLength = maxLength
        self.all = all
        self.relProperties = relProperties
        self.singleRelationship = singleRelationship
        self.text = text
        super.init(input: input)
    }

    override var name: String { all ? "AllShortestPaths" : "ShortestPath" }
    override var details: String { text }

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

    private func neighbours(_ g: GraphStore, _ n: Int, _ body: (Int32, Int32) -> Void) {
        func add(_ d: Direction, skipLoops: Bool) {
            func slice(_ s: ArraySlice<AdjacencyEntry>) { for e in s where !(skipLoops && Int(e.other) == n) { body(e.rel, e.other) } }
            if let types { for t in types { slice(g.adjacency(of: n, d, type: t)) } } else { slice(g.adjacency(of: n, d)) }
        }
        if direction != .incoming { add(.outgoing, skipLoops: false) }
        if direction != .outgoing { add(.incoming, skipLoops: direction == .both) }
    }

    private func search(_ ctx: ExecutionContext, _ a: Int, _ b: Int) throws(QueryError) {
        if a == b {
            if minLength == 0 { results = [Path(nodes: [a], relationships: [])] }
            return
        }
        var props: [(Int32?, Value)] = []
        for (k, v) in relProperties { props.append((ctx.graph.keys.id(of: k), try ctx.eval(v))) }
        // BFS levels in arrays indexed by node id; the first parent of each node is kept in
        // arrays, further parents (allShortestPaths only) in a dictionary.
        let capacity = ctx.graph.nodeCapacity
        var depth = [Int32](repeating: -1, count: capacity)
        var parentRel = [Int32](repeating: -1, count: capacity)
        var parentNode = [Int32](repeating: -1, count: capacity)
        var moreParents: [Int: [(rel: Int32, prev: Int32)]] = [:]
        depth[a] = 0
        var frontier = [a]
        var level: Int32 = 0
        var found = false
        while !frontier.isEmpty && Int(level) < maxLength && !found {
            level += 1
            var nextFrontier: [Int] = []
            for n in frontier {
                try ctx.tick()
                neighbours(ctx.graph, n) { r, o in
                    for (k, v) in props {
                        guard let k, ctx.graph.property(of: Int(r), relationshipKey: k).cypherEquals(v) == true else { return }
                    }
                    let other = Int(o)
                    let d = depth[other]
                    if d >= 0 {
                        if d == level && all { moreParents[other, default: []].append((r, Int32(n))) }
                        return
                    }
                    depth[other] = level
                    parentRel[other] = r
                    parentNode[other] = Int32(n)
                    nextFrontier.append(other)
                    if other == b { found = true }
                }
                if found && !all { break }
            }
            frontier = nextFrontier
        }
        func parents(_ n: Int) -> [(rel: Int32, prev: Int32)] {
            guard parentNode[n] >= 0 else { return [] }
            return [(parentRel[n], parentNode[n])] + (moreParents[n] ?? [])
        }
        guard found else { return }
        // Walk the parents back from b (iteratively: paths may be long).
        var paths: [Path] = []
        if !all {
            var nodes = [b], rels: [RelID] = []
            var n = b
            while n != a {
                rels.append(Int(parentRel[n]))
                n = Int(parentNode[n])
                nodes.append(n)
            }
            paths.append(Path(nodes: nodes.reversed(), relationships: rels.reversed()))
        } else {
            var stack: [(node: Int, rels: [RelID], nodes: [NodeID])] = [(b, [], [b])]
            while let (n, rels, nodes) = stack.popLast() {
                if n == a {
                    paths.append(Path(nodes: nodes.reversed(), relationships: rels.reversed()))
                    continue
                }
                try ctx.tick()
                for (r, p) in parents(n).reversed() { stack.append((Int(p), rels + [Int(r)], nodes + [Int(p)])) }
            }
        }
        results = paths
    }
}
