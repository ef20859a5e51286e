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
    private var builder = XMLGraphBuilder()
    private var keys: [String: GraphMLKey] = [:]
    /// The `<key>` being read (for its `<default>`).
    private var openKey: GraphMLKey?
    private var sawRoot = false
    private var graphsOpen = 0
    /// The key that gives relationship types and the one that gives labels (chosen when the
    /// first graph starts).
    private var typeKey: String?
    private var labelsKey: String?
    /// The keys with a default, per domain.
    private var nodeDefaults: [GraphMLKey] = []
    private var edgeDefaults: [GraphMLKey] = []

    /// The node or edge whose `<data>` are being read, innermost last.
    private enum Owner {
        case node(NodeID, seen: [String])
        case edge(PendingEdge)
        case graph
    }

    private struct PendingEdge {
        var source: String
        var target: String
        var mark: XMLMark
        var type: String?
        var properties: [(Int32, Value)] = []
        var seen: [String] = []
    }

    private var owners: [Owner] = []
    /// Nesting depth inside a `<data>` (its foreign elements are skipped); 0 outside.
    private var dataDepth = 0
    private var dataKey: GraphMLKey?
    /// Where the `<data>` or `<default>` being read starts (errors in its text point there).
    private var textMark = XMLMark(line: 0, column: 0)
    private var labelIDs: [String: Int32] = [:]

    /// Reads the GraphML document in `bytes`.
    static func read(_ bytes: [UInt8]) throws(XMLReadError) -> GraphStore {
        let reader = GraphMLReader()
        try XMLDocumentEvents.parse(bytes, handler: reader)
        guard reader.sawRoot else { throw XMLReadError(message: "the document is empty: expected <graphml>", mark: nil) }
        return try reader.builder.finish()
    }

    func start(_ name: String, _ attributes: [String: String], at mark: XMLMark) throws(XMLReadError) -> Bool {
        if dataDepth > 0 {
            dataDepth += 1
            return false
        }
        guard sawRoot else {
            guard name == "graphml" else {
                throw XMLReadError(message: "expected <graphml> as the root element but found <\(name)>", mark: mark)
            }
            sawRoot = true
            return false
        }
        switch name {
        case "key":
            try declareKey(attributes, mark)
        case "default":
            textMark = mark
            return openKey != nil
        case "graph":
            if graphsOpen == 0 && typeKey == nil && labelsKey == nil { chooseRoleKeys() }
            graphsOpen += 1
            owners.append(.graph)
        case "node":
            guard let id = attributes["id"] else {
                throw XMLReadError(message: "<node> without an id attribute: every node needs one", mark: mark)
            }
            let node = try builder.addNode(id: id, element: "node", at: mark)
            owners.append(.node(node, seen: []))
        case "edge":
            guard let source = attributes["source"] else {
                throw XMLReadError(message: "<edge> without a source attribute", mark: mark)
            }
            guard let target = attributes["target"] else {
                throw XMLReadError(message: "<edge> without a target attribute", mark: mark)
            }
            owners.append(.edge(PendingEdge(source: source, target: target, mark: mark)))
        case "data":
            guard let id = attributes["key"] else {
                throw XMLReadError(message: "<data> without a key attribute: expected key=\"...\" naming a <key>", mark: mark)
            }
            guard let key = keys[id] else {
                throw XMLReadError(message: "<data> key \(PropertyText.quoted(id)): no <key> declares this id", mark: mark, target: .attribute("key"))
            }
            dataDepth = 1
            dataKey = key
            textMark = mark
            return true
        case "hyperedge":
            throw XMLReadError(message: "<hyperedge> is not supported: Parley's relationships join two nodes", mark: mark)
        default:
            break  // desc, port, endpoint, locator and foreign elements
        }
        return false
    }

    func end(_ name: String, text: String, at mark: XMLMark) throws(XMLReadError) {
        if dataDepth > 1 {
            dataDepth -= 1
            return
        }
        switch name {
        case "data" where dataDepth == 1:
            dataDepth = 0
            if let key = dataKey { try setData(key, text, textMark) }
            dataKey = nil
        case "default":
            guard var key = openKey else { return }
            switch key.value(text) {
            case .success(let v): key.defaultValue = v
            case .failure(let problem): throw XMLReadError(message: "<default> of \(key.described): \(problem.message)", mark: textMark, target: .text)
            }
            openKey = key
        case "key":
            if let key = openKey {
                keys[key.id] = key
                if key.defaultValue != nil, key.name != nil {
                    if key.applies(toEdges: false) { nodeDefaults.append(key) }
                    if key.applies(toEdges: true) { edgeDefaults.append(key) }
                }
            }
            openKey = nil
        case "node":
            guard case .node(let node, let seen) = owners.popLast() else { return }
            for key in nodeDefaults where !seen.contains(key.id) {
                applyNode(key, key.defaultValue!, node)
            }
        case "edge":
            guard case .edge(var edge) = owners.popLast() else { return }
            for key in edgeDefaults where !edge.seen.contains(key.id) {
                applyEdge(key, key.defaultValue!, &edge)
            }
            var type = edge.type ?? PropertyText.defaultType
            if type.isEmpty { type = PropertyText.defaultType }
            let rel = builder.addRelationship(type: type, source: edge.source, target: edge.target, element: "edge", at: edge.mark)
            for (k, v) in edge.properties { builder.store.setRelationshipProperty(rel, k, v) }
        case "graph":
            graphsOpen -= 1
            _ = owners.popLast()
        default:
            break
        }
    }

    /// Reads a `<key>`'s attributes (its `<default>` follows).
    private func declareKey(_ a: [String: String], _ mark: XMLMark) throws(XMLReadError) {
        guard let id = a["id"] else { throw XMLReadError(message: "<key> without an id attribute", mark: mark) }
        guard keys[id] == nil else {
            throw XMLReadError(message: "<key> id \(PropertyText.quoted(id)): another <key> has this id", mark: mark, target: .attribute("id"))
        }
        let domain = GraphMLKey.Domain(rawValue: a["for"] ?? "all") ?? .other
        let typeText = a["attr.type"] ?? "string"
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
        if let p = a["parley.type"] {
            guard let marker = PropertyText.marker(p) else {
                throw XMLReadError(message: "<key> parley.type \(PropertyText.quoted(p)): expected \(PropertyText.markerNames)", mark: mark, target: .attribute("parley.type"))
            }
            parleyType = marker
        }
        // A yEd drawing key has no attr.name; a plain key without one is named by its id.
        let name = a["attr.name"] ?? (a["yfiles.type"] == nil ? id : nil)
        var key = GraphMLKey(id: id, domain: domain, name: name, type: type, parleyType: parleyType, role: a["parley.role"].flatMap(GraphMLKey.Role.init(rawValue:)))
        if let name { key.property = builder.store.internKey(name) }
        openKey = key
    }

    /// The keys for labels and relationship types: Parley's marked keys, else by name.
    private func chooseRoleKeys() {
        let all = keys.values.sorted { $0.id < $1.id }
        labelsKey = all.first { $0.role == .labels }?.id
            ?? all.first { $0.name == "labels" && $0.domain == .node && $0.type == .string && $0.parleyType == nil }?.id
        typeKey = all.first { $0.role == .type }?.id
            ?? all.first { $0.name == "label" && $0.domain == .edge && $0.type == .string && $0.parleyType == nil }?.id
            ?? all.first { $0.name == "type" && $0.domain == .edge && $0.type == .string && $0.parleyType == nil }?.id
    }

    /// A `<data>` value for the innermost node or edge (graph data are skipped).
    private func setData(_ key: GraphMLKey, _ text: String, _ mark: XMLMark) throws(XMLReadError) {
        guard key.name != nil, let owner = owners.last else { return }
        if case .graph = owner { return }
        let value: Value
        switch key.value(text) {
        case .success(let v): value = v
        case .failure(let problem): throw XMLReadError(message: "<data> of \(key.described): \(problem.message)", mark: mark, target: .text)
        }
        switch owners[owners.count - 1] {
        case .node(let node, var seen):
            if !nodeDefaults.isEmpty { seen.append(key.id) }
            owners[owners.count - 1] = .node(node, seen: seen)
            applyNode(key, value, node)
        case .edge(var edge):
            if !edgeDefaults.isEmpty { edge.seen.append(key.id) }
            applyEdge(key, value, &edge)
            owners[owners.count - 1] = .edge(edge)
        case .graph:
            break
        }
    }

    private func applyNode(_ key: GraphMLKey, _ value: Value, _ node: NodeID) {
        if key.id == labelsKey, case .string(let text) = value {
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
            builder.store.setNodePropertyUnindexed(node, key.property, value)
        }
    }

    private func applyEdge(_ key: GraphMLKey, _ value: Value, _ edge: inout PendingEdge) {
        if key.id == typeKey, case .string(let text) = value {
            edge.type = text
        } else {
            edge.properties.append((key.property, value))
        }
    }
}
