/// Compressed adjacency lists (CSR) over the dense node indexes of a ``GraphView``.
///
/// The neighbours of node `u` are `targets[offsets[u]..<offsets[u + 1]]`; `relationships`, when
/// present, holds the relationship of each entry (the store's id), aligned with `targets`.
public struct Adjacency: Sendable {
    /// Where each node's list starts; one more entry than there are nodes.
    public let offsets: [Int]
    /// The neighbour at each entry (a dense node index).
    public let targets: [Int32]
    /// The relationship of each entry, or empty when the lists were deduplicated.
    public let relationships: [Int32]

    /// Creates adjacency lists from their parts.
    public init(offsets: [Int], targets: [Int32], relationships: [Int32] = []) {
        self.offsets = offsets
        self.targets = targets
        self.relationships = relationships
    }

    /// The number of nodes.
    @inlinable public var nodeCount: Int { offsets.count - 1 }

    /// The number of entries of node `u`.
    @inlinable public func degree(_ u: Int) -> Int { offsets[u + 1] - offsets[u] }

    /// The entry range of node `u`.
    @inlinable public func range(_ u: Int) -> Range<Int> { offsets[u]..<offsets[u + 1] }

    /// The lists with duplicate neighbours and self-loops removed (each neighbour kept where
    /// first met).
    public func simplified() -> Adjacency {
        Adjacency.simplifiedUnion(self, nil)
    }

    /// The union of `a`'s and `b`'s lists of each node without duplicates and self-loops, in
    /// the order first met (`a`'s entries first).
    public static func simplifiedUnion(_ a: Adjacency, _ b: Adjacency?) -> Adjacency {
        let n = a.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var mark = [Int32](repeating: -1, count: n)
        let bound = a.targets.count + (b?.targets.count ?? 0)
        var filled = 0
        let second = b ?? Adjacency(offsets: [Int](repeating: 0, count: n + 1), targets: [])
        let targets = [Int32](unsafeUninitializedCapacity: bound) { out, initialized in
            mark.withUnsafeMutableBufferPointer { mark in
                a.targets.withUnsafeBufferPointer { ta in
                    second.targets.withUnsafeBufferPointer { tb in
                        for u in 0..<n {
                            mark[u] = Int32(u)
                            for i in a.offsets[u]..<a.offsets[u + 1] where mark[Int(ta[i])] != Int32(u) {
                                mark[Int(ta[i])] = Int32(u)
                                out[filled] = ta[i]
                                filled += 1
                            }
                            for i in second.offsets[u]..<second.offsets[u + 1] where mark[Int(tb[i])] != Int32(u) {
                                mark[Int(tb[i])] = Int32(u)
                                out[filled] = tb[i]
                                filled += 1
                            }
                            offsets[u + 1] = filled
                        }
                    }
                }
            }
            initialized = filled
        }
        return Adjacency(offsets: offsets, targets: targets)
    }

    /// Both lists of each node, one after the other (`a`'s entries first).
    public static func merging(_ a: Adjacency, _ b: Adjacency) -> Adjacency {
        let n = a.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var relationships: [Int32] = []
        targets.reserveCapacity(a.targets.count + b.targets.count)
        let withRelationships = !a.relationships.isEmpty && !b.relationships.isEmpty
        if withRelationships { relationships.reserveCapacity(targets.capacity) }
        for u in 0..<n {
            for list in [a, b] {
                let r = list.range(u)
                targets.append(contentsOf: list.targets[r])
                if withRelationships { relationships.append(contentsOf: list.relationships[r]) }
            }
            offsets[u + 1] = targets.count
        }
        return Adjacency(offsets: offsets, targets: targets, relationships: relationships)
    }
}
