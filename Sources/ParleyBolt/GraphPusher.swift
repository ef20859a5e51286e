import ParleyGraph
import ParleyValues

/// Writes a local graph to a Bolt server in `UNWIND` batches so that pushing it again changes
/// nothing (docs/bolt.md, "Moving graphs").
///
/// Nodes are keyed on their `id` property: `MERGE (n {id: row.id})`, then their labels are added
/// and their properties replaced. Relationships come after the nodes: both ends are matched by
/// `id` and the relationship is merged on its type and the key ``relationshipKey`` holds:
/// the relationship's own `id` property as a Cypher literal (empty when it has none), `#`, and
/// its ordinal among the local relationships with the same ends, type and `id` (`#0`, `'r7'#0`,
/// `#1` for a second parallel one). Pulling strips that property again.
public struct GraphPusher {
    /// The relationship property that keys a pushed relationship on the server.
    public static let relationshipKey = "_parley_key"

    /// What a push did.
    public struct Summary: Sendable, Equatable {
        /// Nodes and relationships sent.
        public var nodes = 0
        public var relationships = 0
        /// What the server reports it created (`nodes-created`, `relationships-created`).
        public var nodesCreated = 0
        public var relationshipsCreated = 0
    }

    /// The graph to push.
    public let graph: GraphStore
    /// Rows per `UNWIND` query.
    public var batchSize: Int

    public init(graph: GraphStore, batchSize: Int = 1000) {
        self.graph = graph
        self.batchSize = max(1, batchSize)
    }

    /// The number of elements a push sends (for progress).
    public var elementCount: Int { graph.nodeCount + graph.relationshipCount }

    /// Refuses, before anything is written, a graph the push could not carry whole: a node
    /// without an `id` or with the same `id` as another, a value ``problem(_:)`` names, a
    /// relationship that already has a ``relationshipKey``.
    public func check() throws(BoltError) {
        var seen: Set<Value> = []
        for n in graph.nodeIDs {
            let id = graph.property(of: n, named: GraphStore.idKey)
            guard !id.isNull else {
                throw .unsupportedValue("a node without an id property (labels: \(graph.labels(of: n).joined(separator: ", "))); a push keys every node on its id, so give each node one")
            }
            guard seen.insert(id).inserted else {
                throw .unsupportedValue("two nodes with the id \(id.cypherLiteral(in: nil)); a push keys every node on its id, so ids must be unique")
            }
            for (key, value) in graph.properties(of: n) {
                if let problem = Self.problem(value) { throw .unsupportedValue("node \(id.cypherLiteral(in: nil)) property '\(key)' \(problem)") }
            }
        }
        for r in graph.relationshipIDs {
            let props = graph.properties(ofRelationship: r)
            if props[Self.relationshipKey] != nil {
                throw .unsupportedValue("a \(graph.type(of: r)) relationship has a property named \(Self.relationshipKey), which a push uses as its key on the server")
            }
            for (key, value) in props {
                if let problem = Self.problem(value) {
                    throw .unsupportedValue("a \(graph.type(of: r)) relationship from \(endID(graph.startNode(of: r))) to \(endID(graph.endNode(of: r))): property '\(key)' \(problem)")
                }
            }
        }
    }

    /// Checks the graph, then writes its nodes and relationships, calling `progress` with the
    /// number of elements sent after each batch.
    public func push(to session: BoltSession, progress: ((Int) -> Void)? = nil) throws(BoltError) -> Summary {
        try check()
        var summary = Summary()
        for (labels, nodes) in nodeGroups() {
            for batch in nodes.chunked(batchSize) {
                let rows: [Value] = batch.map { n in
                    .map(["id": graph.property(of: n, named: GraphStore.idKey), "props": .map(graph.properties(of: n))])
                }
                let (sent, literals) = try Self.parts(rows)
                let stats = try run(Self.nodeQuery(labels: labels, literals: literals), rows: sent, on: session)
                summary.nodes += batch.count
                summary.nodesCreated += stats.nodes
                progress?(summary.nodes)
            }
        }
        for (type, rows) in relationshipGroups() {
            for batch in rows.chunked(batchSize) {
                let (sent, literals) = try Self.parts(Array(batch))
                let stats = try run(Self.relationshipQuery(type: type, literals: literals), rows: sent, on: session)
                summary.relationships += batch.count
                summary.relationshipsCreated += stats.relationships
                progress?(summary.nodes + summary.relationships)
            }
        }
        return summary
    }

    /// The Cypher that merges one batch of nodes with these labels: the rows in `$rows`, and
    /// those that must travel as Cypher literals (see ``parts(_:)``) appended in the text.
    static func nodeQuery(labels: [String], literals: [String] = []) -> String {
        var q = rowsClause(literals) + "MERGE (n {id: row.id}) SET n = row.props"
        if !labels.isEmpty { q += " SET n" + labels.map { ":" + escaped($0) }.joined() }
        return q
    }

    /// The Cypher that merges one batch of relationships of this type (rows as for nodes).
    static func relationshipQuery(type: String, literals: [String] = []) -> String {
        rowsClause(literals) + "MATCH (a {id: row.start}) MATCH (b {id: row.end}) "
            + "MERGE (a)-[r:\(escaped(type)) {\(relationshipKey): row.key}]->(b) SET r = row.props"
    }

    private static func rowsClause(_ literals: [String]) -> String {
        literals.isEmpty ? "UNWIND $rows AS row " : "UNWIND $rows + [\(literals.joined(separator: ", "))] AS row "
    }

    /// A batch's rows split in two: those sent as the `$rows` parameter, and, as Cypher
    /// literals in the query text, those ``needsLiteral(_:)`` picks out.
    static func parts(_ rows: [Value]) throws(BoltError) -> (sent: [BoltValue], literals: [String]) {
        var sent: [BoltValue] = []
        var literals: [String] = []
        for row in rows {
            if needsLiteral(row) { literals.append(row.cypherLiteral(in: nil)) } else { sent.append(try BoltValue(parameter: row)) }
        }
        return (sent, literals)
    }

    /// Whether a value would not arrive whole as a FalkorDB parameter, which the server turns
    /// into text: a float keeps six decimals there (`1e-10` arrives as `0.0`), and a string
    /// with a quote `'` or a backslash is garbled or refused. As literals in the query, it
    /// reads them exactly.
    static func needsLiteral(_ v: Value) -> Bool {
        switch v {
        case .double: return true
        case .string(let s): return s.contains("'") || s.contains("\\")
        case .list(let items): return items.contains(where: needsLiteral)
        case .map(let m): return m.values.contains(where: needsLiteral)
        default: return false
        }
    }

    /// A name in backticks (a backtick inside doubled).
    static func escaped(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// Nodes grouped by their label set (Cypher cannot take labels as parameters), in order.
    private func nodeGroups() -> [(labels: [String], nodes: [NodeID])] {
        var order: [[String]] = []
        var groups: [[String]: [NodeID]] = [:]
        for n in graph.nodeIDs {
            let labels = graph.labels(of: n).sorted()
            if groups[labels] == nil { order.append(labels) }
            groups[labels, default: []].append(n)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// Relationship rows (`start`, `end`, `key`, `props`) grouped by type, in order.
    func relationshipGroups() -> [(type: String, rows: [Value])] {
        var order: [String] = []
        var groups: [String: [Value]] = [:]
        var ordinals: [String: Int] = [:]
        for r in graph.relationshipIDs {
            let type = graph.type(of: r)
            let start = graph.property(of: graph.startNode(of: r), named: GraphStore.idKey)
            let end = graph.property(of: graph.endNode(of: r), named: GraphStore.idKey)
            var props = graph.properties(ofRelationship: r)
            let own = props[GraphStore.idKey].map { $0.cypherLiteral(in: nil) } ?? ""
            let group = [start.cypherLiteral(in: nil), type, end.cypherLiteral(in: nil), own].joined(separator: "\u{0}")
            let ordinal = ordinals[group, default: 0]
            ordinals[group] = ordinal + 1
            let key = Value.string("\(own)#\(ordinal)")
            props[Self.relationshipKey] = key
            if groups[type] == nil { order.append(type) }
            groups[type, default: []].append(.map(["start": start, "end": end, "key": key, "props": .map(props)]))
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// Runs one batch and returns what the server says it created.
    private func run(_ query: String, rows: [BoltValue], on session: BoltSession) throws(BoltError) -> (nodes: Int, relationships: Int) {
        let result = try session.run(query, parameters: ["rows": .list(rows)])
        _ = try result.all()
        let stats = result.summary?["stats"]?.mapValue
        return (Int(stats?["nodes-created"]?.intValue ?? 0), Int(stats?["relationships-created"]?.intValue ?? 0))
    }

    private func endID(_ n: NodeID) -> String { graph.property(of: n, named: GraphStore.idKey).cypherLiteral(in: nil) }

    /// Why a property value cannot be pushed whole, nil when it can: a temporal value (FalkorDB's
    /// Bolt cannot carry one), a list with a null (no server stores it), a float that is not
    /// finite (no Cypher literal carries it), a string with a NUL (FalkorDB cuts it there).
    static func problem(_ v: Value) -> String? {
        switch v {
        case .temporal:
            return "holds a temporal value (\(v.typeName)); FalkorDB's Bolt cannot carry temporal values, so Parley does not push them: store it as an ISO 8601 string to push it"
        case .string(let s) where s.contains("\u{0}"):
            return "holds a string with a NUL character, which FalkorDB cuts there"
        case .double(let d) where !d.isFinite:
            return "holds \(v.cypherLiteral(in: nil)), which no Cypher literal carries exactly"
        case .list(let items):
            if items.contains(where: \.isNull) { return "is a list with a null element, which a server cannot store as a property" }
            return items.lazy.compactMap(problem).first
        default: return nil
        }
    }
}

extension Array {
    /// The array cut into consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
