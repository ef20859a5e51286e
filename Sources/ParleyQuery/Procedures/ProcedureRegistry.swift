import ParleyGraph

/// The procedures a ``QueryEngine`` can `CALL`, by qualified name (names are case-sensitive).
///
/// ``standard`` holds the built-ins `db.labels()`, `db.relationshipTypes()`,
/// `db.propertyKeys()` and the graph algorithms `algo.*`; register more with ``register(_:)``.
public struct ProcedureRegistry: Sendable {
    private var byName: [String: Procedure] = [:]

    /// An empty registry.
    public init() {}

    /// Adds (or replaces) a procedure.
    public mutating func register(_ procedure: Procedure) {
        byName[procedure.name] = procedure
    }

    /// Removes a procedure; returns whether it was registered.
    @discardableResult
    public mutating func unregister(_ name: String) -> Bool {
        byName.removeValue(forKey: name) != nil
    }

    /// The procedure called `name`, if registered.
    public func procedure(named name: String) -> Procedure? { byName[name] }

    /// Every registered procedure's signature, sorted by name.
    public var signatures: [ProcedureSignature] {
        byName.values.map(\.signature).sorted { $0.name < $1.name }
    }

    /// The built-in procedures.
    public static let standard: ProcedureRegistry = {
        var r = ProcedureRegistry()
        r.register(Procedure(ProcedureSignature(name: "db.labels", outputs: [ProcedureField("label", .string)]),
                             summary: "The labels that nodes carry.") { _, context in
            let graph = context.graph
            return ProcedureRows(rows: graph.labels.names.indices.compactMap { i in
                graph.count(ofLabel: Int32(i)) > 0 ? [.string(graph.labels.names[i])] : nil
            })
        })
        r.register(Procedure(ProcedureSignature(name: "db.relationshipTypes", outputs: [ProcedureField("relationshipType", .string)]),
                             summary: "The types that relationships have.") { _, context in
            let graph = context.graph
            return ProcedureRows(rows: graph.types.names.indices.compactMap { i in
                graph.count(ofType: Int32(i)) > 0 ? [.string(graph.types.names[i])] : nil
            })
        })
        r.register(Procedure(ProcedureSignature(name: "db.propertyKeys", outputs: [ProcedureField("propertyKey", .string)]),
                             summary: "The property keys in use.") { _, context in
            ProcedureRows(rows: context.graph.keys.names.map { [.string($0)] })
        })
        AlgorithmProcedures.register(into: &r)
        return r
    }()
}
