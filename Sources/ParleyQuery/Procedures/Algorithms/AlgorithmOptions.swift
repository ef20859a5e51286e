import ParleyAlgorithms
import ParleyGraph
import ParleyValues

/// The options map of an `algo.*` call, read and checked: every key must be known to the
/// procedure, every value of the right type and in range, or the call fails with an error
/// that names the option and what it accepts.
struct AlgorithmOptions {
    /// The keys every algorithm accepts: which part of the graph it runs on.
    static let selectionKeys = ["nodeLabels", "relationshipTypes", "nodes", "relationships"]

    let procedure: String
    let values: [String: Value]
    let context: ProcedureContext
    /// Which argument holds the options (for error positions).
    let argument: Int

    /// Reads `value` (a map or null) as the options of `procedure`, which accepts `keys`
    /// besides the selection keys.
    init(_ value: Value, procedure: String, keys: [String], context: ProcedureContext, argument: Int) throws(QueryError) {
        self.procedure = procedure
        self.context = context
        self.argument = argument
        switch value {
        case .null: values = [:]
        case .map(let map): values = map.filter { !$0.value.isNull }
        default: values = [:]
        }
        let known = keys + Self.selectionKeys
        for key in values.keys.sorted() where !known.contains(key) {
            let hint = Self.nearest(key, among: known)
            throw failure("unknown option `\(key)`; \(procedure) accepts \(known.map { "`\($0)`" }.joined(separator: ", "))",
                          hint: hint.map { "did you mean `\($0)`?" })
        }
    }

    /// The name in `names` closest to `word`: one that differs only in case, or else the
    /// nearest by edit distance (case ignored).
    static func nearest(_ word: String, among names: [String]) -> String? {
        if let same = names.first(where: { $0 != word && $0.uppercased() == word.uppercased() }) { return same }
        return Parser.nearest(word.uppercased(), among: names.map { $0.uppercased() })
            .flatMap { n in names.first { $0.uppercased() == n } }
    }

    /// An error about the options, positioned at the options argument.
    func failure(_ message: String, hint: String? = nil) -> QueryError {
        QueryError(.runtime, .procedure(.invalidOption), "\(procedure): \(message)",
                   at: context.range(ofArgument: argument), hint: hint)
    }

    /// The type of `value` as an error names it.
    private func describe(_ value: Value) -> String {
        "\(value.cypherExpression(in: nil)) (\(value.typeName))"
    }

    /// Option `key` as a number in `range` (`default` when absent).
    func double(_ key: String, default fallback: Double, _ range: ClosedRange<Double>? = nil, above lower: Double? = nil,
                below upper: Double? = nil, accepted: String) throws(QueryError) -> Double {
        guard let value = values[key] else { return fallback }
        let d: Double
        switch value {
        case .int(let i): d = Double(i)
        case .double(let x): d = x
        default: throw failure("option `\(key)` must be a number \(accepted), not \(describe(value))")
        }
        var ok = d.isFinite
        if let range, !range.contains(d) { ok = false }
        if let lower, !(d > lower) { ok = false }
        if let upper, !(d < upper) { ok = false }
        guard ok else { throw failure("option `\(key)` must be \(accepted), not \(describe(value))") }
        return d
    }

    /// Option `key` as an integer of at least `minimum` (`default` when absent).
    func integer(_ key: String, default fallback: Int?, minimum: Int, accepted: String) throws(QueryError) -> Int? {
        guard let value = values[key] else { return fallback }
        guard case .int(let i) = value else {
            throw failure("option `\(key)` must be an integer \(accepted), not \(describe(value))")
        }
        guard i >= minimum else { throw failure("option `\(key)` must be \(accepted), not \(describe(value))") }
        return Int(i)
    }

    /// Option `key` as a seed (any integer).
    func seed(_ key: String) throws(QueryError) -> UInt64 {
        guard let value = values[key] else { return 0 }
        guard case .int(let i) = value else { throw failure("option `\(key)` must be an integer, not \(describe(value))") }
        return UInt64(bitPattern: i)
    }

    /// Option `key` as a boolean.
    func boolean(_ key: String, default fallback: Bool) throws(QueryError) -> Bool {
        guard let value = values[key] else { return fallback }
        guard case .bool(let b) = value else { throw failure("option `\(key)` must be true or false, not \(describe(value))") }
        return b
    }

    /// Option `direction`: `'both'`, `'out'` or `'in'`.
    func direction() throws(QueryError) -> Direction {
        guard let value = values["direction"] else { return .both }
        switch value {
        case .string("both"): return .both
        case .string("out"): return .outgoing
        case .string("in"): return .incoming
        default: throw failure("option `direction` must be 'both', 'out' or 'in', not \(describe(value))")
        }
    }

    /// Option `key` naming a relationship property, as its key id; nil when absent. A name no
    /// relationship uses gets the id -1 (every weight is then missing).
    func propertyKey(_ key: String) throws(QueryError) -> (name: String, id: Int32)? {
        guard let value = values[key] else { return nil }
        guard case .string(let name) = value, !name.isEmpty else {
            throw failure("option `\(key)` must be the name of a relationship property, not \(describe(value))")
        }
        return (name, context.graph.keys.id(of: name) ?? -1)
    }

    /// The part of the graph the options select (labels, types, nodes, relationships).
    func selection() throws(QueryError) -> GraphView.Selection {
        let graph = context.graph
        var selection = GraphView.Selection()
        selection.labels = try names("nodeLabels", graph.labels, what: "label") { graph.count(ofLabel: $0) > 0 }
        selection.types = try names("relationshipTypes", graph.types, what: "relationship type") { graph.count(ofType: $0) > 0 }
        if let value = values["nodes"] {
            guard case .list(let items) = value else { throw failure("option `nodes` must be a list of nodes, not \(describe(value))") }
            var nodes: [NodeID] = []
            for item in items {
                guard case .node(let n) = item else { throw failure("option `nodes` must be a list of nodes; it holds \(describe(item))") }
                nodes.append(n)
            }
            selection.nodes = nodes
        }
        if let value = values["relationships"] {
            guard case .list(let items) = value else {
                throw failure("option `relationships` must be a list of relationships, not \(describe(value))")
            }
            var rels: [RelID] = []
            for item in items {
                guard case .relationship(let r) = item else {
                    throw failure("option `relationships` must be a list of relationships; it holds \(describe(item))")
                }
                rels.append(r)
            }
            selection.relationships = rels
        }
        return selection
    }

    /// A list of label or type names, as ids; every name must be in use in the graph.
    private func names(_ key: String, _ table: SymbolTable, what: String, inUse: (Int32) -> Bool) throws(QueryError) -> [Int32]? {
        guard let value = values[key] else { return nil }
        guard case .list(let items) = value else { throw failure("option `\(key)` must be a list of strings, not \(describe(value))") }
        var ids: [Int32] = []
        for item in items {
            guard case .string(let name) = item else { throw failure("option `\(key)` must be a list of strings; it holds \(describe(item))") }
            guard let id = table.id(of: name), inUse(id) else {
                let used = table.names.indices.filter { inUse(Int32($0)) }.map { table.names[$0] }
                let hint = Self.nearest(name, among: used)
                throw failure("no \(what) `\(name)` in the graph (option `\(key)`)",
                              hint: hint.map { "did you mean `\($0)`?" } ?? (used.isEmpty ? nil : "the graph has \(used.sorted().map { "`\($0)`" }.joined(separator: ", "))"))
            }
            ids.append(id)
        }
        return ids
    }
}
