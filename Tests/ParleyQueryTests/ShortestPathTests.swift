import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

@Suite("shortestPath and allShortestPaths")
struct ShortestPathTests {
    /// A diamond a→b→d, a→c→d, plus a long way a→e→f→d.
    func diamond() throws -> GraphStore {
        var g = GraphStore()
        var n: [String: NodeID] = [:]
        for name in ["a", "b", "c", "d", "e", "f"] { n[name] = try g.addNode(labels: ["N"], properties: ["id": .string(name)]) }
        for (x, y) in [("a", "b"), ("b", "d"), ("a", "c"), ("c", "d"), ("a", "e"), ("e", "f"), ("f", "d")] {
            try g.addRelationship(type: "R", from: n[x]!, to: n[y]!)
        }
        return g
    }

    @Test("the shortest path has the fewest hops")
    func shortest() throws {
        let r = try run("MATCH p = shortestPath((a {id: 'a'})-[:R*]->(d {id: 'd'})) RETURN p", on: try diamond())
        #expect(r.rows.count == 1)
        guard case .path(let p) = r.rows[0][0] else { Issue.record("expected a path"); return }
        #expect(p.relationships.count == 2)
    }

    @Test("allShortestPaths returns every path of minimal length")
    func allShortest() throws {
        let r = try run("MATCH p = allShortestPaths((a {id: 'a'})-[*]-(d {id: 'd'})) RETURN p", on: try diamond())
        #expect(r.rows.count == 2)
    }

    @Test("the maximum length and the direction are honoured")
    func bounds() throws {
        let g = try diamond()
        #expect(try run("MATCH p = shortestPath((a {id: 'a'})-[*..1]->(d {id: 'd'})) RETURN p", on: g).rows.isEmpty)
        #expect(try run("MATCH p = shortestPath((d {id: 'd'})-[*]->(a {id: 'a'})) RETURN p", on: g).rows.isEmpty)
        #expect(try run("MATCH p = shortestPath((d {id: 'd'})<-[*]-(a {id: 'a'})) RETURN p", on: g).rows.count == 1)
    }
}

@Suite("shortestPath on long chains")
struct LongShortestPathTests {
    @Test("a path thousands of hops long is found without deep recursion")
    func longChain() throws {
        var g = GraphStore()
        var previous = try g.addNode(properties: ["id": "start"])
        for i in 1..<5000 {
            let n = try g.addNode(properties: ["id": .string(i == 4999 ? "end" : "n\(i)")])
            try g.addRelationship(type: "NEXT", from: previous, to: n)
            previous = n
        }
        let r = try run("MATCH p = shortestPath((a {id: 'start'})-[*]->(b {id: 'end'})) RETURN p", on: g)
        guard case .path(let p) = r.rows.first?.first else { Issue.record("expected a path"); return }
        #expect(p.relationships.count == 4999)
        let all = try run("MATCH p = allShortestPaths((a {id: 'start'})-[*]->(b {id: 'end'})) RETURN p", on: g)
        #expect(all.rows.count == 1)
    }
}
