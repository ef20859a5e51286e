import ParleyValues

/// The in-memory property graph: nodes with labels and properties, typed relationships with
/// properties, and the indexes that keep lookups fast.
///
/// Layout: nodes and relationships are dense integer ids; labels, relationship types and
/// property keys are interned (``SymbolTable``); properties live in columns
/// (``PropertyColumns``); each node has an outgoing and an incoming adjacency list sorted by
/// (type, relationship id), so the relationships of one type are found by binary search.
/// Relationships are not objects: a relationship is its row in four arrays.
///
/// Ids are never reused: a deleted node or relationship leaves a tombstone.
///
/// `GraphStore` is a value type with copy-on-write storage: copying it is cheap, which gives
/// the REPL snapshots for free (a failed write query or load leaves the old graph intact).
public struct GraphStore: Sendable {
    /// Label names.
    public internal(set) var labels = SymbolTable()
    /// Relationship type names.
    public internal(set) var types = SymbolTable()
    /// Property key names (shared by nodes and relationships).
    public internal(set) var keys = SymbolTable()

    // Nodes
    @usableFromInline var nodeAlive: [Bool] = []
    @usableFromInline var nodeLabelSets: [[Int32]] = []
    @usableFromInline var nodeProperties = PropertyColumns()
    @usableFromInline var outgoing: [[AdjacencyEntry]] = []
    @usableFromInline var incoming: [[AdjacencyEntry]] = []

    // Relationships
    @usableFromInline var relAlive: [Bool] = []
    @usableFromInline var relTypes: [Int32] = []
    @usableFromInline var relStarts: [Int32] = []
    @usableFromInline var relEnds: [Int32] = []
    @usableFromInline var relProperties = PropertyColumns()

    // Indexes
    @usableFromInline var labelIndex: [[Int32]] = []
    @usableFromInline var propertyIndexes: [Int32: PropertyIndex] = [:]
    @usableFromInline var typeCounts: [Int] = []

    /// The number of live nodes.
    public internal(set) var nodeCount = 0
    /// The number of live relationships.
    public internal(set) var relationshipCount = 0
    /// The number of live relationships whose start is their end (with none, a node's
    /// undirected degree is the sum of its two adjacency lists' lengths).
    public internal(set) var selfLoopCount = 0

    /// Which properties say when an element holds (as-of views, `validAt`; docs/time.md).
    public var validity = ValidityRule()

    /// Node string columns coded on first use, shared with copies (``nodeStringCodes(_:)``).
    let stringCodes = StringCodesCache()

    /// The key of the node property that identifies nodes in the JSON format.
    public static let idKey = "id"

    /// Creates an empty graph with an equality index on the `id` property.
    public init() {
        let id = keys.intern(GraphStore.idKey)
        propertyIndexes[id] = PropertyIndex()
    }

    // MARK: - Reading nodes

    /// One past the largest node id ever used (ids below it may be deleted).
    @inlinable public var nodeCapacity: Int { nodeAlive.count }
    /// One past the largest relationship id ever used.
    @inlinable public var relationshipCapacity: Int { relAlive.count }

    /// Whether `node` exists (was created and not deleted).
    @inlinable public func contains(node: NodeID) -> Bool {
        node >= 0 && node < nodeAlive.count && nodeAlive[node]
    }

    /// Every live node id, in increasing order.
    public var nodeIDs: some Sequence<NodeID> {
        nodeAlive.indices.lazy.filter { self.nodeAlive[$0] }
    }

    /// The label ids of `node`, sorted.
    @inlinable public func labelIDs(of node: NodeID) -> [Int32] { nodeLabelSets[node] }

    /// The label names of `node`, in the order they were interned.
    public func labels(of node: NodeID) -> [String] { nodeLabelSets[node].map { labels.name($0) } }

    /// Whether `node` carries the label with id `label`.
    @inlinable public func hasLabel(_ node: NodeID, _ label: Int32) -> Bool {
        nodeLabelSets[node].contains(label)
    }

    /// The nodes with label id `label`, in increasing id order.
    @inlinable public func nodes(withLabel label: Int32) -> [Int32] {
        Int(label) < labelIndex.count ? labelIndex[Int(label)] : []
    }

    /// The number of nodes with label id `label`.
    @inlinable public func count(ofLabel label: Int32) -> Int {
        Int(label) < labelIndex.count ? labelIndex[Int(label)].count : 0
    }

    /// The value of property `key` (an interned key id) on `node`; `.null` if absent.
    @inlinable public func property(of node: NodeID, _ key: Int32) -> Value {
        nodeProperties.value(node, key)
    }

    /// The value of property `name` on `node`; `.null` if absent.
    public func property(of node: NodeID, named name: String) -> Value {
        guard let key = keys.id(of: name) else { return .null }
        return nodeProperties.value(node, key)
    }

    /// All properties of `node`, by key name.
    public func properties(of node: NodeID) -> [String: Value] {
        var result: [String: Value] = [:]
        for (k, v) in nodeProperties.all(node) { result[keys.name(k)] = v }
        return result
    }

    /// All properties of `node` as (key id, value) pairs in key-id order.
    public func propertyPairs(of node: NodeID) -> [(key: Int32, value: Value)] { nodeProperties.all(node) }

    /// The node whose `id` property is the string `id`, if exactly one has it.
    public func node(withID id: String) -> NodeID? {
        let found = nodes(whereProperty: keys.id(of: GraphStore.idKey)!, equals: .string(id))
        return found?.count == 1 ? Int(found![0]) : nil
    }

    /// Whether property key `key` has an equality index on nodes.
    @inlinable public func isIndexed(_ key: Int32) -> Bool { propertyIndexes[key] != nil }

    /// Whether property key `key` has an equality index in which no value is held by two nodes:
    /// then distinct nodes holding the key have distinct (non-equivalent) values.
    @inlinable public func isUniquelyIndexed(_ key: Int32) -> Bool { propertyIndexes[key]?.isUnique ?? false }

    /// How many live nodes hold property `key`, when `key` has an index (nil otherwise).
    @inlinable public func indexedNodeCount(_ key: Int32) -> Int? { propertyIndexes[key]?.nodeCount }

    /// The nodes whose property `key` is equivalent to `value`, in id order, or `nil` when
    /// `key` has no index (the caller must scan).
    @inlinable public func nodes(whereProperty key: Int32, equals value: Value) -> [Int32]? {
        propertyIndexes[key]?.lookup(value)
    }

    // MARK: - Reading relationships

    /// Whether `rel` exists.
    @inlinable public func contains(relationship rel: RelID) -> Bool {
        rel >= 0 && rel < relAlive.count && relAlive[rel]
    }

    /// Every live relationship id, in increasing order.
    public var relationshipIDs: some Sequence<RelID> {
        relAlive.indices.lazy.filter { self.relAlive[$0] }
    }

    /// The type id of `rel`.
    @inlinable public func typeID(of rel: RelID) -> Int32 { relTypes[rel] }
    /// The type name of `rel`.
    public func type(of rel: RelID) -> String { types.name(relTypes[rel]) }
    /// The start node of `rel`.
    @inlinable public func startNode(of rel: RelID) -> NodeID { Int(relStarts[rel]) }
    /// The end node of `rel`.
    @inlinable public func endNode(of rel: RelID) -> NodeID { Int(relEnds[rel]) }

    /// The value of property `key` on `rel`; `.null` if absent.
    @inlinable public func property(of rel: RelID, relationshipKey key: Int32) -> Value {
        relProperties.value(rel, key)
    }

    /// The value of property `name` on `rel`; `.null` if absent.
    public func property(of rel: RelID, relationshipKeyNamed name: String) -> Value {
        guard let key = keys.id(of: name) else { return .null }
        return relProperties.value(rel, key)
    }

    /// All properties of `rel`, by key name.
    public func properties(ofRelationship rel: RelID) -> [String: Value] {
        var result: [String: Value] = [:]
        for (k, v) in relProperties.all(rel) { result[keys.name(k)] = v }
        return result
    }

    /// All properties of `rel` as (key id, value) pairs in key-id order.
    public func propertyPairs(ofRelationship rel: RelID) -> [(key: Int32, value: Value)] {
        relProperties.all(rel)
    }

    /// The number of live relationships of type id `type`.
    @inlinable public func count(ofType type: Int32) -> Int {
        Int(type) < typeCounts.count ? typeCounts[Int(type)] : 0
    }

    /// The adjacency entries of `node` in one direction (not `.both`), optionally only of type
    /// id `type`, sorted by (type, relationship id). Found by binary search, not a scan.
    @inlinable public func adjacency(of node: NodeID, _ direction: Direction, type: Int32? = nil) -> ArraySlice<AdjacencyEntry> {
        let list = direction == .incoming ? incoming[node] : outgoing[node]
        guard let type else { return list[...] }
        let lo = GraphStore.lowerBound(list, type)
        var hi = lo
        while hi < list.count && list[hi].type == type { hi += 1 }
        return list[lo..<hi]
    }

    /// The number of relationships of `node` in `direction` (loops count twice for `.both`).
    @inlinable public func degree(of node: NodeID, _ direction: Direction, type: Int32? = nil) -> Int {
        switch direction {
        case .outgoing, .incoming: return adjacency(of: node, direction, type: type).count
        case .both: return adjacency(of: node, .outgoing, type: type).count + adjacency(of: node, .incoming, type: type).count
        }
    }

    @inlinable static func lowerBound(_ list: [AdjacencyEntry], _ type: Int32) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].type < type { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: - Statistics

    /// Label name → number of nodes, for every label in use.
    public var labelCounts: [(label: String, count: Int)] {
        labelIndex.enumerated().compactMap { $0.element.isEmpty ? nil : (labels.name(Int32($0.offset)), $0.element.count) }
    }

    /// Relationship type → number of relationships, for every type in use.
    public var typeCountsByName: [(type: String, count: Int)] {
        typeCounts.enumerated().compactMap { $0.element == 0 ? nil : (types.name(Int32($0.offset)), $0.element) }
    }
}
