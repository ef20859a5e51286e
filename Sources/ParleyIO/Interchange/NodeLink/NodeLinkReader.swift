import ParleyGraph
import ParleyValues

/// Reads NetworkX node-link JSON (docs/interchange.md): `nodes`, `edges` or the older
/// `links`, `directed`, `multigraph` and `graph` (whose `parley` member declares temporal keys).
///
/// A node's `id` (string or number) becomes its `id` property (a number as its decimal text,
/// the number kept in ``NodeLinkFormat/numberIDKey``); its `labels` list its labels; other
/// attributes its properties. An edge's `type` is the relationship type (``InterchangeGraphBuilder/defaultType``
/// when absent), an integer `key` is NetworkX's numbering and dropped, a string `key` is kept
/// as the property `key`. Attributes the marker lists as renamed are read under their own names.
struct NodeLinkReader {
    private var b = InterchangeGraphBuilder()
    private let numberIDKey: Int32
    /// Keys seen in the current object (duplicates are errors).
    private var seenKeys: [Int32] = []

    /// Creates a reader.
    init() {
        numberIDKey = b.store.internKey(NodeLinkFormat.numberIDKey)
    }

    /// Reads the whole document.
    mutating func read(_ w: inout JSONWalker) throws(JSONSyntaxError) -> GraphStore {
        guard w.isAt(UInt8(ascii: "{")) else { throw w.s.unexpected("'{' (a node-link object with \"nodes\" and \"edges\")") }
        var markerRead = false, nodesRead = false
        var deferredEdges: (offset: Int, section: String)? = nil
        var seen: Set<String> = []
        if try w.openObject("the document") {
            repeat {
                let (key, keyAt) = try w.key("the top-level object")
                let name = key.string
                let known = ["graph", "nodes", "edges", "links", "directed", "multigraph"].contains(name)
                if known {
                    guard seen.insert(name).inserted else {
                        throw JSONSyntaxError(at: keyAt, length: name.utf8.count + 2, "duplicate top-level key \"\(name)\"")
                    }
                    if (name == "edges" && seen.contains("links")) || (name == "links" && seen.contains("edges")) {
                        throw JSONSyntaxError(at: keyAt, length: name.utf8.count + 2, "both \"edges\" and \"links\": expected one of them (\"links\" is the older name)")
                    }
                }
                switch name {
                case "graph":
                    if markerRead { try w.skip() } else { try ParleyMarker.read(&w, "graph", into: &b) }
                    markerRead = true
                case "nodes":
                    if !markerRead, let at = try w.valueOffset(ofLaterMember: "graph", afterValueAt: w.offset, in: "the top-level object") {
                        // The declarations say how to read the values: read them first.
                        let here = w.s.pos
                        w.s.pos = at
                        try ParleyMarker.read(&w, "graph", into: &b)
                        w.s.pos = here
                        markerRead = true
                    }
                    try readNodes(&w)
                    nodesRead = true
                case "edges", "links":
                    if nodesRead {
                        try readEdges(&w, name)
                    } else {
                        deferredEdges = (w.offset, name)
                        try w.skip()
                    }
                case "directed": _ = try w.bool("directed")
                case "multigraph": _ = try w.bool("multigraph")
                default: try w.skip()
                }
            } while try w.nextMember("the top-level object")
        }
        try w.end()
        guard nodesRead else {
            throw JSONSyntaxError(at: nil, "missing \"nodes\": expected a node-link object such as {\"directed\": true, \"multigraph\": true, \"graph\": {}, \"nodes\": [], \"edges\": []}")
        }
        if let deferredEdges {
            w.s.pos = deferredEdges.offset
            try readEdges(&w, deferredEdges.section)
        }
        return try b.finish()
    }

    // MARK: Nodes

    private mutating func readNodes(_ w: inout JSONWalker) throws(JSONSyntaxError) {
        guard try w.openArray("nodes") else { return }
        var i = 0
        repeat {
            try readNode(&w, i)
            i += 1
        } while try w.nextElement("nodes[\(i - 1)]")
    }

    private mutating func readNode(_ w: inout JSONWalker, _ index: Int) throws(JSONSyntaxError) {
        let objectAt = w.offset
        let node = b.store.createNode()
        var hasID = false, numericID = false, hasLabels = false
        seenKeys.removeAll(keepingCapacity: true)
        if try w.openObject("nodes[\(index)]") {
            repeat {
                let (key, keyAt) = try w.key("nodes[\(index)]")
                if key.equals("id") {
                    guard !hasID else { throw duplicate(keyAt, "id", "nodes[\(index)]") }
                    hasID = true
                    let at = w.offset
                    let id = try fileID(&w, "nodes[\(index)].id")
                    if case .number(let n) = id {
                        numericID = true
                        guard !seenKeys.contains(numberIDKey) else {
                            throw JSONSyntaxError(at: at, length: w.s.pos - at, "nodes[\(index)].id: a number id is kept in the property \"\(NodeLinkFormat.numberIDKey)\", which this node already has")
                        }
                        b.store.setNodePropertyUnindexed(node, numberIDKey, n)
                    }
                    try b.register(node, id: id, at: at, length: w.s.pos - at, path: "nodes[\(index)].id", in: w)
                } else if key.equals("labels") {
                    guard !hasLabels else { throw duplicate(keyAt, "labels", "nodes[\(index)]") }
                    hasLabels = true
                    try readLabels(&w, node, "nodes[\(index)].labels")
                } else {
                    let written = b.key(key)
                    let name = b.store.keys.name(written)
                    let k = b.nodeKey(written)
                    guard !seenKeys.contains(k) else { throw duplicate(keyAt, name, "nodes[\(index)]") }
                    if k == numberIDKey && numericID {
                        throw JSONSyntaxError(at: keyAt, length: key.count + 2, "nodes[\(index)]: \"\(name)\" holds the number id of a node whose id is a number, and this node's id is one")
                    }
                    seenKeys.append(k)
                    let value = try w.propertyValue("nodes[\(index)].\(name)", declared: b.declaredKind(k))
                    if !value.isNull { b.store.setNodePropertyUnindexed(node, k, value) }
                }
            } while try w.nextMember("nodes[\(index)]")
        }
        guard hasID else { throw JSONSyntaxError(at: objectAt, "nodes[\(index)]: missing \"id\" (every node needs an id)") }
    }

    private mutating func readLabels(_ w: inout JSONWalker, _ node: NodeID, _ path: String) throws(JSONSyntaxError) {
        guard w.isAt(UInt8(ascii: "[")) else { throw w.typeError(path, "a list of label names") }
        guard try w.openArray(path) else { return }
        var i = 0
        repeat {
            let name = try w.nonEmptyString("\(path)[\(i)]", "a label name")
            _ = b.store.addLabel(node, b.label(name))
            i += 1
        } while try w.nextElement("\(path)[\(i - 1)]")
    }

    // MARK: Edges

    private mutating func readEdges(_ w: inout JSONWalker, _ section: String) throws(JSONSyntaxError) {
        guard try w.openArray(section) else { return }
        var i = 0
        repeat {
            try readEdge(&w, section, i)
            i += 1
        } while try w.nextElement("\(section)[\(i - 1)]")
    }

    private mutating func readEdge(_ w: inout JSONWalker, _ section: String, _ index: Int) throws(JSONSyntaxError) {
        let objectAt = w.offset
        let rel = b.relationshipCount
        var source: Int32? = nil, target: Int32? = nil, type: Int32? = nil
        var hasKey = false
        seenKeys.removeAll(keepingCapacity: true)
        if try w.openObject("\(section)[\(index)]") {
            repeat {
                let (key, keyAt) = try w.key("\(section)[\(index)]")
                if key.equals("source") {
                    guard source == nil else { throw duplicate(keyAt, "source", "\(section)[\(index)]") }
                    source = try endpoint(&w, "\(section)[\(index)].source")
                } else if key.equals("target") {
                    guard target == nil else { throw duplicate(keyAt, "target", "\(section)[\(index)]") }
                    target = try endpoint(&w, "\(section)[\(index)].target")
                } else if key.equals("type") {
                    guard type == nil else { throw duplicate(keyAt, "type", "\(section)[\(index)]") }
                    type = b.type(try w.nonEmptyString("\(section)[\(index)].type", "a string (the relationship type)"))
                } else if key.equals("key") {
                    guard !hasKey else { throw duplicate(keyAt, "key", "\(section)[\(index)]") }
                    hasKey = true
                    // NetworkX numbers parallel edges 0, 1, ...: the numbers are rebuilt on writing.
                    let value = try w.scalar("\(section)[\(index)].key", declared: nil)
                    if case .string = value {
                        let k = b.store.internKey("key")
                        seenKeys.append(k)
                        b.store.setRelationshipProperty(rel, k, value)
                    }
                } else {
                    let written = b.key(key)
                    let name = b.store.keys.name(written)
                    let k = b.edgeKey(written)
                    guard !seenKeys.contains(k) else { throw duplicate(keyAt, name, "\(section)[\(index)]") }
                    seenKeys.append(k)
                    let value = try w.propertyValue("\(section)[\(index)].\(name)", declared: b.declaredKind(k))
                    if !value.isNull { b.store.setRelationshipProperty(rel, k, value) }
                }
            } while try w.nextMember("\(section)[\(index)]")
        }
        guard let source else { throw JSONSyntaxError(at: objectAt, "\(section)[\(index)]: missing \"source\"") }
        guard let target else { throw JSONSyntaxError(at: objectAt, "\(section)[\(index)]: missing \"target\"") }
        b.addRelationship(type: type ?? b.defaultTypeID(), from: source, to: target)
    }

    /// Reads an endpoint's id and finds its node.
    private mutating func endpoint(_ w: inout JSONWalker, _ path: String) throws(JSONSyntaxError) -> Int32 {
        let at = w.offset
        let id = try fileID(&w, path)
        guard let node = b.node(id) else {
            throw JSONSyntaxError(at: at, length: w.s.pos - at, "\(path): no node has the id \(b.describe(id))")
        }
        return node
    }

    // MARK: Helpers

    /// A node id: a non-empty string or a number.
    private func fileID(_ w: inout JSONWalker, _ path: @autoclosure () -> String) throws(JSONSyntaxError) -> InterchangeGraphBuilder.FileID {
        if w.isAt(UInt8(ascii: "\"")) {
            return .string(try w.nonEmptyString(path(), "a non-empty string or a number (a node id)"))
        }
        let c = w.s.peek()
        guard !w.s.atEnd, c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) else {
            throw w.typeError(path(), "a string or a number (a node id)")
        }
        return .number(try w.s.readNumber())
    }

    private func duplicate(_ at: Int, _ key: String, _ owner: String) -> JSONSyntaxError {
        JSONSyntaxError(at: at, length: key.utf8.count + 2, "\(owner): duplicate key \"\(key)\"")
    }
}
