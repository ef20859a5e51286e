import ParleyGraph
import Testing

/// Per-node answers (degree, PageRank, betweenness, closeness, harmonic, triangles,
/// clustering, core numbers, BFS depths) equal NetworkX's, within ``Tolerance``.
@Suite("algo.* per-node values equal NetworkX's")
struct NodeValueGoldenTests {
    @Test("each node's value equals NetworkX's (integer counts exactly, floats within the procedure's tolerance)",
          arguments: Goldens.calls(.values))
    func values(call: GoldenCall) throws {
        let golden = call.golden
        let column = try #require(golden.column)
        let expected = try #require(golden.values)
        let (got, rows) = try Goldens.nodeValues(call, column: column)
        #expect(rows == got.count, "a node was yielded more than once")
        // Counts are integers, scores and weighted degrees floats, as the YIELD columns say.
        let floats = golden.procedure == "degree" ? golden.call.contains("weightProperty") : Tolerance.byProcedure[golden.procedure] != nil
        var mismatches: [String] = []
        for (id, want) in zip(call.nodes, expected) {
            guard let want else {
                #expect(got[id] == nil, "\(id) should yield no row, got \(got[id].map { "\($0)" } ?? "")")
                continue
            }
            guard let value = got[id], let number = value.number else {
                mismatches.append("\(id): expected \(want), got \(got[id].map { "\($0)" } ?? "no row")")
                continue
            }
            var isInteger = false
            if case .int = value { isInteger = true }
            if isInteger == floats {
                mismatches.append("\(id): \(value) should be \(floats ? "a float" : "an integer")")
                continue
            }
            if isInteger && want != want.rounded() {
                mismatches.append("\(id): an integer \(value) where NetworkX has \(want)")
            } else if !Tolerance.matches(number, want, isInteger: isInteger, procedure: golden.procedure) {
                mismatches.append("\(id): Parley \(number), NetworkX \(want) (difference \(abs(number - want)))")
            }
        }
        #expect(got.count == expected.compactMap { $0 }.count, "rows for nodes NetworkX has no value for")
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(expected.count) nodes differ, e.g. \(mismatches.prefix(5).joined(separator: "; "))")
    }
}
