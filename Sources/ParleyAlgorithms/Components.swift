/// Connected components: weakly (relationships followed either way) and strongly (both ways
/// along their direction). Components are numbered 0, 1, 2, … in the order of their first node.
public enum Components {
    /// The weakly connected component of each node.
    public static func weak(_ view: GraphView, checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Int] {
        let n = view.nodeCount
        var parent = (0..<Int32(n)).map { $0 }
        let out = view.outgoing
        var stopped = false
        parent.withUnsafeMutableBufferPointer { parent in
            /// The root of `x`'s tree, halving the path on the way.
            func find(_ x: Int32) -> Int32 {
                var x = x
                while parent[Int(x)] != x {
                    let up = parent[Int(parent[Int(x)])]
                    parent[Int(x)] = up
                    x = up
                }
                return x
            }
            out.targets.withUnsafeBufferPointer { targets in
                out.offsets.withUnsafeBufferPointer { offsets in
                    for u in 0..<n {
                        if u & 4095 == 0 && checkpoint.stopRequested {
                            stopped = true
                            return
                        }
                        for i in offsets[u]..<offsets[u + 1] {
                            let a = find(Int32(u)), b = find(targets[i])
                            if a < b { parent[Int(b)] = a } else if b < a { parent[Int(a)] = b }
                        }
                    }
                }
            }
            for u in 0..<n { parent[u] = find(Int32(u)) }
        }
        if stopped { throw AlgorithmStopped() }
        return numbered(parent.map { Int($0) })
    }

    /// The strongly connected component of each node (Tarjan's algorithm, without recursion).
    public static func strong(_ view: GraphView, checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Int] {
        let n = view.nodeCount
        let out = view.outgoing
        var order = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var frames: [(node: Int, cursor: Int)] = []
        var counter = 0, components = 0
        for root in 0..<n where order[root] < 0 {
            try checkpoint.check()
            order[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            frames.append((root, out.offsets[root]))
            while let top = frames.last {
                let u = top.node
                if top.cursor < out.offsets[u + 1] {
                    frames[frames.count - 1].cursor += 1
                    let v = Int(out.targets[top.cursor])
                    if order[v] < 0 {
                        order[v] = counter; low[v] = counter; counter += 1
                        stack.append(v); onStack[v] = true
                        frames.append((v, out.offsets[v]))
                    } else if onStack[v] {
                        low[u] = min(low[u], order[v])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[u]) }
                if low[u] == order[u] {
                    while true {
                        let w = stack.removeLast()
                        onStack[w] = false
                        component[w] = components
                        if w == u { break }
                    }
                    components += 1
                }
            }
        }
        return numbered(component)
    }

    /// Renumbers labels (each in `0..<labels.count`) 0, 1, 2, … in the order of each label's
    /// first node.
    public static func numbered(_ labels: [Int]) -> [Int] {
        var renumber = [Int](repeating: -1, count: labels.count)
        var next = 0
        return labels.map { label in
            if renumber[label] < 0 {
                renumber[label] = next
                next += 1
            }
            return renumber[label]
        }
    }
}
