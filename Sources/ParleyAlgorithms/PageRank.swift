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
        let bounds = Self.balancedBounds(inc.offsets, parts: n >= 4096 ? 2 : 1)
        let uniform = 1.0 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        var share = [Double](repeating: 0, count: n)
        var iterations = 0
        while iterations < maxIterations {
            try checkpoint.check()
            iterations += 1
            var dangling = 0.0
            for u in 0..<n {
                if outWeight[u] == 0 {
                    dangling += x[u]
                    share[u] = 0
                } else {
                    share[u] = x[u] / outWeight[u]
                }
            }
            let base = damping * dangling * uniform + (1 - damping) * uniform
            // Each node's new score depends only on the old scores: two halves on two cores,
            // split where half of the incoming entries are (nodes differ widely in degree).
            let parts = n >= 4096 ? 2 : 1
            var changes = [Double](repeating: 0, count: parts)
            let incoming = weights?.incoming ?? []
            let weighted = weights != nil
            share.withUnsafeBufferPointer { share in
                x.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { next in
                        changes.withUnsafeMutableBufferPointer { changes in
                            let shared = PageRankBuffers(share: share, x: x, next: next, changes: changes)
                            DispatchQueue.concurrentPerform(iterations: parts) { part in
                                let lower = bounds[part], upper = bounds[part + 1]
                                var change = 0.0
                                inc.targets.withUnsafeBufferPointer { sources in
                                    inc.offsets.withUnsafeBufferPointer { offsets in
                                        incoming.withUnsafeBufferPointer { w in
                                            for v in lower..<upper {
                                                var s = 0.0
                                                if weighted {
                                                    for i in offsets[v]..<offsets[v + 1] { s += shared.share[Int(sources[i])] * w[i] }
                                                } else {
                                                    for i in offsets[v]..<offsets[v + 1] { s += shared.share[Int(sources[i])] }
                                                }
                                                let value = damping * s + base
                                                change += abs(value - shared.x[v])
                                                shared.next[v] = value
                                            }
                                        }
                                    }
                                }
                                shared.changes[part] = change
                            }
                        }
                    }
                }
            }
            let change = changes.reduce(0, +)
            swap(&x, &next)
            if change < Double(n) * tolerance { return Result(scores: x, iterations: iterations, converged: true) }
        }
        return Result(scores: x, iterations: iterations, converged: false)
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
    let changes: UnsafeMutableBufferPointer<Double>
}
