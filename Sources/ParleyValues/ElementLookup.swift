/// The graph that a value's nodes and relationships belong to, as far as printing them needs
/// it (``Value/cypherLiteral(in:)``, ``Value/jsonText(in:)``): a value holds only element ids,
/// and its text shows their labels, types and properties. ParleyGraph's store is one.
public protocol ElementLookup {
    /// The name of the property that identifies a node in files (`id`).
    static var idKey: String { get }
    /// One past the largest node id ever used (ids below it may be deleted).
    var nodeCapacity: Int { get }
    /// One past the largest relationship id ever used.
    var relationshipCapacity: Int { get }
    /// Whether the relationship exists.
    func contains(relationship rel: RelID) -> Bool
    /// The node's labels, in stored order.
    func labels(of node: NodeID) -> [String]
    /// One property of a node, `null` when it has none of that name.
    func property(of node: NodeID, named name: String) -> Value
    /// The node's properties.
    func properties(of node: NodeID) -> [String: Value]
    /// The relationship's type.
    func type(of rel: RelID) -> String
    /// The node the relationship starts at.
    func startNode(of rel: RelID) -> NodeID
    /// The node the relationship ends at.
    func endNode(of rel: RelID) -> NodeID
    /// The relationship's properties.
    func properties(ofRelationship rel: RelID) -> [String: Value]
}
