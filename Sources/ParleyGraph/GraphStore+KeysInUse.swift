/// Which property keys nodes and relationships use, without a pass over the elements.
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
