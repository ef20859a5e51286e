import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// `shortestPath` and `allShortestPaths` search from both ends. On random graphs, every pair,
/// direction, type set and length bound must give the same length from both, the path
/// `shortestPath` returns must be a real walk from `a` to `b`, and `allShortestPaths` must
/// return exactly the variable-length matches of the least length.
@Suite("shortestPath against allShortestPaths on random graphs")
struct ShortestPathDifferentialTests {
    /// A random graph of `nodes` nodes with ids "0"..., and `rels` relationships of types R and S.
    static func randomGraph(nodes: Int, rels: Int, seed: UInt64) throws -> GraphStore {
        var random = SplitMix(seed: seed)
        var g = GraphStore()
        var ids: [NodeID] = []
        for i in 0..<nodes { ids.append(try g.addNode(labels: ["N"], properties: ["id": .string("\(i)")])) }
        for _ in 0..<rels {
            let a = ids[Int(random.next() % UInt64(nodes))], b = ids[Int(random.next() % UInt64(nodes))]
            try g.addRelationship(type: random.next() % 3 == 0 ? "S" : "R", from: a, to: b, properties: ["w": .int(Int64(random.next() % 2))])
        }
        return g
    }

    @Test("allShortestPaths returns exactly the variable-length paths of the least length", arguments: [4, 5, 6])
    func allAreTheShortestMatches(seed: UInt64) throws {
        let g = try Self.randomGraph(nodes: 24, rels: 44, seed: seed)
        var engine = QueryEngine(graph: g)
        var random = SplitMix(seed: seed &* 104729)
        let patterns = ["-[*..%d]->", "<-[*..%d]-", "-[*..%d]-", "-[:R*..%d]-", "-[:R|S*..%d {w: 1}]->", "-[:S*1..%d]->"]
        var compared = 0
        for _ in 0..<60 {
            let a = "\(random.next() % 24)", b = "\(random.next() % 24)"
            guard a != b else { continue }
            let pattern = patterns[Int(random.next() % UInt64(patterns.count))].replacingOccurrences(of: "%d", with: "\(1 + random.next() % 5)")
            let params: [String: Value] = ["a": .string(a), "b": .string(b)]
            let shortest = try engine.run("""
                MATCH (a:N {id: $a}), (b:N {id: $b}) MATCH p = allShortestPaths((a)\(pattern)(b))
                RETURN [r IN relationships(p) | id(r)] AS rels, [n IN nodes(p) | n.id] AS nodes
                """, parameters: params).rows.map { "\($0)" }.sorted()
            let reference = try engine.run("""
                MATCH (a:N {id: $a}), (b:N {id: $b}) MATCH p = (a)\(pattern)(b)
                WITH collect(p) AS ps, min(length(p)) AS least UNWIND ps AS p WITH p, least WHERE length(p) = least
                RETURN [r IN relationships(p) | id(r)] AS rels, [n IN nodes(p) | n.id] AS nodes
                """, parameters: params).rows.map { "\($0)" }.sorted()
            #expect(shortest == reference, "\(a) \(pattern) \(b)")
            if !reference.isEmpty { compared += 1 }
        }
        #expect(compared > 10)
    }

    @Test("lengths agree and every returned path is a walk from a to b in the pattern's direction", arguments: [1, 2, 3])
    func agree(seed: UInt64) throws {
        let g = try Self.randomGraph(nodes: 30, rels: 45, seed: seed)
        var engine = QueryEngine(graph: g)
        var random = SplitMix(seed: seed &* 7919)
        // (pattern, direction: 1 forwards, -1 backwards, 0 either; the types allowed; w must be 1)
        let patterns: [(String, Int, Set<String>, Bool)] = [
            ("-[r*..%d]->", 1, ["R", "S"], false),
            ("<-[r*..%d]-", -1, ["R", "S"], false),
            ("-[r*..%d]-", 0, ["R", "S"], false),
            ("-[r:S*..%d]-", 0, ["S"], false),
            ("-[r:R|S*..%d {w: 1}]->", 1, ["R", "S"], true),
        ]
        var found = 0
        for _ in 0..<80 {
            let a = "\(random.next() % 30)", b = "\(random.next() % 30)"
            let (shape, direction, types, weighted) = patterns[Int(random.next() % UInt64(patterns.count))]
            let pattern = shape.replacingOccurrences(of: "%d", with: "\(1 + random.next() % 6)")
            let params: [String: Value] = ["a": .string(a), "b": .string(b)]
            let context = "\(a) \(pattern) \(b)"
            let one = try engine.run("""
                MATCH (a:N {id: $a}), (b:N {id: $b}) MATCH p = shortestPath((a)\(pattern)(b)) RETURN nodes(p), relationships(p)
                """, parameters: params)
            let all = try engine.run("""
                MATCH (a:N {id: $a}), (b:N {id: $b}) MATCH p = allShortestPaths((a)\(pattern)(b)) RETURN min(length(p))
                """, parameters: params)
            let expected = all.rows.first?.first ?? .null
            if a == b || expected == .null {
                #expect(one.rows.isEmpty, "\(context): no path expected")
                continue
            }
            found += 1
            #expect(one.rows.count == 1, "\(context)")
            guard let row = one.rows.first, case .list(let nodeValues) = row[0], case .list(let relValues) = row[1] else { continue }
            let nodes = nodeValues.compactMap { v -> NodeID? in if case .node(let n) = v { return n } else { return nil } }
            let rels = relValues.compactMap { v -> RelID? in if case .relationship(let r) = v { return r } else { return nil } }
            #expect(.int(Int64(rels.count)) == expected, "\(context): length \(rels.count), allShortestPaths says \(expected)")
            #expect(nodes.count == rels.count + 1 && nodes.first.map { g.property(of: $0, named: "id") } == .string(a)
                    && nodes.last.map { g.property(of: $0, named: "id") } == .string(b), "\(context): does not run from a to b")
            for (i, r) in rels.enumerated() where i + 1 < nodes.count {
                let (s, e) = (g.startNode(of: r), g.endNode(of: r))
                let forwards = s == nodes[i] && e == nodes[i + 1], backwards = e == nodes[i] && s == nodes[i + 1]
                #expect(direction == 1 ? forwards : direction == -1 ? backwards : forwards || backwards, "\(context): step \(i) goes the wrong way")
                #expect(types.contains(g.type(of: r)), "\(context): step \(i) has type \(g.type(of: r))")
                if weighted { #expect(g.property(of: r, relationshipKeyNamed: "w") == .int(1), "\(context): step \(i) has w ≠ 1") }
            }
        }
        #expect(found > 10, "too few connected pairs to compare (\(found))")
    }
}
