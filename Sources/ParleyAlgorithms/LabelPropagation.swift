/// Community detection by asynchronous label propagation: each node, in a seeded random
/// order, takes the label most of its neighbours carry, until no label changes.
public enum LabelPropagation {
    /// The community of each node of `lists` (undirected lists; parallel relationships are
    /// extra votes, self-loops are ignored), numbered 0, 1, … by first node. A community that
    /// propagation left in pieces is split, so every community is connected.
    public static func communities(_ lists: Adjacency, maxIterations: Int, seed: UInt64,
                                   checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> [Int] {
        let n = lists.nodeCount
        var label = (0..<n).map { $0 }
        var random = SeededRandom(seed: seed)
        var votes = [Int](repeating: 0, count: n)
        var seen: [Int] = []
        var ties: [Int] = []
        for _ in 0..<maxIterations {
            try checkpoint.check()
            var changed = 0
            for u32 in random.permutation(n) {
                let u = Int(u32)
                for i in lists.range(u) {
                    let v = Int(lists.targets[i])
                    if v == u { continue }
                    if votes[label[v]] == 0 { seen.append(label[v]) }
                    votes[label[v]] += 1
                }
                guard !seen.isEmpty else { continue }
                var most = 0
                for l in seen { most = max(most, votes[l]) }
                if votes[label[u]] != most {
                    ties.removeAll(keepingCapacity: true)
                    for l in seen where votes[l] == most { ties.append(l) }
                    ties.sort()
                    label[u] = ties[Int(random.next() % UInt64(ties.count))]
                    changed += 1
                }
                for l in seen { votes[l] = 0 }
                seen.removeAll(keepingCapacity: true)
            }
            if changed == 0 { break }
        }
        return connectedPieces(lists, label)
    }

    /// Splits each labelled group into its connected pieces and numbers them by first node.
    static func connectedPieces(_ lists: Adjacency, _ label: [Int]) -> [Int] {
        let n = lists.nodeCount
        var piece = [Int](repeating: -1, count: n)
        var queue: [Int] = []
        var next = 0
        for start in 0..<n where piece[start] < 0 {
            piece[start] = next
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for i in lists.range(u) {
                    let v = Int(lists.targets[i])
                    if piece[v] < 0 && label[v] == label[start] {
                        piece[v] = next
                        queue.append(v)
                    }
                }
            }
            next += 1
        }
        return piece
    }
}
