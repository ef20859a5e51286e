/// Core numbers (k-core decomposition) by the Batagelj–Zaversnik bucket algorithm.
public enum KCore {
    /// The core number of each node of `simple` (undirected, no duplicates, no self-loops):
    /// the largest `k` such that the node belongs to a subgraph where every node has degree ≥ k.
    public static func coreNumbers(_ simple: Adjacency, checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Int] {
        let n = simple.nodeCount
        guard n > 0 else { return [] }
        var degree = (0..<n).map { simple.degree($0) }
        let maxDegree = degree.max() ?? 0
        var binStart = [Int](repeating: 0, count: maxDegree + 1)
        for d in degree { binStart[d] += 1 }
        var start = 0
        for d in 0...maxDegree {
            let count = binStart[d]
            binStart[d] = start
            start += count
        }
        var position = [Int](repeating: 0, count: n)
        var vertices = [Int](repeating: 0, count: n)
        for u in 0..<n {
            position[u] = binStart[degree[u]]
            vertices[position[u]] = u
            binStart[degree[u]] += 1
        }
        for d in stride(from: maxDegree, to: 0, by: -1) { binStart[d] = binStart[d - 1] }
        binStart[0] = 0
        var stopped = false
        degree.withUnsafeMutableBufferPointer { degree in
            position.withUnsafeMutableBufferPointer { position in
                vertices.withUnsafeMutableBufferPointer { vertices in
                    binStart.withUnsafeMutableBufferPointer { binStart in
                        simple.targets.withUnsafeBufferPointer { targets in
                            simple.offsets.withUnsafeBufferPointer { offsets in
                                for i in 0..<n {
                                    if i & 4095 == 0 && checkpoint.stopRequested {
                                        stopped = true
                                        return
                                    }
                                    let u = vertices[i], du = degree[u]
                                    for k in offsets[u]..<offsets[u + 1] {
                                        let v = Int(targets[k])
                                        let dv = degree[v]
                                        guard dv > du else { continue }
                                        let pv = position[v], pw = binStart[dv], w = vertices[pw]
                                        if v != w {
                                            position[v] = pw; vertices[pv] = w
                                            position[w] = pv; vertices[pw] = v
                                        }
                                        binStart[dv] += 1
                                        degree[v] = dv - 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if stopped { throw AlgorithmStopped() }
        return degree
    }
}
