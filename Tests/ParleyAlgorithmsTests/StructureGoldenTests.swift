import ParleyGraph
import ParleyValues
import Testing

/// Articulation points and bridges equal NetworkX's.
@Suite("algo.articulationPoints and algo.bridges against NetworkX")
struct StructureGoldenTests {
    @Test("articulation points: nx.articulation_points of the undirected multigraph", arguments: Goldens.calls(.nodes))
    func articulationPoints(call: GoldenCall) throws {
        let result = try Goldens.run(call, yield: "node", returns: "node.id")
        let got = result.rows.map { $0[0] }
        let expected = try #require(call.golden.members)
        #expect(Set(got) == Set(expected.map { Value.string($0) }))
        #expect(got.count == expected.count, "a node was yielded more than once")
        // In load order.
        #expect(got == call.nodes.filter { expected.contains($0) }.map { .string($0) })
    }

    @Test("bridges: nx.bridges, each once, as a relationship between its two ends", arguments: Goldens.calls(.bridges))
    func bridges(call: GoldenCall) throws {
        let result = try Goldens.run(call, yield: "relationship",
                                     returns: "startNode(relationship).id, endNode(relationship).id")
        var got: [Set<String>] = []
        for row in result.rows {
            guard case .string(let a) = row[0], case .string(let b) = row[1] else {
                Issue.record("a bridge's ends have no string ids: \(row)")
                continue
            }
            got.append([a, b])
        }
        let expected = try #require(call.golden.pairs).map { Set($0) }
        #expect(Set(got) == Set(expected))
        #expect(got.count == expected.count, "a bridge was yielded more than once")
    }
}
