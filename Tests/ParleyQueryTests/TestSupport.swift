import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// Builds a small social graph through the mutation API:
/// (alice:Person {id:'a', name:'Alice', age:30})-[:KNOWS {since: 2001}]->(bob:Person {id:'b', name:'Bob', age:25})
/// (bob)-[:KNOWS {since: 2005}]->(carol:Person:Admin {id:'c', name:'Carol', age:35})
/// (alice)-[:WORKS_AT]->(acme:Company {id:'acme', name:'Acme'}), (carol)-[:WORKS_AT]->(acme)
func socialGraph() throws -> GraphStore {
    var g = GraphStore()
    let a = try g.addNode(labels: ["Person"], properties: ["id": "a", "name": "Alice", "age": 30])
    let b = try g.addNode(labels: ["Person"], properties: ["id": "b", "name": "Bob", "age": 25])
    let c = try g.addNode(labels: ["Person", "Admin"], properties: ["id": "c", "name": "Carol", "age": 35])
    let acme = try g.addNode(labels: ["Company"], properties: ["id": "acme", "name": "Acme"])
    try g.addRelationship(type: "KNOWS", from: a, to: b, properties: ["since": 2001])
    try g.addRelationship(type: "KNOWS", from: b, to: c, properties: ["since": 2005])
    try g.addRelationship(type: "WORKS_AT", from: a, to: acme)
    try g.addRelationship(type: "WORKS_AT", from: c, to: acme)
    return g
}

/// Runs a query on `graph` and returns the result (the engine's graph is discarded).
func run(_ query: String, on graph: GraphStore, _ parameters: [String: Value] = [:]) throws -> QueryResult {
    var engine = QueryEngine(graph: graph)
    return try engine.run(query, parameters: parameters)
}

/// Runs a query and returns the error it throws, or nil.
func failure(_ query: String, on graph: GraphStore = GraphStore(), _ parameters: [String: Value] = [:]) -> QueryError? {
    var engine = QueryEngine(graph: graph)
    do {
        _ = try engine.run(query, parameters: parameters)
        return nil
    } catch {
        return error
    }
}

/// The rows of a single-column result.
func column(_ result: QueryResult) -> [Value] { result.rows.map { $0[0] } }
