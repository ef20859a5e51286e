import ParleyGraph

/// Edges: reading edge objects, and finding their endpoints (in batches, or after the nodes
/// when the edges come first).
extension GraphLoader {
    // MARK: Edges

    mutating func readEdges() throws(JSONSyntaxError) {
        pending.reserveCapacity(GraphLoader.batch + 2)
        guard try openArray("edges") else { return }
        reservesEdgeRoom = true
        defer { reservesEdgeRoom = false }
        if nodesRead, let split = edgeSplit() {
            try readEdgesInTwo(split)
        } else {
            _ = try readEdgeElements(from: 0, stop: Int.max)
        }
    }

    /// Reads edges from the one numbered `first` on (see ``readObjectElements(_:from:stop:cancel:_:)``)
    /// and looks up their pending endpoints.
    mutating func readEdgeElements(from first: Int, stop: Int, cancel: LoaderFlag? = nil) throws(JSONSyntaxError) -> Int? {
        let stopped: Int?
        do {
            stopped = try readObjectElements("edges", from: first, stop: stop, cancel: cancel) { (loader: inout GraphLoader, index: Int) throws(JSONSyntaxError) in
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
        return stopped
    }

    /// Reserves room for the edges expected up to the end of the file, given that the last
    /// 1,024 took `bytes` bytes (with a tenth more, so that a guess a little short does not
    /// double the arrays).
    mutating func reserveEdgeRoom(read bytes: Int) {
        guard bytes > 0 else { return }
        let expected = relTypes.count + Int(Double(max(0, s.count - s.pos)) / Double(bytes) * 1024 * 1.1)
        relTypes.reserveCapacity(expected)
        relStarts.reserveCapacity(expected)
        relEnds.reserveCapacity(expected)
        store.reserveRelationshipProperties(expected, filled: relTypes.count)
    }

    mutating func readEdge(_ index: Int) throws(JSONSyntaxError) {
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
                        typeTable.insert(name, value: t)
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
    @inline(__always) mutating func readEndpoint(_ index: Int, _ key: StaticString) throws(JSONSyntaxError) -> Int32 {
        let at = s.pos
        let id = try readStringValue("edges[\(index)].\(key)")
        if nodesRead {
            if id.count <= 8 {
                let word = ByteStringTable.word(id)
                pending.append(PendingEndpoint(hash: ByteSpan.hashShort(word, id.count), word: word, offset: at, length: Int32(id.count)))
            } else {
                pending.append(PendingEndpoint(hash: id.hash, word: 0, offset: at, length: Int32(id.count)))
            }
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
    mutating func resolvePending() throws(JSONSyntaxError) {
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
    mutating func resolveDeferred() throws(JSONSyntaxError) {
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
}
