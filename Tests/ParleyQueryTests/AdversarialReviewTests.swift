import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// Today's query features and fast paths against independent formulations that use older
/// machinery: quantified paths and selectors against variable-length matches, the Cypher 25
/// clauses against `WITH *`, the triangle DISTINCT waiver against the ordinary plan, top nodes
/// by degree against pattern comprehensions, allShortestPaths against least-length matches.
@Suite("Adversarial review: new features against older formulations")
struct AdversarialReviewTests {
    /// A random multigraph with parallel relationships, self-loops, a hub, labels A/B, types
    /// R/S and a relationship weight `w`; every node has a unique string `id` unless `idless`.
    static func graph(seed: UInt64, nodes: Int = 18, rels: Int = 45, idless: Bool = false, hub: Bool = true) throws -> GraphStore {
        var random = SplitMix(seed: seed)
        var g = GraphStore()
        var ids: [NodeID] = []
        for i in 0..<nodes {
            var properties: [String: Value] = ["name": .string("n\(i)")]
            if !(idless && i % 5 == 3) { properties["id"] = .string("i\(i)") }
            ids.append(try g.addNode(labels: random.below(3) == 0 ? ["A", "B"] : ["A"], properties: properties))
        }
        for _ in 0..<rels {
            let a = ids[random.below(nodes)], b = ids[random.below(nodes)]
            try g.addRelationship(type: random.below(3) == 0 ? "S" : "R", from: a, to: b, properties: ["w": .int(Int64(random.below(3)))])
        }
        if hub {
            for i in 1..<nodes where i % 2 == 0 {
                try g.addRelationship(type: "R", from: ids[0], to: ids[i], properties: ["w": .int(1)])
                try g.addRelationship(type: "R", from: ids[i], to: ids[0], properties: ["w": .int(2)])
            }
        }
        return g
    }

    /// The rows of `query`, each as text, sorted.
    static func rows(_ query: String, _ engine: inout QueryEngine, _ parameters: [String: Value] = [:]) throws -> [String] {
        try engine.run(query, parameters: parameters).rows.map { "\($0)" }.sorted()
    }

    /// The rows of `query` in the order returned.
    static func ordered(_ query: String, _ engine: inout QueryEngine) throws -> [String] {
        try engine.run(query).rows.map { "\($0)" }
    }

    // MARK: Quantified relationships and path patterns

    @Test("quantified relationships match the variable-length patterns they abbreviate", arguments: [11, 12] as [UInt64])
    func quantifiedRelationships(seed: UInt64) throws {
        var engine = QueryEngine(graph: try Self.graph(seed: seed, nodes: 12, rels: 22, hub: false))
        let pairs: [(String, String)] = [
            ("-[:R]->{1,3}", "-[:R*1..3]->"), ("<-[:R|S]-{2,3}", "<-[:R|S*2..3]-"), ("-[:S]-{1,2}", "-[:S*1..2]-"),
            ("-[r:R]->{2}", "-[r:R*2..2]->"), ("-[]->{0,2}", "-[*0..2]->"),
        ]
        for (quantified, variable) in pairs {
            let q = try Self.rows("MATCH (a)\(quantified)(b) RETURN a.id, b.id, count(*) AS n", &engine)
            let v = try Self.rows("MATCH (a)\(variable)(b) RETURN a.id, b.id, count(*) AS n", &engine)
            #expect(q == v, "\(quantified)")
            #expect(!v.isEmpty)
        }
    }

    @Test("a quantified path pattern with an inner WHERE equals var-length with all() over its relationships", arguments: [21, 22] as [UInt64])
    func quantifiedPathWhere(seed: UInt64) throws {
        var engine = QueryEngine(graph: try Self.graph(seed: seed, nodes: 12, rels: 24, hub: false))
        let q = try Self.rows("""
            MATCH (a {id: 'i1'}) ((x)-[r:R]->(y) WHERE r.w > 0){1,3} (b)
            RETURN b.id, [n IN x | n.id] AS xs, [n IN y | n.id] AS ys, [e IN r | id(e)] AS rs
            """, &engine)
        let v = try Self.rows("""
            MATCH p = (a {id: 'i1'})-[rs:R*1..3]->(b) WHERE all(e IN rs WHERE e.w > 0)
            RETURN b.id, [n IN nodes(p)[..-1] | n.id] AS xs, [n IN nodes(p)[1..] | n.id] AS ys, [e IN rs | id(e)] AS rs
            """, &engine)
        #expect(q == v)
        // A node predicate inside the group holds for every iteration's nodes.
        let qn = try Self.rows("MATCH (a {id: 'i2'}) ((x:A)-[:R|S]-(y:B)){1,2} (b) RETURN b.id, size(x) AS k", &engine)
        let vn = try Self.rows("""
            MATCH p = (a {id: 'i2'})-[:R|S*1..2]-(b)
            WHERE all(i IN range(0, length(p) - 1) WHERE nodes(p)[i]:A AND nodes(p)[i + 1]:B)
            RETURN b.id, length(p) AS k
            """, &engine)
        #expect(qn == vn)
    }

    // MARK: Path selectors and shortestPath as an expression

    @Test("path selectors keep the paths a collect-and-rank formulation keeps", arguments: [31, 32] as [UInt64])
    func selectors(seed: UInt64) throws {
        var engine = QueryEngine(graph: try Self.graph(seed: seed, nodes: 12, rels: 26, hub: false))
        let pairs = try Self.rows("MATCH (a), (b) WHERE a.id < b.id AND a.id IN ['i0','i1','i2','i3'] RETURN a.id, b.id", &engine)
        #expect(!pairs.isEmpty)
        for pattern in ["-[:R|S]->{1,4}", "-[:R]-{1,3}"] {
            // ALL SHORTEST: every path of the least length per pair.
            let allShortest = try Self.rows("""
                MATCH p = ALL SHORTEST (a)\(pattern)(b) WHERE a.id IN ['i0','i1','i2','i3']
                RETURN a.id, b.id, [e IN relationships(p) | id(e)]
                """, &engine)
            let allReference = try Self.rows("""
                MATCH p = (a)\(pattern)(b) WHERE a.id IN ['i0','i1','i2','i3']
                WITH a, b, collect(p) AS ps, min(length(p)) AS least UNWIND ps AS p WITH a, b, p, least WHERE length(p) = least
                RETURN a.id, b.id, [e IN relationships(p) | id(e)]
                """, &engine)
            #expect(allShortest == allReference, "ALL SHORTEST \(pattern)")
            // SHORTEST 2 GROUPS: every path of the two least lengths per pair.
            let groups = try Self.rows("""
                MATCH p = SHORTEST 2 GROUPS (a)\(pattern)(b) WHERE a.id IN ['i0','i1','i2','i3']
                RETURN a.id, b.id, [e IN relationships(p) | id(e)]
                """, &engine)
            let groupsReference = try Self.rows("""
                MATCH p = (a)\(pattern)(b) WHERE a.id IN ['i0','i1','i2','i3']
                WITH a, b, collect(p) AS ps, collect(DISTINCT length(p)) AS lengths
                WITH a, b, ps, [l IN lengths WHERE size([m IN lengths WHERE m < l]) < 2] AS kept
                UNWIND ps AS p WITH a, b, p, kept WHERE length(p) IN kept
                RETURN a.id, b.id, [e IN relationships(p) | id(e)]
                """, &engine)
            #expect(groups == groupsReference, "SHORTEST 2 GROUPS \(pattern)")
            // SHORTEST 3 and ANY 2: that many paths per pair (fewer when fewer exist); SHORTEST k's lengths are the k least.
            let shortest = try Self.rows("""
                MATCH p = SHORTEST 3 (a)\(pattern)(b) WHERE a.id IN ['i0','i1','i2','i3']
                WITH a, b, length(p) AS l ORDER BY l RETURN a.id, b.id, collect(l)
                """, &engine)
            let shortestReference = try Self.rows("""
                MATCH p = (a)\(pattern)(b) WHERE a.id IN ['i0','i1','i2','i3']
                WITH a, b, length(p) AS l ORDER BY l WITH a, b, collect(l) AS ls RETURN a.id, b.id, ls[..3]
                """, &engine)
            #expect(shortest == shortestReference, "SHORTEST 3 \(pattern)")
            let any = try Self.rows("""
                MATCH p = ANY 2 (a)\(pattern)(b) WHERE a.id IN ['i0','i1','i2','i3'] RETURN a.id, b.id, count(DISTINCT p)
                """, &engine)
            let anyReference = try Self.rows("""
                MATCH p = (a)\(pattern)(b) WHERE a.id IN ['i0','i1','i2','i3']
                WITH a, b, count(*) AS n RETURN a.id, b.id, CASE WHEN n < 2 THEN n ELSE 2 END
                """, &engine)
            #expect(any == anyReference, "ANY 2 \(pattern)")
        }
    }

    @Test("shortestPath as an expression equals the MATCH form, null where no path exists", arguments: [41] as [UInt64])
    func shortestPathExpression(seed: UInt64) throws {
        var engine = QueryEngine(graph: try Self.graph(seed: seed, nodes: 12, rels: 14, hub: false))
        let expression = try Self.rows("""
            MATCH (a), (b) WHERE a.id < b.id
            RETURN a.id, b.id, length(shortestPath((a)-[:R*]->(b))) AS l, size(allShortestPaths((a)-[*]-(b))) AS k
            """, &engine)
        let match = try Self.rows("""
            MATCH (a), (b) WHERE a.id < b.id
            OPTIONAL MATCH p = shortestPath((a)-[:R*]->(b))
            WITH a, b, length(p) AS l
            OPTIONAL MATCH q = allShortestPaths((a)-[*]-(b))
            RETURN a.id, b.id, l, count(q) AS k
            """, &engine)
        #expect(expression == match)
        #expect(expression.contains { $0.contains("NULL") || $0.contains("null") })
    }

    // MARK: Cypher 25 clauses

    @Test("LET, FILTER, FINISH and standalone ORDER BY/OFFSET/LIMIT answer like WITH *", arguments: [51] as [UInt64])
    func cypher25Clauses(seed: UInt64) throws {
        var engine = QueryEngine(graph: try Self.graph(seed: seed))
        let pairs: [(String, String)] = [
            ("MATCH (n) LET a = n.name, b = a + '!' FILTER b STARTS WITH 'n1' RETURN b",
             "MATCH (n) WITH *, n.name AS a WITH *, a + '!' AS b WITH * WHERE b STARTS WITH 'n1' RETURN b"),
            ("MATCH (n)-[r]->(m) FILTER WHERE r.w = 2 ORDER BY n.name DESC, m.name OFFSET 3 LIMIT 5 RETURN n.name, m.name",
             "MATCH (n)-[r]->(m) WITH * WHERE r.w = 2 WITH * ORDER BY n.name DESC, m.name SKIP 3 LIMIT 5 RETURN n.name, m.name"),
            ("MATCH (n) ORDER BY n.name LIMIT 4 RETURN collect(n.name) AS names",
             "MATCH (n) WITH * ORDER BY n.name LIMIT 4 RETURN collect(n.name) AS names"),
            ("UNWIND [3, 1, 2, 1] AS x LET y = x * 10 ORDER BY y OFFSET 1 RETURN x, y",
             "UNWIND [3, 1, 2, 1] AS x WITH *, x * 10 AS y ORDER BY y SKIP 1 RETURN x, y"),
            ("MATCH (n:B) LET k = count { (n)--() } FILTER k > 2 RETURN n.name, k",
             "MATCH (n:B) WITH n, count { (n)--() } AS k WHERE k > 2 RETURN n.name, k"),
        ]
        for (new, old) in pairs {
            #expect(try Self.ordered(new, &engine) == Self.ordered(old, &engine), "\(new)")
        }
        #expect(try engine.run("MATCH (n) SET n.seen = true FINISH").rows.isEmpty)
        #expect(try Self.rows("MATCH (n) WHERE n.seen RETURN count(*)", &engine) == Self.rows("MATCH (n) RETURN count(*)", &engine))
    }

    @Test("trim's SQL form answers like ltrim/rtrim for spaces and like a loop for other characters")
    func trimForms() throws {
        var engine = QueryEngine(graph: GraphStore())
        for s in ["  ab  ", "xxabxx", "", "x", "xx", "axb", "  ", "éxé"] {
            let p: [String: Value] = ["s": .string(s)]
            let r = try engine.run("""
                RETURN trim(BOTH FROM $s) = trim($s), trim(LEADING FROM $s) = ltrim($s), trim(TRAILING FROM $s) = rtrim($s),
                       trim(BOTH 'x' FROM $s), trim(LEADING 'x' FROM $s), trim(TRAILING 'x' FROM $s), trim('x' FROM $s)
                """, parameters: p).rows[0]
            #expect(r[0] == .bool(true) && r[1] == .bool(true) && r[2] == .bool(true), "\(s)")
            var leading = Substring(s), trailing = Substring(s)
            while leading.first == "x" { leading = leading.dropFirst() }
            while trailing.last == "x" { trailing = trailing.dropLast() }
            var both = leading
            while both.last == "x" { both = both.dropLast() }
            #expect(r[3] == .string(String(both)) && r[6] == .string(String(both)), "\(s)")
            #expect(r[4] == .string(String(leading)) && r[5] == .string(String(trailing)), "\(s)")
        }
        #expect(try engine.run("RETURN trim(BOTH 'x' FROM null), trim(LEADING null FROM 'xa')").rows[0] == [.null, .null])
    }
}
