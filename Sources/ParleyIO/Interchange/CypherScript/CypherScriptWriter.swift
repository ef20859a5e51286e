import ParleyGraph
import ParleyValues

/// Writes a graph as a Cypher script of `UNWIND` ... `CREATE` batches that rebuilds it in
/// Parley (`:source`), Neo4j (cypher-shell) and Memgraph (mgconsole); docs/interchange.md#cypher-script.
///
/// Nodes are created per label list with a temporary label, `ParleyImport`, and found again
/// for the relationships by their `id` when every node has a unique string `id` (Parley's
/// index serves the lookups), else by a temporary `parley_import_id`; the last statement
/// removes what is temporary. Engine-specific lines (indexes) are comments.
enum CypherScriptWriter {
    /// Rows per `UNWIND` statement.
    static let batch = 1000
    /// The temporary label every node carries during the import.
    static let importLabel = "ParleyImport"
    /// The temporary key when nodes cannot be found by `id`.
    static let importKey = "parley_import_id"

    /// The script for `graph`, with what it writes in a form other engines may refuse.
    static func text(_ graph: GraphStore) -> (bytes: [UInt8], notes: ExportNotes) {
        var notes = ExportNotes()
        let byID = hasUniqueStringIDs(graph)
        let key = byID ? GraphStore.idKey : importKey
        var out = header(graph, key: key)
        var nonFinite = 0

        // Nodes, per label list (in the order of their first node), ids in order within each.
        var groups: [[Int32]: [NodeID]] = [:]
        var order: [[Int32]] = []
        for n in graph.nodeIDs {
            let labels = graph.labelIDs(of: n)
            if groups[labels] == nil { order.append(labels) }
            groups[labels, default: []].append(n)
        }
        var number = [Int](repeating: -1, count: graph.nodeCapacity)
        var next = 0
        for labels in order {
            let nodes = groups[labels]!
            let pattern = (labels.map { graph.labels.name($0) } + [importLabel]).map { ":" + Value.symbolicName($0) }.joined()
            for start in stride(from: 0, to: nodes.count, by: batch) {
                out += "UNWIND ["
                for (i, n) in nodes[start..<min(start + batch, nodes.count)].enumerated() {
                    number[n] = next
                    next += 1
                    var pairs = graph.propertyPairs(of: n).map { (name: graph.keys.name($0.key), value: $0.value) }
                    if !byID { pairs.append((importKey, .int(Int64(number[n])))) }
                    out += (i == 0 ? "\n  " : ",\n  ") + map(pairs, &nonFinite)
                }
                out += "\n] AS row\nCREATE (n\(pattern)) SET n = row;\n\n"
            }
        }

        // Relationships, per type (in the order of their first relationship).
        var relGroups: [Int32: [RelID]] = [:]
        var typeOrder: [Int32] = []
        for r in graph.relationshipIDs {
            let t = graph.typeID(of: r)
            if relGroups[t] == nil { typeOrder.append(t) }
            relGroups[t, default: []].append(r)
        }
        let label = Value.symbolicName(importLabel), k = Value.symbolicName(key)
        for t in typeOrder {
            let rels = relGroups[t]!
            for start in stride(from: 0, to: rels.count, by: batch) {
                out += "UNWIND ["
                for (i, r) in rels[start..<min(start + batch, rels.count)].enumerated() {
                    let s = endKey(graph.startNode(of: r), graph, byID, number), e = endKey(graph.endNode(of: r), graph, byID, number)
                    let props = graph.propertyPairs(ofRelationship: r).map { (name: graph.keys.name($0.key), value: $0.value) }
                    out += (i == 0 ? "\n  " : ",\n  ") + "{s: \(s), t: \(e), p: \(map(props, &nonFinite))}"
                }
                out += "\n] AS row\nMATCH (a:\(label) {\(k): row.s}), (b:\(label) {\(k): row.t})\n"
                out += "CREATE (a)-[r:\(Value.symbolicName(graph.types.name(t)))]->(b) SET r = row.p;\n\n"
            }
        }
        out += "// Remove what only the import needed.\n"
        out += "MATCH (n:\(label)) REMOVE n:\(label)" + (byID ? "" : ", n.\(k)") + ";\n"
        if nonFinite > 0 {
            notes.add("NaN or infinite floats written as 0.0 / 0.0-style divisions (Parley reads them back; other engines may refuse them)", count: nonFinite)
        }
        return (Array(out.utf8), notes)
    }

    /// The comment block: what the script is, how each engine runs it, the index lines.
    static func header(_ graph: GraphStore, key: String) -> String {
        let label = Value.symbolicName(importLabel), k = Value.symbolicName(key)
        return """
        // Parley Cypher script: \(graph.nodeCount) nodes, \(graph.relationshipCount) relationships.
        // Rebuilds the graph in an empty database (docs/interchange.md, "Cypher script"):
        //   Parley:   :source FILE   or   parley --empty -f FILE
        //   Neo4j:    cypher-shell -f FILE
        //   Memgraph: mgconsole < FILE
        // Every statement runs in all three. On a big graph, create this index first (Parley
        // needs none and has no CREATE INDEX, so these lines are comments):
        //   Neo4j:    CREATE INDEX parley_import IF NOT EXISTS FOR (n:\(label)) ON (n.\(k));
        //   Memgraph: CREATE INDEX ON :\(label)(\(k));

        """
    }

    /// Whether every node has a string `id` no other node has (then relationships find their
    /// ends by `id`).
    static func hasUniqueStringIDs(_ graph: GraphStore) -> Bool {
        guard let idKey = graph.keys.id(of: GraphStore.idKey) else { return graph.nodeCount == 0 }
        var seen = Set<String>()
        for n in graph.nodeIDs {
            guard case .string(let s) = graph.property(of: n, idKey), seen.insert(s).inserted else { return false }
        }
        return true
    }

    /// The Cypher literal that finds node `n`: its id, or its import number.
    private static func endKey(_ n: NodeID, _ graph: GraphStore, _ byID: Bool, _ number: [Int]) -> String {
        if byID, case .string(let s) = graph.property(of: n, named: GraphStore.idKey) { return Value.quotedString(s) }
        return String(number[n])
    }

    /// A map literal `{key: value, ...}`, keys sorted, values as expressions that read back
    /// (`date('2015-05-25')`); counts the NaN and infinite floats.
    private static func map(_ pairs: [(name: String, value: Value)], _ nonFinite: inout Int) -> String {
        let parts = pairs.sorted { $0.name < $1.name }.map { pair -> String in
            nonFinite += countNonFinite(pair.value)
            return Value.symbolicName(pair.name) + ": " + pair.value.cypherExpression(in: nil)
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private static func countNonFinite(_ v: Value) -> Int {
        switch v {
        case .double(let d): return d.isFinite ? 0 : 1
        case .list(let items): return items.reduce(0) { $0 + countNonFinite($1) }
        default: return 0
        }
    }
}
