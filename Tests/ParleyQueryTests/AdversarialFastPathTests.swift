import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// Today's fast paths against formulations that cannot take them: the triangle join's skipped
/// DISTINCT and row-free count, the top-k degree aggregation, and allShortestPaths from both ends.
@Suite("Adversarial review: fast paths against the ordinary plan")
struct AdversarialFastPathTests {
    typealias R = AdversarialReviewTests

    // MARK: Triangle DISTINCT waiver and count(*)

    /// The triangle tails, each with the pattern named so the ordinary plan runs (`r0 IS NOT NULL`).
    static let triangleQueries: [(fast: String, plain: String)] = {
        let order = "a.id < b.id AND b.id < c.id"
        let tails = [
            "RETURN DISTINCT a.id AS x, b.id AS y, c.id AS z",
            "WITH DISTINCT a.id AS x, b.id AS y, c.id AS z RETURN count(*) AS n",
            "WITH DISTINCT a, b, c RETURN count(*) AS n",
            "WITH DISTINCT c.id AS z, a.id AS x, b.id AS y, a.id AS x2 RETURN count(*) AS n",
            "WITH DISTINCT a.id AS x, b.id AS y, c.id AS z WHERE x <> 'i3' RETURN count(*) AS n",
            "WITH DISTINCT a.id AS x, b.id AS y, c.id AS z RETURN count(x) AS n, count(*) AS m",
        ]
        var result: [(String, String)] = []
        for (pattern, named) in [("(a)--(b)--(c)--(a)", "(a)-[r0]-(b)--(c)--(a)"), ("(a:B)-->(b)-->(c)-->(a)", "(a:B)-[r0]->(b)-->(c)-->(a)"),
                                 ("(a)-[:R]-(b)-[:R]-(c)-[:R]-(a)", "(a)-[r0:R]-(b)-[:R]-(c)-[:R]-(a)")] {
            for tail in tails {
                result.append(("MATCH \(pattern) WHERE \(order) \(tail)", "MATCH \(named) WHERE \(order) AND r0 IS NOT NULL \(tail)"))
            }
        }
        return result
    }()

    /// Sets `id` on every node from `value` (nil: removes it).
    static func setIds(_ g: inout GraphStore, _ value: (Int) -> Value) {
        let id = g.internKey("id")
        for n in 0..<g.nodeCapacity where g.contains(node: n) { _ = g.setNodeProperty(n, id, value(n)) }
    }

    @Test("triangle DISTINCT and count(*) agree with the ordinary plan for unique, shared, missing and mixed ids",
          arguments: ["unique", "shared", "missing", "mixed", "ints", "numeric-equal"])
    func triangleWaiver(ids: String) throws {
        var g = try R.graph(seed: 61, nodes: 20, rels: 80, hub: false)
        switch ids {
        case "unique": Self.setIds(&g) { .string("i\(($0 * 7) % 20)") }
        case "shared": Self.setIds(&g) { .string("i\($0 % 7)") }
        case "missing": Self.setIds(&g) { $0 % 4 == 1 ? .null : .string("i\($0)") }
        case "mixed": Self.setIds(&g) { $0 % 3 == 0 ? .int(Int64($0)) : .string("i\($0)") }
        case "ints": Self.setIds(&g) { .int(Int64(($0 * 7) % 20)) }
        default: Self.setIds(&g) { $0 == 5 ? .double(4.0) : .int(Int64($0)) }  // 4 and 4.0 are one value
        }
        var engine = QueryEngine(graph: g)
        for (fast, plain) in Self.triangleQueries {
            #expect(try R.rows(fast, &engine) == R.rows(plain, &engine), "\(ids): \(fast)")
            #expect(try R.rows("PROFILE " + fast, &engine) == R.rows(plain, &engine), "\(ids): PROFILE \(fast)")
        }
    }

    @Test("triangle DISTINCT after writes that share an id, in UNION parts and in subqueries")
    func triangleWaiverContexts() throws {
        var g = try R.graph(seed: 62, nodes: 20, rels: 80, hub: false)
        Self.setIds(&g) { .string("i\($0)") }
        var engine = QueryEngine(graph: g)
        let (fast, plain) = Self.triangleQueries[1]
        // A write earlier in the query makes ids shared before the join starts.
        var e1 = engine, e2 = engine
        let write = "MATCH (x {id: 'i1'}), (y {id: 'i2'}) SET y.id = 'i1' WITH count(*) AS _ "
        #expect(try R.rows(write + fast, &e1) == R.rows(write + plain, &e2))
        var e3 = engine, e4 = engine
        let create = "CREATE ({id: 'i3'}) WITH count(*) AS _ "
        #expect(try R.rows(create + fast, &e3) == R.rows(create + plain, &e4))
        // UNION and UNION ALL of the two forms, and the fast form inside CALL and COUNT subqueries.
        #expect(try R.rows("\(fast) UNION ALL \(fast)", &engine) == R.rows("\(plain) UNION ALL \(plain)", &engine))
        #expect(try R.rows("\(fast) UNION \(plain)", &engine) == R.rows(plain, &engine))
        let (fastRows, plainRows) = Self.triangleQueries[0]
        #expect(try R.rows("UNWIND [1, 2] AS k CALL { \(fastRows) } RETURN k, count(*)", &engine)
                == R.rows("UNWIND [1, 2] AS k CALL { \(plainRows) } RETURN k, count(*)", &engine))
        #expect(try R.rows("UNWIND [1, 2] AS k CALL (k) { \(fast) } RETURN k, n", &engine)
                == R.rows("UNWIND [1, 2] AS k CALL (k) { \(plain) } RETURN k, n", &engine))
        #expect(try R.rows("UNWIND [1, 2] AS k MATCH (a)--(b)--(c)--(a) WHERE a.id < b.id AND b.id < c.id RETURN DISTINCT a.id, b.id, c.id", &engine)
                == R.rows(plainRows, &engine))
        // A bound first node.
        #expect(try R.rows("MATCH (a {id: 'i4'}) MATCH (a)--(b)--(c)--(a) WHERE a.id < b.id AND b.id < c.id RETURN DISTINCT a.id, b.id, c.id", &engine)
                == R.rows("MATCH (a {id: 'i4'}) MATCH (a)-[r0]-(b)--(c)--(a) WHERE a.id < b.id AND b.id < c.id AND r0 IS NOT NULL RETURN DISTINCT a.id, b.id, c.id", &engine))
        // Bound first nodes from several rows.
        #expect(try R.rows("UNWIND ['i4', 'i5', 'i4'] AS k MATCH (a {id: k}) MATCH (a)--(b)--(c)--(a) WHERE a.id < b.id AND b.id < c.id RETURN DISTINCT a.id, b.id, c.id", &engine)
                == R.rows("UNWIND ['i4', 'i5', 'i4'] AS k MATCH (a {id: k}) MATCH (a)-[r0]-(b)--(c)--(a) WHERE a.id < b.id AND b.id < c.id AND r0 IS NOT NULL RETURN DISTINCT a.id, b.id, c.id", &engine))
        // A write after the DISTINCT that makes later rows' ids collide.
        var e5 = engine, e6 = engine
        let after = " WITH x, y, z MATCH (n {id: x}) SET n.id = y RETURN count(*) AS changed"
        let withRows = { (q: String) in q.replacingOccurrences(of: "RETURN DISTINCT", with: "WITH DISTINCT") + after }
        #expect(try R.rows(withRows(fastRows), &e5) == R.rows(withRows(plainRows), &e6))
    }

    // MARK: Top nodes by degree

    /// A reference for `MATCH (n)<pattern>() RETURN n.id, count(*)` that counts with a pattern comprehension.
    static func degreeReference(_ pattern: String, where condition: String = "true", order: String, skip: Int, limit: Int) -> String {
        "MATCH (n) WHERE \(condition) WITH n, size([(n)\(pattern)(m) | 1]) AS c WHERE c > 0 RETURN n.id AS id, c ORDER BY \(order) SKIP \(skip) LIMIT \(limit)"
    }

    @Test("top-k degree counts equal a pattern-comprehension count, with SKIP, ties, directions, types and count forms",
          arguments: [71, 72] as [UInt64])
    func topDegrees(seed: UInt64) throws {
        var g = try R.graph(seed: seed, nodes: 30, rels: 70)
        // A self-loop on the hub and on an ordinary node, parallel relationships, isolated nodes.
        try g.addRelationship(type: "R", from: 0, to: 0)
        try g.addRelationship(type: "S", from: 3, to: 3)
        try g.addRelationship(type: "R", from: 5, to: 6)
        try g.addRelationship(type: "R", from: 5, to: 6)
        _ = try g.addNode(labels: ["A"], properties: ["id": "lonely1"])
        _ = try g.addNode(labels: [], properties: ["id": "lonely2"])
        var engine = QueryEngine(graph: g)
        var compared = 0
        for pattern in ["-->", "<--", "--", "-[:R]->", "<-[:S]-", "-[:R|S]-", "-[r]->", "-[r:R]-", "-[:NOPE]->", "<-[:R|NOPE]-"] {
            for (skip, limit) in [(0, 1), (0, 3), (2, 3), (0, 40), (5, 2), (29, 5)] {
                for count in ["count(*)", "count(m)", pattern.contains("r") ? "count(r)" : "count(n)"] {
                    let order = "c DESC, id"
                    let fast = "MATCH (n)\(pattern)(m) RETURN n.id AS id, \(count) AS c ORDER BY \(order) SKIP \(skip) LIMIT \(limit)"
                    let reference = Self.degreeReference(pattern, order: order, skip: skip, limit: limit)
                    #expect(try R.ordered(fast, &engine) == R.ordered(reference, &engine), "\(fast)")
                    compared += 1
                }
                // WITH form, then a filter after the LIMIT.
                let with = "MATCH (n)\(pattern)(m) WITH n.id AS id, count(*) AS c ORDER BY c DESC, id SKIP \(skip) LIMIT \(limit) WHERE c > 2 RETURN id, c"
                let withReference = "CALL { \(Self.degreeReference(pattern, order: "c DESC, id", skip: skip, limit: limit)) } WITH id, c WHERE c > 2 RETURN id, c"
                #expect(try R.ordered(with, &engine) == R.ordered(withReference, &engine), "\(with)")
            }
        }
        #expect(compared > 100)
        // A label, a WHERE on n, and ordering by count only (ties: compare as sets with the tie-aware reference).
        for (fast, reference) in [
            ("MATCH (n:B)-->(m) RETURN n.id AS id, count(*) AS c ORDER BY c DESC, id LIMIT 3",
             "MATCH (n:B) WITH n, size([(n)-->(m) | 1]) AS c WHERE c > 0 RETURN n.id AS id, c ORDER BY c DESC, id LIMIT 3"),
            ("MATCH (n)-->(m) WHERE n.name <> 'n0' RETURN n.id AS id, count(*) AS c ORDER BY c DESC, id LIMIT 3",
             Self.degreeReference("-->", where: "n.name <> 'n0'", order: "c DESC, id", skip: 0, limit: 3)),
            ("MATCH (n)-->(m) RETURN n.id AS id, count(*) AS c ORDER BY c DESC LIMIT 4",
             Self.degreeReference("-->", order: "c DESC", skip: 0, limit: 4)),
        ] {
            let f = try engine.run(fast).rows.map { $0[1] }, r = try engine.run(reference).rows.map { $0[1] }
            #expect(f == r, "\(fast)")
        }
    }

    @Test("top-k degree counts with a LIMIT far above the node count (no heap of that size) and SKIP + LIMIT past Int.max")
    func topDegreesHugeLimit() throws {
        var engine = QueryEngine(graph: try R.graph(seed: 74, nodes: 20, rels: 40))
        let reference = try R.ordered(Self.degreeReference("-->", order: "c DESC, id", skip: 1, limit: 100), &engine)
        #expect(reference.count > 5)
        for limit in ["100000000000", "9223372036854775807"] {
            let fast = "MATCH (n)-->(m) RETURN n.id AS id, count(*) AS c ORDER BY c DESC, id SKIP 1 LIMIT \(limit)"
            #expect(try R.ordered(fast, &engine) == reference, "\(fast)")
            let noSkip = "MATCH (n)-->(m) RETURN n.id AS id, count(*) AS c ORDER BY c DESC, id LIMIT \(limit)"
            #expect(try R.ordered(noSkip, &engine).count == reference.count + 1, "\(noSkip)")
        }
    }

    @Test("top-k degree counts after deletes and with nodes that lack the id or share it")
    func topDegreesAfterChanges() throws {
        let base = try R.graph(seed: 73, nodes: 30, rels: 70)
        for change in ["MATCH (n) WHERE n.id IN ['i0', 'i4', 'i7'] DETACH DELETE n",
                       "MATCH (n) WHERE n.id IN ['i2', 'i9'] REMOVE n.id",
                       "MATCH (n {id: 'i2'}) SET n.id = 'i0'",
                       "MATCH (n {id: 'i2'}) SET n.id = 2",
                       "CREATE ()-[:R]->({id: 'new'})"] {
            var engine = QueryEngine(graph: base)
            _ = try engine.run(change)
            for pattern in ["-->", "--", "<-[:R]-"] {
                for (skip, limit) in [(0, 2), (1, 4), (0, 50)] {
                    let fast = "MATCH (n)\(pattern)(m) RETURN n.id AS id, count(*) AS c ORDER BY c DESC, id SKIP \(skip) LIMIT \(limit)"
                    // The reference groups by id too (a shared id adds up; a missing id is one null group).
                    let reference = """
                        MATCH (n) WITH n.id AS id, sum(size([(n)\(pattern)(m) | 1])) AS c WHERE c > 0
                        RETURN id, c ORDER BY c DESC, id SKIP \(skip) LIMIT \(limit)
                        """
                    #expect(try R.ordered(fast, &engine) == R.ordered(reference, &engine), "\(change): \(fast)")
                }
            }
            // In the same query as the write.
            var e1 = QueryEngine(graph: base), e2 = QueryEngine(graph: base)
            let fast = "\(change) WITH count(*) AS _ MATCH (n)-->(m) RETURN n.id AS id, count(*) AS c ORDER BY c DESC, id LIMIT 3"
            let reference = "\(change) WITH count(*) AS _ MATCH (n) WITH n.id AS id, sum(size([(n)-->(m) | 1])) AS c WHERE c > 0 RETURN id, c ORDER BY c DESC, id LIMIT 3"
            #expect(try R.ordered(fast, &e1) == R.ordered(reference, &e2), "\(change) in one query")
        }
    }

    // MARK: allShortestPaths from both ends

    @Test("allShortestPaths equals the least-length matches with property maps, min lengths, hubs and parallel relationships",
          arguments: [81, 82, 83] as [UInt64])
    func allShortest(seed: UInt64) throws {
        var g = try R.graph(seed: seed, nodes: 16, rels: 30)
        try g.addRelationship(type: "R", from: 1, to: 2, properties: ["w": .int(1)])
        try g.addRelationship(type: "R", from: 1, to: 2, properties: ["w": .int(1)])
        var engine = QueryEngine(graph: g)
        var random = SplitMix(seed: seed)
        let patterns = ["-[*..%d]->", "<-[*..%d]-", "-[*..%d]-", "-[:R*..%d {w: 1}]->", "-[:R|S*1..%d]-", "-[*..%d {w: 2}]-",
                        "-[:S*1..%d]->", "-[*0..%d]-", "-[:R|S|R*..%d]->", "-[*..%d {w: 1, nope: 1}]-"]
        var nonEmpty = 0
        for _ in 0..<70 {
            let a = "i\(random.below(16))", b = random.below(4) == 0 ? "i0" : "i\(random.below(16))"
            guard a != b else { continue }
            let pattern = random.pick(patterns).replacingOccurrences(of: "%d", with: "\(2 + random.below(4))")
            let params: [String: Value] = ["a": .string(a), "b": .string(b)]
            let all = try R.rows("""
                MATCH (a {id: $a}), (b {id: $b}) MATCH p = allShortestPaths((a)\(pattern)(b))
                RETURN [r IN relationships(p) | id(r)] AS rels, [n IN nodes(p) | n.id] AS nodes
                """, &engine, params)
            let reference = try R.rows("""
                MATCH (a {id: $a}), (b {id: $b}) MATCH p = (a)\(pattern)(b)
                WITH collect(p) AS ps, min(length(p)) AS least UNWIND ps AS p WITH p, least WHERE length(p) = least
                RETURN [r IN relationships(p) | id(r)] AS rels, [n IN nodes(p) | n.id] AS nodes
                """, &engine, params)
            #expect(all == reference, "\(a) \(pattern) \(b)")
            // shortestPath finds a path exactly when there is one, of the same length.
            let one = try R.rows("MATCH (a {id: $a}), (b {id: $b}) MATCH p = shortestPath((a)\(pattern)(b)) RETURN length(p)", &engine, params)
            let lengths = try R.rows("MATCH (a {id: $a}), (b {id: $b}) MATCH p = allShortestPaths((a)\(pattern)(b)) RETURN DISTINCT length(p)", &engine, params)
            #expect(one == lengths, "shortestPath \(a) \(pattern) \(b)")
            if !reference.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 15)
    }
}
