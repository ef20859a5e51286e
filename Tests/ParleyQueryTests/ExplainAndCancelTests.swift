import Foundation
import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

@Suite("EXPLAIN, PROFILE, cancellation and limits")
struct ExplainAndCancelTests {
    @Test("EXPLAIN returns the plan and no rows; an id lookup uses the index")
    func explain() throws {
        let g = try socialGraph()
        let r = try run("EXPLAIN MATCH (p:Person {id: 'a'})-[:KNOWS]->(f) WHERE f.age > 20 RETURN f.name", on: g)
        #expect(r.rows.isEmpty)
        let plan = try #require(r.plan)
        let lines = plan.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "ProduceResults f.name")
        #expect(lines.contains { $0.hasPrefix("NodeIndexSeek (p:Person)") })
        #expect(lines.contains { $0.hasPrefix("Expand (p:Person)-[:KNOWS]->(f)") })
        #expect(lines.contains("Filter f.age > 20"))
        #expect(!lines.contains { $0.hasPrefix("AllNodesScan") })
    }

    @Test("a pattern starts at its smallest label")
    func smallestLabel() throws {
        let g = try socialGraph()
        let plan = try run("EXPLAIN MATCH (p:Person)-[:WORKS_AT]->(c:Company) RETURN p", on: g).plan ?? ""
        #expect(plan.contains("NodeByLabelScan (c:Company)"))
        #expect(plan.contains("Expand (c:Company)<-[:WORKS_AT]-(p:Person)"))
    }

    @Test("PROFILE runs the query and reports rows per operator")
    func profile() throws {
        let g = try socialGraph()
        let r = try run("PROFILE MATCH (p:Person) RETURN p.name", on: g)
        #expect(r.rows.count == 3)
        let plan = try #require(r.plan)
        #expect(plan.contains("NodeByLabelScan (p:Person)  [rows=3, time="))
    }

    @Test("a token cancelled from another thread stops a long variable-length query")
    func cancellation() throws {
        var g = GraphStore()
        // A complete graph on 12 nodes: the number of trails explodes.
        var ids: [NodeID] = []
        for _ in 0..<12 { ids.append(try g.addNode(labels: ["K"])) }
        for a in ids { for b in ids where a != b { try g.addRelationship(type: "E", from: a, to: b) } }
        let token = CancellationToken()
        let thread = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            token.cancel()
        }
        thread.start()
        var engine = QueryEngine(graph: g)
        let started = Date()
        do {
            _ = try engine.run("MATCH (a:K)-[*]->(b) RETURN count(*)", cancellation: token)
            Issue.record("the query should have been cancelled")
        } catch {
            #expect(error.type == "Cancelled")
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("maxRows stops a query with a ResourceLimit error")
    func maxRows() throws {
        var engine = QueryEngine(graph: try socialGraph())
        engine.maxRows = 2
        #expect(throws: QueryError.self) { try engine.run("MATCH (n) RETURN n") }
        engine.maxRows = 10
        #expect(try engine.run("MATCH (n) RETURN n").rows.count == 4)
    }
}
