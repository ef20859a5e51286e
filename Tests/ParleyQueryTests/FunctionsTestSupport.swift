import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyQuery

/// The error `body` throws, or nil when it returns.
func functionError<T>(_ body: () throws(QueryError) -> T) -> QueryError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// Expects `body` to fail with TCK error `type` and `detail`.
func expectFunctionError<T>(_ type: String, _ detail: String?, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                         _ body: () throws(QueryError) -> T) {
    guard let error = functionError(body) else {
        Issue.record("expected \(type): \(detail ?? "-"), but nothing was thrown", sourceLocation: sourceLocation)
        return
    }
    #expect(error.type == type, "message: \(error.message)", sourceLocation: sourceLocation)
    #expect(error.detail == detail, "message: \(error.message)", sourceLocation: sourceLocation)
    #expect(error.phase == .runtime, sourceLocation: sourceLocation)
}

/// Calls a scalar function on an empty graph (or `graph`).
func fcall(_ name: String, _ args: Value..., graph: GraphStore = GraphStore()) throws(QueryError) -> Value {
    try BuiltinFunctions.call(name.lowercased(), args, graph: graph)
}

/// Whether two values are the same, treating two NaNs as equal and telling 1 from 1.0.
func sameValue(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
    case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
    case (.map(let x), .map(let y)):
        return x.count == y.count && x.allSatisfy { k, v in y[k].map { sameValue(v, $0) } ?? false }
    case (.int, _), (.double, _), (_, .int), (_, .double), (.list, _), (.map, _): return false
    default: return a == b
    }
}

/// Runs an aggregate over `inputs` (one argument per row).
func runAggregate(_ name: String, distinct: Bool = false, _ inputs: [Value]) throws(QueryError) -> Value {
    var agg = Aggregator(name: name.lowercased(), distinct: distinct)
    for x in inputs { try agg.add([x]) }
    return try agg.result()
}

/// A small graph: (a:State {id: 'kz', name: 'Kazakhstan'})-[:HOSTED {year: 2015}]->(t:Talk),
/// and (p:Person:Envoy {name: 'Staffan'})-[:ATTENDED]->(t).
struct FunctionsTestGraph {
    var graph = GraphStore()
    var kz = 0, talk = 0, envoy = 0, hosted = 0, attended = 0

    init() {
        do {
            kz = try graph.addNode(labels: ["State"], properties: ["id": "kz", "name": "Kazakhstan"])
            talk = try graph.addNode(labels: ["Talk"], properties: [:])
            envoy = try graph.addNode(labels: ["Person", "Envoy"], properties: ["name": "Staffan"])
            hosted = try graph.addRelationship(type: "HOSTED", from: kz, to: talk, properties: ["year": 2015])
            attended = try graph.addRelationship(type: "ATTENDED", from: envoy, to: talk)
        } catch {
            Issue.record("building the graph failed: \(error)")
        }
    }
}
