/// Articulation points and bridges of the undirected multigraph, from one depth-first search
/// (Hopcroft–Tarjan low points, without recursion).
public enum Biconnectivity {
    /// Cut vertices and cut relationships.
    public struct Result: Sendable {
        /// Whether removing each node disconnects its component.
        public var isArticulationPoint: [Bool]
        /// The relationships (store ids) whose removal disconnects their component, increasing.
        /// A pair joined by two or more relationships has none.
        public var bridges: [Int32]
    }

    /// Runs the search on `lists` (each node's relationships in both directions, with their ids:
    /// ``GraphView/adjacency(_:)`` with `.both`). Self-loops are ignored; parallel relationships
    /// are told apart by id, so they close a cycle.
    public static func run(_ lists: Adjacency, checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> Result {
        let n = lists.nodeCount
        var discovery = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var isCut = [Bool](repeating: false, count: n)
        var bridges: [Int32] = []
        var frames: [(node: Int, via: Int32, cursor: Int)] = []
        var time = 0
        for root in 0..<n where discovery[root] < 0 {
            try checkpoint.check()
            discovery[root] = time; low[root] = time; time += 1
            var rootChildren = 0
            frames.append((root, -1, lists.offsets[root]))
            while let top = frames.last {
                let u = top.node
                if top.cursor < lists.offsets[u + 1] {
                    frames[frames.count - 1].cursor += 1
                    let v = Int(lists.targets[top.cursor]), rel = lists.relationships[top.cursor]
                    if v == u || rel == top.via { continue }
                    if discovery[v] < 0 {
                        discovery[v] = time; low[v] = time; time += 1
                        if u == root { rootChildren += 1 }
                        frames.append((v, rel, lists.offsets[v]))
                    } else {
                        low[u] = min(low[u], discovery[v])
                    }
                    continue
                }
                frames.removeLast()
                guard let parent = frames.last?.node else { continue }
                low[parent] = min(low[parent], low[u])
                if low[u] > discovery[parent] { bridges.append(top.via) }
                if parent != root && low[u] >= discovery[parent] { isCut[parent] = true }
            }
            if rootChildren > 1 { isCut[root] = true }
        }
        return Result(isArticulationPoint: isCut, bridges: bridges.sorted())
    }
}
