import Dispatch

/// PageRank by power iteration, with NetworkX's definition: parallel relationships add up,
/// the rank of nodes without outgoing weight is spread over all nodes, and iteration stops
/// when the summed absolute change is below `nodeCount × tolerance`.
public enum PageRank {
    /// Scores and how the iteration ended.
    public struct Result: Sendable {
        /// The score of each node (they sum to 1).
        public var scores: [Double]
        /// Iterations run.
        public var iterations: Int
        /// Whether the change fell below the tolerance (otherwise the last iterate is returned).
        public var converged: Bool
    }

    /// Runs PageRank on `view`'s directed relationships. `weights`, when given, are the weights
    /// of the outgoing and the incoming entries.
    public static func run(_ view: GraphView, damping: Double, maxIterations: Int, tolerance: Double,
                           weights: (outgoing: [Double], incoming: [Double])? = nil,
                           checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> Result {
        let n = view.nodeCount
        guard n > 0 else { return Result(scores: [], iterations: 0, converged: true) }
        let out = view.outgoing, inc = view.incoming
        var outWeight = [Double](repeating: 0, count: n)
        for u in 0..<n {
            if let weights {
                var s = 0.0
                for i in out.range(u) { s += weights.outgoing[i] }
                outWeight[u] = s
            } else {
                outWeight[u] = Double(out.degree(u))
            }
        }
        let parts = n >= 4096 ? 2 : 1
        let bounds = Self.balancedBounds(inc.offsets, parts: parts)
        let uniform = 1.0 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        // What each node passes along each unit of its outgoing weight; the pass that computes a
        // node's new score also computes its next share, so an iteration reads the scores once.
        var share = [Double](repeating: 0, count: n)
        var nextShare = [Double](repeating: 0, count: n)
        var dangling = 0.0
        for u in 0..<n {
            if outWeight[u] == 0 { dangling += x[u] } else { share[u] = x[u] / outWeight[u] }
        }
        let incoming = weights?.incoming ?? []
        let weighted = weights != nil
        var changes = [Double](repeating: 0, count: parts)
        var danglings = [Double](repeating: 0, count: parts)
        var iterations = 0
        while iterations < maxIterations {
            try checkpoint.check()
            iterations += 1
            let base = damping * dangling * uniform + (1 - damping) * uniform
            // Each node's new score depends only on the old shares: two parts on two cores, split
            // where half of the incoming entries are (nodes differ widely in degree).
            share.withUnsafeBufferPointer { share in
                x.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { next in
                        nextShare.withUnsafeMutableBufferPointer { nextShare in
                            outWeight.withUnsafeBufferPointer { outWeight in
                                changes.withUnsafeMutableBufferPointer { changes in
                                    danglings.withUnsafeMutableBufferPointer { danglings in
                                        let shared = PageRankBuffers(share: share, x: x, next: next, nextShare: nextShare,
                                                                     outWeight: outWeight, changes: changes, danglings: danglings)
                                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                                            Self.pull(part: part, bounds: bounds, shared, inc, incoming, weighted: weighted,
                                                      damping: damping, base: base)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let change = changes.reduce(0, +)
            dangling = danglings.reduce(0, +)
            swap(&x, &next)
            swap(&share, &nextShare)
            if change < Double(n) * tolerance { return Result(scores: x, iterations: iterations, converged: true) }
        }
        return Result(scores: x, iterations: iterations, converged: false)
    }

    /// One part of an iteration: the new score and share of nodes `bounds[part]..<bounds[part + 1]`,
    /// their summed change and the summed score of those without outgoing weight.
    private static func pull(part: Int, bounds: [Int], _ b: PageRankBuffers, _ inc: Adjacency, _ incoming: [Double],
                             weighted: Bool, damping: Double, base: Double) {
        var change = 0.0, dangling = 0.0
        inc.targets.withUnsafeBufferPointer { sources in
            inc.offsets.withUnsafeBufferPointer { offsets in
                incoming.withUnsafeBufferPointer { w in
                    for v in bounds[part]..<bounds[part + 1] {
                        var s = 0.0
                        if weighted {
                            for i in offsets[v]..<offsets[v + 1] { s += b.share[Int(sources[i])] * w[i] }
                        } else {
                            for i in offsets[v]..<offsets[v + 1] { s += b.share[Int(sources[i])] }
                        }
                        let value = damping * s + base
                        change += abs(value - b.x[v])
                        b.next[v] = value
                        let out = b.outWeight[v]
                        if out == 0 {
                            dangling += value
                            b.nextShare[v] = 0
                        } else {
                            b.nextShare[v] = value / out
                        }
                    }
                }
            }
        }
        b.changes[part] = change
        b.danglings[part] = dangling
    }

    /// Node boundaries splitting the lists of `offsets` into `parts` runs of about equal
    /// numbers of entries: `parts + 1` indexes from 0 to the node count.
    static func balancedBounds(_ offsets: [Int], parts: Int) -> [Int] {
        let n = offsets.count - 1, total = offsets[n]
        var bounds = [0]
        for part in 1..<max(parts, 1) {
            let goal = total * part / parts
            // The first node whose list starts at or after the goal.
            var low = bounds.last!, high = n
            while low < high {
                let mid = (low + high) / 2
                if offsets[mid] < goal { low = mid + 1 } else { high = mid }
            }
            bounds.append(low)
        }
        bounds.append(n)
        return bounds
    }
}

/// The arrays one PageRank iteration reads and writes, shared by the threads that each write
/// their own part of `next` and their own element of `changes`.
private struct PageRankBuffers: @unchecked Sendable {
    let share: UnsafeBufferPointer<Double>
    let x: UnsafeBufferPointer<Double>
    let next: UnsafeMutableBufferPointer<Double>
    let nextShare: UnsafeMutableBufferPointer<Double>
    let outWeight: UnsafeBufferPointer<Double>
    let changes: UnsafeMutableBufferPointer<Double>
    let danglings: UnsafeMutableBufferPointer<Double>
}
