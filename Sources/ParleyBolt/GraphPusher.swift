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
        let groups = nodeGroups()
        for label in Set(groups.compactMap(\.labels.first)).sorted() { ensureIndex(on: label, session: session) }
        for (labels, nodes) in groups {
            for batch in nodes.chunked(batchSize) {
                let rows: [Value] = batch.map { n in
                    .map(["id": graph.property(of: n, named: GraphStore.idKey), "props": .map(graph.properties(of: n))])
                }
                let stats = try run(Self.nodeQuery(labels: labels, rows: rows.map(Self.literal)), on: session)
                summary.nodes += batch.count
                summary.nodesCreated += stats.nodes
                progress?(summary.nodes)
            }
        }
        let (relationshipGroups, ordinals) = relationshipPlan()
        for group in relationshipGroups {
            for batch in group.relationships.chunked(batchSize) {
                let rows = batch.map { relationshipRow($0, ordinal: ordinals[$0]) }
                let query = Self.relationshipQuery(type: group.type, startLabel: group.startLabel, endLabel: group.endLabel, rows: rows.map(Self.literal))
                let stats = try run(query, on: session)
                summary.relationships += batch.count
                summary.relationshipsCreated += stats.relationships
                progress?(summary.nodes + summary.relationships)
            }
        }
        return summary
    }

    /// Asks the server for an index on `:label(id)`, so that each row's `MERGE` and `MATCH` finds
    /// its node without scanning. The Neo4j and FalkorDB form first, then Memgraph's; a server
    /// that refuses both (or already has the index and says so) is left as it is.
    private func ensureIndex(on label: String, session: BoltSession) {
        for query in Self.indexQueries(label: label) {
            if let result = try? session.run(query, parameters: [:]), (try? result.all()) != nil { return }
        }
    }

    /// The index statements ``ensureIndex(on:session:)`` tries, in order.
    static func indexQueries(label: String) -> [String] {
        ["CREATE INDEX FOR (n:\(escaped(label))) ON (n.id)", "CREATE INDEX ON :\(escaped(label))(id)"]
    }

    /// The Cypher that merges one batch of nodes with these labels, the rows written as Cypher
    /// literals (see ``literal(_:)``). A node is found by its first label (in sorted order) and
    /// its `id`, so the server's index on that label serves the `MERGE`.
    static func nodeQuery(labels: [String], rows: [String]) -> String {
        var q = rowsClause(rows) + "MERGE (n\(labelPart(labels.first)) {id: row.id}) SET n = row.props"
        if !labels.isEmpty { q += " SET n" + labels.map { ":" + escaped($0) }.joined() }
        return q
    }

    /// The Cypher that merges one batch of relationships of this type (rows as for nodes), whose
    /// ends are found by their first labels and `id`s.
    static func relationshipQuery(type: String, startLabel: String? = nil, endLabel: String? = nil, rows: [String]) -> String {
        rowsClause(rows) + "MATCH (a\(labelPart(startLabel)) {id: row.start}) MATCH (b\(labelPart(endLabel)) {id: row.end}) "
            + "MERGE (a)-[r:\(escaped(type)) {\(relationshipKey): row.key}]->(b) SET r = row.props"
    }

    /// `:`Label`` for a node's key label, nothing for a node without labels.
    private static func labelPart(_ label: String?) -> String {
        label.map { ":" + escaped($0) } ?? ""
    }

    private static func rowsClause(_ rows: [String]) -> String {
        "UNWIND [" + rows.joined(separator: ", ") + "] AS row "
    }

    /// A row as a Cypher literal, the form in which every row travels. Every server reads a
    /// literal exactly, while parameters fare badly on FalkorDB, which turns them into text: a
    /// float keeps six decimals there (`1e-10` arrives as `0.0`), a string with a quote `'` or a
    /// backslash is garbled or refused, and a parameter of some 4 KB stops the server.
    static func literal(_ row: Value) -> String { row.cypherLiteral(in: nil) }

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

    /// The relationships grouped by type and the key labels of their ends (the first label of
    /// each, as ``nodeQuery(labels:rows:)`` keys nodes), in order, and each relationship's
    /// ordinal among the relationships with the same ends, type and `id` (by relationship id).
    /// Rows are built batch by batch from these, so a push holds one batch of rows at a time.
    func relationshipPlan() -> (groups: [(type: String, startLabel: String?, endLabel: String?, relationships: [RelID])], ordinals: [RelID: Int]) {
        struct Group: Hashable { var type: String; var start: String?; var end: String? }
        struct Parallel: Hashable { var start: NodeID; var end: NodeID; var type: String; var id: Value }
        var order: [Group] = []
        var groups: [Group: [RelID]] = [:]
        var seen: [Parallel: Int] = [:]
        var ordinals: [RelID: Int] = [:]
        for r in graph.relationshipIDs {
            let type = graph.type(of: r)
            let start = graph.startNode(of: r), end = graph.endNode(of: r)
            let parallel = Parallel(start: start, end: end, type: type, id: graph.property(of: r, relationshipKeyNamed: GraphStore.idKey))
            let ordinal = seen[parallel, default: 0]
            seen[parallel] = ordinal + 1
            if ordinal > 0 { ordinals[r] = ordinal }
            let group = Group(type: type, start: graph.labels(of: start).min(), end: graph.labels(of: end).min())
            if groups[group] == nil { order.append(group) }
            groups[group, default: []].append(r)
        }
        return (order.map { ($0.type, $0.start, $0.end, groups[$0]!) }, ordinals)
    }

    /// One relationship's row: `start`, `end`, `key` and `props` (with the key among them).
    /// The key is the relationship's own `id` as a Cypher literal (empty without one), `#`, and
    /// its ordinal among its parallels (absent means 0).
    func relationshipRow(_ r: RelID, ordinal: Int?) -> Value {
        var props = graph.properties(ofRelationship: r)
        let own = props[GraphStore.idKey].map { $0.cypherLiteral(in: nil) } ?? ""
        let key = Value.string("\(own)#\(ordinal ?? 0)")
        props[Self.relationshipKey] = key
        return .map([
            "start": graph.property(of: graph.startNode(of: r), named: GraphStore.idKey),
            "end": graph.property(of: graph.endNode(of: r), named: GraphStore.idKey),
            "key": key, "props": .map(props),
        ])
    }

    /// Runs one batch and returns what the server says it created.
    private func run(_ query: String, on session: BoltSession) throws(BoltError) -> (nodes: Int, relationships: Int) {
        let result = try session.run(query, parameters: [:])
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
