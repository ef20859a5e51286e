// `algorithms`: the graph algorithms of the algo.* procedures, through the full query path,
// on a graph made by `parley-bench generate` — the same six that scripts/bench/algorithms_peers.py
// times with igraph and NetworkX.

import ParleyGraph
import ParleyIO
import ParleyQuery

/// The algorithm benchmarks: name, Cypher text (a one-row answer, so printing costs nothing).
let algorithmQueries: [(name: String, text: String)] = [
    ("pagerank20", "CALL algo.pageRank({maxIterations: 20, tolerance: 1e-300}) YIELD score RETURN count(*) AS nodes, round(sum(score) * 1e6) / 1e6 AS total"),
    ("wcc", "CALL algo.wcc() YIELD componentId RETURN max(componentId) + 1 AS components"),
    ("triangles", "CALL algo.triangleCount() YIELD triangles RETURN sum(triangles) / 3 AS triangles"),
    ("kcore", "CALL algo.kcore() YIELD coreNumber RETURN max(coreNumber) AS maxCore"),
    ("louvain", "CALL algo.louvain({seed: 42}) YIELD communityId RETURN max(communityId) + 1 AS communities"),
    ("betweenness100", "CALL algo.betweenness({samplingSize: 100, samplingSeed: 42}) YIELD score RETURN count(*) AS nodes, max(score) AS top"),
]

/// `algorithms [--runs N] [--warmup N] [--only a,b] DIR`: loads DIR/graph.json, then times
/// each algorithm (median of N runs after the warm-up) and prints its answer and the peak RSS.
func algorithmBenchmark(_ arguments: [String]) {
    var runs = 5, warmup = 1
    var only: Set<String>?
    var folder: String?
    var i = 0
    while i < arguments.count {
        let a = arguments[i]
        func value() -> String {
            guard i + 1 < arguments.count else { fail("\(a) needs a value") }
            i += 1
            return arguments[i]
        }
        switch a {
        case "--runs": runs = max(1, Int(value()) ?? 5)
        case "--warmup": warmup = max(0, Int(value()) ?? 1)
        case "--only": only = Set(value().split(separator: ",").map(String.init))
        default: folder = a
        }
        i += 1
    }
    guard let folder else { fail("usage: parley-bench algorithms [--runs N] [--warmup N] [--only pagerank20,wcc] DIR") }
    let loadStart = now()
    let graph: GraphStore
    do { graph = try GraphFile.load(path: folder + "/graph.json") } catch { fail(error.description) }
    print("loaded \(folder)/graph.json in \(formatSeconds(now() - loadStart)): \(graph.nodeCount) nodes, \(graph.relationshipCount) relationships")
    print("algorithm\tengine\tmedian of \(runs)\tmin..max\tanswer\tpeak RSS")
    var engine = QueryEngine(graph: graph)
    for query in algorithmQueries where only?.contains(query.name) ?? true {
        var times: [Double] = []
        var answer = ""
        for run in 0..<(warmup + runs) {
            let start = now()
            let result: QueryResult
            do { result = try engine.run(query.text) } catch {
                print("\(query.name)\tparley\tfailed: \(error)")
                break
            }
            let elapsed = now() - start
            if run >= warmup { times.append(elapsed) }
            if run == 0 { answer = summarize(result, graph: engine.graph) }
        }
        guard !times.isEmpty else { continue }
        times.sort()
        print("\(query.name)\tparley\t\(formatSeconds(times[times.count / 2]))\t\(formatSeconds(times.first!))..\(formatSeconds(times.last!))\t\(answer)\t\(mib(peakResidentBytes()))")
    }
}
