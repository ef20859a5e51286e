/// Community detection by the Louvain method on the undirected weighted multigraph:
/// nodes move to the neighbouring community that raises modularity most, then communities
/// become nodes, level after level, until nothing moves.
public enum Louvain {
    /// An undirected weighted graph: symmetric weighted lists plus each node's self-loop weight.
    public struct WeightedGraph: Sendable {
        /// Where each node's entries start (one more than there are nodes).
        public var offsets: [Int]
        /// The neighbour of each entry (never the node itself).
        public var targets: [Int32]
        /// The weight of each entry.
        public var weights: [Double]
        /// The summed weight of each node's self-loops.
        public var loops: [Double]

        /// The number of nodes.
        public var nodeCount: Int { loops.count }

        /// A node's strength: its entries' weights plus twice its self-loops.
        func strength(_ u: Int) -> Double {
            var s = 2 * loops[u]
            for i in offsets[u]..<offsets[u + 1] { s += weights[i] }
            return s
        }

        /// Builds the graph from the relationships of `view` (each counted once, with weight 1
        /// or `weights`, aligned with ``GraphView/outgoing``); parallel relationships add up.
        public init(_ view: GraphView, weights: [Double]? = nil) {
            let n = view.nodeCount, out = view.outgoing
            var loops = [Double](repeating: 0, count: n)
            var counts = [Int](repeating: 0, count: n + 1)
            for u in 0..<n {
                for i in out.range(u) where Int(out.targets[i]) != u {
                    counts[u + 1] += 1
                    counts[Int(out.targets[i]) + 1] += 1
                }
            }
            for u in 0..<n { counts[u + 1] += counts[u] }
            var fill = counts
            var targets = [Int32](repeating: 0, count: counts[n])
            var ws = [Double](repeating: 0, count: counts[n])
            for u in 0..<n {
                for i in out.range(u) {
                    let v = Int(out.targets[i]), w = weights?[i] ?? 1
                    if v == u { loops[u] += w; continue }
                    targets[fill[u]] = Int32(v); ws[fill[u]] = w; fill[u] += 1
                    targets[fill[v]] = Int32(u); ws[fill[v]] = w; fill[v] += 1
                }
            }
            self.init(offsets: counts, targets: targets, weights: ws, loops: loops)
        }

        /// Creates a graph from its parts.
        public init(offsets: [Int], targets: [Int32], weights: [Double], loops: [Double]) {
            self.offsets = offsets
            self.targets = targets
            self.weights = weights
            self.loops = loops
        }

        /// The total weight: every relationship once.
        var totalWeight: Double {
            var s = 0.0
            for w in weights { s += w }
            s /= 2
            for l in loops { s += l }
            return s
        }
    }

    /// The community of each node (numbered 0, 1, … by first node).
    ///
    /// After the levels, nodes of the original graph get one more round of moves from the
    /// final partition (a node that joined a community early, before its own camp formed,
    /// can then go back); while that moves something, the levels run again from there.
    public static func communities(_ graph: WeightedGraph, resolution: Double, seed: UInt64, maxLevels: Int,
                                   checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Int] {
        var membership = (0..<graph.nodeCount).map { $0 }
        guard graph.totalWeight > 0 else { return membership }
        var random = SeededRandom(seed: seed)
        for _ in 0..<4 {
            var current = aggregate(graph, membership)
            var level = 0
            while level < maxLevels {
                level += 1
                let start = (0..<current.nodeCount).map { $0 }
                let (community, moved) = try moveNodes(current, from: start, resolution: resolution, random: &random, checkpoint: checkpoint)
                guard moved else { break }
                let renumbered = Components.numbered(community)
                for i in membership.indices { membership[i] = renumbered[membership[i]] }
                current = aggregate(current, renumbered)
            }
            let (refined, moved) = try moveNodes(graph, from: membership, resolution: resolution, random: &random, checkpoint: checkpoint)
            membership = Components.numbered(refined)
            if !moved { break }
        }
        return membership
    }

    /// Local moves from the partition `start` until no node moves: returns each node's
    /// community and whether any node moved.
    static func moveNodes(_ g: WeightedGraph, from start: [Int], resolution: Double, random: inout SeededRandom,
                          checkpoint: Checkpoint) throws(AlgorithmStopped) -> ([Int], Bool) {
        let n = g.nodeCount
        let m2 = 2 * g.totalWeight
        var community = start
        let strength = (0..<n).map { g.strength($0) }
        var total = [Double](repeating: 0, count: n)
        for u in 0..<n { total[community[u]] += strength[u] }
        var weightTo = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var movedAny = false
        while true {
            var moves = 0
            for u32 in random.permutation(n) {
                let u = Int(u32)
                if u & 1023 == 0 { try checkpoint.check() }
                let own = community[u], ku = strength[u]
                for i in g.offsets[u]..<g.offsets[u + 1] {
                    let c = community[Int(g.targets[i])]
                    if weightTo[c] == 0 { touched.append(c) }
                    weightTo[c] += g.weights[i]
                }
                total[own] -= ku
                var best = own
                var bestGain = weightTo[own] - resolution * total[own] * ku / m2
                for c in touched where c != own {
                    let gain = weightTo[c] - resolution * total[c] * ku / m2
                    if gain > bestGain + 1e-12 {
                        best = c
                        bestGain = gain
                    }
                }
                total[best] += ku
                if best != own {
                    community[u] = best
                    moves += 1
                }
                for c in touched { weightTo[c] = 0 }
                weightTo[own] = 0
                touched.removeAll(keepingCapacity: true)
            }
            if moves == 0 { break }
            movedAny = true
        }
        return (community, movedAny)
    }

    /// The graph whose nodes are the communities of `g` (`community` numbered from 0):
    /// relationships between two communities add up, those inside one become its self-loop.
    static func aggregate(_ g: WeightedGraph, _ community: [Int]) -> WeightedGraph {
        let count = (community.max() ?? -1) + 1
        // The members of each community, in node order.
        var memberStart = [Int](repeating: 0, count: count + 1)
        for c in community { memberStart[c + 1] += 1 }
        for c in 0..<count { memberStart[c + 1] += memberStart[c] }
        var fill = memberStart
        var members = [Int](repeating: 0, count: community.count)
        for (u, c) in community.enumerated() {
            members[fill[c]] = u
            fill[c] += 1
        }
        var loops = [Double](repeating: 0, count: count)
        var offsets = [Int](repeating: 0, count: count + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        var weightTo = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        var touched: [Int] = []
        for c in 0..<count {
            for k in memberStart[c]..<memberStart[c + 1] {
                let u = members[k]
                loops[c] += g.loops[u]
                for i in g.offsets[u]..<g.offsets[u + 1] {
                    let d = community[Int(g.targets[i])]
                    if d == c {
                        loops[c] += g.weights[i] / 2
                    } else {
                        if !seen[d] {
                            seen[d] = true
                            touched.append(d)
                        }
                        weightTo[d] += g.weights[i]
                    }
                }
            }
            touched.sort()
            for d in touched {
                targets.append(Int32(d))
                weights.append(weightTo[d])
                weightTo[d] = 0
                seen[d] = false
            }
            touched.removeAll(keepingCapacity: true)
            offsets[c + 1] = targets.count
        }
        return WeightedGraph(offsets: offsets, targets: targets, weights: weights, loops: loops)
    }

    /// The modularity of a partition (NetworkX's definition, with `resolution` γ):
    /// `Σ_c [ L_c / m − γ (d_c / 2m)² ]`, `L_c` the weight inside community `c` (self-loops
    /// once), `d_c` its summed strengths, `m` the total weight. 0 for a graph without weight.
    public static func modularity(_ g: WeightedGraph, _ community: [Int], resolution: Double = 1) -> Double {
        let m = g.totalWeight
        guard m > 0 else { return 0 }
        let count = (community.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count)
        var degree = [Double](repeating: 0, count: count)
        for u in 0..<g.nodeCount {
            let c = community[u]
            inside[c] += g.loops[u]
            degree[c] += g.strength(u)
            for i in g.offsets[u]..<g.offsets[u + 1] where community[Int(g.targets[i])] == c {
                inside[c] += g.weights[i] / 2
            }
        }
        var q = 0.0
        for c in 0..<count { q += inside[c] / m - resolution * (degree[c] / (2 * m)) * (degree[c] / (2 * m)) }
        return q
    }
}
