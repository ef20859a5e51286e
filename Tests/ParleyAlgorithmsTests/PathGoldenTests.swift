import ParleyGraph
import ParleyValues
import Testing

/// Shortest paths and Dijkstra equal NetworkX's (BFS depths are per-node values, in
/// ``NodeValueGoldenTests``).
@Suite("algo.shortestPaths and algo.dijkstra against NetworkX")
struct PathGoldenTests {
    /// A list of node ids.
    static func ids(_ value: Value) -> [String]? {
        guard case .list(let items) = value else { return nil }
        var ids: [String] = []
        for item in items {
            guard case .string(let id) = item else { return nil }
            ids.append(id)
        }
        return ids
    }

    @Test("shortest paths: as many as nx.all_shortest_paths, as long, the same node sequences",
          arguments: Goldens.calls(.shortestPaths))
    func shortestPaths(call: GoldenCall) throws {
        let golden = call.golden
        let result = try Goldens.run(call, yield: "path", returns: "[n IN nodes(path) | n.id], length(path)")
        let paths = result.rows.compactMap { Self.ids($0[0]) }
        #expect(paths.count == result.rows.count)
        #expect(paths.count == golden.count, "number of paths")
        #expect(Set(paths).count == paths.count, "one path per node sequence")
        for row in result.rows {
            #expect(row[1].number.map { Int($0) } == golden.length, "length")
        }
        for path in paths {
            #expect(path.first == golden.source && path.last == golden.target, "\(path) runs from the source to the target")
        }
        if let expected = golden.paths {
            #expect(Set(paths) == Set(expected))
        }
    }

    @Test("Dijkstra: the cost of nx.dijkstra_path_length, along a path that costs that much",
          arguments: Goldens.calls(.dijkstra))
    func dijkstra(call: GoldenCall) throws {
        let golden = call.golden
        let result = try Goldens.run(call, yield: "path, cost",
                                     returns: "[n IN nodes(path) | n.id], cost, reduce(s = 0.0, r IN relationships(path) | s + r.weight)")
        guard let expected = golden.cost else {
            #expect(result.rows.isEmpty, "no path, so no row")
            return
        }
        try #require(result.rows.count == 1)
        let row = result.rows[0]
        let cost = try #require(row[1].number), along = try #require(row[2].number)
        #expect(Tolerance.matches(cost, expected, isInteger: false, procedure: "dijkstra"), "Parley \(cost), NetworkX \(expected)")
        #expect(Tolerance.close(along, cost, Tolerance.byProcedure["dijkstra"]!), "the path's weights add up to \(along), not \(cost)")
        let path = try #require(Self.ids(row[0]))
        #expect(path.first == golden.source && path.last == golden.target)
    }
}
