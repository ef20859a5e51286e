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
            var change = 0.0
            inc.targets.withUnsafeBufferPointer { sources in
                share.withUnsafeBufferPointer { share in
                    for v in 0..<n {
                        var s = 0.0
                        if let weights {
                            for i in inc.range(v) { s += share[Int(sources[i])] * weights.incoming[i] }
                        } else {
                            for i in inc.range(v) { s += share[Int(sources[i])] }
                        }
                        let value = damping * s + base
                        change += abs(value - x[v])
                        next[v] = value
                    }
                }
            }
            swap(&x, &next)
            if change < Double(n) * tolerance { return Result(scores: x, iterations: iterations, converged: true) }
        }
        return Result(scores: x, iterations: iterations, converged: false)
    }
}
