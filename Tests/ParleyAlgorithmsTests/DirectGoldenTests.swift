import ParleyAlgorithms
import ParleyGraph
import Testing

/// ParleyAlgorithms called directly (no query engine) on the golden graphs.
@Suite("ParleyAlgorithms against NetworkX, without the engine")
struct DirectGoldenTests {
    @Test("Louvain.modularity gives NetworkX's partitions NetworkX's modularity", arguments: Goldens.calls(.louvain))
    func modularity(call: GoldenCall) throws {
        let golden = call.golden
        guard let expected = golden.modularity else { return }  // no relationships: nothing to weigh
        let graph = try Goldens.graph(call)
        let view = try GraphView(graph)
        var weights: [Double]? = nil
        if let name = golden.weightProperty {
            weights = try view.weights(of: view.outgoing, key: try #require(graph.keys.id(of: name)), in: graph)
        }
        // The view numbers nodes in load order, which is the golden file's order.
        let community = try #require(golden.partition).map { try #require($0) }
        let q = Louvain.modularity(Louvain.WeightedGraph(view, weights: weights), community,
                                   resolution: try #require(golden.resolution))
        #expect(Tolerance.close(q, expected, Tolerance.modularity), "Parley \(q), NetworkX \(expected)")
    }

    @Test("PageRank.run converges on every golden graph and equals nx.pagerank to 1e-8")
    func pageRank() throws {
        for call in Goldens.calls(.values) where call.golden.name == "pageRank" {
            let view = try GraphView(try Goldens.graph(call))
            let result = try PageRank.run(view, damping: 0.85, maxIterations: 1000, tolerance: 1e-10)
            #expect(result.converged, "\(call)")
            if view.nodeCount > 0 {
                #expect(abs(result.scores.reduce(0, +) - 1) < 1e-9, "\(call): the scores sum to 1")
            }
            let expected = try #require(call.golden.values)
            #expect(result.scores.count == expected.count)
            for (score, want) in zip(result.scores, expected) {
                let want = try #require(want)
                #expect(abs(score - want) <= Tolerance.byProcedure["pageRank"]!, "\(call)")
            }
        }
    }

    @Test("a stop request ends PageRank with AlgorithmStopped")
    func stops() throws {
        let call = try #require(Goldens.calls(.values).first { $0.graph == "generated-2k" && $0.golden.procedure == "pageRank" })
        let view = try GraphView(try Goldens.graph(call))
        #expect(throws: AlgorithmStopped.self) {
            try PageRank.run(view, damping: 0.85, maxIterations: 1000, tolerance: 1e-10, checkpoint: Checkpoint { true })
        }
    }
}
