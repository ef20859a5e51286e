import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

@Suite("MATCH and patterns")
struct MatchTests {
    @Test("directed, reversed and undirected relationships")
    func directions() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (a {name: 'Alice'})-[:KNOWS]->(b) RETURN b.name", on: g)) == ["Bob"])
        #expect(column(try run("MATCH (a {name: 'Bob'})<-[:KNOWS]-(b) RETURN b.name", on: g)) == ["Alice"])
        #expect(Set(column(try run("MATCH (a {name: 'Bob'})-[:KNOWS]-(b) RETURN b.name", on: g))) == ["Alice", "Carol"])
    }

    @Test("several labels, type alternatives and inline property maps")
    func labelsAndTypes() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (n:Person:Admin) RETURN n.name", on: g)) == ["Carol"])
        #expect(column(try run("MATCH (:Person {name: 'Alice'})-[r:KNOWS|WORKS_AT]->(x) RETURN x.name ORDER BY x.name", on: g)) == ["Acme", "Bob"])
        #expect(column(try run("MATCH (a)-[r:KNOWS {since: 2005}]->(b) RETURN a.name", on: g)) == ["Bob"])
        #expect(try run("MATCH (n:Nope) RETURN n", on: g).rows.isEmpty)
        #expect(try run("MATCH ()-[:NOPE]->() RETURN 1", on: g).rows.isEmpty)
    }

    @Test("WHERE filters with property comparisons, label checks and IS NULL")
    func whereClause() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (n) WHERE n:Person AND n.age >= 30 RETURN n.name", on: g)) == ["Alice", "Carol"])
        #expect(column(try run("MATCH (n) WHERE n.age IS NULL RETURN n.name", on: g)) == ["Acme"])
        #expect(column(try run("MATCH (n:Person) WHERE n.name STARTS WITH 'C' OR n.name ENDS WITH 'b' RETURN n.name", on: g)) == ["Bob", "Carol"])
        #expect(column(try run("MATCH (n:Person) WHERE n.name =~ 'A.*e' RETURN n.name", on: g)) == ["Alice"])
        #expect(column(try run("MATCH (n:Person) WHERE n.name CONTAINS 'o' RETURN n.name", on: g)) == ["Bob", "Carol"])
    }

    @Test("comma-separated patterns form a cartesian product or join on shared variables")
    func multiplePatterns() throws {
        let g = try socialGraph()
        let r = try run("MATCH (a:Person)-[:WORKS_AT]->(c), (b:Person)-[:WORKS_AT]->(c) WHERE a.name < b.name RETURN a.name, b.name", on: g)
        #expect(r.rows == [["Alice", "Carol"]])
        #expect(try run("MATCH (a:Company), (b:Person) RETURN a, b", on: g).rows.count == 3)
    }

    @Test("a relationship is bound at most once within one MATCH")
    func relationshipUniqueness() throws {
        var g = GraphStore()
        let a = try g.addNode(), b = try g.addNode()
        try g.addRelationship(type: "R", from: a, to: b)
        #expect(try run("MATCH (x)-[r1]-(y)-[r2]-(z) RETURN x", on: g).rows.isEmpty)
        // Across two MATCH clauses the same relationship may be used again.
        #expect(try run("MATCH (x)-[r1]-(y) MATCH (y)-[r2]-(z) RETURN x", on: g).rows.count == 2)
    }

    @Test("variable-length patterns with bounds")
    func variableLength() throws {
        var g = GraphStore()
        var ids: [NodeID] = []
        for i in 0..<5 { ids.append(try g.addNode(labels: ["N"], properties: ["i": .int(Int64(i))])) }
        for i in 0..<4 { try g.addRelationship(type: "NEXT", from: ids[i], to: ids[i + 1]) }
        func ends(_ q: String) throws -> [Value] { column(try run(q, on: g)) }
        #expect(try ends("MATCH ({i: 0})-[:NEXT*]->(b) RETURN b.i") == [1, 2, 3, 4])
        #expect(try ends("MATCH ({i: 0})-[:NEXT*2]->(b) RETURN b.i") == [2])
        #expect(try ends("MATCH ({i: 0})-[:NEXT*1..2]->(b) RETURN b.i") == [1, 2])
        #expect(try ends("MATCH ({i: 0})-[:NEXT*..3]->(b) RETURN b.i") == [1, 2, 3])
        #expect(try ends("MATCH ({i: 0})-[:NEXT*3..]->(b) RETURN b.i") == [3, 4])
        #expect(try ends("MATCH ({i: 0})-[:NEXT*0..1]->(b) RETURN b.i") == [0, 1])
        #expect(try ends("MATCH ({i: 4})<-[:NEXT*2]-(b) RETURN b.i") == [2])
        #expect(try ends("MATCH ({i: 2})-[:NEXT*1]-(b) RETURN b.i ORDER BY b.i") == [1, 3])
        let r = try run("MATCH ({i: 0})-[rs:NEXT*3]->(b) RETURN rs[2] IS NULL AS short, rs[3] IS NULL AS n, rs[0] = rs[1] AS same", on: g)
        #expect(r.rows.count == 1)
        #expect(r.rows[0] == [false, true, false])
    }

    @Test("variable-length trails never reuse a relationship (cycles terminate)")
    func variableLengthCycle() throws {
        var g = GraphStore()
        let a = try g.addNode(properties: ["n": "a"]), b = try g.addNode(properties: ["n": "b"])
        try g.addRelationship(type: "R", from: a, to: b)
        try g.addRelationship(type: "R", from: b, to: a)
        #expect(column(try run("MATCH ({n: 'a'})-[*]->(x) RETURN x.n", on: g)) == ["b", "a"])
    }

    @Test("named paths hold nodes and relationships in pattern order")
    func namedPaths() throws {
        let g = try socialGraph()
        let r = try run("MATCH p = (a {name: 'Alice'})-[:KNOWS*2]->(c) RETURN p", on: g)
        guard case .path(let p) = r.rows.first?.first else { Issue.record("expected a path"); return }
        #expect(p.nodes.count == 3)
        #expect(p.relationships.count == 2)
        let r2 = try run("MATCH p = (c {name: 'Carol'})<-[:KNOWS]-(b) RETURN p", on: g)
        guard case .path(let p2) = r2.rows.first?.first else { Issue.record("expected a path"); return }
        #expect(g.property(of: p2.nodes[0], named: "name") == "Carol")
        #expect(g.property(of: p2.nodes[1], named: "name") == "Bob")
    }

    @Test("OPTIONAL MATCH yields nulls when nothing matches")
    func optionalMatch() throws {
        let g = try socialGraph()
        let r = try run("MATCH (p:Person) OPTIONAL MATCH (p)-[:WORKS_AT]->(c) RETURN p.name, c.name ORDER BY p.name", on: g)
        #expect(r.rows == [["Alice", "Acme"], ["Bob", nil], ["Carol", "Acme"]])
        let r2 = try run("OPTIONAL MATCH (n:Nope) RETURN n", on: g)
        #expect(r2.rows == [[nil]])
    }

    @Test("pattern predicates in WHERE")
    func patternPredicate() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (p:Person) WHERE (p)-[:WORKS_AT]->() RETURN p.name", on: g)) == ["Alice", "Carol"])
        #expect(column(try run("MATCH (p:Person) WHERE NOT (p)-[:WORKS_AT]->(:Company) RETURN p.name", on: g)) == ["Bob"])
    }

    @Test("a self-loop matches once for an undirected pattern")
    func selfLoop() throws {
        var g = GraphStore()
        let a = try g.addNode()
        try g.addRelationship(type: "R", from: a, to: a)
        #expect(try run("MATCH (x)-[r]-(y) RETURN r", on: g).rows.count == 1)
        #expect(try run("MATCH (x)-[r]->(x) RETURN r", on: g).rows.count == 1)
    }

    @Test("a triangle closes by intersecting neighbourhoods")
    func triangle() throws {
        var g = GraphStore()
        let a = try g.addNode(properties: ["id": "a"]), b = try g.addNode(properties: ["id": "b"]), c = try g.addNode(properties: ["id": "c"])
        try g.addRelationship(type: "R", from: a, to: b)
        try g.addRelationship(type: "R", from: b, to: c)
        try g.addRelationship(type: "R", from: c, to: a)
        // Counting rows (not distinct node triples): the relationship-level plan, closing by intersection.
        let q = "MATCH (a)-[]-(b)-[]-(c)-[]-(a) WHERE a.id < b.id AND b.id < c.id RETURN count(*)"
        #expect(column(try run(q, on: g)) == [1])
        let plan = try run("EXPLAIN " + q, on: g).plan ?? ""
        #expect(plan.contains("ExpandIntersect"))
    }

    @Test("the intersection plan finds the same cycles as expanding and checking")
    func intersectionAgreesWithExpansion() throws {
        var g = GraphStore()
        var ids: [NodeID] = []
        for i in 0..<12 { ids.append(try g.addNode(properties: ["i": .int(Int64(i))])) }
        var seed: UInt64 = 42
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        for _ in 0..<40 { try g.addRelationship(type: next() % 2 == 0 ? "A" : "B", from: ids[next() % 12], to: ids[next() % 12]) }
        try g.addRelationship(type: "A", from: ids[0], to: ids[0])
        let fast = try run("MATCH (a)-[r1]-(b)-[r2]->(c)-[r3:A]-(a) RETURN count(*)", on: g)
        let slow = try run("MATCH (a)-[r1]-(b)-[r2]->(c) MATCH (c)-[r3:A]-(a) WHERE r3 <> r1 AND r3 <> r2 RETURN count(*)", on: g)
        #expect(fast.rows == slow.rows)
        #expect((try run("EXPLAIN MATCH (a)-[r1]-(b)-[r2]->(c)-[r3:A]-(a) RETURN count(*)", on: g).plan ?? "").contains("ExpandIntersect"))
    }
}
