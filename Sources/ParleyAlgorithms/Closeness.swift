/// Closeness and harmonic centrality from breadth-first distances, as NetworkX defines them.
///
/// Both are computed from the distances a breadth-first search over `lists` finds from each
/// node: pass the outgoing lists for distances *from* a node, the incoming lists for distances
/// *to* it, the undirected lists for an undirected graph.
public enum Closeness {
    /// Closeness: `(r − 1) / Σ d` over the `r` nodes reachable (itself included), times
    /// `(r − 1) / (n − 1)` when `wfImproved` (Wasserman and Faust); 0 when nothing is reachable.
    public static func closeness(_ lists: Adjacency, wfImproved: Bool, checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Double] {
        let n = lists.nodeCount
        return try Parallel.sum(count: n, length: n, checkpoint: checkpoint) { range, into in
            var bfs = BreadthFirst(n)
            for u in range {
                if checkpoint.stopRequested { return }
                var total = 0, reached = 0
                bfs.run(from: u, lists) { _, d in
                    total += d
                    reached += 1
                }
                guard total > 0, n > 1 else { continue }
                var c = Double(reached - 1) / Double(total)
                if wfImproved { c *= Double(reached - 1) / Double(n - 1) }
                into[u] = c
            }
        }
    }

    /// Harmonic centrality: `Σ 1 / d` over the other nodes reachable.
    public static func harmonic(_ lists: Adjacency, checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Double] {
        let n = lists.nodeCount
        return try Parallel.sum(count: n, length: n, checkpoint: checkpoint) { range, into in
            var bfs = BreadthFirst(n)
            for u in range {
                if checkpoint.stopRequested { return }
                var sum = 0.0
                bfs.run(from: u, lists) { _, d in
                    if d > 0 { sum += 1 / Double(d) }
                }
                into[u] = sum
            }
        }
    }
}

/// A breadth-first search whose arrays are reused from one source to the next.
struct BreadthFirst {
    var distance: [Int32]
    var queue: [Int32]

    init(_ n: Int) {
        distance = [Int32](repeating: -1, count: n)
        queue = []
        queue.reserveCapacity(n)
    }

    /// Visits every node reachable from `source` (itself first, at distance 0) with its
    /// distance, going no further than `maxDepth`.
    mutating func run(from source: Int, _ lists: Adjacency, maxDepth: Int = .max, _ visit: (Int, Int) -> Void) {
        queue.removeAll(keepingCapacity: true)
        distance[source] = 0
        queue.append(Int32(source))
        var head = 0
        while head < queue.count {
            let u = Int(queue[head])
            head += 1
            let du = Int(distance[u])
            visit(u, du)
            if du >= maxDepth { continue }
            for i in lists.range(u) {
                let v = Int(lists.targets[i])
                if distance[v] < 0 {
                    distance[v] = Int32(du + 1)
                    queue.append(Int32(v))
                }
            }
        }
        for v in queue { distance[Int(v)] = -1 }
    }
}
