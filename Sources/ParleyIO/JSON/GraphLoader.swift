import ParleyGraph
import ParleyValues

/// The graph half of the JSON parser: reads the top-level object, the `nodes` and `edges`
/// arrays and property maps in one pass and builds a new ``GraphStore`` directly.
///
/// Node ids are found from edge endpoints through a ``ByteStringTable`` over the id bytes;
/// labels, types and keys are interned once per distinct name. Relationships are collected
/// in flat arrays and added in bulk at the end (exact adjacency capacities). If `edges`
/// comes before `nodes`, endpoints are kept as bytes and resolved once the nodes are known.
struct GraphLoader {
    /// The byte-level scanner over the file.
    var s: JSONScanner
    /// The graph being built.
    var store = GraphStore()
    /// Node id bytes → internal node id.
    var nodeTable: ByteStringTable
    /// Byte offset of each node's id string (for "first defined on line N").
    var nodeIDOffsets: [Int] = []
    /// Label, type and key bytes → interned ids.
    var labelTable = NameTable()
    var typeTable = NameTable()
    var keyTable = NameTable()
    /// The interned id of the key `id`.
    let idKey: Int32

    // Relationships, added at the end.
    var relTypes: [Int32] = []
    var relStarts: [Int32] = []
    var relEnds: [Int32] = []
    /// Whether the `nodes` array has been read (else endpoints are deferred).
    var nodesRead = false
    /// Endpoints seen before the nodes: the offset of each id string (re-read when the nodes
    /// are known) and the edge and key it belongs to (for error messages).
    var deferredOffsets: [Int] = []
    var deferredPaths: [(edge: Int, key: StaticString)] = []

    /// Endpoints waiting to be looked up in a batch (see ``readEndpoint(_:_:)``).
    var pending: [PendingEndpoint] = []
    /// How many edges (appended to `relStarts`) the pending endpoints belong to.
    var pendingEdges = 0
    /// How many edges' endpoints are looked up together.
    static let batch = 4096

    /// The declared temporal kind of each property key (`propertyTypes`), by key id.
    var declaredTypes: [TemporalKind?] = []

    /// Edge arrays at least this long (bytes from `[` to the end of the file) are read on two
    /// threads; `Int.max` reads them on one, 0 splits any (tests), even on one core.
    var edgeSplitMinimum = GraphLoader.parallelEdgesMinimum
    /// Whether the edges were read on two threads and joined (for tests).
    var joinedHalves = false
    /// The same for the `nodes` array (bytes from `[` to its guessed end).
    var nodeSplitMinimum = GraphLoader.parallelNodesMinimum
    /// Whether the nodes were read on two threads and joined (for tests).
    var joinedNodeHalves = false
    /// Whether the text is a read-only file mapping whose pages may be dropped once read
    /// (``releaseReadPages()``); never for text in the heap, whose pages would be zeroed.
    var releasesReadPages = false
    /// Where the text's pages have been dropped from (page-aligned), by this loader.
    var releasedFrom = 0
    /// While a second thread reads the rest of the edges from `start`: where it reports the
    /// byte it has reached, so that the progress counts both threads' bytes.
    var secondHalf: (progress: WorkProgress, start: Int)?
    /// The bytes the second thread has read so far.
    var secondHalfRead: Int {
        guard let secondHalf else { return 0 }
        return max(0, secondHalf.progress.done - secondHalf.start)
    }
    /// While reading edges: room is reserved for the edges up to the end of the file (for the
    /// first of two threads too, as the second's edges are joined to its own) once the first
    /// 1,024 have shown their size.
    var reservesEdgeRoom = false

    /// Where to report how many bytes have been read (every 1,024 nodes or edges), if anywhere.
    var progress: WorkProgress?

    /// Property keys seen in the current object (to reject duplicates).
    var seenKeys: [Int32] = []
    /// How many entries of `seenKeys` belong to the current object.
    var seenCount = 0

    /// Creates a loader over the given bytes.
    init(base: UnsafePointer<UInt8>, count: Int) {
        s = JSONScanner(base: base, count: count)
        // A rough guess from typical files: ~100 bytes per node record, nodes about a tenth of
        // the records. Only a capacity hint.
        nodeTable = ByteStringTable(capacity: min(1 << 22, max(16, count / 1000)))
        idKey = store.internKey(GraphStore.idKey)
        keyTable.insert(ByteSpan(start: idKeyBytes.utf8Start, count: idKeyBytes.utf8CodeUnitCount), value: idKey)
    }

    let idKeyBytes: StaticString = "id"

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
                guard ["nodes", "edges", "meta", "$schema", "propertyTypes", "validity"].contains(name) else {
                    throw JSONSyntaxError(at: keyAt, length: length, "unknown top-level key \"\(name)\": expected \"nodes\", \"edges\", \"propertyTypes\", \"validity\", \"meta\" or \"$schema\"")
                }
                guard seen.insert(name).inserted else {
                    throw JSONSyntaxError(at: keyAt, length: length, "duplicate top-level key \"\(name)\"")
                }
                try s.expect(UInt8(ascii: ":"), "':' after \"\(name)\"")
                s.skipWhitespace()
                switch name {
                case "nodes": try readNodes()
                case "edges": try readEdges()
                case "propertyTypes":
                    guard !seen.contains("nodes") && !seen.contains("edges") else {
                        throw JSONSyntaxError(at: keyAt, length: length, "\"propertyTypes\" must come before \"nodes\" and \"edges\" (it says how to read their values)")
                    }
                    try readPropertyTypes()
                case "validity": try readValidity()
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

    /// At `[`: consumes it and whitespace; `false` if the array is empty (and consumed).
    mutating func openArray(_ section: String) throws(JSONSyntaxError) -> Bool {
        guard s.peek() == UInt8(ascii: "["), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "\(section): expected an array but found \(s.foundValue(at: s.pos))")
        }
        s.pos += 1
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return false }
        return true
    }

    /// Reads the elements of an array from the one numbered `first` (the scanner at or before
    /// its `{`) through the closing `]`. Returns the number of the element that starts at
    /// byte `stop` if the reading gets there (and then stops before it), else `nil`; a set
    /// `cancel` flag ends the reading with an error.
    mutating func readObjectElements(_ section: String, from first: Int, stop: Int, cancel: LoaderFlag? = nil,
                                     _ element: (inout GraphLoader, Int) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) -> Int? {
        var index = first
        let elementsFrom = s.pos
        while true {
            guard s.peek() == UInt8(ascii: "{"), !s.atEnd else {
                if index > 0 && s.peek() == UInt8(ascii: "]") { throw s.unexpected("'{' after ','") }
                if s.atEnd || s.base[s.pos] >= 0x80 { throw s.unexpected("'{'") }
                throw JSONSyntaxError(at: s.pos, "\(section)[\(index)]: expected an object but found \(s.foundValue(at: s.pos))")
            }
            try element(&self, index)
            index += 1
            if index & 1023 == 0 {
                if index == first + 1024 && reservesEdgeRoom { reserveEdgeRoom(read: s.pos - elementsFrom) }
                if let progress { progress.update(s.pos + secondHalfRead) }
                if releasesReadPages { releaseReadPages() }
                if let cancel, cancel.isSet { throw JSONSyntaxError(at: s.pos, "cancelled") }
            }
            s.skipWhitespace()
            let c = s.peek()
            if c == UInt8(ascii: ","), !s.atEnd {
                s.pos += 1
                s.skipWhitespace()
                if s.pos >= stop {
                    if s.pos == stop { return index }
                    // Past the split without landing on it: it was not an element's start,
                    // and this thread reads every element (the progress is its own).
                    secondHalf = nil
                    return try readObjectElements(section, from: index, stop: Int.max, cancel: cancel, element)
                }
                continue
            }
            if c == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return nil }
            throw s.unexpected("',' or ']' after \(section)[\(index - 1)]")
        }
    }

    /// After a member's value: consumes `,` (returning `true`: another member follows) or `}`.
    @inline(__always) mutating func nextMember(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Bool {
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
    @inline(__always) mutating func readKey(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> (ByteSpan, Int) {
        let at = s.pos
        let key = try s.readString()
        s.skipWhitespace()
        guard s.peek() == UInt8(ascii: ":"), !s.atEnd else { throw s.unexpected("':' after the key \"\(key.string)\" in \(path())") }
        s.pos += 1
        s.skipWhitespace()
        return (key, at)
    }

    /// At `{`: consumes it and whitespace; `false` if the object is empty (and consumed).
    @inline(__always) mutating func openObject() throws(JSONSyntaxError) -> Bool {
        s.pos += 1
        s.skipWhitespace()
        let c = s.peek()
        if c == UInt8(ascii: "}"), !s.atEnd { s.pos += 1; return false }
        guard c == UInt8(ascii: "\""), !s.atEnd else { throw s.unexpected("'\"' or '}'") }
        return true
    }

    /// Requires a string at the scanner; the type error names `path`.
    @inline(__always) mutating func readStringValue(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> ByteSpan {
        guard s.peek() == UInt8(ascii: "\""), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "\(path()): expected a string but found \(s.foundValue(at: s.pos))")
        }
        return try s.readString()
    }

    // MARK: Nodes

    mutating func readNode(_ index: Int) throws(JSONSyntaxError) {
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

    mutating func readLabels(_ node: NodeID, _ index: Int) throws(JSONSyntaxError) {
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
                labelTable.insert(name, value: label)
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
}
