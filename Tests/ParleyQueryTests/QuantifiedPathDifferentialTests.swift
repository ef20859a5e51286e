import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// Quantified path patterns against the variable-length relationships they mean, on random
/// small graphs with self-loops, parallel relationships, two types and two labels: the same
/// rows (end nodes and relationship lists) from both.
@Suite("Quantified path patterns against variable-length relationships on random graphs")
struct QuantifiedPathDifferentialTests {
    /// A random graph: `nodes` nodes labelled A or B (ids "0"...), `rels` relationships of type
    /// R or S with `w` 0 or 1, among them self-loops and parallel relationships.
    static func randomGraph(nodes: Int, rels: Int, seed: UInt64) throws -> GraphStore {
        var random = SplitMix(seed: seed)
        var g = GraphStore()
        var ids: [NodeID] = []
        for i in 0..<nodes {
            ids.append(try g.addNode(labels: [random.below(3) == 0 ? "B" : "A"], properties: ["id": .string("\(i)")]))
        }
        for i in 0..<rels {
            let a = ids[random.below(nodes)]
            // Every seventh relationship is a self-loop, every fifth a copy of the one before.
            let b = i % 7 == 3 ? a : ids[random.below(nodes)]
            let type = random.below(3) == 0 ? "S" : "R"
            try g.addRelationship(type: type, from: a, to: b, properties: ["w": .int(Int64(random.below(2)))])
            if i % 5 == 4 { try g.addRelationship(type: type, from: a, to: b, properties: ["w": .int(1)]) }
        }
        return g
    }

    /// The rows of `query` as sorted text (order is not part of either pattern's meaning).
    static func rows(_ engine: inout QueryEngine, _ query: String) throws -> [String] {
        try engine.run(query).rows.map { $0.map { $0.cypherLiteral(in: nil) }.joined(separator: " | ") }.sorted()
    }

    /// (quantified form, variable-length form) pairs returning `a.id, b.id, relationship ids`.
    static let pairs: [(String, String)] = [
        ("MATCH (a) ((x)-[r:R]->(y)){1,3} (b)", "MATCH (a)-[r:R*1..3]->(b)"),
        ("MATCH (a) ((x)<-[r]-(y)){2} (b)", "MATCH (a)<-[r*2..2]-(b)"),
        ("MATCH (a) ((x)-[r:R|S]-(y)){0,2} (b)", "MATCH (a)-[r:R|S*0..2]-(b)"),
        ("MATCH (a:A) ((x)-[r]->(y)){,2} (b:B)", "MATCH (a:A)-[r*0..2]->(b:B)"),
        ("MATCH (a)-[r:S]-{1,3}(b)", "MATCH (a)-[r:S*1..3]-(b)"),
        ("MATCH (a)-[r:R WHERE r.w = 1]->{1,3}(b)", "MATCH (a)-[r:R*1..3]->(b) WHERE all(x IN r WHERE x.w = 1)"),
        ("MATCH (a) ((x)-[r {w: 0}]-(y)){1,2} (b)", "MATCH (a)-[r*1..2 {w: 0}]-(b)"),
        ("MATCH (a {id: '1'}) ((x)-[r]->(y) WHERE r.w = 1){1,} (b)", "MATCH (a {id: '1'})-[r*1..]->(b) WHERE all(x IN r WHERE x.w = 1)"),
        // Inner labels: every node the walk passes is an A.
        ("MATCH p = (a) ((x:A)-[r]->(y:A)){1,3} (b)", "MATCH p = (a)-[r*1..3]->(b) WHERE all(n IN nodes(p) WHERE n:A)"),
        // Relationship uniqueness across the whole pattern, and a group ending at a bound node.
        ("MATCH (a) ((x)-[r:R]->(y)){1,2} (b)-[s:S]->(c)", "MATCH (a)-[r:R*1..2]->(b)-[s:S]->(c)"),
        ("MATCH (c)-[s]->(b) ((x)-[r]->(y)){1,2} (a)", "MATCH (c)-[s]->(b)-[r*1..2]->(a)"),
        // The right end is the cheapest start: the walk runs from it and its lists are reversed.
        ("MATCH (a) ((x)-[r]->(y)){1,3} (b {id: '3'})", "MATCH (a)-[r*1..3]->(b {id: '3'})"),
        ("MATCH (a:B) ((x)-[r:R]-(y) WHERE r.w = 1){0,2} (b {id: '4'})", "MATCH (a:B)-[r:R*0..2]-(b {id: '4'}) WHERE all(x IN r WHERE x.w = 1)"),
        ("MATCH (a {id: '2'}), (b {id: '3'}) MATCH (a) ((x)-[r]-(y)){1,4} (b)", "MATCH (a {id: '2'}), (b {id: '3'}) MATCH (a)-[r*1..4]-(b)"),
    ]

    @Test("each quantified pattern gives the rows of its variable-length twin", arguments: [11, 12, 13, 14])
    func agree(seed: UInt64) throws {
        let g = try Self.randomGraph(nodes: 9, rels: 16, seed: seed)
        var engine = QueryEngine(graph: g)
        var nonEmpty = 0
        for (quantified, variable) in Self.pairs {
            let tail = quantified.contains("(c)") ? " RETURN a.id, b.id, c.id, [x IN r | id(x)], id(s)" : " RETURN a.id, b.id, [x IN r | id(x)]"
            let left = try Self.rows(&engine, quantified + tail)
            let right = try Self.rows(&engine, variable + tail)
            #expect(left == right, "\(quantified) (\(left.count) rows) vs \(variable) (\(right.count) rows)")
            if !left.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 8, "too few patterns matched anything to compare")
        let plan = try engine.run("EXPLAIN MATCH (a) ((x)-[r]->(y)){1,3} (b {id: '3'}) RETURN a").plan ?? ""
        #expect(plan.contains("QuantifiedExpand (a) ((x)-[r]->(y)){1,3} (b) (walked from the right)"), "\(plan)")
    }

    @Test("a path over a quantified path pattern is the walk, node for node", arguments: [21, 22])
    func paths(seed: UInt64) throws {
        let g = try Self.randomGraph(nodes: 8, rels: 14, seed: seed)
        var engine = QueryEngine(graph: g)
        let left = try Self.rows(&engine, "MATCH p = (a) ((x)-[r]-(y)){1,3} (b) RETURN [n IN nodes(p) | n.id], [x IN relationships(p) | id(x)]")
        let right = try Self.rows(&engine, "MATCH p = (a)-[r*1..3]-(b) RETURN [n IN nodes(p) | n.id], [x IN relationships(p) | id(x)]")
        #expect(left == right)
        #expect(!left.isEmpty)
    }

    @Test("group variables hold one value per repetition, in path order", arguments: [31, 32])
    func groupVariables(seed: UInt64) throws {
        let g = try Self.randomGraph(nodes: 8, rels: 14, seed: seed)
        var engine = QueryEngine(graph: g)
        let result = try engine.run("""
            MATCH p = (a) ((x)-[r]->(y)){1,3} (b)
            RETURN [n IN x | n.id], [n IN y | n.id], [e IN r | id(e)], [n IN nodes(p) | n.id], [e IN relationships(p) | id(e)]
            """)
        #expect(!result.rows.isEmpty)
        for row in result.rows {
            guard case .list(let xs) = row[0], case .list(let ys) = row[1], case .list(let rs) = row[2],
                  case .list(let nodes) = row[3], case .list(let rels) = row[4] else {
                Issue.record("not lists: \(row)")
                continue
            }
            #expect(rs == rels)
            #expect(xs == Array(nodes.dropLast()))
            #expect(ys == Array(nodes.dropFirst()))
        }
    }
}
