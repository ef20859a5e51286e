import Foundation
import ParleyGraph
import ParleyQuery
import Testing

/// The golden files themselves: they load, match their graphs, and cover every procedure.
@Suite("NetworkX golden files")
struct GoldenFileTests {
    @Test("every golden file loads, with its graph, from NetworkX 3.6.1", arguments: Goldens.names)
    func loads(name: String) throws {
        let file = try #require(try Goldens.files[name]?.get())
        #expect(file.networkx == "3.6.1")
        #expect(!file.cases.isEmpty)
        let graph = try #require(try Goldens.graphs[name]?.get())
        #expect(graph.nodeCount == file.nodes.count)
        // The ids of the golden file are the graph's node ids, in load order.
        var engine = QueryEngine(graph: graph)
        let ids = try engine.run("MATCH (n) RETURN n.id").rows.map { $0[0] }
        #expect(ids == file.nodes.map { .string($0) })
        for c in file.cases {
            if let values = c.values { #expect(values.count == file.nodes.count, "\(c.name)") }
            if let partition = c.partition { #expect(partition.count == file.nodes.count, "\(c.name)") }
        }
    }

    @Test("the generated graph has parallel relationships, self-loops, labels, two types and weights")
    func generatedGraph() throws {
        let graph = try #require(try Goldens.graphs["generated-2k"]?.get())
        #expect((1_900...2_100).contains(graph.nodeCount))
        #expect((9_500...10_500).contains(graph.relationshipCount))
        var engine = QueryEngine(graph: graph)
        let loops = try engine.run("MATCH (a)-[r]->(a) RETURN count(r)").rows[0][0]
        #expect((loops.number ?? 0) >= 40)
        let parallel = try engine.run("MATCH (a)-[r]->(b) WITH a, b, count(r) AS k WHERE k > 1 RETURN count(*)").rows[0][0]
        #expect((parallel.number ?? 0) >= 100)
        let types = try engine.run("MATCH ()-[r]->() RETURN DISTINCT type(r) AS t ORDER BY t").rows.map { $0[0] }
        #expect(types == [.string("FUNDS"), .string("KNOWS")])
        let labels = try engine.run("MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l ORDER BY l").rows.map { $0[0] }
        #expect(labels == [.string("Org"), .string("Person"), .string("Place")])
        let unweighted = try engine.run("MATCH ()-[r]->() WHERE r.weight IS NULL RETURN count(r)").rows[0][0]
        #expect(unweighted == .int(0))
    }

    @Test("every algo.* procedure has golden answers on the bundled and the generated graph")
    func coverage() throws {
        var engine = QueryEngine(graph: GraphStore())
        let listed = try engine.run("CALL algo.list() YIELD name RETURN name").rows.compactMap { row -> String? in
            guard case .string(let name) = row[0], name != "algo.list" else { return nil }
            return String(name.dropFirst("algo.".count))
        }
        #expect(listed.count == 17)
        for name in ["astana-2015", "generated-2k", "disconnected"] {
            let file = try #require(try Goldens.files[name]?.get())
            let covered = Set(file.cases.map(\.procedure))
            for procedure in listed {
                #expect(covered.contains(procedure), "\(name) has no golden case for algo.\(procedure)")
            }
        }
    }
}
