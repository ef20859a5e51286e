import Testing
import ParleyGraph
@testable import ParleyQuery

@Suite("Writes: CREATE, SET, REMOVE, DELETE, MERGE")
struct WriteTests {
    @Test("CREATE nodes, relationships and paths, with statistics")
    func create() throws {
        var engine = QueryEngine(graph: GraphStore())
        let r = try engine.run("CREATE p = (a:Person {name: 'Ann'})-[:KNOWS {since: 1999}]->(b:Person:Admin {name: 'Ben'}) RETURN a.name, b.name, p")
        #expect(r.rows.first?.prefix(2) == ["Ann", "Ben"])
        #expect(r.statistics.nodesCreated == 2)
        #expect(r.statistics.relationshipsCreated == 1)
        #expect(r.statistics.labelsAdded == 3)
        #expect(r.statistics.propertiesSet == 3)
        #expect(engine.graph.nodeCount == 2)
        let back = try engine.run("MATCH (a)-[k:KNOWS]->(b:Admin) RETURN a.name, k.since")
        #expect(back.rows == [["Ann", 1999]])
        #expect(engine.graph.checkConsistency() == nil)
    }

    @Test("CREATE per input row, reusing bound nodes")
    func createPerRow() throws {
        var engine = QueryEngine(graph: try socialGraph())
        let r = try engine.run("MATCH (p:Person) CREATE (p)-[:OWNS]->(:Thing {owner: p.name})")
        #expect(r.statistics.nodesCreated == 3)
        #expect(r.statistics.relationshipsCreated == 3)
        #expect(r.rows.isEmpty && r.columns.isEmpty)
        #expect(column(try engine.run("MATCH (p)-[:OWNS]->(t) RETURN t.owner ORDER BY t.owner")) == ["Alice", "Bob", "Carol"])
    }

    @Test("UNWIND then CREATE creates one node per element")
    func unwindCreate() throws {
        var engine = QueryEngine(graph: GraphStore())
        let r = try engine.run("UNWIND [1, 2, 3] AS i CREATE (:N {i: i})")
        #expect(r.statistics.nodesCreated == 3)
        #expect(column(try engine.run("MATCH (n:N) RETURN n.i")) == [1, 2, 3])
    }

    @Test("SET properties, labels, maps; REMOVE; statistics")
    func setAndRemove() throws {
        var engine = QueryEngine(graph: try socialGraph())
        var r = try engine.run("MATCH (n {name: 'Bob'}) SET n.age = 26, n:Admin, n.nick = 'B'")
        #expect(r.statistics.propertiesSet == 2)
        #expect(r.statistics.labelsAdded == 1)
        #expect(column(try engine.run("MATCH (n:Admin) RETURN n.name ORDER BY n.name")) == ["Bob", "Carol"])
        r = try engine.run("MATCH (n {name: 'Bob'}) REMOVE n.nick, n:Admin")
        #expect(r.statistics.propertiesRemoved == 1)
        #expect(r.statistics.labelsRemoved == 1)
        _ = try engine.run("MATCH (n {name: 'Bob'}) SET n += {city: 'Oslo'}")
        #expect(try engine.run("MATCH (n {name: 'Bob'}) RETURN n.city, n.age").rows == [["Oslo", 26]])
        _ = try engine.run("MATCH (n {name: 'Bob'}) SET n = {name: 'Bob'}")
        #expect(try engine.run("MATCH (n {name: 'Bob'}) RETURN n.city, n.age").rows == [[nil, nil]])
        r = try engine.run("MATCH (n {name: 'Alice'}) SET n.age = null")
        #expect(r.statistics.propertiesRemoved == 1)
    }

    @Test("DELETE refuses connected nodes; DETACH DELETE removes their relationships")
    func delete() throws {
        var engine = QueryEngine(graph: try socialGraph())
        let e = failure("MATCH (n {name: 'Alice'}) DELETE n", on: engine.graph)
        #expect(e?.detail == "DeleteConnectedNode")
        let r = try engine.run("MATCH (n {name: 'Alice'}) DETACH DELETE n")
        #expect(r.statistics.nodesDeleted == 1)
        #expect(r.statistics.relationshipsDeleted == 2)
        #expect(engine.graph.nodeCount == 3)
        // Relationships go before nodes, whatever the order written.
        let r2 = try engine.run("MATCH (b {name: 'Bob'})-[k:KNOWS]->(c) DELETE b, k")
        #expect(r2.statistics.relationshipsDeleted == 1)
        #expect(r2.statistics.nodesDeleted == 1)
        #expect(engine.graph.checkConsistency() == nil)
        #expect(column(try engine.run("MATCH (n) RETURN n.name ORDER BY n.name")) == ["Acme", "Carol"])
    }

    @Test("MERGE matches existing patterns or creates them, with ON CREATE / ON MATCH")
    func merge() throws {
        var engine = QueryEngine(graph: try socialGraph())
        var r = try engine.run("MERGE (n:Person {name: 'Alice'}) ON MATCH SET n.seen = true RETURN n.seen")
        #expect(r.rows == [[true]])
        #expect(r.statistics.nodesCreated == 0)
        r = try engine.run("MERGE (n:Person {name: 'Dora'}) ON CREATE SET n.new = true RETURN n.new")
        #expect(r.rows == [[true]])
        #expect(r.statistics.nodesCreated == 1)
        r = try engine.run("MATCH (a {name: 'Alice'}), (d {name: 'Dora'}) MERGE (a)-[:KNOWS]->(d)")
        #expect(r.statistics.relationshipsCreated == 1)
        r = try engine.run("MATCH (a {name: 'Alice'}), (d {name: 'Dora'}) MERGE (a)-[:KNOWS]->(d)")
        #expect(r.statistics.relationshipsCreated == 0)
        r = try engine.run("UNWIND [1, 1, 2] AS i MERGE (:M {i: i})")
        #expect(r.statistics.nodesCreated == 2)
    }

    @Test("a failing write query leaves the graph unchanged")
    func rollback() throws {
        var engine = QueryEngine(graph: try socialGraph())
        let before = engine.graph.nodeCount
        #expect(throws: QueryError.self) {
            try engine.run("CREATE (:New) WITH 1 AS x MATCH (n {name: 'Alice'}) DELETE n")
        }
        #expect(engine.graph.nodeCount == before)
        #expect(try engine.run("MATCH (n:New) RETURN n").rows.isEmpty)
        #expect(throws: QueryError.self) {
            try engine.run("CREATE (n:X {v: 1}) SET n.bad = {a: 1}")
        }
        #expect(engine.graph.nodeCount == before)
    }
}
