import ParleyValues

/// Which property keys nodes and relationships use, and their columns, without a pass over the elements.
extension GraphStore {
    /// The ids of the keys that some node may hold (every key with a node property column;
    /// a column whose values were all removed still counts), in increasing order.
    public var nodePropertyKeyIDs: [Int32] { nodeProperties.keysWithColumns }

    /// The ids of the keys that some relationship may hold (as ``nodePropertyKeyIDs``).
    public var relationshipPropertyKeyIDs: [Int32] { relProperties.keysWithColumns }
}

extension PropertyColumns {
    /// The keys whose column is not empty, in increasing order.
    var keysWithColumns: [Int32] {
        columns.indices.filter { !columns[$0].isEmpty }.map { Int32($0) }
    }
}

extension GraphStore {
    /// The values of node property `key`, indexed by node id, for fast scans: `.null` means
    /// absent, and ids past the end of the array lack the key too.
    public func nodePropertyColumn(_ key: Int32) -> [Value] { nodeProperties.column(key) }

    /// The values of relationship property `key`, indexed by relationship id (as
    /// ``nodePropertyColumn(_:)``).
    public func relationshipPropertyColumn(_ key: Int32) -> [Value] { relProperties.column(key) }
}

extension PropertyColumns {
    /// The column of `key` (empty when no entity has it).
    func column(_ key: Int32) -> [Value] {
        let k = Int(key)
        return k >= 0 && k < columns.count ? columns[k] : []
    }
}
