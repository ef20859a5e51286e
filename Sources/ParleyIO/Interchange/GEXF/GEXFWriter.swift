import ParleyGraph
import ParleyValues

/// Writes a graph as GEXF 1.3 (docs/interchange.md, "GEXF"): typed attributes per (nodes or
/// edges, property, value type); labels in the node attribute `labels` (`:State:Talk`); the
/// node's `label` is its `name` (else its id) so Gephi shows names; the relationship type is
/// the edge's `label` and `kind`; a float `weight` is the edge's weight. Where nodes or
/// relationships have a validity period the graph is dynamic, with inclusive `start`/`end`
/// dates.
struct GEXFWriter {
    private let graph: GraphStore
    private var out = XMLOutput()
    private var notes = ExportNotes()
    private let fileIDs: [String]
    private let plan: AttributePlan
    private let idKey: Int32?
    private let nameKey: Int32?
    private let weightKey: Int32?
    private var labelsAttribute: String?
    private var nodeAttributeIDs: [String] = []
    private var edgeAttributeIDs: [String] = []
    private var jsonLists = 0
    private var nonFinite = 0
    private var mixed = 0
    private var temporals = 0
    private var untimed = 0
    private var dynamic = false

    /// Prepares a writer for `graph`.
    init(_ graph: GraphStore) {
        self.graph = graph
        let idKey = graph.keys.id(of: GraphStore.idKey)
        let weightKey = graph.keys.id(of: "weight")
        self.idKey = idKey
        self.weightKey = weightKey
        nameKey = graph.keys.id(of: "name")
        let fileIDs = GraphWriter.fileIDs(graph)
        self.fileIDs = fileIDs
        plan = AttributePlan(graph, kind: GEXFWriter.kind, nodeKept: { n, key, value in
            if key == idKey, case .string(let s) = value, s == fileIDs[n] { return false }
            return true
        }, edgeKept: { _, key, value in
            if key == weightKey, case .double = value { return false }
            return true
        })
    }

    /// How a value is written: lists of one scalar kind as GEXF lists, other lists as JSON text.
    static func kind(_ v: Value) -> PropertyText.Kind? {
        if case .list(let items) = v {
            if let k = GEXFList.uniformKind(items) { return .listOf(k) }
            return .list
        }
        return AttributePlan.scalarKind(v)
    }

    /// The document and what it could not hold.
    mutating func write() -> (bytes: [UInt8], notes: ExportNotes) {
        out.bytes.reserveCapacity(90 * (graph.nodeCount + graph.relationshipCount) + 1024)
        let k = graph.validityKeys
        dynamic = graph.nodeIDs.contains { graph.validPeriod(ofNode: $0, k).map { !$0.isAlways } ?? false }
            || graph.relationshipIDs.contains { graph.validPeriod(ofRelationship: $0, k).map { !$0.isAlways } ?? false }
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.raw("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
        out.raw("  <meta>\n    <creator>Parley</creator>\n  </meta>\n")
        out.raw(dynamic ? "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n" : "  <graph defaultedgetype=\"directed\" mode=\"static\">\n")
        declareAttributes()
        out.raw("    <nodes>\n")
        for n in graph.nodeIDs { writeNode(n, k) }
        out.raw("    </nodes>\n    <edges>\n")
        for r in graph.relationshipIDs { writeEdge(r, k) }
        out.raw("    </edges>\n  </graph>\n</gexf>\n")
        if jsonLists > 0 { notes.add("lists of mixed, temporal or no items written as JSON text (attributes marked parley.type=\"list\")", count: jsonLists) }
        if nonFinite > 0 { notes.add("NaN or infinite floats inside JSON lists written as strings", count: nonFinite) }
        if mixed > 0 { notes.add("values of properties holding several types written as JSON text (attributes marked parley.type=\"mixed\")", count: mixed) }
        if temporals > 0 { notes.add("temporal values written as ISO 8601 text (attributes marked parley.type)", count: temporals) }
        if untimed > 0 { notes.add("nodes or relationships whose validity properties are not dates (or give an empty period) written without start/end", count: untimed) }
        if out.replaced > 0 { notes.add("characters XML 1.0 cannot hold (control characters) written as U+FFFD", count: out.replaced) }
        if !graph.validity.isDefault { notes.add("validity rule not written (readers use date, start_date, end_date); start/end follow this graph's rule") }
        return (out.bytes, notes)
    }

    private mutating func declareAttributes() {
        let hasLabels = graph.nodeIDs.contains { !graph.labelIDs(of: $0).isEmpty }
        var next = 0
        if hasLabels || !plan.nodeEntries.isEmpty {
            out.raw("    <attributes class=\"node\" mode=\"static\">\n")
            if hasLabels {
                let used = Set(plan.nodeEntries.map(\.name))
                let title = ["labels", "parley.labels", "parley.labels_"].first { !used.contains($0) } ?? "parley.labels"
                labelsAttribute = String(next)
                attribute(String(next), title, "string", " parley.role=\"labels\"")
                next += 1
            }
            for e in plan.nodeEntries {
                nodeAttributeIDs.append(String(next))
                declare(String(next), e)
                next += 1
            }
            out.raw("    </attributes>\n")
        }
        if !plan.edgeEntries.isEmpty {
            out.raw("    <attributes class=\"edge\" mode=\"static\">\n")
            for e in plan.edgeEntries {
                edgeAttributeIDs.append(String(next))
                declare(String(next), e)
                next += 1
            }
            out.raw("    </attributes>\n")
        }
    }

    private mutating func declare(_ id: String, _ e: AttributePlan.Entry) {
        switch e.kind {
        case .string: attribute(id, e.name, "string", "")
        case .long: attribute(id, e.name, "long", "")
        case .double: attribute(id, e.name, "double", "")
        case .boolean: attribute(id, e.name, "boolean", "")
        case .list: attribute(id, e.name, "string", " parley.type=\"list\"")
        // Every typed list is declared liststring: NetworkX 3.6 cannot read listlong,
        // listdouble or listboolean; parley.type keeps the item type for Parley.
        case .listOf(.string): attribute(id, e.name, "liststring", "")
        case .listOf(.long): attribute(id, e.name, "liststring", " parley.type=\"listlong\"")
        case .listOf(.double): attribute(id, e.name, "liststring", " parley.type=\"listdouble\"")
        case .listOf(.boolean): attribute(id, e.name, "liststring", " parley.type=\"listboolean\"")
        case .temporal(let k): attribute(id, e.name, "string", " parley.type=\"\(k.rawValue)\"")
        case .number: attribute(id, e.name, "double", " parley.type=\"number\"")
        case .mixed: attribute(id, e.name, "string", " parley.type=\"mixed\"")
        }
    }

    private mutating func attribute(_ id: String, _ title: String, _ type: String, _ extra: String) {
        out.raw("      <attribute")
        out.attribute("id", id)
        out.attribute("title", title)
        out.raw(" type=\"\(type)\"\(extra)/>\n")
    }

    private mutating func writeNode(_ n: NodeID, _ k: GraphStore.ValidityKeys) {
        out.raw("      <node")
        out.attribute("id", fileIDs[n])
        if let nameKey, case .string(let name) = graph.property(of: n, nameKey) {
            out.attribute("label", name)
        } else {
            out.attribute("label", fileIDs[n])
        }
        if dynamic { period(graph.validPeriod(ofNode: n, k)) }
        var opened = false
        let labels = graph.labelIDs(of: n)
        if !labels.isEmpty, let labelsAttribute {
            out.raw(">\n        <attvalues>\n")
            opened = true
            attvalue(labelsAttribute, .string(PropertyText.labelsText(labels.map { graph.labels.name($0) })))
        }
        for (key, value) in graph.propertyPairs(of: n).sorted(by: { graph.keys.name($0.key) < graph.keys.name($1.key) }) {
            if key == idKey, case .string(let s) = value, s == fileIDs[n] { continue }
            guard let kind = GEXFWriter.kind(value), let i = plan.nodeAttribute(key, kind) else { continue }
            if !opened { out.raw(">\n        <attvalues>\n"); opened = true }
            attvalue(nodeAttributeIDs[i], value, plan.nodeEntries[i].kind)
        }
        out.raw(opened ? "        </attvalues>\n      </node>\n" : "/>\n")
    }

    private mutating func writeEdge(_ r: RelID, _ k: GraphStore.ValidityKeys) {
        out.raw("      <edge")
        out.attribute("source", fileIDs[graph.startNode(of: r)])
        out.attribute("target", fileIDs[graph.endNode(of: r)])
        let type = graph.type(of: r)
        out.attribute("label", type)
        out.attribute("kind", type)
        if let weightKey, case .double(let w) = graph.property(of: r, relationshipKey: weightKey) {
            out.raw(" weight=\"")
            out.raw(PropertyText.double(w))
            out.raw("\"")
        }
        if dynamic { period(graph.validPeriod(ofRelationship: r, k)) }
        var opened = false
        let pairs = graph.propertyPairs(ofRelationship: r)
        for (key, value) in pairs.count > 1 ? pairs.sorted(by: { graph.keys.name($0.key) < graph.keys.name($1.key) }) : pairs {
            guard let kind = GEXFWriter.kind(value), let i = plan.edgeAttribute(key, kind) else { continue }
            if !opened { out.raw(">\n        <attvalues>\n"); opened = true }
            attvalue(edgeAttributeIDs[i], value, plan.edgeEntries[i].kind)
        }
        out.raw(opened ? "        </attvalues>\n      </edge>\n" : "/>\n")
    }

    /// ` start="..." end="..."`: GEXF's ends are inclusive, so the last day the element holds
    /// (Parley's exclusive end minus one day).
    private mutating func period(_ p: ValidPeriod?) {
        guard let p else { untimed += 1; return }
        if p.isAlways { return }
        guard p.start < p.end else { untimed += 1; return }
        if p.start != .min { out.attribute("start", ValidPeriod.text(ofDay: p.start)) }
        if p.end != .max { out.attribute("end", ValidPeriod.text(ofDay: p.end - 1)) }
    }

    private mutating func attvalue(_ id: String, _ value: Value, _ kind: PropertyText.Kind? = nil) {
        out.raw("          <attvalue for=\"")
        out.raw(id)
        out.raw("\" value=\"")
        if kind == .mixed {
            mixed += 1
            out.escaped(PropertyText.json(value, nonFinite: &nonFinite))
            out.raw("\"/>\n")
            return
        }
        switch value {
        case .list(let items):
            if GEXFList.uniformKind(items) != nil {
                out.escaped(GEXFList.text(items))
            } else {
                jsonLists += 1
                out.escaped(PropertyText.listJSON(items, nonFinite: &nonFinite))
            }
        case .temporal:
            temporals += 1
            out.escaped(PropertyText.scalar(value))
        case .string(let s): out.escaped(s)
        default: out.raw(PropertyText.scalar(value))
        }
        out.raw("\"/>\n")
    }
}
