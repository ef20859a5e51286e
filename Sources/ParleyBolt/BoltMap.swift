/// A PackStream dictionary: string keys in the order they were written or read.
///
/// Order is kept so that what Parley sends is byte-for-byte predictable; lookups are linear,
/// which suits the small maps Bolt messages carry (a record's maps are converted once).
public struct BoltMap: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The entries, in wire order.
    public var entries: [(key: String, value: BoltValue)]

    /// Creates a map from its entries in order.
    public init(_ entries: [(key: String, value: BoltValue)] = []) { self.entries = entries }

    public init(dictionaryLiteral elements: (String, BoltValue)...) {
        entries = elements.map { (key: $0.0, value: $0.1) }
    }

    /// The value under `key`, nil when absent; setting appends a new key or replaces in place.
    public subscript(key: String) -> BoltValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key: key, value: newValue))
            }
        }
    }

    /// The number of entries.
    public var count: Int { entries.count }

    public static func == (a: BoltMap, b: BoltMap) -> Bool {
        a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for e in entries {
            hasher.combine(e.key)
            hasher.combine(e.value)
        }
    }
}
