import ParleyGraph
import ParleyValues

/// Whole documents: the top-level object, nodes, edges and property maps, with an optional fault.
extension GraphDocumentGenerator {
    /// A random graph document carrying `fault` (valid when `nil`) and the model of what a
    /// valid document holds.
    mutating func document(fault: Fault?) -> (bytes: [UInt8], model: DocumentModel) {
        out = []
        var model = DocumentModel()
        let nodeCount = Int.random(in: (fault == nil ? 0 : 2)...12, using: &rng)
        let ids = (0..<nodeCount).map { i in rng.chance(0.5) ? "n\(i)" : text() + "#\(i)" }
        let faultNode = nodeCount >= 2 ? Int.random(in: 1..<nodeCount, using: &rng) : -1
        if fault == .topLevelArray { raw("[") }
        if fault != .topLevelArray && rng.chance(0.1) { raw("\u{FEFF}") }
        ws()
        raw("{")
        if fault == .comment { raw(rng.pick(["/* graph */", "// graph\n"])) }
        ws()
        var sections = nodeCount > 0 || rng.chance(0.5) ? ["nodes"] : []
        if nodeCount > 0 && (rng.chance(0.8) || fault == .danglingEdge) { sections.append("edges") }
        if rng.chance(0.3) || fault == .deepMeta { sections.append("meta") }
        if rng.chance(0.1) { sections.append("$schema") }
        if fault == .duplicateTopLevelKey { sections += ["meta", "meta"] }
        sections.shuffle(using: &rng)
        for (k, section) in sections.enumerated() {
            if k > 0 { raw(","); ws() }
            string(section)
            ws(); raw(":"); ws()
            switch section {
            case "nodes":
                raw("[")
                for i in 0..<nodeCount {
                    if i > 0 { raw(","); ws() }
                    ws()
                    model.nodes.append(node(i, ids: ids, fault: i == faultNode ? fault : nil))
                }
                if fault == .trailingComma && rng.chance(0.5) { raw(",") }
                raw("]")
            case "edges":
                raw("[")
                let edgeCount = Int.random(in: (fault == .danglingEdge ? 1 : 0)...15, using: &rng)
                for j in 0..<edgeCount {
                    if j > 0 { raw(","); ws() }
                    ws()
                    model.edges.append(edge(ids: ids, dangling: fault == .danglingEdge && j == edgeCount - 1))
                }
                raw("]")
            case "meta":
                if fault == .deepMeta {
                    // Around the loader's 512-level limit for skipped values.
                    let depth = Int.random(in: 505...520, using: &rng)
                    raw(String(repeating: "[", count: depth))
                    if rng.chance(0.5) { raw("1") }
                    raw(String(repeating: "]", count: depth))
                } else {
                    anyJSON(3)
                }
            default:
                string(text())
            }
            ws()
        }
        if fault == .trailingComma { raw(",") }
        raw("}")
        ws()
        if fault == .topLevelArray { raw("]") }
        if fault == .byteMutation && !out.isEmpty {
            let at = Int.random(in: 0..<out.count, using: &rng)
            let byte = rng.pick(Array(",]}\"\\0: {[".utf8) + [0, 0xFF, 0x80])
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: out.remove(at: at)
            case 1: out[at] = byte
            default: out.insert(byte, at: at)
            }
        }
        if fault == .truncation && out.count > 1 { out.removeLast(Int.random(in: 1..<out.count, using: &rng)) }
        return (out, model)
    }

    /// One node object; `fault` goes into this node.
    mutating func node(_ i: Int, ids: [String], fault: Fault?) -> DocumentModel.Node {
        var members = ["id"]
        if rng.chance(0.7) || fault == .emptyLabel { members.append("labels") }
        if rng.chance(0.7) || fault != nil { members.append("properties") }
        if fault == .missingID { members.removeFirst() }
        if fault == .unknownKey { members.append("name") }
        if fault == .duplicateNodeKey { members.append(rng.pick(members)) }
        members.shuffle(using: &rng)
        var model = DocumentModel.Node(id: ids[i], labels: [], properties: [])
        raw("{")
        for (k, member) in members.enumerated() {
            if k > 0 { raw(",") }
            ws(); string(member); ws(); raw(":"); ws()
            switch member {
            case "id": string(fault == .duplicateNodeID ? ids[0] : ids[i])
            case "labels":
                model.labels = (0..<Int.random(in: 0...3, using: &rng)).map { _ in name(GraphDocumentGenerator.labels) }
                if fault == .emptyLabel { model.labels.insert("", at: Int.random(in: 0...model.labels.count, using: &rng)) }
                raw("[")
                for (j, label) in model.labels.enumerated() { if j > 0 { raw(","); ws() }; string(label) }
                raw("]")
            case "properties": model.properties = properties(fault: fault)
            default: string(text())
            }
            ws()
        }
        raw("}")
        return model
    }

    /// One edge object between random nodes (the target names no node when `dangling`).
    mutating func edge(ids: [String], dangling: Bool) -> DocumentModel.Edge {
        var members = ["source", "target", "type"]
        if rng.chance(0.3) { members.append("id") }
        if rng.chance(0.6) { members.append("properties") }
        members.shuffle(using: &rng)
        var model = DocumentModel.Edge(source: rng.pick(ids), target: dangling ? "zz-no-such-node" : rng.pick(ids), type: rng.pick(GraphDocumentGenerator.types), properties: [])
        raw("{")
        for (k, member) in members.enumerated() {
            if k > 0 { raw(",") }
            ws(); string(member); ws(); raw(":"); ws()
            switch member {
            case "source": string(model.source)
            case "target": string(model.target)
            case "type": string(model.type)
            case "id": model.properties.append(("id", value()))
            default: model.properties += properties(fault: nil)
            }
            ws()
        }
        raw("}")
        return model
    }

    /// A property object with distinct keys (by Unicode scalars), plus the fault's entry.
    mutating func properties(fault: Fault?) -> [(String, Value)] {
        var keys: [String] = []
        for _ in 0..<Int.random(in: 0...5, using: &rng) {
            let key = name(GraphDocumentGenerator.keys)
            if !keys.contains(where: { $0.unicodeScalars.elementsEqual(key.unicodeScalars) }) { keys.append(key) }
        }
        let faultAt = fault.map { _ in Int.random(in: 0...keys.count, using: &rng) }
        var entries: [(String, Value)] = []
        raw("{")
        var first = true
        func separator(_ g: inout GraphDocumentGenerator) {
            if !first { g.raw(",") }
            first = false
            g.ws()
        }
        for index in 0...keys.count {
            if index == faultAt, let fault {
                separator(&self)
                faultEntry(fault, keys: keys)
                ws()
            }
            guard index < keys.count else { break }
            separator(&self)
            string(keys[index]); ws(); raw(":"); ws()
            entries.append((keys[index], value()))
            ws()
        }
        raw("}")
        return entries
    }

    /// Writes the member that carries `fault` (for value-level faults; others write a plain entry).
    mutating func faultEntry(_ fault: Fault, keys: [String]) {
        let key = fault == .idInProperties ? "id" : fault == .duplicatePropertyKey ? (keys.first ?? "zz_fault") : "zz_fault"
        string(key); ws(); raw(":"); ws()
        switch fault {
        case .nan: raw("NaN")
        case .infinity: raw(rng.pick(["Infinity", "-Infinity"]))
        case .bigInt: raw(rng.pick(["9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"]))
        case .floatOverflow: raw(rng.pick(["1e400", "-1.8e308", "2E308", "1" + String(repeating: "0", count: 400) + ".0"]))
        case .loneSurrogate: raw(rng.pick(["\"a\\ud800b\"", "\"\\uDC00\"", "\"\\ud83d\"", "\"\\ud83d\\u0041\""]))
        case .encodedSurrogate: out += rng.pick([[0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80, 0x22]])
        case .leadingZero: raw(rng.pick(["012", "-01", "00.5"]))
        case .singleQuotes: raw("'abc'")
        case .rawControl: out += rng.pick([[0x22, 0x61, 0x01, 0x62, 0x22], [0x22, 0x0A, 0x22], [0x22, 0x09, 0x22]])
        case .invalidUTF8: out += rng.pick([[0x22, 0xC3, 0x28, 0x22], [0x22, 0xC0, 0x80, 0x22], [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], [0x22, 0xFF, 0x22], [0x22, 0xE2, 0x82, 0x22]])
        case .badEscape: raw(rng.pick(["\"\\x\"", "\"\\u12G4\"", "\"\\U0041\""]))
        case .nestedList: raw("[1, [2]]")
        case .objectValue: raw("{\"a\": 1}")
        default: _ = value()
        }
        if fault == .duplicatePropertyKey && keys.isEmpty {
            raw(","); string(key); raw(":"); _ = value()
        }
    }
}
