import ParleyGraph

/// The graph half of the JSON parser: reads the top-level object, the `nodes` and `edges`
/// arrays and property maps in one pass and builds a new ``GraphStore`` directly.
///
/// Node ids are found from edge endpoints through a ``ByteStringTable`` over the id bytes;
/// labels, types and keys are interned once per distinct name. Relationships are collected
/// in flat arrays and added in bulk at the end (exact adjacency capacities). If `edges`
/// comes before `nodes`, endpoints are kept as bytes and resolved once the nodes are known.
struct GraphLoader {
    var s: JSONScanner
    var store = GraphStore()
    /// Node id bytes → internal node id.
    var nodeTable: ByteStringTable
    /// Byte offset of each node's id string (for "first defined on line N").
    var nodeIDOffsets: [Int] = []
    var labelTable = ByteStringTable()
    var typeTable = ByteStringTable()
    var keyTable = ByteStringTable()
    let idKey: Int32

    // Relationships, added at the end.
    var relTypes: [Int32] = []
    var relStarts: [Int32] = []
    var relEnds: [Int32] = []
    /// Whether the `nodes` array has been read (else endpoints are deferred).
    var nodesRead = false
    /// Endpoints seen before the nodes: their bytes and where they were.
    var deferredOffsets: [Int] = []
    var deferredPaths: [(edge: Int, key: StaticString)] = []

    /// Endpoints waiting to be looked up in a batch (see ``readEndpoint(_:_:)``).
    var pending: [PendingEndpoint] = []
    /// How many edges (appended to `relStarts`) the pending endpoints belong to.
    var pendingEdges = 0
    /// How many edges' endpoints are looked up together.
    static let batch = 4096

    /// Property keys seen in the current object (to reject duplicates).
    var seenKeys: [Int32] = []

    /// Creates a loader over the given bytes.
    init(base: UnsafePointer<UInt8>, count: Int) {
        s = JSONScanner(base: base, count: count)
        // A rough guess from typical files: ~100 bytes per node record, nodes about a tenth of
        // the records. Only a capacity hint.
        nodeTable = ByteStringTable(capacity: min(1 << 22, max(16, count / 1000)))
        idKey = store.internKey(GraphStore.idKey)
        _ = keyTable.insert(ByteSpan(start: idKeyBytes.utf8Start, count: idKeyBytes.utf8CodeUnitCount), value: idKey)
    }

    private let idKeyBytes: StaticString = "id"

    /// Parses the whole text and returns the graph.
    mutating func load() throws(JSONSyntaxError) -> GraphStore {
        guard s.count > 0 else {
            throw JSONSyntaxError(at: 0, "the file is empty: expected a JSON object such as {\"nodes\": [], \"edges\": []}")
        }
        if s.count >= 3 && s.base[0] == 0xEF && s.base[1] == 0xBB && s.base[2] == 0xBF { s.pos = 3 }
        s.skipWhitespace()
        guard s.peek() == UInt8(ascii: "{"), !s.atEnd else {
            throw s.unexpected("'{' (a JSON object with \"nodes\" and \"edges\")")
        }
        s.pos += 1
        var seen: Set<String> = []
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: "}") {
            s.pos += 1
        } else {
            while true {
                s.skipWhitespace()
                guard s.peek() == UInt8(ascii: "\""), !s.atEnd else { throw s.unexpected("'\"' (a key such as \"nodes\")") }
                let keyAt = s.pos
                let key = try s.readString()
                let name = key.string
                let length = s.pos - keyAt
                guard ["nodes", "edges", "meta", "$schema"].contains(name) else {
                    throw JSONSyntaxError(at: keyAt, length: length, "unknown top-level key \"\(name)\": expected \"nodes\", \"edges\", \"meta\" or \"$schema\"")
                }
                guard seen.insert(name).inserted else {
                    throw JSONSyntaxError(at: keyAt, length: length, "duplicate top-level key \"\(name)\"")
                }
                try s.expect(UInt8(ascii: ":"), "':' after \"\(name)\"")
                s.skipWhitespace()
                switch name {
                case "nodes": try readNodes()
                case "edges": try readEdges()
                default: try s.skipValue()
                }
                s.skipWhitespace()
                if s.peek() == UInt8(ascii: ","), !s.atEnd {
                    s.pos += 1
                    s.skipWhitespace()
                    if s.peek() == UInt8(ascii: "}") { throw s.unexpected("'\"' after ','") }
                    continue
                }
                if s.peek() == UInt8(ascii: "}"), !s.atEnd { s.pos += 1; break }
                throw s.unexpected("',' or '}' after the value of \"\(name)\"")
            }
        }
        s.skipWhitespace()
        guard s.atEnd else { throw s.unexpected("end of file after the top-level object") }
        try resolveDeferred()
        store.rebuildPropertyIndexes()
        do {
            try store.appendRelationships(types: relTypes, starts: relStarts, ends: relEnds)
        } catch {
            throw JSONSyntaxError(at: nil, "internal error while adding relationships: \(error)")
        }
        return store
    }

    // MARK: Arrays

    /// Reads `[` elements `]` where every element must be an object, calling `element` with
    /// each index (the scanner at the element's `{`).
    private mutating func readObjectArray(_ section: String, _ element: (inout GraphLoader, Int) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        guard s.peek() == UInt8(ascii: "["), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "\(section): expected an array but found \(s.foundValue(at: s.pos))")
        }
        s.pos += 1
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return }
        var index = 0
        while true {
            guard s.peek() == UInt8(ascii: "{"), !s.atEnd else {
                if index > 0 && s.peek() == UInt8(ascii: "]") { throw s.unexpected("'{' after ','") }
                if s.atEnd || s.base[s.pos] >= 0x80 { throw s.unexpected("'{'") }
                throw JSONSyntaxError(at: s.pos, "\(section)[\(index)]: expected an object but found \(s.foundValue(at: s.pos))")
            }
            try element(&self, index)
            index += 1
            s.skipWhitespace()
            let c = s.peek()
            if c == UInt8(ascii: ","), !s.atEnd {
                s.pos += 1
                s.skipWhitespace()
                continue
            }
            if c == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return }
            throw s.unexpected("',' or ']' after \(section)[\(index - 1)]")
        }
    }

    /// After a member's value: consumes `,` (returning `true`: another member follows) or `}`.
    @inline(__always) private mutating func nextMember(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Bool {
        s.skipWhitespace()
        let c = s.peek()
        if c == UInt8(ascii: ","), !s.atEnd {
            s.pos += 1
            s.skipWhitespace()
            guard s.peek() == UInt8(ascii: "\""), !s.atEnd else { throw s.unexpected("'\"' after ','") }
            return true
        }
        if c == UInt8(ascii: "}"), !s.atEnd { s.pos += 1; return false }
        throw s.unexpected("',' or '}' after a value in \(path())")
    }

    /// Reads a key (at its quote) and the `:` after it; returns the key bytes and offset.
    @inline(__always) private mutating func readKey(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> (ByteSpan, Int) {
        let at = s.pos
        let key = try s.readString()
        s.skipWhitespace()
        guard s.peek() == UInt8(ascii: ":"), !s.atEnd else { throw s.unexpected("':' after the key \"\(key.string)\" in \(path())") }
        s.pos += 1
        s.skipWhitespace()
        return (key, at)
    }

    /// At `{`: consumes it and whitespace; `false` if the object is empty (and consumed).
    @inline(__always) private mutating func openObject() throws(JSONSyntaxError) -> Bool {
        s.pos += 1
        s.skipWhitespace()
        let c = s.peek()
        if c == UInt8(ascii: "}"), !s.atEnd { s.pos += 1; return false }
        guard c == UInt8(ascii: "\""), !s.atEnd else { throw s.unexpected("'\"' or '}'") }
        return true
    }

    /// Requires a string at the scanner; the type error names `path`.
    @inline(__always) private mutating func readStringValue(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> ByteSpan {
        guard s.peek() == UInt8(ascii: "\""), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "\(path()): expected a string but found \(s.foundValue(at: s.pos))")
        }
        return try s.readString()
    }

    // MARK: Nodes

    private mutating func readNodes() throws(JSONSyntaxError) {
        try readObjectArray("nodes") { (loader: inout GraphLoader, index: Int) throws(JSONSyntaxError) in
            try loader.readNode(index)
        }
        nodesRead = true
    }

    private mutating func readNode(_ index: Int) throws(JSONSyntaxError) {
        let objectAt = s.pos
        let node = store.createNode()
        var hasID = false, hasLabels = false, hasProperties = false
        if try openObject() {
            repeat {
                let (key, keyAt) = try readKey("nodes[\(index)]")
                if key.equals("id") {
                    guard !hasID else { throw duplicateKey(keyAt, "id", "nodes[\(index)]") }
                    hasID = true
                    let at = s.pos
                    let id = try readStringValue("nodes[\(index)].id")
                    guard id.count > 0 else { throw JSONSyntaxError(at: at, length: 2, "nodes[\(index)].id: expected a non-empty string but found \"\"") }
                    if let first = nodeTable.insert(id, value: Int32(node)) {
                        let line = JSONSyntaxError.location(of: nodeIDOffsets[Int(first)], in: UnsafeBufferPointer(start: s.base, count: s.count)).line
                        throw JSONSyntaxError(at: at, length: s.pos - at, "nodes[\(index)].id: duplicate node id \"\(id.string)\" (first defined on line \(line))")
                    }
                    nodeIDOffsets.append(at)
                    store.setNodePropertyUnindexed(node, idKey, .string(id.string))
                } else if key.equals("labels") {
                    guard !hasLabels else { throw duplicateKey(keyAt, "labels", "nodes[\(index)]") }
                    hasLabels = true
                    try readLabels(node, index)
                } else if key.equals("properties") {
                    guard !hasProperties else { throw duplicateKey(keyAt, "properties", "nodes[\(index)]") }
                    hasProperties = true
                    try readProperties(of: node, onNode: true, Owner(section: "nodes", index: index))
                } else {
                    throw JSONSyntaxError(at: keyAt, length: key.count + 2, "nodes[\(index)]: unknown key \"\(key.string)\": expected \"id\", \"labels\" or \"properties\"")
                }
            } while try nextMember("nodes[\(index)]")
        }
        guard hasID else { throw JSONSyntaxError(at: objectAt, "nodes[\(index)]: missing \"id\" (every node needs a unique string id)") }
    }

    private mutating func readLabels(_ node: NodeID, _ index: Int) throws(JSONSyntaxError) {
        guard s.peek() == UInt8(ascii: "["), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "nodes[\(index)].labels: expected an array but found \(s.foundValue(at: s.pos))")
        }
        s.pos += 1
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return }
        var i = 0
        while true {
            let at = s.pos
            if i > 0 && s.peek() == UInt8(ascii: "]") { throw s.unexpected("'\"' after ','") }
            let name = try readStringValue("nodes[\(index)].labels[\(i)]")
            guard name.count > 0 else { throw JSONSyntaxError(at: at, length: 2, "nodes[\(index)].labels[\(i)]: expected a non-empty string but found \"\"") }
            let label: Int32
            if let known = labelTable.find(name) {
                label = known
            } else {
                label = store.internLabel(name.string)
                _ = labelTable.insert(name, value: label)
            }
            store.addLabel(node, label)
            i += 1
            s.skipWhitespace()
            let c = s.peek()
            if c == UInt8(ascii: ","), !s.atEnd { s.pos += 1; s.skipWhitespace(); continue }
            if c == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return }
            throw s.unexpected("',' or ']' after a label")
        }
    }

    // MARK: Edges

    private mutating func readEdges() throws(JSONSyntaxError) {
        pending.reserveCapacity(GraphLoader.batch + 2)
        do {
            try readObjectArray("edges") { (loader: inout GraphLoader, index: Int) throws(JSONSyntaxError) in
                try loader.readEdge(index)
            }
        } catch {
            // Report a bad endpoint of an earlier edge first, as a one-by-one parser would;
            // the failed edge's own endpoints are dropped.
            pending.removeLast(pending.count - 2 * pendingEdges)
            try resolvePending()
            throw error
        }
        try resolvePending()
    }

    private mutating func readEdge(_ index: Int) throws(JSONSyntaxError) {
        let objectAt = s.pos
        let rel = relTypes.count
        var source: Int32? = nil, target: Int32? = nil, type: Int32? = nil
        var targetFirst = false
        var hasID = false, hasProperties = false
        if try openObject() {
            repeat {
                let (key, keyAt) = try readKey("edges[\(index)]")
                if key.equals("source") {
                    guard source == nil else { throw duplicateKey(keyAt, "source", "edges[\(index)]") }
                    source = try readEndpoint(index, "source")
                } else if key.equals("target") {
                    guard target == nil else { throw duplicateKey(keyAt, "target", "edges[\(index)]") }
                    targetFirst = source == nil
                    target = try readEndpoint(index, "target")
                } else if key.equals("type") {
                    guard type == nil else { throw duplicateKey(keyAt, "type", "edges[\(index)]") }
                    let at = s.pos
                    let name = try readStringValue("edges[\(index)].type")
                    guard name.count > 0 else { throw JSONSyntaxError(at: at, length: 2, "edges[\(index)].type: expected a non-empty string but found \"\"") }
                    if let known = typeTable.find(name) {
                        type = known
                    } else {
                        let t = store.internType(name.string)
                        _ = typeTable.insert(name, value: t)
                        type = t
                    }
                } else if key.equals("properties") {
                    guard !hasProperties else { throw duplicateKey(keyAt, "properties", "edges[\(index)]") }
                    hasProperties = true
                    try readProperties(of: rel, onNode: false, Owner(section: "edges", index: index))
                } else if key.equals("id") {
                    guard !hasID else { throw duplicateKey(keyAt, "id", "edges[\(index)]") }
                    hasID = true
                    let value = try readPropertyValue(PropertyPath(owner: Owner(section: "edges", index: index), key: nil))
                    if !value.isNull { store.setRelationshipProperty(rel, idKey, value) }
                } else {
                    throw JSONSyntaxError(at: keyAt, length: key.count + 2, "edges[\(index)]: unknown key \"\(key.string)\": expected \"source\", \"target\", \"type\", \"id\" or \"properties\"")
                }
            } while try nextMember("edges[\(index)]")
        }
        guard let source else { throw missing(objectAt, "edges[\(index)]", "source") }
        guard let target else { throw missing(objectAt, "edges[\(index)]", "target") }
        guard let type else { throw missing(objectAt, "edges[\(index)]", "type") }
        if targetFirst && nodesRead {
            // Keep the pending list in (source, target) order.
            pending.swapAt(pending.count - 1, pending.count - 2)
        }
        relTypes.append(type)
        relStarts.append(source)
        relEnds.append(target)
        if nodesRead {
            pendingEdges += 1
            if pendingEdges >= GraphLoader.batch { try resolvePending() }
        }
    }

    /// Reads an endpoint id. Returns a placeholder (-1): the node is filled in by
    /// ``resolvePending()`` in batches, so that the hash-table lookups (cache misses on big
    /// graphs) of many endpoints overlap instead of each stalling the parser. Before the
    /// nodes are read, the endpoint is deferred to ``resolveDeferred()`` instead.
    @inline(__always) private mutating func readEndpoint(_ index: Int, _ key: StaticString) throws(JSONSyntaxError) -> Int32 {
        let at = s.pos
        let id = try readStringValue("edges[\(index)].\(key)")
        if nodesRead {
            pending.append(PendingEndpoint(hash: id.hash, word: id.count <= 8 ? ByteStringTable.word(id) : 0, offset: at, length: Int32(id.count)))
            return -1
        }
        let k = deferredOffsets.count
        deferredOffsets.append(at)
        deferredPaths.append((index, key))
        return -2 - Int32(k)
    }

    /// An endpoint read but not yet looked up: its id's hash (and bytes, if ≤ 8) and where it is.
    struct PendingEndpoint {
        var hash: UInt64
        var word: UInt64
        var offset: Int
        var length: Int32
    }

    /// Looks up the pending endpoints of the last `pendingEdges` edges (two per edge, source
    /// then target).
    private mutating func resolvePending() throws(JSONSyntaxError) {
        guard !pending.isEmpty else { return }
        let firstEdge = relStarts.count - pendingEdges
        for i in pending.indices {
            let p = pending[i]
            var node: Int32?
            if p.length <= 8 {
                node = nodeTable.find(hash: p.hash, word: p.word, length: Int(p.length))
            } else {
                var scanner = JSONScanner(base: s.base, count: s.count)
                scanner.pos = p.offset
                node = nodeTable.find(try scanner.readString())
            }
            guard let node else {
                var scanner = JSONScanner(base: s.base, count: s.count)
                scanner.pos = p.offset
                let id = try scanner.readString().string
                let key = i % 2 == 0 ? "source" : "target"
                throw JSONSyntaxError(at: p.offset, length: scanner.pos - p.offset, "edges[\(firstEdge + i / 2)].\(key): no node has the id \"\(id)\"")
            }
            if i % 2 == 0 { relStarts[firstEdge + i / 2] = node } else { relEnds[firstEdge + i / 2] = node }
        }
        pending.removeAll(keepingCapacity: true)
        pendingEdges = 0
    }

    /// Replaces deferred endpoint placeholders by node ids (edges that came before nodes).
    private mutating func resolveDeferred() throws(JSONSyntaxError) {
        guard !deferredOffsets.isEmpty else { return }
        func resolve(_ placeholder: Int32, _ loader: inout GraphLoader) throws(JSONSyntaxError) -> Int32 {
            let k = Int(-2 - placeholder)
            let at = loader.deferredOffsets[k]
            var scanner = JSONScanner(base: loader.s.base, count: loader.s.count)
            scanner.pos = at
            let id = try scanner.readString()
            if let node = loader.nodeTable.find(id) { return node }
            let (edge, key) = loader.deferredPaths[k]
            throw JSONSyntaxError(at: at, length: scanner.pos - at, "edges[\(edge)].\(key): no node has the id \"\(id.string)\"")
        }
        for i in relStarts.indices {
            if relStarts[i] <= -2 { relStarts[i] = try resolve(relStarts[i], &self) }
            if relEnds[i] <= -2 { relEnds[i] = try resolve(relEnds[i], &self) }
        }
    }

    // MARK: Properties

    /// Reads a property object and sets each non-null value on the node or relationship.
    private mutating func readProperties(of entity: Int, onNode: Bool, _ owner: Owner) throws(JSONSyntaxError) {
        guard s.peek() == UInt8(ascii: "{"), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "\(owner).properties: expected an object but found \(s.foundValue(at: s.pos))")
        }
        seenKeys.removeAll(keepingCapacity: true)
        guard try openObject() else { return }
        repeat {
            let (name, keyAt) = try readKey("\(owner).properties")
            let key: Int32
            if let known = keyTable.find(name) {
                key = known
            } else {
                key = store.internKey(name.string)
                _ = keyTable.insert(name, value: key)
            }
            if key == idKey {
                let what = onNode ? "the node id" : "the edge id"
                throw JSONSyntaxError(at: keyAt, length: 4, "\(owner).properties: \"id\" is reserved for \(what): expected it as the \"id\" key of the \(onNode ? "node" : "edge"), not among its properties")
            }
            if seenKeys.contains(key) {
                throw JSONSyntaxError(at: keyAt, length: name.count + 2, "\(owner).properties: duplicate property key \"\(store.keys.name(key))\"")
            }
            seenKeys.append(key)
            let value = try readPropertyValue(PropertyPath(owner: owner, key: key))
            if !value.isNull {
                if onNode { store.setNodePropertyUnindexed(entity, key, value) } else { store.setRelationshipProperty(entity, key, value) }
            }
        } while try nextMember("\(owner).properties")
    }

    /// Reads a property value: null, a boolean, a number, a string, or a flat list of those.
    private mutating func readPropertyValue(_ at: PropertyPath) throws(JSONSyntaxError) -> Value {
        if s.peek() == UInt8(ascii: "["), !s.atEnd {
            s.pos += 1
            var items: [Value] = []
            s.skipWhitespace()
            if s.peek() == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return .list(items) }
            while true {
                if !items.isEmpty && s.peek() == UInt8(ascii: "]") { throw s.unexpected("a value after ','") }
                let c = s.peek()
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    throw JSONSyntaxError(at: s.pos, "\(describe(at))[\(items.count)]: expected a boolean, number, string or null (property lists cannot hold \(c == UInt8(ascii: "[") ? "lists" : "objects")) but found \(s.foundValue(at: s.pos))")
                }
                items.append(try readScalar(at))
                s.skipWhitespace()
                let d = s.peek()
                if d == UInt8(ascii: ","), !s.atEnd { s.pos += 1; s.skipWhitespace(); continue }
                if d == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return .list(items) }
                throw s.unexpected("',' or ']' in a list")
            }
        }
        if s.peek() == UInt8(ascii: "{"), !s.atEnd {
            throw JSONSyntaxError(at: s.pos, "\(describe(at)): expected a boolean, number, string, null or a list of those but found an object (property values cannot be objects)")
        }
        return try readScalar(at)
    }

    /// Reads null, a boolean, a number or a string.
    @inline(__always) private mutating func readScalar(_ at: PropertyPath) throws(JSONSyntaxError) -> Value {
        switch s.peek() {
        case UInt8(ascii: "\""): return .string(try s.readString().string)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try s.readNumber()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            guard let b = try s.readLiteral() else { return .null }
            return .bool(b)
        default:
            throw s.unexpected("a value for \(describe(at))")
        }
    }

    // MARK: Errors

    /// A node or edge in error messages: `nodes[3]`.
    struct Owner: CustomStringConvertible {
        var section: StaticString
        var index: Int
        var description: String { "\(section)[\(index)]" }
    }

    /// A property value in error messages: `edges[3].properties.weight`, or the edge `id`.
    struct PropertyPath {
        var owner: Owner
        /// The property key, or `nil` for the edge's `"id"`.
        var key: Int32?
    }

    private func describe(_ path: PropertyPath) -> String {
        guard let key = path.key else { return "\(path.owner).id" }
        return "\(path.owner).properties.\(store.keys.name(key))"
    }

    private func duplicateKey(_ at: Int, _ key: String, _ owner: String) -> JSONSyntaxError {
        JSONSyntaxError(at: at, length: key.utf8.count + 2, "\(owner): duplicate key \"\(key)\"")
    }

    private func missing(_ at: Int, _ owner: String, _ key: String) -> JSONSyntaxError {
        JSONSyntaxError(at: at, "\(owner): missing \"\(key)\"")
    }
}
