import ParleyValues

/// Column-oriented property storage: one dense column of values per property key.
///
/// `Value.null` in a column means "absent" (Cypher never stores null). Columns are grown on
/// demand, so a key used only by the first few entities costs only that much.
public struct PropertyColumns: Sendable {
    @usableFromInline var columns: [[Value]] = []

    /// Creates empty storage.
    public init() {}

    /// The value of `key` on `entity`, `.null` if absent.
    @inlinable public func value(_ entity: Int, _ key: Int32) -> Value {
        let k = Int(key)
        guard k < columns.count else { return .null }
        let column = columns[k]
        return entity < column.count ? column[entity] : .null
    }

    /// Sets (or with `.null`, removes) `key` on `entity`; returns the old value.
    @discardableResult
    public mutating func set(_ entity: Int, _ key: Int32, _ value: Value) -> Value {
        let k = Int(key)
        if k >= columns.count {
            if value.isNull { return .null }
            columns.append(contentsOf: repeatElement([], count: k - columns.count + 1))
        }
        if entity == columns[k].count {
            // The common case when entities are filled in order (loading): one append.
            if !value.isNull { columns[k].append(value) }
            return .null
        }
        if entity > columns[k].count {
            if value.isNull { return .null }
            // No exact reserveCapacity here: it would defeat the array's geometric growth and
            // make filling a column entity by entity quadratic.
            columns[k].append(contentsOf: repeatElement(Value.null, count: entity - columns[k].count + 1))
        }
        let old = columns[k][entity]
        columns[k][entity] = value
        return old
    }

    /// The keys present on `entity`, with their values, in key-id order.
    public func all(_ entity: Int) -> [(key: Int32, value: Value)] {
        var result: [(key: Int32, value: Value)] = []
        for (k, column) in columns.enumerated() where entity < column.count {
            let v = column[entity]
            if !v.isNull { result.append((Int32(k), v)) }
        }
        return result
    }

    /// The properties of `entities` (ascending), renumbered `0, 1, ...` in that order.
    public func gathered(_ entities: [Int]) -> PropertyColumns {
        var result = PropertyColumns()
        result.columns = columns.map { column in
            var p = entities.count
            while p > 0 && entities[p - 1] >= column.count { p -= 1 }
            return entities[0..<p].map { column[$0] }
        }
        return result
    }

    /// Removes every property of `entity`.
    public mutating func clear(_ entity: Int) {
        for k in columns.indices where entity < columns[k].count {
            columns[k][entity] = .null
        }
    }

    /// How many entities have `key` set (a scan of the column).
    public func count(of key: Int32) -> Int {
        let k = Int(key)
        guard k < columns.count else { return 0 }
        var n = 0
        for v in columns[k] where !v.isNull { n += 1 }
        return n
    }

    /// Appends `values` (entities `offset`, `offset + 1`, … in order) to the column of `key`;
    /// the column must hold no entity at or past `offset` yet. `.null` entries stay absent.
    public mutating func append(_ values: inout [Value], key: Int32, at offset: Int) {
        let k = Int(key)
        if k >= columns.count { columns.append(contentsOf: repeatElement([], count: k - columns.count + 1)) }
        precondition(columns[k].count <= offset, "appending over existing entities")
        let n = values.count
        // Room filled with null (a payload-free case: overwriting it leaks nothing), then the
        // values moved in bit for bit and their old slots refilled with null, so that no
        // value is copied, retained or released one by one.
        columns[k].append(contentsOf: repeatElement(Value.null, count: offset + n - columns[k].count))
        columns[k].withUnsafeMutableBufferPointer { target in
            values.withUnsafeMutableBufferPointer { source in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                (to + offset).moveInitialize(from: from, count: n)
                from.initialize(repeating: .null, count: n)
            }
        }
    }

    /// Reserves room for `count` entities in every existing column.
    public mutating func reserve(_ count: Int) {
        for k in columns.indices { columns[k].reserveCapacity(count) }
    }
}

extension PropertyColumns {
    /// Calls `body` with every value (never `.null`) stored under `key`.
    @inlinable public func forEachValue(ofKey key: Int32, _ body: (Value) -> Void) {
        guard Int(key) < columns.count else { return }
        for v in columns[Int(key)] where !v.isNull { body(v) }
    }
}
