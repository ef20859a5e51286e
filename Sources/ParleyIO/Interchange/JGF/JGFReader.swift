import ParleyGraph
import ParleyValues

/// Reads JSON Graph Format v2 (docs/interchange.md#json-graph-format): `graph`, or `graphs`
/// holding one graph; nodes as an id-keyed object (v2) or an array of nodes with `id` (v1).
///
/// A node's `label` becomes its `label` property, `metadata.labels` its labels, the other
/// metadata its properties; an edge's `relation` is the relationship type
/// (``InterchangeGraphBuilder/defaultType`` when absent), its `id` and `label` properties of
/// those names, its metadata the other properties. `directed` is checked and not kept.
struct JGFReader {
    private var b = InterchangeGraphBuilder()
    private let labelKey: Int32
    /// Keys seen in the current node or edge (duplicates are errors).
    private var seenKeys: [Int32] = []

    /// Creates a reader.
    init() {
        labelKey = b.store.internKey("label")
    }

    /// Reads the whole document.
    mutating func read(_ w: inout JSONWalker) throws(JSONSyntaxError) -> GraphStore {
        guard w.isAt(UInt8(ascii: "{")) else { throw w.s.unexpected("'{' (a JGF object with \"graph\")") }
        var found = false
        if try w.openObject("the document") {
            repeat {
                let (key, keyAt) = try w.key("the top-level object")
                if key.equals("graph") || key.equals("graphs") {
                    let name = key.string
                    guard !found else {
                        throw JSONSyntaxError(at: keyAt, length: name.utf8.count + 2, "a second graph (\"\(name)\"): Parley reads one graph per file")
                    }
                    found = true
                    if name == "graph" {
                        try readGraph(&w, "graph")
                    } else {
                        try readGraphs(&w)
                    }
                } else {
                    try w.skip()
                }
            } while try w.nextMember("the top-level object")
        }
        try w.end()
        guard found else { throw JSONSyntaxError(at: nil, "missing \"graph\": expected \(JGFFormat.expected)") }
        return try b.finish()
    }

    private mutating func readGraphs(_ w: inout JSONWalker) throws(JSONSyntaxError) {
        let at = w.offset
        guard try w.openArray("graphs") else { throw JSONSyntaxError(at: at, length: 2, "graphs: expected one graph but found none") }
        try readGraph(&w, "graphs[0]")
        if try w.nextElement("graphs[0]") {
            throw JSONSyntaxError(at: w.offset, "graphs[1]: Parley reads one graph per file: expected \"graphs\" to hold one graph (load each graph from a file of its own)")
        }
    }

    // MARK: The graph

    private mutating func readGraph(_ w: inout JSONWalker, _ path: String) throws(JSONSyntaxError) {
        let objectAt = w.offset
        var markerRead = false, nodesRead = false
        var deferredEdges: Int? = nil
        var seen: Set<String> = []
        if try w.openObject(path) {
            repeat {
                let (key, keyAt) = try w.key(path)
                let name = key.string
                guard seen.insert(name).inserted else {
                    throw JSONSyntaxError(at: keyAt, length: name.utf8.count + 2, "\(path): duplicate key \"\(name)\"")
                }
                switch name {
                case "metadata":
                    if markerRead { try w.skip() } else { try ParleyMarker.read(&w, "\(path).metadata", into: &b) }
                    markerRead = true
                case "nodes":
                    if !markerRead, let at = try w.valueOffset(ofLaterMember: "metadata", afterValueAt: w.offset, in: path) {
                        let here = w.s.pos
                        w.s.pos = at
                        try ParleyMarker.read(&w, "\(path).metadata", into: &b)
                        w.s.pos = here
                        markerRead = true
                    }
                    try readNodes(&w, "\(path).nodes")
                    nodesRead = true
                case "edges":
                    if nodesRead {
                        try readEdges(&w, "\(path).edges")
                    } else {
                        deferredEdges = w.offset
                        try w.skip()
                    }
                case "directed": _ = try w.bool("\(path).directed")
                case "hyperedges":
                    throw JSONSyntaxError(at: keyAt, length: name.utf8.count + 2, "\(path).hyperedges: Parley's relationships join two nodes: hyperedges cannot be read")
                default: try w.skip()
                }
            } while try w.nextMember(path)
        }
        guard nodesRead || deferredEdges == nil else { throw JSONSyntaxError(at: objectAt, "\(path): \"edges\" without \"nodes\"") }
        if let deferredEdges {
            let here = w.s.pos
            w.s.pos = deferredEdges
            try readEdges(&w, "\(path).edges")
            w.s.pos = here
        }
    }

    // MARK: Nodes

    private mutating func readNodes(_ w: inout JSONWalker, _ path: String) throws(JSONSyntaxError) {
        if w.isAt(UInt8(ascii: "[")) {
            // JGF v1: an array of nodes with "id".
            guard try w.openArray(path) else { return }
            var i = 0
            repeat {
                try readNode(&w, "\(path)[\(i)]", id: nil)
                i += 1
            } while try w.nextElement("\(path)[\(i - 1)]")
            return
        }
        guard w.isAt(UInt8(ascii: "{")) else { throw w.typeError(path, "an object of nodes by id") }
        guard try w.openObject(path) else { return }
        repeat {
            let (key, keyAt) = try w.key(path)
            let name = key.string
            guard !name.isEmpty else { throw JSONSyntaxError(at: keyAt, length: 2, "\(path): expected a non-empty node id but found \"\"") }
            try readNode(&w, "\(path).\(name)", id: (key, keyAt))
        } while try w.nextMember(path)
    }

    /// Reads a node object; `id` is its key in the v2 map (nil in a v1 array, where the object holds it).
    private mutating func readNode(_ w: inout JSONWalker, _ path: String, id: (ByteSpan, Int)?) throws(JSONSyntaxError) {
        let node = b.store.createNode()
        let objectAt = w.offset
        // The key's bytes are only valid until the next string is read: register the id first.
        if let (span, at) = id {
            try b.register(node, id: .string(span), at: at, length: span.count + 2, path: path, in: w)
        }
        var hasID = id != nil, hasLabel = false, hasMetadata = false
        seenKeys.removeAll(keepingCapacity: true)
        if try w.openObject(path) {
            repeat {
                let (key, keyAt) = try w.key(path)
                if key.equals("id") && id == nil {
                    guard !hasID else { throw duplicate(keyAt, "id", path) }
                    hasID = true
                    let at = w.offset
                    let span = try w.nonEmptyString("\(path).id", "a non-empty string (the node id)")
                    try b.register(node, id: .string(span), at: at, length: w.s.pos - at, path: "\(path).id", in: w)
                } else if key.equals("label") {
                    guard !hasLabel else { throw duplicate(keyAt, "label", path) }
                    hasLabel = true
                    let text = try w.string("\(path).label").string
                    note(labelKey)
                    b.store.setNodePropertyUnindexed(node, labelKey, .string(text))
                } else if key.equals("metadata") {
                    guard !hasMetadata else { throw duplicate(keyAt, "metadata", path) }
                    hasMetadata = true
                    try readMetadata(&w, "\(path).metadata", labelsOf: node) { (b: inout InterchangeGraphBuilder, k: Int32, v: Value) in
                        b.store.setNodePropertyUnindexed(node, k, v)
                    }
                } else {
                    let name = key.string
                    throw JSONSyntaxError(at: keyAt, length: key.count + 2, "\(path): unknown key \"\(name)\": expected \"label\" or \"metadata\"" + (id == nil ? " (or \"id\")" : ""))
                }
            } while try w.nextMember(path)
        }
        guard hasID else { throw JSONSyntaxError(at: objectAt, "\(path): missing \"id\"") }
    }

    // MARK: Edges

    private mutating func readEdges(_ w: inout JSONWalker, _ path: String) throws(JSONSyntaxError) {
        guard try w.openArray(path) else { return }
        var i = 0
        repeat {
            try readEdge(&w, "\(path)[\(i)]")
            i += 1
        } while try w.nextElement("\(path)[\(i - 1)]")
    }

    private mutating func readEdge(_ w: inout JSONWalker, _ path: String) throws(JSONSyntaxError) {
        let objectAt = w.offset
        let rel = b.relationshipCount
        var source: Int32? = nil, target: Int32? = nil, type: Int32? = nil
        var seen = 0
        seenKeys.removeAll(keepingCapacity: true)
        if try w.openObject(path) {
            repeat {
                let (key, keyAt) = try w.key(path)
                let member = JGFReader.edgeMembers.firstIndex { key.equals($0) }
                guard let member else {
                    throw JSONSyntaxError(at: keyAt, length: key.count + 2, "\(path): unknown key \"\(key.string)\": expected \"source\", \"target\", \"relation\", \"id\", \"label\", \"directed\" or \"metadata\"")
                }
                let name = JGFReader.edgeMembers[member]
                guard seen & (1 << member) == 0 else { throw duplicate(keyAt, "\(name)", path) }
                seen |= 1 << member
                switch member {
                case 0, 1:
                    let at = w.offset
                    let span = try w.nonEmptyString("\(path).\(name)", "a node id")
                    guard let node = b.node(.string(span)) else {
                        throw JSONSyntaxError(at: at, length: w.s.pos - at, "\(path).\(name): no node has the id \"\(span.string)\"")
                    }
                    if member == 0 { source = node } else { target = node }
                case 2:
                    type = b.type(try w.nonEmptyString("\(path).relation", "a string (the relationship type)"))
                case 3, 4:
                    let k = b.store.internKey("\(name)")
                    note(k)
                    b.store.setRelationshipProperty(rel, k, .string(try w.string("\(path).\(name)").string))
                case 5: _ = try w.bool("\(path).directed")
                default:
                    try readMetadata(&w, "\(path).metadata", labelsOf: nil) { (b: inout InterchangeGraphBuilder, k: Int32, v: Value) in
                        b.store.setRelationshipProperty(rel, k, v)
                    }
                }
            } while try w.nextMember(path)
        }
        guard let source else { throw JSONSyntaxError(at: objectAt, "\(path): missing \"source\"") }
        guard let target else { throw JSONSyntaxError(at: objectAt, "\(path): missing \"target\"") }
        b.addRelationship(type: type ?? b.defaultTypeID(), from: source, to: target)
    }

    // MARK: Metadata

    /// Reads a metadata object: `labels` (for a node) and properties, each set by `set`.
    private mutating func readMetadata(_ w: inout JSONWalker, _ path: String, labelsOf node: NodeID?, _ set: (inout InterchangeGraphBuilder, Int32, Value) -> Void) throws(JSONSyntaxError) {
        guard try w.openObject(path) else { return }
        repeat {
            let (key, keyAt) = try w.key(path)
            if let node, key.equals("labels") {
                let p = "\(path).labels"
                guard w.isAt(UInt8(ascii: "[")) else { throw w.typeError(p, "a list of label names") }
                if try w.openArray(p) {
                    var i = 0
                    repeat {
                        _ = b.store.addLabel(node, b.label(try w.nonEmptyString("\(p)[\(i)]", "a label name")))
                        i += 1
                    } while try w.nextElement("\(p)[\(i - 1)]")
                }
                continue
            }
            let written = b.key(key)
            let name = b.store.keys.name(written)
            let k = node != nil ? b.nodeKey(written) : b.edgeKey(written)
            if k == b.idKey && node != nil {
                throw JSONSyntaxError(at: keyAt, length: key.count + 2, "\(path): \"id\" is the node's id (its key in \"nodes\"), not a property")
            }
            guard !seenKeys.contains(k) else {
                throw JSONSyntaxError(at: keyAt, length: key.count + 2, "\(path): \"\(name)\" is given twice (metadata keys and the node's or edge's own keys share one name space)")
            }
            seenKeys.append(k)
            let value = try w.propertyValue("\(path).\(name)", declared: b.declaredKind(k))
            if !value.isNull { set(&b, k, value) }
        } while try w.nextMember(path)
    }

    /// The members an edge may have, in the order of the bits that mark them seen.
    private static let edgeMembers: [StaticString] = ["source", "target", "relation", "id", "label", "directed", "metadata"]

    /// Notes that key `k` is set on the current node or edge.
    private mutating func note(_ k: Int32) { seenKeys.append(k) }

    private func duplicate(_ at: Int, _ key: String, _ owner: String) -> JSONSyntaxError {
        JSONSyntaxError(at: at, length: key.utf8.count + 2, "\(owner): duplicate key \"\(key)\"")
    }
}
