/// An equality index over one node property key: value → the nodes that hold it.
///
/// The store keeps one on `id` (the JSON node key), so `MATCH (n {id: 'kz'})` is a lookup.
public struct PropertyIndex: Sendable {
    @usableFromInline var entries: [Value: [Int32]] = [:]

    /// Creates an empty index.
    public init() {}

    /// The nodes whose property equals `value` (Cypher equivalence: `1` finds `1.0`), in id order.
    @inlinable public func lookup(_ value: Value) -> [Int32] { entries[value] ?? [] }

    mutating func insert(_ value: Value, _ node: Int32) {
        guard !value.isNull else { return }
        entries[value, default: []].append(node)
        if let list = entries[value], list.count > 1, list[list.count - 2] > node {
            entries[value]!.sort()
        }
    }

    mutating func remove(_ value: Value, _ node: Int32) {
        guard !value.isNull, var list = entries[value] else { return }
        list.removeAll { $0 == node }
        entries[value] = list.isEmpty ? nil : list
    }

    /// The number of distinct values indexed.
    public var count: Int { entries.count }
}
