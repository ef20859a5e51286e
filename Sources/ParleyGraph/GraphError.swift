import ParleyValues

/// An error raised by a store mutation that would break the graph's invariants.
public enum GraphError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The node does not exist (never created, or deleted).
    case noSuchNode(NodeID)
    /// The relationship does not exist.
    case noSuchRelationship(RelID)
    /// A node still has relationships and cannot be deleted without detaching them.
    case nodeHasRelationships(NodeID, count: Int)
    /// The value cannot be stored as a property (maps, nodes, nested lists, ...).
    case invalidPropertyValue(key: String, typeName: String)

    public var description: String {
        switch self {
        case .noSuchNode(let n): return "node \(n) does not exist"
        case .noSuchRelationship(let r): return "relationship \(r) does not exist"
        case .nodeHasRelationships(let n, let count):
            return "cannot delete node \(n): it still has \(count) relationship\(count == 1 ? "" : "s"); use DETACH DELETE"
        case .invalidPropertyValue(let key, let typeName):
            return "property '\(key)' cannot hold a value of type \(typeName)"
        }
    }
}
