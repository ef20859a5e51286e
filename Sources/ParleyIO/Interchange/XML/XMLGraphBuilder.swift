import ParleyGraph
import ParleyValues

/// Builds the graph a GraphML or GEXF reader finds: nodes by their file id, relationships in
/// flat arrays added in bulk at the end, endpoints that name a node not yet seen checked then.
struct XMLGraphBuilder {
    /// The graph being built.
    var store = GraphStore()
    /// File id → node.
    private var nodes: [String: Int32] = [:]
    /// Where each node was declared (for "first declared on line N").
    private var nodeLines: [Int32] = []
    private var relTypes: [Int32] = []
    private var relStarts: [Int32] = []
    private var relEnds: [Int32] = []
    /// Endpoints naming a node not (yet) declared: checked in ``finish()``.
    private var deferred: [(rel: Int, end: String, id: String, mark: XMLMark, element: String)] = []
    /// Type names → interned ids.
    private var typeIDs: [String: Int32] = [:]
    /// The interned `id` key.
    let idKey: Int32

    init() {
        idKey = store.internKey(GraphStore.idKey)
    }

    /// The number of relationships added so far (the id the next one gets).
    var relationshipCount: Int { relTypes.count }

    /// Adds a node with file id `id` (also its `id` property); an error when the id is taken.
    mutating func addNode(id: String, element: String, at mark: XMLMark) throws(XMLReadError) -> NodeID {
        if let first = nodes[id] {
            throw XMLReadError(message: "<\(element)> id \(PropertyText.quoted(id)): another node has this id (declared on line \(nodeLines[Int(first)]))", mark: mark, target: .attribute("id"))
        }
        let node = store.createNode()
        nodes[id] = Int32(node)
        nodeLines.append(Int32(mark.line))
        store.setNodePropertyUnindexed(node, idKey, .string(id))
        return node
    }

    /// Adds a relationship of type `type` between the nodes with file ids `source` and
    /// `target`; returns its id (its properties may be set right away).
    mutating func addRelationship(type: String, source: String, target: String, element: String, at mark: XMLMark) -> RelID {
        let rel = relTypes.count
        let t: Int32
        if let known = typeIDs[type] {
            t = known
        } else {
            t = store.internType(type)
            typeIDs[type] = t
        }
        relTypes.append(t)
        relStarts.append(endpoint(rel, "source", source, element, mark))
        relEnds.append(endpoint(rel, "target", target, element, mark))
        return rel
    }

    private mutating func endpoint(_ rel: Int, _ end: String, _ id: String, _ element: String, _ mark: XMLMark) -> Int32 {
        if let n = nodes[id] { return n }
        deferred.append((rel, end, id, mark, element))
        return -1
    }

    /// Resolves endpoints given before their nodes, adds the relationships, and returns the
    /// graph; an error names the first endpoint no node has.
    mutating func finish() throws(XMLReadError) -> GraphStore {
        for d in deferred {
            guard let n = nodes[d.id] else {
                throw XMLReadError(message: "<\(d.element)> \(d.end) \(PropertyText.quoted(d.id)): no node has this id", mark: d.mark, target: .attribute(d.end))
            }
            if d.end == "source" { relStarts[d.rel] = n } else { relEnds[d.rel] = n }
        }
        store.rebuildPropertyIndexes()
        do {
            try store.appendRelationships(types: relTypes, starts: relStarts, ends: relEnds)
        } catch {
            throw XMLReadError(message: "internal error while adding relationships: \(error)", mark: nil)
        }
        return store
    }
}
