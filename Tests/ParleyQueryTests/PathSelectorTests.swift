import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// Path selectors on hand-made graphs whose answers are worked out by hand, and `SHORTEST`
/// against `shortestPath`/`allShortestPaths` on random graphs.
@Suite("Path selectors: ANY, SHORTEST k, ALL SHORTEST, SHORTEST k GROUPS")
struct PathSelectorTests {
    /// s→a→t, s→b→t, s→c→d→t: two paths of length 2 and one of length 3 from s to t.
    static func diamond() throws -> GraphStore {
        var g = GraphStore()
        var n: [String: NodeID] = [:]
        for name in ["s", "a", "b", "c", "d", "t"] { n[name] = try g.addNode(labels: ["N"], properties: ["name": .string(name)]) }
        for (x, y) in [("s", "a"), ("a", "t"), ("s", "b"), ("b", "t"), ("s", "c"), ("c", "d"), ("d", "t")] {
            try g.addRelationship(type: "R", from: n[x]!, to: n[y]!)
        }
        return g
    }

    /// x→y→z→x (a triangle) and x→w→x (a two-cycle).
    static func cycles() throws -> GraphStore {
        var g = GraphStore()
        var n: [String: NodeID] = [:]
        for name in ["x", "y", "z", "w"] { n[name] = try g.addNode(labels: ["N"], properties: ["name": .string(name)]) }
        for (a, b) in [("x", "y"), ("y", "z"), ("z", "x"), ("x", "w"), ("w", "x")] { try g.addRelationship(type: "R", from: n[a]!, to: n[b]!) }
        return g
    }

    /// The path lengths of `MATCH p = <selector> (s)-->+(t)` between s and t of the diamond, sorted.
    func lengths(_ selector: String, _ pattern: String = "(s {name: 's'})-[:R]->+(t {name: 't'})", where condition: String = "") throws -> [Int64] {
        let r = try run("MATCH p = \(selector) \(pattern) \(condition) RETURN length(p) AS l", on: try Self.diamond())
        return column(r).compactMap { if case .int(let i) = $0 { return i } else { return nil } }.sorted()
    }

    @Test("each selector keeps the paths the manual's definition gives")
    func counts() throws {
        let any = try lengths("ANY")
        #expect(any.count == 1)
        #expect(try lengths("ANY 2").count == 2)
        #expect(try lengths("ANY SHORTEST") == [2])
        #expect(try lengths("SHORTEST 1") == [2])
        #expect(try lengths("SHORTEST 2") == [2, 2])
        #expect(try lengths("SHORTEST 3") == [2, 2, 3])
        #expect(try lengths("SHORTEST 5") == [2, 2, 3])
        #expect(try lengths("ALL SHORTEST") == [2, 2])
        #expect(try lengths("SHORTEST 1 GROUPS") == [2, 2])
        #expect(try lengths("SHORTEST 2 GROUPS") == [2, 2, 3])
        #expect(try lengths("ALL") == [2, 2, 3])
        #expect(try lengths("SHORTEST 2 PATHS") == [2, 2])
        #expect(try lengths("ANY SHORTEST PATH") == [2])
    }

    @Test("selectors partition by the two end nodes")
    func partitions() throws {
        let g = try Self.diamond()
        let one = try run("MATCH p = SHORTEST 1 (s {name: 's'})-->+(x) RETURN x.name AS x, length(p) AS l ORDER BY x", on: g)
        #expect(one.rows == [["a", 1], ["b", 1], ["c", 1], ["d", 2], ["t", 2]])
        let all = try run("MATCH p = ALL SHORTEST (s {name: 's'})-->+(x) RETURN x.name AS x, length(p) AS l ORDER BY x", on: g)
        #expect(all.rows == [["a", 1], ["b", 1], ["c", 1], ["d", 2], ["t", 2], ["t", 2]])
        // Every pair of the graph: one shortest path per connected pair (ordered): 5 + 1 + 1 + 2 + 1.
        let pairs = try run("MATCH p = ANY SHORTEST (x)-->+(y) RETURN count(*)", on: g)
        #expect(column(pairs) == [.int(10)])
    }

    @Test("the MATCH's WHERE filters the paths before the selector chooses")
    func preFilter() throws {
        #expect(try lengths("SHORTEST 1", where: "WHERE none(n IN nodes(p) WHERE n.name = 'a')") == [2])
        #expect(try lengths("SHORTEST 1", where: "WHERE all(n IN nodes(p) WHERE n.name IN ['s', 'c', 'd', 't'])") == [3])
        #expect(try lengths("ALL SHORTEST", where: "WHERE length(p) > 2") == [3])
        // A filter on the ends only keeps the fast search and its answer.
        #expect(try lengths("SHORTEST 1", "(s)-[:R]->+(t)", where: "WHERE s.name = 's' AND t.name = 't'") == [2])
    }

    @Test("SHORTEST between one node and itself finds the shortest closed walk")
    func closedWalks() throws {
        let g = try Self.cycles()
        let same = try run("MATCH (x {name: 'x'}) MATCH p = SHORTEST 2 (x)-->+(x) RETURN length(p) ORDER BY length(p)", on: g)
        #expect(column(same) == [.int(2), .int(3)])
        let fast = try run("MATCH (a {name: 'x'}), (b {name: 'x'}) MATCH p = SHORTEST 1 (a)-->+(b) RETURN [n IN nodes(p) | n.name]", on: g)
        #expect(column(fast) == [.list(["x", "w", "x"])])
        let star = try run("MATCH (a {name: 'x'}), (b {name: 'x'}) MATCH p = SHORTEST 1 (a)-->*(b) RETURN length(p)", on: g)
        #expect(column(star) == [.int(0)])
        // The old function finds nothing between a node and itself (unchanged).
        let old = try run("MATCH (a {name: 'x'}), (b {name: 'x'}) MATCH p = shortestPath((a)-[*]->(b)) RETURN length(p)", on: g)
        #expect(old.rows.isEmpty)
    }

    @Test("SHORTEST 1 between two bound nodes plans the bidirectional search; other selectors plan a PathSelection")
    func plans() throws {
        let g = try Self.diamond()
        let fast = try run("EXPLAIN MATCH (s {name: 's'}), (t {name: 't'}) MATCH p = SHORTEST 1 (s)-[:R]-+(t) RETURN p", on: g).plan ?? ""
        #expect(fast.contains("ShortestPath SHORTEST 1 (s)-[:R]-{1,}(t)"))
        let all = try run("EXPLAIN MATCH (s {name: 's'}), (t {name: 't'}) MATCH p = ALL SHORTEST (s)-[:R]-+(t) RETURN p", on: g).plan ?? ""
        #expect(all.contains("AllShortestPaths ALL SHORTEST"))
        let general = try run("EXPLAIN MATCH p = SHORTEST 2 (s {name: 's'})-->+(t) RETURN p", on: g).plan ?? ""
        #expect(general.contains("PathSelection SHORTEST 2 p per (s), (t)"))
        #expect(general.contains("VarLengthExpand"))
        let group = try run("EXPLAIN MATCH (s) ((a)-[r:R]->(b) WHERE a.name < b.name){1,3} (t) RETURN t", on: g).plan ?? ""
        #expect(group.contains("QuantifiedExpand (s) ((a)-[r:R]->(b) WHERE a.name < b.name){1,3} (t)"))
        let profile = try run("PROFILE MATCH p = SHORTEST 2 (s {name: 's'})-->+(t {name: 't'}) RETURN p", on: g)
        #expect(profile.rows.count == 2)
        #expect((profile.plan ?? "").contains("PathSelection"))
    }

    @Test("SHORTEST 1 and ALL SHORTEST agree with shortestPath and allShortestPaths on random graphs", arguments: [41, 42, 43])
    func againstFunctions(seed: UInt64) throws {
        let g = try QuantifiedPathDifferentialTests.randomGraph(nodes: 10, rels: 16, seed: seed)
        var engine = QueryEngine(graph: g)
        var random = SplitMix(seed: seed)
        var found = 0
        for _ in 0..<25 {
            let a = "\(random.below(10))", b = "\(random.below(10))"
            guard a != b else { continue }
            let ends = "MATCH (a {id: '\(a)'}), (b {id: '\(b)'}) "
            let arrow = ["-->", "<--", "--"][random.below(3)]
            let left = arrow.hasPrefix("<") ? "<-" : "-", right = arrow.hasSuffix(">") ? "->" : "-"
            let star = left + "[*1..4]" + right
            let oneNew = try engine.run(ends + "MATCH p = SHORTEST 1 (a)\(arrow){1,4}(b) RETURN length(p)").rows
            let oneOld = try engine.run(ends + "MATCH p = shortestPath((a)\(star)(b)) RETURN length(p)").rows
            #expect(oneNew.map { $0[0] } == oneOld.map { $0[0] }, "\(a)\(arrow)\(b)")
            let allNew = try engine.run(ends + "MATCH p = ALL SHORTEST (a)\(arrow){1,4}(b) RETURN length(p)").rows
            let allOld = try engine.run(ends + "MATCH p = allShortestPaths((a)\(star)(b)) RETURN length(p)").rows
            #expect(allNew.count == allOld.count, "\(a)\(arrow)\(b)")
            // The general route (a filter on the path forces it) gives the same answers.
            let general = try engine.run(ends + "MATCH p = ALL SHORTEST (a)\(arrow){1,4}(b) WHERE length(p) > 0 RETURN length(p)").rows
            #expect(general.count == allOld.count, "\(a)\(arrow)\(b) general")
            let k = try engine.run(ends + "MATCH p = SHORTEST 100 (a)\(arrow){1,4}(b) WHERE length(p) = length(p) RETURN length(p)").rows
            let every = try engine.run(ends + "MATCH p = (a)\(star)(b) RETURN length(p)").rows
            #expect(k.count == min(100, every.count))
            if !oneOld.isEmpty { found += 1 }
        }
        #expect(found > 0)
    }

    @Test("shortestPath and allShortestPaths stand where expressions do: RETURN, WITH, list comprehensions")
    func asExpressions() throws {
        let g = try Self.diamond()
        let r = try run("""
            MATCH (s {name: 's'}), (t {name: 't'})
            RETURN length(shortestPath((s)-[*]->(t))) AS one, size(allShortestPaths((s)-[*]->(t))) AS all
            """, on: g)
        #expect(r.rows == [[.int(2), .int(2)]])
        let with = try run("""
            MATCH (s {name: 's'}), (x) WITH x, shortestPath((s)-[*]->(x)) AS p
            RETURN x.name, length(p) ORDER BY x.name
            """, on: g)
        #expect(with.rows.map { $0[1] } == [.int(1), .int(1), .int(1), .int(2), .null, .int(2)])
        let list = try run("""
            MATCH (s {name: 's'})
            RETURN [x IN [(s)-->(y) | y] | length(shortestPath((x)-[*]->(:N {name: 't'})))] AS ls
            """, on: g)
        #expect(list.rows == [[.list([.int(1), .int(1), .int(2)])]])
    }
}
