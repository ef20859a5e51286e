import ParleyGraph
import ParleyValues

/// What changed from one graph to another: nodes and relationships added and removed, and the
/// labels and properties of those in both that changed.
///
/// Nodes are matched by the id a saved file shows (``GraphWriter/fileIDs(_:)``: the `id`
/// property). Relationships are matched by source id, type, target id and their own `id`
/// property when they have one; parallel relationships with the same key are a multiset:
/// those with identical properties pair up first, the rest pair in relationship order as
/// changed, and the surplus on either side is added or removed. Values are compared with
/// their type: `1` → `1.0` is a change. Every list is sorted (nodes by id, relationships by
/// source, type, target and id), so the same two graphs always give the same diff.
public struct GraphDiff: Sendable {
    /// Nodes only in the new graph, by id.
    public internal(set) var addedNodes: [Node] = []
    /// Nodes only in the old graph, by id.
    public internal(set) var removedNodes: [Node] = []
    /// Nodes in both whose labels or properties differ, by id.
    public internal(set) var changedNodes: [NodeChange] = []
    /// Relationships only in the new graph.
    public internal(set) var addedRelationships: [Relationship] = []
    /// Relationships only in the old graph.
    public internal(set) var removedRelationships: [Relationship] = []
    /// Relationships in both whose properties differ.
    public internal(set) var changedRelationships: [RelationshipChange] = []

    /// The old graph (kept for drawing the union, ``dot(style:)``; sharing its storage).
    public let old: GraphStore
    /// The new graph.
    public let new: GraphStore
    /// Where each entry came from, in the same order as the public lists.
    var elements = Elements()

    /// Compares `old` with `new`.
    public init(old: GraphStore, new: GraphStore) {
        self.old = old
        self.new = new
        var differ = GraphDiffer(old: old, new: new)
        differ.run()
        differ.assemble(into: &self)
    }

    /// Whether the two graphs are the same.
    public var isEmpty: Bool {
        addedNodes.isEmpty && removedNodes.isEmpty && changedNodes.isEmpty
            && addedRelationships.isEmpty && removedRelationships.isEmpty && changedRelationships.isEmpty
    }

    /// The output formats of a diff.
    public enum Format: String, CaseIterable, Sendable {
        /// One line per change and a summary (``text(color:)``).
        case text
        /// One JSON object (``json()``).
        case json
        /// Graphviz DOT of both graphs together (``dot(style:)``).
        case dot
    }

    /// The internal ids behind the public lists (old graph for removed, new for added,
    /// both for changed).
    struct Elements: Sendable {
        var addedNodes: [NodeID] = []
        var removedNodes: [NodeID] = []
        var changedNodes: [(old: NodeID, new: NodeID)] = []
        var addedRelationships: [RelID] = []
        var removedRelationships: [RelID] = []
        var changedRelationships: [(old: RelID, new: RelID)] = []
    }
}
