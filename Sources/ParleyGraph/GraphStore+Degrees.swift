/// Degrees of all nodes at once, read from the adjacency lists' lengths.
extension GraphStore {
    /// Every node's number of relationships in `direction`, indexed by node id (0 for ids of
    /// deleted nodes). With `.both`, a self-loop counts once, as `(n)--()` matches it once.
    public func degrees(_ direction: Direction) -> [Int32] {
        var result = [Int32](repeating: 0, count: nodeCapacity)
        result.withUnsafeMutableBufferPointer { out in
            func add(_ lists: [[AdjacencyEntry]]) {
                lists.withUnsafeBufferPointer { lists in
                    for n in 0..<Swift.min(lists.count, out.count) {
                        out[n] &+= Int32(truncatingIfNeeded: lists[n].count)
                    }
                }
            }
            switch direction {
            case .outgoing: add(outgoing)
            case .incoming: add(incoming)
            case .both:
                add(outgoing)
                add(incoming)
                guard selfLoopCount > 0 else { return }
                for r in 0..<relAlive.count where relAlive[r] && relStarts[r] == relEnds[r] {
                    out[Int(relStarts[r])] &-= 1
                }
            }
        }
        return result
    }
}
