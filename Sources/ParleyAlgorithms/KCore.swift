/// Core numbers (k-core decomposition) by the Batagelj–Zaversnik bucket algorithm.
public enum KCore {
    /// The core number of each node of `simple` (undirected, no duplicates, no self-loops):
    /// the largest `k` such that the node belongs to a subgraph where every node has degree ≥ k.
    public static func coreNumbers(_ simple: Adjacency, checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Int] {
        let n = simple.nodeCount
        guard n > 0 else { return [] }
        // 32-bit arrays: half the memory traffic of the random accesses that dominate.
        var degree = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for u in 0..<n { buffer[u] = Int32(simple.degree(u)) }
            count = n
        }
        let maxDegree = Int(degree.max() ?? 0)
        var binStart = [Int32](repeating: 0, count: maxDegree + 1)
        for d in degree { binStart[Int(d)] += 1 }
        var start: Int32 = 0
        for d in 0...maxDegree {
            let count = binStart[d]
            binStart[d] = start
            start += count
        }
        var position = [Int32](repeating: 0, count: n)
        var vertices = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            let d = Int(degree[u])
            position[u] = binStart[d]
            vertices[Int(binStart[d])] = Int32(u)
            binStart[d] += 1
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
                                    let u = Int(vertices[i]), du = degree[u]
                                    for k in offsets[u]..<offsets[u + 1] {
                                        let v = Int(targets[k])
                                        let dv = degree[v]
                                        guard dv > du else { continue }
                                        let pv = Int(position[v]), pw = Int(binStart[Int(dv)]), w = Int(vertices[pw])
                                        if v != w {
                                            position[v] = Int32(pw); vertices[pv] = Int32(w)
                                            position[w] = Int32(pv); vertices[pw] = Int32(v)
                                        }
                                        binStart[Int(dv)] += 1
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
        return degree.map { Int($0) }
    }
}
