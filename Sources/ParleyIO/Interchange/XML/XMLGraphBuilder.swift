import ParleyGraph
import ParleyValues

/// One end of a relationship as a GraphML or GEXF reader finds it: the node, or (when no node
/// has the id yet) the id, to be looked up when the document has been read.
struct XMLEndpoint {
    var node: Int32
    var pendingID: String?
}

/// Builds the graph a GraphML or GEXF reader finds: nodes by the bytes of their file id,
/// relationships in flat arrays added in bulk at the end, endpoints that name a node not yet
/// seen checked then.
struct XMLGraphBuilder {
    /// The graph being built.
    var store = GraphStore()
    /// The document (for the line numbers of messages).
    private let document: UnsafeBufferPointer<UInt8>
    /// File id → node.
    private var nodes = ByteStringTable(capacity: 1024)
    /// Where each node was declared (for "declared on line N").
    private var nodeTags: [Int] = []
    private var relTypes: [Int32] = []
    private var relStarts: [Int32] = []
    private var relEnds: [Int32] = []
    /// Endpoints naming a node not (yet) declared: checked in ``finish()``.
    private var deferred: [(rel: Int, end: String, id: String, mark: XMLMark, element: String)] = []
    /// Type names → interned ids.
    private var typeIDs = NameTable()
    /// The interned `id` key.
    let idKey: Int32

    init(document: UnsafeBufferPointer<UInt8>) {
        self.document = document
        idKey = store.internKey(GraphStore.idKey)
    }

    /// The number of relationships added so far (the id the next one gets).
    var relationshipCount: Int { relTypes.count }

    /// Adds a node with file id `id` (also its `id` property); an error when the id is taken.
    mutating func addNode(id: ByteSpan, element: String, at mark: XMLMark) throws(XMLReadError) -> NodeID {
        let node = Int32(nodeTags.count)
        if let first = nodes.insert(id, value: node) {
            let line = JSONSyntaxError.location(of: nodeTags[Int(first)], in: document).line
            throw XMLReadError(message: "<\(element)> id \(PropertyText.quoted(id.string)): another node has this id (declared on line \(line))", mark: mark, target: .attribute("id"))
        }
        let created = store.createNode()
        assert(created == NodeID(node))
        nodeTags.append(mark.offset)
        store.setNodePropertyUnindexed(created, idKey, .string(id.string))
        return created
    }

    /// The node whose file id is `id`, or the id to look up at the end. (Mutating only so
    /// that a reader calls it in place, without copying the builder.)
    mutating func endpoint(_ id: ByteSpan) -> XMLEndpoint {
        if let n = nodes.find(id) { return XMLEndpoint(node: n, pendingID: nil) }
        return XMLEndpoint(node: -1, pendingID: id.string)
    }

    /// The interned id of the relationship type `type`.
    mutating func typeID(_ type: ByteSpan) -> Int32 {
        if let known = typeIDs.find(type) { return known }
        let t = store.internType(type.string)
        typeIDs.insert(type, value: t)
        return t
    }

    /// The interned id of the relationship type `type`.
    mutating func typeID(_ type: String) -> Int32 {
        XMLGraphBuilder.withBytes(type) { typeID($0) }
    }

    /// Adds a relationship of type `type` (an interned id) between `source` and `target`;
    /// returns its id (its properties may be set right away).
    mutating func addRelationship(type: Int32, source: XMLEndpoint, target: XMLEndpoint, element: String, at mark: XMLMark) -> RelID {
        let rel = relTypes.count
        relTypes.append(type)
        relStarts.append(source.node)
        relEnds.append(target.node)
        if let id = source.pendingID { deferred.append((rel, "source", id, mark, element)) }
        if let id = target.pendingID { deferred.append((rel, "target", id, mark, element)) }
        return rel
    }

    /// Resolves endpoints given before their nodes, adds the relationships, and returns the
    /// graph; an error names the first endpoint no node has.
    mutating func finish() throws(XMLReadError) -> GraphStore {
        for d in deferred {
            guard let n = XMLGraphBuilder.withBytes(d.id, { nodes.find($0) }) else {
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

    /// Calls `body` with the UTF-8 bytes of `text`.
    static func withBytes<R>(_ text: String, _ body: (ByteSpan) -> R) -> R {
        var text = text
        return text.withUTF8 { u in
            if let p = u.baseAddress { return body(ByteSpan(start: p, count: u.count)) }
            return [UInt8(0)].withUnsafeBufferPointer { body(ByteSpan(start: $0.baseAddress!, count: 0)) }
        }
    }
}
