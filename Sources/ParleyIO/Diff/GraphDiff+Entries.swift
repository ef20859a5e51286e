import ParleyGraph
import ParleyValues

extension GraphDiff {
    /// A property: its key and value.
    public struct Property: Sendable {
        /// The key.
        public var key: String
        /// The value (never `null`).
        public var value: Value
    }

    /// A node added or removed: its id, labels (sorted) and properties (by key; its `id`
    /// property left out when it is the node's id).
    public struct Node: Sendable {
        /// The node's id in the file.
        public var id: String
        /// Its labels, sorted by name.
        public var labels: [String]
        /// Its properties, sorted by key.
        public var properties: [Property]
    }

    /// A relationship added or removed.
    public struct Relationship: Sendable {
        /// The id of the start node.
        public var source: String
        /// The id of the end node.
        public var target: String
        /// The relationship type.
        public var type: String
        /// The relationship's `id` property, if it has one.
        public var id: Value?
        /// Its other properties, sorted by key.
        public var properties: [Property]
    }

    /// A property whose value differs; `null` on the side that lacks the key.
    public struct PropertyChange: Sendable {
        /// The key.
        public var key: String
        /// The value in the old graph (`null`: the key was absent).
        public var old: Value
        /// The value in the new graph (`null`: the key is absent).
        public var new: Value
    }

    /// A node in both graphs whose labels or properties differ.
    public struct NodeChange: Sendable {
        /// The node's id.
        public var id: String
        /// Labels only the new node has, sorted.
        public var addedLabels: [String]
        /// Labels only the old node has, sorted.
        public var removedLabels: [String]
        /// The properties that differ, sorted by key.
        public var properties: [PropertyChange]
    }

    /// A relationship in both graphs (same source, type, target and `id`) whose properties differ.
    public struct RelationshipChange: Sendable {
        /// The id of the start node.
        public var source: String
        /// The id of the end node.
        public var target: String
        /// The relationship type.
        public var type: String
        /// The relationship's `id` property, if it has one.
        public var id: Value?
        /// The properties that differ, sorted by key.
        public var properties: [PropertyChange]
    }
}
