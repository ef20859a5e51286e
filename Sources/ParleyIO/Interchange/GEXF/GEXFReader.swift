import ParleyGraph
import ParleyValues

/// Reads a GEXF document (1.1 to 1.3) into a new graph (docs/interchange.md, "GEXF").
///
/// Nodes keep their GEXF id as the `id` property; a `label` other than the id becomes the
/// `name` property unless an attribute gives `name`; the attribute titled `labels` (or marked
/// `parley.role="labels"`) gives the labels. The relationship type is the edge's `kind`, else
/// its `label`, else a `type` that is not a direction (NetworkX writes one), else
/// ``PropertyText/defaultType``. `weight` becomes a float property `weight`. Dated `start` and
/// `end` (inclusive) become `start_date` and the exclusive `end_date`; NetworkX's
/// `networkx_key` attribute is dropped. Nested nodes are flattened.
final class GEXFReader: XMLElementHandler {
    private var builder = XMLGraphBuilder()
    private var attributes: [String: GEXFAttribute] = [:]
    private var nodeAttributes: [String: GEXFAttribute] = [:]
    private var edgeAttributes: [String: GEXFAttribute] = [:]
    private var sawRoot = false
    private var inEdgeClass = false
    private var openAttribute: GEXFAttribute?
    /// Whether times are dates (`date`, `dateTime`) rather than numbers.
    private var datedTime = false
    /// Where the `<default>` being read starts.
    private var defaultMark = XMLMark(line: 0, column: 0)

    private struct Element {
        var isEdge: Bool
        var node: NodeID = -1
        var fileID = ""
        var source = "", target = ""
        var label: String?
        var kind: String?
        var edgeType: String?
        var weight: Double?
        var start: String?, end: String?
        var mark: XMLMark
        var properties: [(Int32, Value)] = []
        var seen: Set<String> = []
    }

    private var elements: [Element] = []
    private var labelIDs: [String: Int32] = [:]
    private let nameKey: Int32, weightKey: Int32, startKey: Int32, endKey: Int32, dateKey: Int32

    private init() {
        nameKey = builder.store.internKey("name")
        weightKey = builder.store.internKey("weight")
        startKey = builder.store.internKey("start_date")
        endKey = builder.store.internKey("end_date")
        dateKey = builder.store.internKey("date")
    }

    /// Reads the GEXF document in `bytes`.
    static func read(_ bytes: [UInt8]) throws(XMLReadError) -> GraphStore {
        let reader = GEXFReader()
        try XMLDocumentEvents.parse(bytes, handler: reader)
        guard reader.sawRoot else { throw XMLReadError(message: "the document is empty: expected <gexf>", mark: nil) }
        return try reader.builder.finish()
    }

    func start(_ name: String, _ a: [String: String], at mark: XMLMark) throws(XMLReadError) -> Bool {
        guard sawRoot else {
            guard name == "gexf" else { throw XMLReadError(message: "expected <gexf> as the root element but found <\(name)>", mark: mark) }
            sawRoot = true
            return false
        }
        switch name {
        case "graph":
            let format = a["timeformat"] ?? "double"
            datedTime = format == "date" || format.lowercased() == "datetime"
        case "attributes":
            inEdgeClass = a["class"] == "edge"
        case "attribute":
            try declare(a, mark)
        case "default":
            defaultMark = mark
            return openAttribute != nil
        case "node":
            guard let id = a["id"] else { throw XMLReadError(message: "<node> without an id attribute: every node needs one", mark: mark) }
            let node = try builder.addNode(id: id, element: "node", at: mark)
            var e = Element(isEdge: false, node: node, mark: mark)
            e.fileID = id
            e.label = a["label"]
            e.start = a["start"] ?? a["startopen"]
            e.end = a["end"] ?? a["endopen"]
            elements.append(e)
        case "edge":
            guard let source = a["source"] else { throw XMLReadError(message: "<edge> without a source attribute", mark: mark) }
            guard let target = a["target"] else { throw XMLReadError(message: "<edge> without a target attribute", mark: mark) }
            var e = Element(isEdge: true, source: source, target: target, mark: mark)
            e.label = a["label"]
            e.kind = a["kind"]
            if let t = a["type"], !["directed", "undirected", "mutual"].contains(t) { e.edgeType = t }
            if let w = a["weight"] {
                guard let d = PropertyText.parseDouble(w) else {
                    throw XMLReadError(message: "<edge> weight: expected a number but found \(PropertyText.quoted(w))", mark: mark, target: .attribute("weight"))
                }
                e.weight = d
            }
            e.start = a["start"] ?? a["startopen"]
            e.end = a["end"] ?? a["endopen"]
            elements.append(e)
        case "attvalue":
            try attvalue(a, mark)
        case "spell":
            guard !elements.isEmpty else { return false }
            // Several spells: the period from the first start to the last end.
            if let s = a["start"] ?? a["startopen"], elements[elements.count - 1].start.map({ s < $0 }) ?? true { elements[elements.count - 1].start = s }
            if let e = a["end"] ?? a["endopen"], elements[elements.count - 1].end.map({ e > $0 }) ?? true { elements[elements.count - 1].end = e }
        default:
            break  // meta, nodes, edges, attvalues, spells, viz:*, parents
        }
        return false
    }

    func end(_ name: String, text: String, at mark: XMLMark) throws(XMLReadError) {
        switch name {
        case "default":
            guard var attr = openAttribute else { return }
            switch attr.value(text) {
            case .success(let v): attr.defaultValue = v
            case .failure(let p): throw XMLReadError(message: "<default> of \(attr.described): \(p.message)", mark: defaultMark, target: .text)
            }
            openAttribute = attr
        case "attribute":
            if let attr = openAttribute {
                if inEdgeClass { edgeAttributes[attr.id] = attr } else { nodeAttributes[attr.id] = attr }
            }
            openAttribute = nil
        case "node", "edge":
            guard let e = elements.popLast() else { return }
            try finish(e)
        default:
            break
        }
    }

    private func declare(_ a: [String: String], _ mark: XMLMark) throws(XMLReadError) {
        guard let id = a["id"] else { throw XMLReadError(message: "<attribute> without an id", mark: mark) }
        guard let title = a["title"] else { throw XMLReadError(message: "<attribute> \(PropertyText.quoted(id)) without a title", mark: mark) }
        if (inEdgeClass ? edgeAttributes : nodeAttributes)[id] != nil {
            throw XMLReadError(message: "<attribute> id \(PropertyText.quoted(id)): another \(inEdgeClass ? "edge" : "node") attribute has this id", mark: mark, target: .attribute("id"))
        }
        let typeName = a["type"] ?? "string"
        guard let type = GEXFAttribute.valueType(typeName, parley: a["parley.type"]) else {
            throw XMLReadError(message: "<attribute> type \(PropertyText.quoted(typeName)): expected a GEXF type (string, integer, long, double, float, boolean, liststring, listlong, ...)", mark: mark, target: .attribute("type"))
        }
        var parleyType: PropertyText.Kind? = nil
        if let p = a["parley.type"], p == "list" || !p.hasPrefix("list") {
            guard let marker = PropertyText.marker(p) else {
                throw XMLReadError(message: "<attribute> parley.type \(PropertyText.quoted(p)): expected \(PropertyText.markerNames)", mark: mark, target: .attribute("parley.type"))
            }
            parleyType = marker
        }
        var attr = GEXFAttribute(id: id, title: title, type: type, parleyType: parleyType)
        attr.isLabels = a["parley.role"] == "labels" || (!inEdgeClass && title == "labels" && parleyType == nil && { if case .string = type { return true } else { return false } }())
        attr.property = builder.store.internKey(title)
        openAttribute = attr
    }

    private func attvalue(_ a: [String: String], _ mark: XMLMark) throws(XMLReadError) {
        guard !elements.isEmpty else { return }
        let isEdge = elements[elements.count - 1].isEdge
        guard let id = a["for"] ?? a["id"] else { throw XMLReadError(message: "<attvalue> without a for attribute naming an <attribute>", mark: mark) }
        guard let attr = (isEdge ? edgeAttributes : nodeAttributes)[id] else {
            throw XMLReadError(message: "<attvalue> for \(PropertyText.quoted(id)): no \(isEdge ? "edge" : "node") <attribute> has this id", mark: mark, target: .attribute(a["for"] != nil ? "for" : "id"))
        }
        guard let text = a["value"] else { throw XMLReadError(message: "<attvalue> without a value attribute", mark: mark) }
        switch attr.value(text) {
        case .success(let v): set(attr, v, &elements[elements.count - 1])
        case .failure(let p): throw XMLReadError(message: "<attvalue> of \(attr.described): \(p.message)", mark: mark, target: .attribute("value"))
        }
    }

    private func set(_ attr: GEXFAttribute, _ value: Value, _ e: inout Element) {
        e.seen.insert(attr.id)
        if attr.isLabels, !e.isEdge, case .string(let text) = value {
            for label in PropertyText.labels(text) {
                let id: Int32
                if let known = labelIDs[label] { id = known } else { id = builder.store.internLabel(label); labelIDs[label] = id }
                builder.store.addLabel(e.node, id)
            }
        } else if attr.title == "networkx_key" && e.isEdge {
            return
        } else {
            e.properties.append((attr.property, value))
        }
    }

    /// Defaults, the label, times and, for an edge, the relationship itself.
    private func finish(_ e: Element) throws(XMLReadError) {
        var e = e
        for attr in (e.isEdge ? edgeAttributes : nodeAttributes).values where !e.seen.contains(attr.id) {
            if let v = attr.defaultValue { set(attr, v, &e) }
        }
        func has(_ key: Int32) -> Bool { e.properties.contains { $0.0 == key } }
        let element = e.isEdge ? "edge" : "node"
        let (startAt, endAt) = datedTime ? (startKey, endKey) : (builder.store.internKey("start"), builder.store.internKey("end"))
        if let s = e.start, !has(startAt), !has(dateKey) { e.properties.append((startAt, try time(s, last: false, e.mark, element, "start"))) }
        if let t = e.end, !has(endAt), !has(dateKey) { e.properties.append((endAt, try time(t, last: true, e.mark, element, "end"))) }
        if e.isEdge {
            if let w = e.weight, !has(weightKey) { e.properties.append((weightKey, .double(w))) }
            let type = [e.kind, e.label, e.edgeType].compactMap { $0 }.first { !$0.isEmpty } ?? PropertyText.defaultType
            let rel = builder.addRelationship(type: type, source: e.source, target: e.target, element: "edge", at: e.mark)
            for (k, v) in e.properties { builder.store.setRelationshipProperty(rel, k, v) }
        } else {
            if let label = e.label, label != e.fileID, !has(nameKey) {
                e.properties.append((nameKey, .string(label)))
            }
            for (k, v) in e.properties { builder.store.setNodePropertyUnindexed(e.node, k, v) }
        }
    }

    /// A `start` or `end` as a property value: a date (an inclusive `end` becomes the next
    /// day, Parley's exclusive end) when times are dates, else a number.
    private func time(_ text: String, last: Bool, _ mark: XMLMark, _ element: String, _ attribute: String) throws(XMLReadError) -> Value {
        if datedTime {
            let day = String(PropertyText.trimmed(text).prefix(10))
            guard let p = ValidPeriod.days(parsing: day), day.count == 10 else {
                throw XMLReadError(message: "<\(element)> \(attribute): expected a date YYYY-MM-DD but found \(PropertyText.quoted(text))", mark: mark, target: .attribute(attribute))
            }
            return .temporal(.date(CypherDate(epochDay: last ? p.end : p.start)))
        }
        guard let d = PropertyText.parseDouble(text) else {
            throw XMLReadError(message: "<\(element)> \(attribute): expected a number (timeformat is not a date) but found \(PropertyText.quoted(text))", mark: mark, target: .attribute(attribute))
        }
        return .double(d)
    }
}
