import ParleyGraph
import ParleyValues

/// Writes a graph for Kùzu (docs/interchange.md, "Kùzu"): `schema.cypher` with a node table per
/// label and a relationship table per type, one CSV file per node table and per (type, from
/// table, to table), and `load.cypher` with the `COPY` statements.
///
/// A node lands in the table of its first label (in the order the graph stores labels); a table
/// some of whose nodes have more labels gets a `_labels STRING[]` column with all of them.
/// Nodes without labels go to a table `Unlabeled`. The key is `id` (the id the CSV export writes).
struct KuzuWriter {
    /// The graph.
    let graph: GraphStore
    /// What could not be written as it is.
    var notes = ExportNotes()
    /// The columns written as text (`Table.column`).
    var textColumns: [String] = []
    /// How many local date-times were cut to microseconds.
    var truncated = 0

    /// A writer of `graph`.
    init(_ graph: GraphStore) { self.graph = graph }

    /// The files of the folder.
    mutating func files() -> [(name: String, bytes: [UInt8])] {
        let ids = GraphWriter.fileIDs(graph)
        CSVWriter.noteFreshIDs(graph, ids, &notes)
        var files: [(name: String, bytes: [UInt8])] = []
        var schema: [String] = []
        var load: [String] = []
        var names = Set<String>()
        // Node tables.
        var tableOf = [Int32](repeating: -1, count: graph.nodeCapacity)
        var tables: [(name: String, nodes: [NodeID])] = []
        var tableIndex: [String: Int] = [:]
        var multiLabel = 0
        for n in graph.nodeIDs {
            let labels = graph.labels(of: n)
            if labels.count > 1 { multiLabel += 1 }
            let name = labels.first ?? "Unlabeled"
            if let t = tableIndex[name] {
                tables[t].nodes.append(n)
                tableOf[n] = Int32(t)
            } else {
                tableIndex[name] = tables.count
                tableOf[n] = Int32(tables.count)
                tables.append((name, [n]))
            }
        }
        if multiLabel > 0 { notes.add("nodes with several labels placed in the table of their first label (all labels in its _labels column)", count: multiLabel) }
        let idKey = graph.keys.id(of: GraphStore.idKey)
        for (name, nodes) in tables {
            let columns = self.columns(nodes.map { graph.propertyPairs(of: $0) }, skip: idKey, table: name)
            let withLabels = nodes.contains { graph.labels(of: $0).count > 1 }
            var defs = ["id STRING"]
            if withLabels { defs.append("_labels STRING[]") }
            defs += columns.map { "\(KuzuWriter.quoted($0.name)) \($0.typeName)" }
            schema.append("CREATE NODE TABLE \(KuzuWriter.quoted(name))(\(defs.joined(separator: ", ")), PRIMARY KEY(id));")
            var out: [UInt8] = []
            out.reserveCapacity(nodes.count * 32)
            CSVFieldText.appendRow(["id"] + (withLabels ? ["_labels"] : []) + columns.map(\.name), to: &out)
            for n in nodes {
                CSVFieldText.append(ids[n], to: &out)
                if withLabels {
                    out.append(0x2C)
                    CSVFieldText.append("[" + graph.labels(of: n).joined(separator: ",") + "]", to: &out)
                }
                values(graph.propertyPairs(of: n), columns, &out)
            }
            let file = CSVWriter.unique("nodes_" + CSVWriter.safe(name), &names)
            files.append((file, out))
            load.append("COPY \(KuzuWriter.quoted(name)) FROM '\(file)' (\(KuzuWriter.options(out, header: true)));")
        }
        // Relationship tables: one per type, a CSV per (from table, to table).
        var byType: [[RelID]] = Array(repeating: [], count: graph.types.count)
        for r in graph.relationshipIDs { byType[Int(graph.typeID(of: r))].append(r) }
        for (t, rels) in byType.enumerated() where !rels.isEmpty {
            let type = graph.types.name(Int32(t))
            var pairIndex: [Int64: Int] = [:]
            var pairs: [(from: Int32, to: Int32, rels: [RelID])] = []
            for r in rels {
                let a = tableOf[graph.startNode(of: r)], b = tableOf[graph.endNode(of: r)]
                let key = Int64(a) << 32 | Int64(b)
                if let p = pairIndex[key] { pairs[p].rels.append(r) } else { pairIndex[key] = pairs.count; pairs.append((a, b, [r])) }
            }
            let columns = self.columns(rels.map { graph.propertyPairs(ofRelationship: $0) }, skip: nil, table: type)
            let ends = pairs.map { "FROM \(KuzuWriter.quoted(tables[Int($0.from)].name)) TO \(KuzuWriter.quoted(tables[Int($0.to)].name))" }
            let defs = ends + columns.map { "\(KuzuWriter.quoted($0.name)) \($0.typeName)" }
            schema.append("CREATE REL TABLE \(KuzuWriter.quoted(type))(\(defs.joined(separator: ", ")));")
            for p in pairs {
                let from = tables[Int(p.from)].name, to = tables[Int(p.to)].name
                var out: [UInt8] = []
                out.reserveCapacity(p.rels.count * 24)
                CSVFieldText.appendRow(["from", "to"] + columns.map(\.name), to: &out)
                for r in p.rels {
                    CSVFieldText.append(ids[graph.startNode(of: r)], to: &out)
                    out.append(0x2C)
                    CSVFieldText.append(ids[graph.endNode(of: r)], to: &out)
                    values(graph.propertyPairs(ofRelationship: r), columns, &out)
                }
                let file = CSVWriter.unique("rels_" + [type, from, to].map(CSVWriter.safe).joined(separator: "_"), &names)
                files.append((file, out))
                load.append("COPY \(KuzuWriter.quoted(type)) FROM '\(file)' (from='\(KuzuWriter.literal(from))', to='\(KuzuWriter.literal(to))', \(KuzuWriter.options(out, header: true)));")
            }
        }
        if !textColumns.isEmpty {
            notes.add("columns written as STRING text, Kùzu having no type that holds their values unchanged (\(textColumns.joined(separator: ", ")))", count: textColumns.count)
        }
        if truncated > 0 { notes.add("local date-times cut to microseconds (Kùzu TIMESTAMP)", count: truncated) }
        files.append(("schema.cypher", Array((schema.joined(separator: "\n") + "\n").utf8)))
        files.append(("load.cypher", Array((load.joined(separator: "\n") + "\n").utf8)))
        return files
    }

    /// The property columns of the rows, sorted by key name.
    mutating func columns(_ rows: [[(key: Int32, value: Value)]], skip: Int32?, table: String) -> [KuzuColumn] {
        var shapes: [Int32: ColumnShape] = [:]
        for pairs in rows {
            for (key, value) in pairs where key != skip {
                shapes[key] = (shapes[key] ?? .empty).merged(KuzuColumn.shape(value))
            }
        }
        let sorted = shapes.keys.sorted { graph.keys.name($0) < graph.keys.name($1) }
        let columns = sorted.map { KuzuColumn.make(key: $0, name: graph.keys.name($0), shape: shapes[$0]!) }
        textColumns += columns.filter { $0.kind == .text }.map { "\(table).\($0.name)" }
        return columns
    }

    /// Appends the property fields of one row (each after a `,`), then the line break.
    mutating func values(_ pairs: [(key: Int32, value: Value)], _ columns: [KuzuColumn], _ out: inout [UInt8]) {
        for c in columns {
            out.append(0x2C)
            if let pair = pairs.first(where: { $0.key == c.key }) {
                CSVFieldText.append(c.text(pair.value, truncated: &truncated), to: &out)
            }
        }
        out.append(0x0A)
    }

    /// The `COPY` options for a file: `header=true`, and `parallel=false` when a quoted field
    /// holds a line break (Kùzu's parallel CSV reader cannot split such files).
    static func options(_ bytes: [UInt8], header: Bool) -> String {
        CSVWriter.hasQuotedBreak(bytes) ? "header=true, parallel=false" : "header=true"
    }

    /// A name in backquotes (a backquote inside doubled).
    static func quoted(_ name: String) -> String {
        "`" + name.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "``") + "`"
    }

    /// Text for inside a single-quoted Kùzu string literal.
    static func literal(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "'" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
