import ParleyGraph
import ParleyValues

/// Writes a graph as GraphML (docs/interchange.md, "GraphML"): one typed `<key>` per
/// (nodes or edges, property, value type); node ids are the file ids Parley's JSON uses;
/// labels go in the node key `labels` (`:State:Talk`), the relationship type in the edge key
/// `label`; both are marked with `parley.role`. Lists are written as JSON text and temporal
/// values as ISO 8601 text on string keys marked `parley.type`, counted in the notes.
struct GraphMLWriter {
    private let graph: GraphStore
    private var out = XMLOutput()
    private var notes = ExportNotes()
    private var fileIDs: [String] = []
    private var plan: AttributePlan
    private let idKey: Int32?
    /// The XML ids of the labels and type keys (nil when no node has labels / no relationship).
    private var labelsKeyID: String?
    private var typeKeyID: String?
    private var lists = 0
    private var temporals = 0
    private var nonFinite = 0
    private var mixed = 0

    /// Prepares a writer for `graph`.
    init(_ graph: GraphStore) {
        self.graph = graph
        let idKey = graph.keys.id(of: GraphStore.idKey)
        self.idKey = idKey
        let fileIDs = GraphWriter.fileIDs(graph)
        self.fileIDs = fileIDs
        plan = AttributePlan(graph, kind: GraphMLWriter.kind, nodeKept: { n, key, value in
            !(key == idKey && value == .string(fileIDs[n]) && GraphMLWriter.isString(value))
        }, edgeKept: { _, _, _ in true })
    }

    /// How a value is written: lists as JSON text, the rest by type.
    static func kind(_ v: Value) -> PropertyText.Kind? {
        if case .list = v { return .list }
        return AttributePlan.scalarKind(v)
    }

    static func isString(_ v: Value) -> Bool {
        if case .string = v { return true }
        return false
    }

    /// The document and what it could not hold.
    mutating func write() -> (bytes: [UInt8], notes: ExportNotes) {
        out.bytes.reserveCapacity(80 * (graph.nodeCount + graph.relationshipCount) + 1024)
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.raw("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        declareKeys()
        out.raw("  <graph id=\"G\" edgedefault=\"directed\">\n")
        for n in graph.nodeIDs { writeNode(n) }
        var index = 0
        for r in graph.relationshipIDs {
            writeEdge(r, index)
            index += 1
        }
        out.raw("  </graph>\n</graphml>\n")
        if lists > 0 { notes.add("list values written as JSON text (keys marked parley.type=\"list\")", count: lists) }
        if nonFinite > 0 { notes.add("NaN or infinite floats inside lists written as strings", count: nonFinite) }
        if mixed > 0 { notes.add("values of properties holding several types written as JSON text (keys marked parley.type=\"mixed\")", count: mixed) }
        if temporals > 0 { notes.add("temporal values written as ISO 8601 text (keys marked parley.type)", count: temporals) }
        if out.replaced > 0 { notes.add("characters XML 1.0 cannot hold (control characters) written as U+FFFD", count: out.replaced) }
        if !graph.validity.isDefault { notes.add("validity rule not written (GraphML has no place for it; readers use date, start_date, end_date)") }
        return (out.bytes, notes)
    }

    private mutating func declareKeys() {
        var next = 0
        func keyLine(_ w: inout GraphMLWriter, for domain: StaticString, name: String, type: StaticString, extra: String = "") -> String {
            let id = "d\(next)"
            next += 1
            w.out.raw("  <key")
            w.out.attribute("id", id)
            w.out.raw(" for=\"")
            w.out.raw(domain)
            w.out.raw("\"")
            w.out.attribute("attr.name", name)
            w.out.raw(" attr.type=\"")
            w.out.raw(type)
            w.out.raw("\"")
            w.out.raw(extra)
            w.out.raw("/>\n")
            return id
        }
        if graph.nodeIDs.contains(where: { !graph.labelIDs(of: $0).isEmpty }) {
            let used = Set(plan.nodeEntries.map(\.name))
            let name = ["labels", "parley.labels", "parley.labels_"].first { !used.contains($0) } ?? "parley.labels"
            labelsKeyID = keyLine(&self, for: "node", name: name, type: "string", extra: " parley.role=\"labels\"")
        }
        var nodeIDs: [String] = []
        for e in plan.nodeEntries { nodeIDs.append(declare(e, "node", keyLine: { w, t, extra in keyLine(&w, for: "node", name: e.name, type: t, extra: extra) })) }
        if graph.relationshipCount > 0 {
            let used = Set(plan.edgeEntries.map(\.name))
            let name = ["label", "type", "parley.type", "parley.type_"].first { !used.contains($0) } ?? "parley.type"
            typeKeyID = keyLine(&self, for: "edge", name: name, type: "string", extra: " parley.role=\"type\"")
        }
        var edgeIDs: [String] = []
        for e in plan.edgeEntries { edgeIDs.append(declare(e, "edge", keyLine: { w, t, extra in keyLine(&w, for: "edge", name: e.name, type: t, extra: extra) })) }
        nodeKeyIDs = nodeIDs
        edgeKeyIDs = edgeIDs
    }

    private var nodeKeyIDs: [String] = []
    private var edgeKeyIDs: [String] = []

    private mutating func declare(_ e: AttributePlan.Entry, _ domain: StaticString, keyLine: (inout GraphMLWriter, StaticString, String) -> String) -> String {
        switch e.kind {
        case .string: return keyLine(&self, "string", "")
        case .long: return keyLine(&self, "long", "")
        case .double: return keyLine(&self, "double", "")
        case .boolean: return keyLine(&self, "boolean", "")
        case .list, .listOf: return keyLine(&self, "string", " parley.type=\"list\"")
        case .temporal(let k): return keyLine(&self, "string", " parley.type=\"\(k.rawValue)\"")
        case .number: return keyLine(&self, "double", " parley.type=\"number\"")
        case .mixed: return keyLine(&self, "string", " parley.type=\"mixed\"")
        }
    }

    private mutating func writeNode(_ n: NodeID) {
        out.raw("    <node")
        out.attribute("id", fileIDs[n])
        let labels = graph.labelIDs(of: n)
        let pairs = graph.propertyPairs(of: n).sorted { graph.keys.name($0.key) < graph.keys.name($1.key) }
        var opened = false
        if !labels.isEmpty, let labelsKeyID {
            out.raw(">\n")
            opened = true
            data(labelsKeyID, .string(PropertyText.labelsText(labels.map { graph.labels.name($0) })))
        }
        for (key, value) in pairs {
            if key == idKey, case .string(let s) = value, s == fileIDs[n] { continue }
            guard let kind = GraphMLWriter.kind(value), let i = plan.nodeAttribute(key, kind) else { continue }
            if !opened { out.raw(">\n"); opened = true }
            data(nodeKeyIDs[i], value, plan.nodeEntries[i].kind)
        }
        out.raw(opened ? "    </node>\n" : "/>\n")
    }

    private mutating func writeEdge(_ r: RelID, _ index: Int) {
        out.raw("    <edge id=\"e")
        out.raw(String(index))
        out.raw("\"")
        out.attribute("source", fileIDs[graph.startNode(of: r)])
        out.attribute("target", fileIDs[graph.endNode(of: r)])
        out.raw(">\n")
        if let typeKeyID { data(typeKeyID, .string(graph.type(of: r))) }
        let pairs = graph.propertyPairs(ofRelationship: r)
        for (key, value) in pairs.count > 1 ? pairs.sorted(by: { graph.keys.name($0.key) < graph.keys.name($1.key) }) : pairs {
            guard let kind = GraphMLWriter.kind(value), let i = plan.edgeAttribute(key, kind) else { continue }
            data(edgeKeyIDs[i], value, plan.edgeEntries[i].kind)
        }
        out.raw("    </edge>\n")
    }

    /// `<data key="dN">text</data>` on its own line.
    private mutating func data(_ key: String, _ value: Value, _ kind: PropertyText.Kind? = nil) {
        out.raw("      <data key=\"")
        out.raw(key)
        out.raw("\">")
        if kind == .mixed {
            mixed += 1
            out.escaped(PropertyText.json(value, nonFinite: &nonFinite))
            out.raw("</data>\n")
            return
        }
        switch value {
        case .list(let items):
            lists += 1
            out.escaped(PropertyText.listJSON(items, nonFinite: &nonFinite))
        case .temporal:
            temporals += 1
            out.escaped(PropertyText.scalar(value))
        case .string(let s):
            out.escaped(s)
        default:
            out.raw(PropertyText.scalar(value))
        }
        out.raw("</data>\n")
    }
}
