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
    private var builder: XMLGraphBuilder
    /// The declared attributes of nodes and of edges, found by the bytes of their id.
    private var nodeAttributes = GEXFAttributeTable()
    private var edgeAttributes = GEXFAttributeTable()
    private var sawRoot = false
    private var inEdgeClass = false
    private var openAttribute: GEXFAttribute?
    /// Whether times are dates (`date`, `dateTime`) rather than numbers.
    private var datedTime = false
    /// Where the `<default>` being read starts.
    private var defaultMark = XMLMark(offset: 0)

    private struct Element {
        var isEdge: Bool
        var node: NodeID = -1
        var source = XMLEndpoint(node: -1), target = XMLEndpoint(node: -1)
        /// A node's label when it differs from its id.
        var label: String?
        var type: Int32 = -1
        var weight: Double?
        var start: String?, end: String?
        var mark: XMLMark
        var properties: [(Int32, Value)] = []
        /// The attributes given a value (indices in their table), kept when some have defaults.
        var seen: [Int] = []
    }

    private var elements: [Element] = []
    private var labelIDs: [String: Int32] = [:]
    private let nameKey: Int32, weightKey: Int32, startKey: Int32, endKey: Int32, dateKey: Int32
    /// `start` and `end` as keys of numeric times (interned at the first node or edge).
    private var numericTimeKeys: (Int32, Int32)?
    private let defaultType: Int32

    private init(_ document: UnsafeBufferPointer<UInt8>) {
        builder = XMLGraphBuilder(document: document)
        nameKey = builder.store.internKey("name")
        weightKey = builder.store.internKey("weight")
        startKey = builder.store.internKey("start_date")
        endKey = builder.store.internKey("end_date")
        dateKey = builder.store.internKey("date")
        defaultType = builder.typeID(PropertyText.defaultType)
    }

    /// Reads the GEXF document in `bytes`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(XMLReadError) -> GraphStore {
        let reader = GEXFReader(bytes)
        try reader.read(bytes)
        return try reader.builder.finish()
    }

    func start(_ name: ByteSpan, _ a: XMLAttributes, at mark: XMLMark) throws(XMLReadError) -> Bool {
        guard sawRoot else {
            guard name.equals("gexf") else { throw XMLReadError(message: "expected <gexf> as the root element but found <\(name.string)>", mark: mark) }
            sawRoot = true
            return false
        }
        if name.equals("attvalue") {
            try attvalue(a, mark)
        } else if name.equals("edge") {
            guard let source = a["source"] else { throw XMLReadError(message: "<edge> without a source attribute", mark: mark) }
            guard let target = a["target"] else { throw XMLReadError(message: "<edge> without a target attribute", mark: mark) }
            var e = Element(isEdge: true, source: builder.endpoint(source), target: builder.endpoint(target), mark: mark)
            // The type: the kind, else the label, else a type that is not a direction.
            if let kind = a["kind"], kind.count > 0 {
                e.type = builder.typeID(kind)
            } else if let label = a["label"], label.count > 0 {
                e.type = builder.typeID(label)
            } else if let t = a["type"], t.count > 0, !t.equals("directed"), !t.equals("undirected"), !t.equals("mutual") {
                e.type = builder.typeID(t)
            }
            if let w = a.string("weight") {
                guard let d = PropertyText.parseDouble(w) else {
                    throw XMLReadError(message: "<edge> weight: expected a number but found \(PropertyText.quoted(w))", mark: mark, target: .attribute("weight"))
                }
                e.weight = d
            }
            e.start = a.string("start") ?? a.string("startopen")
            e.end = a.string("end") ?? a.string("endopen")
            elements.append(e)
        } else if name.equals("node") {
            guard let id = a["id"] else { throw XMLReadError(message: "<node> without an id attribute: every node needs one", mark: mark) }
            let node = try builder.addNode(id: id, element: "node", at: mark)
            var e = Element(isEdge: false, node: node, mark: mark)
            if let label = a["label"], !(label.count == id.count && ByteSpan.same(label.start, id.start, id.count)) {
                let text = label.string
                if text != id.string { e.label = text }
            }
            e.start = a.string("start") ?? a.string("startopen")
            e.end = a.string("end") ?? a.string("endopen")
            elements.append(e)
        } else if name.equals("spell") {
            guard !elements.isEmpty else { return false }
            // Several spells: the period from the first start to the last end.
            if let s = a.string("start") ?? a.string("startopen"), elements[elements.count - 1].start.map({ s < $0 }) ?? true { elements[elements.count - 1].start = s }
            if let e = a.string("end") ?? a.string("endopen"), elements[elements.count - 1].end.map({ e > $0 }) ?? true { elements[elements.count - 1].end = e }
        } else if name.equals("graph") {
            let format = a.string("timeformat") ?? "double"
            datedTime = format == "date" || format.lowercased() == "datetime"
        } else if name.equals("attributes") {
            inEdgeClass = a["class"].map { $0.equals("edge") } ?? false
        } else if name.equals("attribute") {
            try declare(a, mark)
        } else if name.equals("default") {
            defaultMark = mark
            return openAttribute != nil
        }
        // meta, nodes, edges, attvalues, spells, viz:*, parents are skipped.
        return false
    }

    func end(_ name: ByteSpan, text: ByteSpan) throws(XMLReadError) {
        if name.equals("node") || name.equals("edge") {
            guard let e = elements.popLast() else { return }
            try finish(e)
        } else if name.equals("default") {
            guard var attr = openAttribute else { return }
            let text = text.string
            switch attr.value(text) {
            case .success(let v): attr.defaultValue = v
            case .failure(let p): throw XMLReadError(message: "<default> of \(attr.described): \(p.message)", mark: defaultMark, target: .text)
            }
            openAttribute = attr
        } else if name.equals("attribute") {
            if let attr = openAttribute {
                if inEdgeClass { edgeAttributes.add(attr) } else { nodeAttributes.add(attr) }
            }
            openAttribute = nil
        }
    }

    private func declare(_ a: XMLAttributes, _ mark: XMLMark) throws(XMLReadError) {
        guard let idBytes = a["id"] else { throw XMLReadError(message: "<attribute> without an id", mark: mark) }
        let id = idBytes.string
        guard let title = a.string("title") else { throw XMLReadError(message: "<attribute> \(PropertyText.quoted(id)) without a title", mark: mark) }
        if (inEdgeClass ? edgeAttributes : nodeAttributes).find(idBytes) != nil {
            throw XMLReadError(message: "<attribute> id \(PropertyText.quoted(id)): another \(inEdgeClass ? "edge" : "node") attribute has this id", mark: mark, target: .attribute("id"))
        }
        let typeName = a.string("type") ?? "string"
        let parley = a.string("parley.type")
        guard let type = GEXFAttribute.valueType(typeName, parley: parley) else {
            throw XMLReadError(message: "<attribute> type \(PropertyText.quoted(typeName)): expected a GEXF type (string, integer, long, double, float, boolean, liststring, listlong, ...)", mark: mark, target: .attribute("type"))
        }
        var parleyType: PropertyText.Kind? = nil
        if let p = parley, p == "list" || !p.hasPrefix("list") {
            guard let marker = PropertyText.marker(p) else {
                throw XMLReadError(message: "<attribute> parley.type \(PropertyText.quoted(p)): expected \(PropertyText.markerNames)", mark: mark, target: .attribute("parley.type"))
            }
            parleyType = marker
        }
        var attr = GEXFAttribute(id: id, title: title, type: type, parleyType: parleyType)
        attr.isLabels = a.string("parley.role") == "labels" || (!inEdgeClass && title == "labels" && parleyType == nil && { if case .string = type { return true } else { return false } }())
        attr.property = builder.store.internKey(title)
        openAttribute = attr
    }

    private func attvalue(_ a: XMLAttributes, _ mark: XMLMark) throws(XMLReadError) {
        guard !elements.isEmpty else { return }
        let isEdge = elements[elements.count - 1].isEdge
        guard let id = a["for"] ?? a["id"] else { throw XMLReadError(message: "<attvalue> without a for attribute naming an <attribute>", mark: mark) }
        let table = isEdge ? edgeAttributes : nodeAttributes
        guard let index = table.find(id) else {
            throw XMLReadError(message: "<attvalue> for \(PropertyText.quoted(id.string)): no \(isEdge ? "edge" : "node") <attribute> has this id", mark: mark, target: .attribute(a["for"] != nil ? "for" : "id"))
        }
        guard let text = a.string("value") else { throw XMLReadError(message: "<attvalue> without a value attribute", mark: mark) }
        let attr = table.attributes[index]
        switch attr.value(text) {
        case .success(let v): set(index, attr, v, &elements[elements.count - 1], tracked: table.hasDefaults)
        case .failure(let p): throw XMLReadError(message: "<attvalue> of \(attr.described): \(p.message)", mark: mark, target: .attribute("value"))
        }
    }

    private func set(_ index: Int, _ attr: GEXFAttribute, _ value: Value, _ e: inout Element, tracked: Bool) {
        if tracked { e.seen.append(index) }
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
        let table = e.isEdge ? edgeAttributes : nodeAttributes
        if table.hasDefaults {
            for (index, attr) in table.attributes.enumerated() where !e.seen.contains(index) {
                if let v = attr.defaultValue { set(index, attr, v, &e, tracked: false) }
            }
        }
        func has(_ key: Int32) -> Bool { e.properties.contains { $0.0 == key } }
        let element = e.isEdge ? "edge" : "node"
        if numericTimeKeys == nil && !datedTime { numericTimeKeys = (builder.store.internKey("start"), builder.store.internKey("end")) }
        // After the attributes' values: the times, then the weight or the name (set straight
        // away rather than gathered: most nodes and edges have only these).
        var times: [(Int32, Value)] = []
        if e.start != nil || e.end != nil {
            let (startAt, endAt) = datedTime ? (startKey, endKey) : numericTimeKeys!
            if let s = e.start, !has(startAt), !has(dateKey) { times.append((startAt, try time(s, last: false, e.mark, element, "start"))) }
            if let t = e.end, !has(endAt), !has(dateKey) { times.append((endAt, try time(t, last: true, e.mark, element, "end"))) }
        }
        if e.isEdge {
            let weight = e.weight.flatMap { has(weightKey) ? nil : $0 }
            let rel = builder.addRelationship(type: e.type >= 0 ? e.type : defaultType, source: e.source, target: e.target, element: "edge", at: e.mark)
            for (k, v) in e.properties { builder.store.setRelationshipProperty(rel, k, v) }
            for (k, v) in times { builder.store.setRelationshipProperty(rel, k, v) }
            if let weight { builder.store.setRelationshipProperty(rel, weightKey, .double(weight)) }
        } else {
            for (k, v) in e.properties { builder.store.setNodePropertyUnindexed(e.node, k, v) }
            for (k, v) in times { builder.store.setNodePropertyUnindexed(e.node, k, v) }
            if let label = e.label, !has(nameKey) { builder.store.setNodePropertyUnindexed(e.node, nameKey, .string(label)) }
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
