/// Betweenness centrality by Brandes' algorithm on an unweighted graph: for each node, the
/// share of shortest paths between other nodes that pass through it.
public enum Betweenness {
    /// The score of each node.
    ///
    /// - Parameters:
    ///   - forward: the lists followed from a source (NetworkX's simple graph or digraph).
    ///   - backward: the same relationships in reverse (`forward` itself when undirected).
    ///   - directed: whether paths follow a direction (changes the scaling, as in NetworkX).
    ///   - normalized: divide by the number of pairs, `(n − 1)(n − 2)`.
    ///   - sources: the sources to start from (all nodes when nil); with a sample of `k` of
    ///     `n` nodes the scores are scaled by `n / k`.
    public static func scores(forward: Adjacency, backward: Adjacency, directed: Bool, normalized: Bool,
                              sources: [Int32]? = nil, checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Double] {
        let n = forward.nodeCount
        let starts = sources ?? (0..<Int32(n)).map { $0 }
        var total = try Parallel.sum(count: starts.count, length: n, checkpoint: checkpoint) { range, into in
            var state = BrandesState(n)
            for k in range {
                if checkpoint.stopRequested { return }
                state.accumulate(from: Int(starts[k]), forward: forward, backward: backward, into: &into)
            }
        }
        var scale: Double? = nil
        if normalized {
            if n > 2 { scale = 1.0 / (Double(n - 1) * Double(n - 2)) }
        } else if !directed {
            scale = 0.5
        }
        if var s = scale {
            if sources != nil && !starts.isEmpty { s *= Double(n) / Double(starts.count) }
            for i in 0..<n { total[i] *= s }
        } else if sources != nil && !starts.isEmpty {
            let s = Double(n) / Double(starts.count)
            for i in 0..<n { total[i] *= s }
        }
        return total
    }
}

/// The per-source work of Brandes' algorithm, with arrays reused between sources.
struct BrandesState {
    var distance: [Int32]
    var paths: [Double]
    var dependency: [Double]
    var order: [Int32]

    init(_ n: Int) {
        distance = [Int32](repeating: -1, count: n)
        paths = [Double](repeating: 0, count: n)
        dependency = [Double](repeating: 0, count: n)
        order = []
        order.reserveCapacity(n)
    }

    /// Adds the dependencies of every node on paths from `source` to `into`.
    mutating func accumulate(from source: Int, forward: Adjacency, backward: Adjacency, into: inout [Double]) {
        order.removeAll(keepingCapacity: true)
        distance[source] = 0
        paths[source] = 1
        order.append(Int32(source))
        var head = 0
        while head < order.count {
            let u = Int(order[head])
            head += 1
            let du = distance[u]
            for i in forward.range(u) {
                let v = Int(forward.targets[i])
                if distance[v] < 0 {
                    distance[v] = du + 1
                    order.append(Int32(v))
                }
                if distance[v] == du + 1 { paths[v] += paths[u] }
            }
        }
        for k in stride(from: order.count - 1, through: 0, by: -1) {
            let w = Int(order[k])
            let dw = distance[w]
            let coefficient = (1 + dependency[w]) / paths[w]
            for i in backward.range(w) {
                let v = Int(backward.targets[i])
                if distance[v] == dw - 1 { dependency[v] += paths[v] * coefficient }
            }
            if w != source { into[w] += dependency[w] }
        }
        for v in order {
            distance[Int(v)] = -1
            paths[Int(v)] = 0
            dependency[Int(v)] = 0
        }
    }
}
