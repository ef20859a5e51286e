import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

@Suite("Pattern comprehensions, EXISTS, and plans that must not change answers")
struct SubqueryAndPlanTests {
    @Test("pattern comprehensions collect one value per match")
    func patternComprehension() throws {
        let g = try socialGraph()
        let r = try run("MATCH (p:Person) RETURN p.name, [(p)-[:KNOWS]->(f) | f.name] AS friends ORDER BY p.name", on: g)
        #expect(r.rows == [["Alice", ["Bob"]], ["Bob", ["Carol"]], ["Carol", []]])
        let filtered = try run("MATCH (c:Company) RETURN [(c)<-[:WORKS_AT]-(p) WHERE p.age > 31 | p.name] AS old", on: g)
        #expect(filtered.rows == [[["Carol"]]])
    }

    @Test("a bare pattern outside WHERE is a syntax error")
    func bareTopLevelPattern() {
        #expect(failure("MATCH (a) RETURN (a)-->()", on: (try? socialGraph()) ?? GraphStore())?.detail == "UnexpectedSyntax")
    }

    @Test("EXISTS subqueries, with a pattern or a full MATCH")
    func existsSubquery() throws {
        let g = try socialGraph()
        #expect(column(try run("MATCH (p:Person) WHERE exists { (p)-[:WORKS_AT]->(:Company) } RETURN p.name", on: g)) == ["Alice", "Carol"])
        #expect(column(try run("MATCH (p:Person) WHERE EXISTS { MATCH (p)-[:KNOWS]->(f) WHERE f.age > 30 } RETURN p.name", on: g)) == ["Bob"])
        #expect(failure("MATCH (n) WHERE exists { MATCH (n)-->(m) SET m.x = 1 } RETURN n", on: g)?.detail == "InvalidClauseComposition")
    }

    @Test("WITH ... WHERE may use variables from before the projection")
    func withWhereSeesEarlierVariables() throws {
        let g = try socialGraph()
        let r = try run("MATCH (p:Person) OPTIONAL MATCH (p)-[w:WORKS_AT]->() WITH p WHERE w IS NULL RETURN p.name", on: g)
        #expect(column(r) == ["Bob"])
        let d = try run("MATCH (p:Person) WITH DISTINCT p.age > 26 AS old WHERE p.age > 26 RETURN old", on: g)
        #expect(column(d) == [true])
    }

    @Test("counting expansions by degree gives the same answer as expanding")
    func degreeCounting() throws {
        var g = GraphStore()
        var ids: [NodeID] = []
        for i in 0..<8 { ids.append(try g.addNode(properties: ["k": .int(Int64(i % 3))])) }
        var seed: UInt64 = 7
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        for _ in 0..<30 { try g.addRelationship(type: next() % 2 == 0 ? "A" : "B", from: ids[next() % 8], to: ids[next() % 8]) }
        for q in ["MATCH (n)-[r]-() RETURN n.k, count(r) AS d ORDER BY n.k",
                  "MATCH (n)-[r:A]->() RETURN n.k, count(*) AS d ORDER BY n.k",
                  "MATCH (n)<-[r:A|B]-(m) RETURN n.k, count(m) AS d ORDER BY n.k"] {
            let fast = try run(q, on: g)
            // A filter that is always true keeps the plan from using degrees.
            let slow = try run(q.replacingOccurrences(of: " RETURN", with: " WHERE r IS NOT NULL RETURN"), on: g)
            #expect(fast.rows == slow.rows, "\(q)")
            #expect((try run("EXPLAIN " + q, on: g).plan ?? "").contains("ByDegree"))
        }
    }

    @Test("grouping by a node's id gives each node its own group only while ids are unique; nodes without one share the null group")
    func groupsByUniqueID() throws {
        var g = GraphStore()
        var nodes: [NodeID] = []
        for i in 0..<10 { nodes.append(try g.addNode(properties: i % 4 == 3 ? [:] : ["id": .string("n\(i)")])) }
        var seed: UInt64 = 11
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        for _ in 0..<40 { try g.addRelationship(type: "R", from: nodes[next() % 10], to: nodes[next() % 10]) }
        let queries = ["MATCH (n)-[r]-() RETURN n.id, count(r) AS d ORDER BY d DESC, n.id LIMIT 5",
                       "MATCH (n)-[r]->() RETURN n.id, count(*) AS d ORDER BY n.id",
                       "MATCH (n) RETURN n.id, count(*) AS c ORDER BY n.id"]
        func compare(_ label: String) throws {
            for q in queries {
                // Grouping after a projection never takes the per-node path.
                let slow = q.replacingOccurrences(of: " RETURN", with: " WITH * WHERE true RETURN")
                #expect(try run(q, on: g).rows == run(slow, on: g).rows, "\(label): \(q)")
            }
        }
        try compare("unique ids")
        let nullGroup = try run("MATCH (n) RETURN n.id, count(*) AS c ORDER BY n.id", on: g)
        #expect(nullGroup.rows.last == [.null, .int(2)])
        _ = g.setNodeProperty(nodes[1], g.keys.id(of: "id")!, .string("n0"))
        let shared = try run("MATCH (n) RETURN n.id, count(*) AS c ORDER BY n.id", on: g)
        #expect(shared.rows.first == [.string("n0"), .int(2)])
        try compare("shared ids")
    }

    @Test("the top nodes by degree, with ties, skips and every direction, match a full grouping and sort")
    func topDegrees() throws {
        var g = GraphStore()
        var nodes: [NodeID] = []
        for i in 0..<30 { nodes.append(try g.addNode(labels: i % 3 == 0 ? ["A"] : [], properties: ["id": .string("n\((i * 11) % 30)")])) }
        var seed: UInt64 = 5
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        for _ in 0..<70 { try g.addRelationship(type: next() % 3 == 0 ? "S" : "R", from: nodes[next() % 30], to: nodes[next() % 30]) }
        for pattern in ["(n)-[r]-()", "(n)-[r:R]->()", "(n)<-[r]-()", "(n:A)-[r]-()"] {
            for page in ["LIMIT 1", "LIMIT 3", "SKIP 2 LIMIT 4", "LIMIT 100"] {
                for order in ["d DESC, n.id", "d DESC, n.id DESC", "d DESC"] {
                    let q = "MATCH \(pattern) RETURN n.id, count(r) AS d ORDER BY \(order) \(page)"
                    let slow = q.replacingOccurrences(of: " RETURN", with: " WITH * WHERE true RETURN")
                    let fast = try run(q, on: g), reference = try run(slow, on: g)
                    if order == "d DESC" {
                        // Ties in d may come in any order: compare the counts, and the rows as sets when nothing is cut.
                        #expect(fast.rows.map { $0[1] } == reference.rows.map { $0[1] }, "\(q)")
                    } else {
                        #expect(fast.rows == reference.rows, "\(q)")
                    }
                }
            }
        }
        // A node without an id: the null group sums their degrees, so every node is read.
        _ = g.setNodeProperty(nodes[4], g.keys.id(of: "id")!, .null)
        let q = "MATCH (n)-[r]-() RETURN n.id, count(r) AS d ORDER BY d DESC, n.id LIMIT 3"
        #expect(try run(q, on: g).rows == run(q.replacingOccurrences(of: " RETURN", with: " WITH * WHERE true RETURN"), on: g).rows)
    }

    @Test("ORDER BY with LIMIT (top-N) keeps the same rows and order as a full sort")
    func topN() throws {
        var g = GraphStore()
        for i in 0..<200 { try g.addNode(labels: ["N"], properties: ["v": .int(Int64((i * 37) % 50)), "i": .int(Int64(i))]) }
        let all = try run("MATCH (n:N) RETURN n.v, n.i ORDER BY n.v DESC", on: g)
        let top = try run("MATCH (n:N) RETURN n.v, n.i ORDER BY n.v DESC SKIP 3 LIMIT 17", on: g)
        #expect(top.rows == Array(all.rows[3..<20]))
    }

    @Test("string comparison follows code points, also beyond ASCII")
    func stringOrder() throws {
        let r = try run("UNWIND ['b', 'a', 'é', 'z', 'ab', ''] AS s RETURN s ORDER BY s", on: GraphStore())
        #expect(column(r) == ["", "a", "ab", "b", "z", "é"])
        #expect(try run("RETURN 'é' > 'z', 'abc' < 'abd', 'a' <= 'a'", on: GraphStore()).rows == [[true, true, true]])
    }

    @Test("DISTINCT treats 1 and 1.0 alike and keeps the first")
    func distinctEquivalence() throws {
        let r = try run("UNWIND [1, 1.0, 2, null, null, 'x', 'x'] AS v RETURN DISTINCT v", on: GraphStore())
        #expect(r.rows.count == 4)
    }
}
