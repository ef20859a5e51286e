import ParleyGraph
import ParleyValues

/// Writes a graph as a folder of neo4j-admin CSV files (docs/interchange.md, "CSV (neo4j-admin)"):
/// one node file per label set, one relationship file per type, typed columns inferred per
/// file, and an `import.sh` with the `neo4j-admin database import full` command.
struct CSVWriter {
    /// The graph.
    let graph: GraphStore
    /// What could not be written as it is.
    var notes = ExportNotes()
    /// The id written for each node (its `id` property when that is a unique non-empty string).
    var fileIDs: [String] = []

    /// A file to write: its name in the folder and its bytes.
    typealias File = (name: String, bytes: [UInt8])

    /// A writer of `graph`.
    init(_ graph: GraphStore) { self.graph = graph }

    /// The files of the folder.
    mutating func files() -> [File] {
        fileIDs = GraphWriter.fileIDs(graph)
        CSVWriter.noteFreshIDs(graph, fileIDs, &notes)
        if !graph.validity.isDefault { notes.add("validity rule not written (CSV has no place for it; declare it again after loading)") }
        var files: [File] = []
        var names = Set<String>()
        var nodeFiles: [String] = []
        var relFiles: [String] = []
        // Nodes: grouped by label set, groups in order of their first node.
        var groupOf: [[Int32]: Int] = [:]
        var groups: [[NodeID]] = []
        for n in graph.nodeIDs {
            let key = graph.labelIDs(of: n)
            if let g = groupOf[key] { groups[g].append(n) } else { groupOf[key] = groups.count; groups.append([n]) }
        }
        for nodes in groups {
            let labels = graph.labels(of: nodes[0])
            let name = CSVWriter.unique(labels.isEmpty ? "nodes" : "nodes_" + labels.map(CSVWriter.safe).joined(separator: "_"), &names)
            files.append((name, nodeFile(nodes, name: name)))
            nodeFiles.append(name)
        }
        // Relationships: one file per type, in type id order.
        var byType: [[RelID]] = Array(repeating: [], count: graph.types.count)
        for r in graph.relationshipIDs { byType[Int(graph.typeID(of: r))].append(r) }
        for (t, rels) in byType.enumerated() where !rels.isEmpty {
            let name = CSVWriter.unique("rels_" + CSVWriter.safe(graph.types.name(Int32(t))), &names)
            files.append((name, relationshipFile(rels, name: name)))
            relFiles.append(name)
        }
        let multiline = files.contains { $0.bytes.contains(0x0A) && CSVWriter.hasQuotedBreak($0.bytes) }
        files.append(("import.sh", Array(CSVImportScript.text(nodes: nodeFiles, relationships: relFiles, multiline: multiline).utf8)))
        return files
    }

    /// Notes the nodes written with a fresh id instead of their `id` property.
    static func noteFreshIDs(_ graph: GraphStore, _ ids: [String], _ notes: inout ExportNotes) {
        let idKey = graph.keys.id(of: GraphStore.idKey)
        var replaced = 0
        for n in graph.nodeIDs {
            if let idKey, case .string(let s) = graph.property(of: n, idKey), s == ids[n] { continue }
            replaced += 1
        }
        if replaced > 0 { notes.add("nodes without a unique non-empty string id written with a fresh id (n<internal id>)", count: replaced) }
    }

    /// The rows of a node file.
    mutating func nodeFile(_ nodes: [NodeID], name: String) -> [UInt8] {
        let idKey = graph.keys.id(of: GraphStore.idKey)
        let g = graph
        let columns = self.columns(nodes.lazy.map { g.propertyPairs(of: $0) }, skip: idKey, file: name)
        var out: [UInt8] = []
        out.reserveCapacity(nodes.count * (24 + 8 * columns.count))
        var header = ["id:ID", ":LABEL"]
        header += columns.map(\.header)
        CSVFieldText.appendRow(header, to: &out)
        for n in nodes {
            CSVFieldText.append(fileIDs[n], to: &out)
            out.append(0x2C)
            CSVFieldText.append(graph.labels(of: n).joined(separator: ";"), to: &out)
            values(graph.propertyPairs(of: n), columns, &out)
        }
        return out
    }

    /// The rows of a relationship file.
    mutating func relationshipFile(_ rels: [RelID], name: String) -> [UInt8] {
        let g = graph
        let columns = self.columns(rels.lazy.map { g.propertyPairs(ofRelationship: $0) }, skip: nil, file: name)
        var out: [UInt8] = []
        out.reserveCapacity(rels.count * (16 + 8 * columns.count))
        CSVFieldText.appendRow([":START_ID", ":END_ID", ":TYPE"] + columns.map(\.header), to: &out)
        var type: [UInt8] = []
        if let r = rels.first { CSVFieldText.append(graph.type(of: r), to: &type) }
        for r in rels {
            CSVFieldText.append(fileIDs[graph.startNode(of: r)], to: &out)
            out.append(0x2C)
            CSVFieldText.append(fileIDs[graph.endNode(of: r)], to: &out)
            out.append(0x2C)
            out.append(contentsOf: type)
            values(graph.propertyPairs(ofRelationship: r), columns, &out)
        }
        return out
    }

    /// A property column of a file: its key, its header and its type (`nil`: mixed, text).
    struct Column {
        var key: Int32
        var header: String
        var type: CSVPropertyType?
    }

    /// The property columns of the rows, sorted by key name, with their types inferred; a
    /// mixed column is noted.
    mutating func columns<S: Sequence>(_ rows: S, skip: Int32?, file: String) -> [Column] where S.Element == [(key: Int32, value: Value)] {
        var shapes: [Int32: ColumnShape] = [:]
        var mixedValues: [Int32: Int] = [:]
        for pairs in rows {
            for (key, value) in pairs where key != skip {
                shapes[key] = (shapes[key] ?? .empty).merged(CSVWriter.shape(value))
                if case .string = value {} else { mixedValues[key, default: 0] += 1 }
            }
        }
        var result: [Column] = []
        for key in shapes.keys.sorted(by: { graph.keys.name($0) < graph.keys.name($1) }) {
            let shape = shapes[key]!
            let name = graph.keys.name(key)
            let type = shape.type
            var header = name
            if let type {
                if type != CSVPropertyType(.string) || name.contains(":") { header += ":" + type.headerName }
            } else {
                header += name.contains(":") ? ":string" : ""
                notes.add("values of mixed-type columns written as strings (\(file): \(name))", count: mixedValues[key] ?? 0)
            }
            result.append(Column(key: key, header: header, type: type))
        }
        return result
    }

    /// The shape of a value for CSV: a list of strings whose elements hold `;` (the array
    /// delimiter, which neo4j-admin cannot escape), or the list `[""]` (the same text as `[]`),
    /// is mixed.
    static func shape(_ value: Value) -> ColumnShape {
        if case .list(let items) = value, !items.isEmpty {
            if items.count == 1, case .string("") = items[0] { return .mixed }
            for case .string(let s) in items where s.utf8.contains(UInt8(ascii: ";")) { return .mixed }
        }
        return ColumnShape(of: value)
    }

    /// Appends `,` and the property fields of one row, then the line break.
    func values(_ pairs: [(key: Int32, value: Value)], _ columns: [Column], _ out: inout [UInt8]) {
        for c in columns {
            out.append(0x2C)
            if let pair = pairs.first(where: { $0.key == c.key }) {
                CSVFieldText.append(CSVFieldText.text(pair.value, c.type), to: &out)
            }
        }
        out.append(0x0A)
    }

    /// A name made safe for a file name: ASCII letters, digits, `-`, `_` and non-ASCII text
    /// stay, everything else becomes `_`.
    static func safe(_ name: String) -> String {
        String(name.unicodeScalars.map { s -> Character in
            if s.value >= 0x80 || (s.properties.isASCIIHexDigit || ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)) || s == "-" || s == "_" {
                return Character(s)
            }
            return "_"
        })
    }

    /// `base.csv`, or `base_2.csv`, ... when taken.
    static func unique(_ base: String, _ names: inout Set<String>) -> String {
        var name = base + ".csv"
        var n = 2
        while !names.insert(name.lowercased()).inserted {
            name = "\(base)_\(n).csv"
            n += 1
        }
        return name
    }

    /// Whether a line break occurs inside quotes (neo4j-admin then needs `--multiline-fields=true`).
    static func hasQuotedBreak(_ bytes: [UInt8]) -> Bool {
        var inQuotes = false
        for b in bytes {
            if b == 0x22 { inQuotes.toggle() } else if inQuotes && (b == 0x0A || b == 0x0D) { return true }
        }
        return false
    }
}
