import ParleyGraph
import ParleyValues

/// Reads a GraphML document into a new graph (docs/interchange.md, "GraphML").
///
/// Nodes keep their GraphML id as the `id` property; the key named `labels` (or marked
/// `parley.role="labels"`) gives their labels; on edges the key marked `parley.role="type"`,
/// else the key named `label`, else `type`, gives the relationship type, and ``PropertyText/defaultType``
/// is used where none is given. Undirected edges are read as relationships from `source` to
/// `target`; nested graphs (yEd's groups) are flattened; data of keys without `attr.name`
/// (drawings) are skipped.
final class GraphMLReader: XMLElementHandler {
    private var builder: XMLGraphBuilder
    /// The keys, in the order their declarations end; found by the bytes of their id.
    private var keys: [GraphMLKey] = []
    private var keyIndex = ByteStringTable()
    /// The `<key>` being read (for its `<default>`).
    private var openKey: GraphMLKey?
    private var sawRoot = false
    private var graphsOpen = 0
    /// The key that gives relationship types and the one that gives labels (indices in
    /// `keys`, chosen when the first graph starts).
    private var typeKey = -1
    private var labelsKey = -1
    /// The keys with a default, per domain (indices in `keys`).
    private var nodeDefaults: [Int] = []
    private var edgeDefaults: [Int] = []

    /// The node or edge whose `<data>` are being read, innermost last. What an owner has
    /// read is kept in stacks shared by all owners (nothing is allocated per element): the
    /// keys given a value in `seen` from `seenFrom`, an edge's properties in
    /// `edgeProperties` from its `propertiesFrom`.
    private enum Owner {
        case node(NodeID, seenFrom: Int)
        /// An index in `edges`.
        case edge(Int, seenFrom: Int)
        case graph
    }

    private struct PendingEdge {
        var source: XMLEndpoint
        var target: XMLEndpoint
        var mark: XMLMark
        /// The interned type, or -1 for none given.
        var type: Int32 = -1
        var propertiesFrom: Int
    }

    private var owners: [Owner] = []
    private var edges: [PendingEdge] = []
    private var seen: [Int] = []
    private var edgeProperties: [(Int32, Value)] = []
    /// Nesting depth inside a `<data>` (its foreign elements are skipped); 0 outside.
    private var dataDepth = 0
    private var dataKey = -1
    /// Where the `<data>` or `<default>` being read starts (errors in its text point there).
    private var textMark = XMLMark(offset: 0)
    private var labelIDs: [String: Int32] = [:]
    private let defaultType: Int32

    private init(_ document: UnsafeBufferPointer<UInt8>) {
        builder = XMLGraphBuilder(document: document)
        defaultType = builder.typeID(PropertyText.defaultType)
    }

    /// Reads the GraphML document in `bytes`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(XMLReadError) -> GraphStore {
        let reader = GraphMLReader(bytes)
        try reader.read(bytes)
        return try reader.builder.finish()
    }

    func start(_ name: ByteSpan, _ attributes: XMLAttributes, at mark: XMLMark) throws(XMLReadError) -> Bool {
        if dataDepth > 0 {
            dataDepth += 1
            return false
        }
        guard sawRoot else {
            guard name.equals("graphml") else {
                throw XMLReadError(message: "expected <graphml> as the root element but found <\(name.string)>", mark: mark)
            }
            sawRoot = true
            return false
        }
        if name.equals("data") {
            guard let id = attributes["key"] else {
                throw XMLReadError(message: "<data> without a key attribute: expected key=\"...\" naming a <key>", mark: mark)
            }
            guard let key = keyIndex.find(id) else {
                throw XMLReadError(message: "<data> key \(PropertyText.quoted(id.string)): no <key> declares this id", mark: mark, target: .attribute("key"))
            }
            dataDepth = 1
            dataKey = Int(key)
            textMark = mark
            return true
        }
        if name.equals("edge") {
            guard let source = attributes["source"] else {
                throw XMLReadError(message: "<edge> without a source attribute", mark: mark)
            }
            guard let target = attributes["target"] else {
                throw XMLReadError(message: "<edge> without a target attribute", mark: mark)
            }
            edges.append(PendingEdge(source: builder.endpoint(source), target: builder.endpoint(target), mark: mark, propertiesFrom: edgeProperties.count))
            owners.append(.edge(edges.count - 1, seenFrom: seen.count))
            return false
        }
        if name.equals("node") {
            guard let id = attributes["id"] else {
                throw XMLReadError(message: "<node> without an id attribute: every node needs one", mark: mark)
            }
            let node = try builder.addNode(id: id, element: "node", at: mark)
            owners.append(.node(node, seenFrom: seen.count))
            return false
        }
        if name.equals("key") {
            try declareKey(attributes, mark)
        } else if name.equals("default") {
            textMark = mark
            return openKey != nil
        } else if name.equals("graph") {
            if graphsOpen == 0 && typeKey < 0 && labelsKey < 0 { chooseRoleKeys() }
            graphsOpen += 1
            owners.append(.graph)
        } else if name.equals("hyperedge") {
            throw XMLReadError(message: "<hyperedge> is not supported: Parley's relationships join two nodes", mark: mark)
        }
        // desc, port, endpoint, locator and foreign elements are skipped.
        return false
    }

    func end(_ name: ByteSpan, text: ByteSpan) throws(XMLReadError) {
        if dataDepth > 1 {
            dataDepth -= 1
            return
        }
        if name.equals("data") && dataDepth == 1 {
            dataDepth = 0
            if dataKey >= 0 { try setData(dataKey, text, textMark) }
            dataKey = -1
        } else if name.equals("edge") {
            guard case .edge(let index, let seenFrom) = owners.popLast() else { return }
            for key in edgeDefaults where !seen[seenFrom...].contains(key) {
                applyEdge(key, keys[key].defaultValue!, index)
            }
            seen.removeSubrange(seenFrom...)
            let edge = edges.removeLast()
            let rel = builder.addRelationship(type: edge.type >= 0 ? edge.type : defaultType, source: edge.source, target: edge.target, element: "edge", at: edge.mark)
            for i in edge.propertiesFrom..<edgeProperties.count {
                builder.store.setRelationshipProperty(rel, edgeProperties[i].0, edgeProperties[i].1)
            }
            edgeProperties.removeSubrange(edge.propertiesFrom...)
        } else if name.equals("node") {
            guard case .node(let node, let seenFrom) = owners.popLast() else { return }
            for key in nodeDefaults where !seen[seenFrom...].contains(key) {
                applyNode(key, keys[key].defaultValue!, node)
            }
            seen.removeSubrange(seenFrom...)
        } else if name.equals("default") {
            guard var key = openKey else { return }
            switch key.value(text.string) {
            case .success(let v): key.defaultValue = v
            case .failure(let problem): throw XMLReadError(message: "<default> of \(key.described): \(problem.message)", mark: textMark, target: .text)
            }
            openKey = key
        } else if name.equals("key") {
            if let key = openKey {
                let index = keys.count
                keys.append(key)
                XMLGraphBuilder.withBytes(key.id) { _ = keyIndex.insert($0, value: Int32(index)) }
                if key.defaultValue != nil, key.name != nil {
                    if key.applies(toEdges: false) { nodeDefaults.append(index) }
                    if key.applies(toEdges: true) { edgeDefaults.append(index) }
                }
            }
            openKey = nil
        } else if name.equals("graph") {
            graphsOpen -= 1
            _ = owners.popLast()
        }
    }

    /// Reads a `<key>`'s attributes (its `<default>` follows).
    private func declareKey(_ a: XMLAttributes, _ mark: XMLMark) throws(XMLReadError) {
        guard let idBytes = a["id"] else { throw XMLReadError(message: "<key> without an id attribute", mark: mark) }
        let id = idBytes.string
        guard keyIndex.find(idBytes) == nil else {
            throw XMLReadError(message: "<key> id \(PropertyText.quoted(id)): another <key> has this id", mark: mark, target: .attribute("id"))
        }
        let domain = GraphMLKey.Domain(rawValue: a.string("for") ?? "all") ?? .other
        let typeText = a.string("attr.type") ?? "string"
        let type: GraphMLKey.ValueType
        switch typeText {
        case "string": type = .string
        case "int", "long": type = .long
        case "float", "double": type = .double
        case "boolean": type = .boolean
        default:
            throw XMLReadError(message: "<key> attr.type \(PropertyText.quoted(typeText)): expected boolean, int, long, float, double or string", mark: mark, target: .attribute("attr.type"))
        }
        var parleyType: PropertyText.Kind? = nil
        if let p = a.string("parley.type") {
            guard let marker = PropertyText.marker(p) else {
                throw XMLReadError(message: "<key> parley.type \(PropertyText.quoted(p)): expected \(PropertyText.markerNames)", mark: mark, target: .attribute("parley.type"))
            }
            parleyType = marker
        }
        // A yEd drawing key has no attr.name; a plain key without one is named by its id.
        let name = a.string("attr.name") ?? (a["yfiles.type"] == nil ? id : nil)
        var key = GraphMLKey(id: id, domain: domain, name: name, type: type, parleyType: parleyType, role: a.string("parley.role").flatMap(GraphMLKey.Role.init(rawValue:)))
        if let name { key.property = builder.store.internKey(name) }
        openKey = key
    }

    /// The keys for labels and relationship types: Parley's marked keys, else by name.
    private func chooseRoleKeys() {
        let all = keys.indices.sorted { keys[$0].id < keys[$1].id }
        func plain(_ i: Int, _ name: String, _ domain: GraphMLKey.Domain) -> Bool {
            keys[i].name == name && keys[i].domain == domain && keys[i].type == .string && keys[i].parleyType == nil
        }
        labelsKey = all.first { keys[$0].role == .labels } ?? all.first { plain($0, "labels", .node) } ?? -1
        typeKey = all.first { keys[$0].role == .type } ?? all.first { plain($0, "label", .edge) } ?? all.first { plain($0, "type", .edge) } ?? -1
    }

    /// A `<data>` value for the innermost node or edge (graph data are skipped).
    private func setData(_ index: Int, _ text: ByteSpan, _ mark: XMLMark) throws(XMLReadError) {
        guard let owner = owners.last else { return }
        let key = keys[index]
        guard key.name != nil else { return }
        // The relationship type in Parley's own files, interned from the bytes.
        if index == typeKey, key.type == .string, key.parleyType == nil, case .edge(let edge, _) = owner {
            if !edgeDefaults.isEmpty { seen.append(index) }
            edges[edge].type = text.count == 0 ? -1 : builder.typeID(text)
            return
        }
        if case .graph = owner { return }
        let value: Value
        switch key.value(text.string) {
        case .success(let v): value = v
        case .failure(let problem): throw XMLReadError(message: "<data> of \(key.described): \(problem.message)", mark: mark, target: .text)
        }
        switch owner {
        case .node(let node, _):
            if !nodeDefaults.isEmpty { seen.append(index) }
            applyNode(index, value, node)
        case .edge(let edge, _):
            if !edgeDefaults.isEmpty { seen.append(index) }
            applyEdge(index, value, edge)
        case .graph:
            break
        }
    }

    private func applyNode(_ index: Int, _ value: Value, _ node: NodeID) {
        if index == labelsKey, case .string(let text) = value {
            for label in PropertyText.labels(text) {
                let id: Int32
                if let known = labelIDs[label] {
                    id = known
                } else {
                    id = builder.store.internLabel(label)
                    labelIDs[label] = id
                }
                builder.store.addLabel(node, id)
            }
        } else {
            builder.store.setNodePropertyUnindexed(node, keys[index].property, value)
        }
    }

    /// A value for the open edge at `edge` in `edges`.
    private func applyEdge(_ index: Int, _ value: Value, _ edge: Int) {
        if index == typeKey, case .string(let text) = value {
            edges[edge].type = text.isEmpty ? -1 : builder.typeID(text)
        } else {
            edgeProperties.append((keys[index].property, value))
        }
    }
}
