import ParleyValues

/// An equality index over one node property key: value → the nodes that hold it.
///
/// The store keeps one on `id` (the JSON node key), so `MATCH (n {id: 'kz'})` is a lookup.
/// A value held by one node (the usual case for ids) costs no array allocation.
public struct PropertyIndex: Sendable {
    /// The nodes holding one value, in increasing id order.
    @usableFromInline enum Posting: Sendable {
        case one(Int32)
        case many([Int32])

        /// The nodes, in increasing id order.
        @inlinable var nodes: [Int32] {
            switch self {
            case .one(let n): return [n]
            case .many(let list): return list
            }
        }
    }

    @usableFromInline var entries: [Value: Posting] = [:]
    /// How many values more than one node holds (0: the key identifies the nodes that hold it).
    public private(set) var sharedValues = 0
    /// How many nodes the index lists (nodes holding the key).
    public private(set) var nodeCount = 0

    /// Creates an empty index.
    public init() {}

    /// The nodes whose property equals `value` (Cypher equivalence: `1` finds `1.0`), in id order.
    @inlinable public func lookup(_ value: Value) -> [Int32] { entries[value]?.nodes ?? [] }

    /// Adds `node` under `value` (one hash lookup).
    mutating func insert(_ value: Value, _ node: Int32) {
        guard !value.isNull else { return }
        if PropertyIndex.add(node, to: &entries[value]) { sharedValues += 1 }
        nodeCount += 1
    }

    /// Adds `node` to `posting`; true when the value was held by exactly one node before.
    private static func add(_ node: Int32, to posting: inout Posting?) -> Bool {
        switch posting {
        case nil: posting = .one(node)
        case .one(let other):
            posting = .many(other < node ? [other, node] : [node, other])
            return true
        case .many(var list):
            posting = nil  // keep the array uniquely referenced while it grows
            list.append(node)
            if list[list.count - 2] > node { list.sort() }
            posting = .many(list)
        }
        return false
    }

    mutating func remove(_ value: Value, _ node: Int32) {
        guard !value.isNull, let posting = entries[value] else { return }
        switch posting {
        case .one(let n):
            if n == node {
                entries[value] = nil
                nodeCount -= 1
            }
        case .many(var list):
            let before = list.count
            list.removeAll { $0 == node }
            nodeCount -= before - list.count
            if list.count == 1 { sharedValues -= 1 }
            entries[value] = list.count == 1 ? .one(list[0]) : .many(list)
        }
    }

    /// Whether no value is held by more than one node: then the key's value identifies its node
    /// (among the nodes that hold the key; Cypher equivalence counts `1` and `1.0` as one value).
    public var isUnique: Bool { sharedValues == 0 }

    /// Reserves room for `count` distinct values.
    mutating func reserve(_ count: Int) { entries.reserveCapacity(count) }

    /// The number of distinct values indexed.
    public var count: Int { entries.count }
}
