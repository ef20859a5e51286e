import ParleyAlgorithms
import ParleyGraph
import ParleyValues

/// The graph algorithms as procedures (`CALL algo.pageRank() YIELD node, score`): each reads
/// its options, builds the view of the graph they select, runs the algorithm from
/// ParleyAlgorithms and returns one row per node (or relationship, or path) in load order.
enum AlgorithmProcedures {
    /// Registers every `algo.*` procedure, `algo.list()` last.
    static func register(into registry: inout ProcedureRegistry) {
        let all = centrality + structure + paths
        for p in all { registry.register(p) }
        let listed = (all + [list(nil)]).sorted { $0.name < $1.name }.map { ($0.name, $0.signature.description, $0.summary) }
        registry.register(list(listed))
    }

    /// `algo.list()`: name, signature and summary of every algorithm.
    private static func list(_ entries: [(String, String, String)]?) -> Procedure {
        Procedure(ProcedureSignature(name: "algo.list", outputs: [
            ProcedureField("name", .string), ProcedureField("signature", .string), ProcedureField("description", .string),
        ]), summary: "Lists the graph algorithms with their signatures.") { _, _ in
            ProcedureRows(rows: (entries ?? []).map { [.string($0.0), .string($0.1), .string($0.2)] })
        }
    }

    /// The optional options map every algorithm takes last.
    static let options = ProcedureField("options", .nullable(.map), default: .map([:]))

    /// A procedure `algo.NAME(inputs..., options)` yielding `outputs`.
    static func procedure(_ name: String, inputs: [ProcedureField] = [], outputs: [ProcedureField], summary: String,
                          body: @escaping Procedure.Body) -> Procedure {
        Procedure(ProcedureSignature(name: "algo." + name, parameters: inputs + [options], outputs: outputs),
                  summary: summary, body: body)
    }

    /// Reads the options (argument `index`; `keys` besides the selection keys), builds the
    /// view they select (with incoming lists unless `directions` is `.outgoing`) with its
    /// memory counted against the budget, and runs `body` on it.
    static func withView(_ name: String, _ arguments: [Value], _ context: ProcedureContext, optionsAt index: Int, keys: [String],
                         directions: Direction = .both, _ body: (AlgorithmOptions, GraphView) throws(QueryError) -> ProcedureRows) throws(QueryError) -> ProcedureRows {
        let options = try AlgorithmOptions(arguments[index], procedure: "algo." + name, keys: keys, context: context, argument: index)
        let selection = try options.selection()
        let graph = context.graph
        // The view's lists and an algorithm's arrays: about this much per node and relationship.
        let bytes = graph.nodeCapacity * 8 + graph.nodeCount * 96 + graph.relationshipCount * 64
        try context.reserve(bytes: bytes)
        defer { context.release(bytes: bytes) }
        let view = try stoppable { () throws(AlgorithmStopped) in
            try GraphView(graph, selection: selection, directions: directions, checkpoint: context.checkpoint)
        }
        return try body(options, view)
    }

    /// Runs an algorithm, turning its stop on Ctrl-C into the query's `Cancelled` error.
    static func stoppable<T>(_ work: () throws(AlgorithmStopped) -> T) throws(QueryError) -> T {
        do {
            return try work()
        } catch {
            throw QueryError(.runtime, .cancelled, "Query cancelled")
        }
    }

    /// One row per node of the view: the node and its value.
    static func nodeRows(_ view: GraphView, _ values: ProcedureRows.Column) -> ProcedureRows {
        ProcedureRows(count: view.nodeCount, columns: [.nodes(view.nodes), values])
    }

    /// The weight of every entry of `list`, read from option `weightProperty`'s property.
    static func weights(_ options: AlgorithmOptions, _ key: (name: String, id: Int32), _ view: GraphView, _ list: Adjacency,
                        allowNegative: Bool = false) throws(QueryError) -> [Double] {
        do throws(WeightProblem) {
            guard key.id >= 0 else {
                if let r = list.relationships.first { throw WeightProblem(relationship: Int(r), value: .null, reason: .missing) }
                return []
            }
            return try view.weights(of: list, key: key.id, in: options.context.graph, allowNegative: allowNegative)
        } catch {
            let graph = options.context.graph
            let what: String
            switch error.reason {
            case .missing: what = "has no property `\(key.name)`"
            case .notNumeric: what = "has `\(key.name)` = \(error.value.cypherExpression(in: nil)) (\(error.value.typeName)), not a number"
            case .notFinite: what = "has `\(key.name)` = \(error.value.cypherExpression(in: nil)), not a finite number"
            case .negative: what = "has a negative `\(key.name)` (\(error.value.cypherExpression(in: nil))); weights must be 0 or more"
            }
            throw options.failure("relationship \(describe(relationship: error.relationship, in: graph)) \(what) (option `weightProperty`)")
        }
    }

    /// `(kazakhstan)-[:HOSTED]->(astana-talks)`: a relationship by its type and its ends' ids.
    static func describe(relationship r: RelID, in graph: GraphStore) -> String {
        "(\(describe(node: graph.startNode(of: r), in: graph)))-[:\(graph.type(of: r))]->(\(describe(node: graph.endNode(of: r), in: graph)))"
    }

    /// A node by its `id` property, or `#internal-id`.
    static func describe(node n: NodeID, in graph: GraphStore) -> String {
        if case .string(let id) = graph.property(of: n, named: GraphStore.idKey) { return id }
        return "#\(n)"
    }

    /// The view's index of the node in argument `index` (`role` names it in errors); nil for null.
    static func node(_ arguments: [Value], _ index: Int, role: String, _ view: GraphView, _ options: AlgorithmOptions) throws(QueryError) -> Int? {
        guard case .node(let n) = arguments[index] else { return nil }
        let graph = options.context.graph
        guard graph.contains(node: n) else {
            throw QueryError(.runtime, .entityNotFound(.deletedEntityAccess), "\(options.procedure): the \(role) node was deleted",
                             at: options.context.range(ofArgument: index))
        }
        let i = view.index[n]
        guard i >= 0 else {
            throw QueryError(.runtime, .procedure(.invalidArgument),
                             "\(options.procedure): the \(role) node `\(describe(node: n, in: graph))` is not in the part of the graph the options select",
                             at: options.context.range(ofArgument: index))
        }
        return Int(i)
    }

    /// The reverse of a direction.
    static func reversed(_ d: Direction) -> Direction {
        switch d {
        case .outgoing: return .incoming
        case .incoming: return .outgoing
        case .both: return .both
        }
    }
}
