/// Triangles and local clustering on the undirected simple graph (parallel relationships
/// collapsed, self-loops ignored).
public enum Triangles {
    /// The number of triangles through each node of `simple` (lists without duplicates or
    /// self-loops, as ``Adjacency/simplified()`` gives).
    ///
    /// Each triangle is found once, from its lowest-ranked node (nodes ranked by degree, then
    /// index), by marking that node's higher-ranked neighbours and scanning theirs.
    public static func counts(_ simple: Adjacency, checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Int] {
        let n = simple.nodeCount
        var byRank = (0..<n).map { $0 }
        byRank.sort { a, b in
            let da = simple.degree(a), db = simple.degree(b)
            return da != db ? da < db : a < b
        }
        var rank = [Int32](repeating: 0, count: n)
        for (r, u) in byRank.enumerated() { rank[u] = Int32(r) }
        // The higher-ranked neighbours of each node, as node indexes.
        var offsets = [Int](repeating: 0, count: n + 1)
        var forward: [Int32] = []
        forward.reserveCapacity(simple.targets.count / 2)
        for u in 0..<n {
            for i in simple.range(u) where rank[Int(simple.targets[i])] > rank[u] { forward.append(simple.targets[i]) }
            offsets[u + 1] = forward.count
        }
        var triangles = [Int](repeating: 0, count: n)
        var mark = [Int32](repeating: -1, count: n)
        for u in 0..<n {
            if u & 1023 == 0 { try checkpoint.check() }
            let mine = offsets[u]..<offsets[u + 1]
            if mine.count < 2 { continue }
            for i in mine { mark[Int(forward[i])] = Int32(u) }
            for i in mine {
                let v = Int(forward[i])
                for j in offsets[v]..<offsets[v + 1] {
                    let w = Int(forward[j])
                    if mark[w] == Int32(u) {
                        triangles[u] += 1
                        triangles[v] += 1
                        triangles[w] += 1
                    }
                }
            }
        }
        return triangles
    }

    /// The local clustering coefficient of each node: `2T / (d (d − 1))` with `d` its number of
    /// distinct neighbours, 0 when `d < 2`.
    public static func clustering(_ simple: Adjacency, triangles: [Int]) -> [Double] {
        (0..<simple.nodeCount).map { u in
            let d = simple.degree(u)
            return d < 2 ? 0 : 2 * Double(triangles[u]) / (Double(d) * Double(d - 1))
        }
    }
}
