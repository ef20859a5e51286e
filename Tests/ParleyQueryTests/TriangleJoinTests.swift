import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// The triangle join answers like the pattern it replaces: each query is run as written
/// (planned as a TriangleJoin) and with a predicate on a relationship that keeps the ordinary
/// plan, on random multigraphs with parallel relationships, self-loops, labels and types.
@Suite("Triangle join against the ordinary plan")
struct TriangleJoinTests {
    /// A random multigraph; `key` values are strings, integers, a mix, or missing on some nodes.
    static func graph(seed: UInt64, keys: String) throws -> GraphStore {
        var random = SplitMix(seed: seed)
        var g = GraphStore()
        var ids: [NodeID] = []
        for i in 0..<24 {
            var properties: [String: Value] = ["name": .string("n\(i)")]
            switch keys {
            case "strings": properties["k"] = .string("k\(random.next() % 20)")
            case "ints": properties["k"] = .int(Int64(random.next() % 20))
            case "mixed": properties["k"] = i % 5 == 0 ? .int(Int64(i)) : .string("k\(i)")
            default: if i % 4 != 0 { properties["k"] = .string("k\(i)") }
            }
            ids.append(try g.addNode(labels: random.next() % 3 == 0 ? ["A", "B"] : ["A"], properties: properties))
        }
        for _ in 0..<90 {
            let a = ids[Int(random.next() % 24)], b = ids[Int(random.next() % 24)]
            try g.addRelationship(type: random.next() % 4 == 0 ? "S" : "R", from: a, to: b)
        }
        return g
    }

    /// The sorted rows of `query`.
    static func rows(_ query: String, _ g: GraphStore) throws -> [String] {
        var engine = QueryEngine(graph: g)
        return try engine.run(query).rows.map { "\($0)" }.sorted()
    }

    static let patterns = [
        "(a)--(b)--(c)--(a)",
        "(a)-->(b)-->(c)-->(a)",
        "(a)-[:R]-(b)<-[:S]-(c)-->(a)",
        "(a:B)--(b)--(c:B)--(a)",
        "(a)-[:R|S]->(b)--(c)<-[:R]-(a)",
    ]
    static let orders = ["a.k < b.k AND b.k < c.k", "b.k > a.k AND c.k > b.k AND a.k < c.k", "a.k < c.k AND c.k < b.k", "c.k < b.k AND b.k < a.k"]

    @Test("every pattern, order and key kind gives the ordinary plan's answer", arguments: ["strings", "ints", "mixed", "missing"])
    func differential(keys: String) throws {
        for seed in [1, 2] as [UInt64] {
            let g = try Self.graph(seed: seed, keys: keys)
            for pattern in Self.patterns {
                for order in Self.orders {
                    // The first relationship named, for the predicate that keeps the ordinary plan.
                    let named = pattern.replacingOccurrences(of: "(a)--(b)", with: "(a)-[r0]-(b)")
                        .replacingOccurrences(of: "(a)-->(b)", with: "(a)-[r0]->(b)")
                        .replacingOccurrences(of: "(a)-[:R]-(b)", with: "(a)-[r0:R]-(b)")
                        .replacingOccurrences(of: "(a:B)--(b)", with: "(a:B)-[r0]-(b)")
                        .replacingOccurrences(of: "(a)-[:R|S]->(b)", with: "(a)-[r0:R|S]->(b)")
                    for tail in ["WITH DISTINCT a.name AS x, b.name AS y, c.name AS z RETURN count(*) AS n",
                                 "RETURN DISTINCT a.name AS x, b.name AS y, c.name AS z",
                                 "WITH DISTINCT a, b, c WHERE a.name <> 'n3' RETURN a.name, b.name, c.name"] {
                        let fast = "MATCH \(pattern) WHERE \(order) \(tail)"
                        let plain = "MATCH \(named) WHERE \(order) AND r0 IS NOT NULL \(tail)"
                        #expect(try Self.rows(fast, g) == Self.rows(plain, g), "\(keys) \(seed): \(fast)")
                    }
                }
            }
        }
    }

    @Test("DISTINCT over the triangle's ids is skipped and count(*) counts without rows only while id identifies nodes")
    func waivedDistinct() throws {
        var g = try Self.graph(seed: 4, keys: "strings")
        // Unique ids on every node, in an order unrelated to node ids.
        let id = g.keys.id(of: "id")!
        for n in 0..<g.nodeCapacity { _ = g.setNodeProperty(n, id, .string("i\((n * 7) % 24)")) }
        #expect(g.isUniquelyIndexed(id))
        let tails = ["WITH DISTINCT a.id AS x, b.id AS y, c.id AS z RETURN count(*) AS n",
                     "RETURN DISTINCT a.id AS x, b.id AS y, c.id AS z",
                     "WITH DISTINCT a.id AS x, b, c.id AS z RETURN count(*) AS n",
                     "WITH DISTINCT a.id AS x, b.id AS y RETURN count(*) AS n"]
        func compare(_ label: String) throws {
            for pattern in Self.patterns {
                for tail in tails {
                    for extra in ["", " AND a.name <> 'n3'"] {
                        let fast = "MATCH \(pattern) WHERE a.id < b.id AND b.id < c.id\(extra) \(tail)"
                        let plain = fast.replacingOccurrences(of: "MATCH (a)", with: "MATCH (a)-[r0]-(a0) WITH * MATCH (a)")
                            .replacingOccurrences(of: "MATCH (a:B)", with: "MATCH (a:B)-[r0]-(a0) WITH * MATCH (a:B)")
                        #expect(try Self.rows(fast, g) == Self.rows(plain, g), "\(label): \(fast)")
                    }
                }
            }
        }
        try compare("unique ids")
        var engine = QueryEngine(graph: g)
        let q = "MATCH (a)--(b)--(c)--(a) WHERE a.id < b.id AND b.id < c.id WITH DISTINCT a.id AS x, b.id AS y, c.id AS z RETURN count(*)"
        let plan = try engine.run("EXPLAIN " + q).plan ?? ""
        #expect(plan.contains("Distinct unchecked after the join when id identifies nodes"), "\(plan)")
        // Two nodes sharing an id: id triples repeat across node triangles, and DISTINCT must fold them.
        for n in stride(from: 0, to: g.nodeCapacity, by: 2) { _ = g.setNodeProperty(n, id, .string("i\(n / 4)")) }
        #expect(!g.isUniquelyIndexed(id))
        try compare("shared ids")
    }

    @Test("the benchmark's triangle query is planned as a TriangleJoin; a relationship used later keeps the ordinary plan")
    func planned() throws {
        let g = try Self.graph(seed: 3, keys: "strings")
        var engine = QueryEngine(graph: g)
        let q8 = "MATCH (a)-[]-(b)-[]-(c)-[]-(a) WHERE a.k < b.k AND b.k < c.k WITH DISTINCT a.k AS x, b.k AS y, c.k AS z RETURN count(*)"
        let plan = try engine.run("EXPLAIN " + q8).plan ?? ""
        #expect(plan.contains("TriangleJoin (a)-(b)-(c)-(a) WHERE a.k < b.k < c.k"), "\(plan)")
        #expect(!plan.contains("ExpandIntersect"))
        let kept = try engine.run("EXPLAIN MATCH (a)-[r]-(b)-[]-(c)-[]-(a) WHERE a.k < b.k AND b.k < c.k RETURN DISTINCT a, r").plan ?? ""
        #expect(!kept.contains("TriangleJoin"))
        let notDistinct = try engine.run("EXPLAIN MATCH (a)--(b)--(c)--(a) WHERE a.k < b.k AND b.k < c.k RETURN a, b, c").plan ?? ""
        #expect(!notDistinct.contains("TriangleJoin"))
        let profile = try engine.run("PROFILE " + q8).plan ?? ""
        #expect(profile.contains("TriangleJoin") && profile.contains("[rows="))
    }
}
