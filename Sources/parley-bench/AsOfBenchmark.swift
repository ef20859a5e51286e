import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues

/// `asof [--runs N] DIR`: what an as-of view costs on DIR/graph.json. For each window (a year,
/// and one holding every element), the median time to make the view, and the anchor queries
/// on the view beside the same queries on the whole graph (median of N, ratio view/whole).
func asOfBenchmark(_ arguments: [String]) {
    var runs = 5
    var folder: String?
    var i = 0
    while i < arguments.count {
        if arguments[i] == "--runs", i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 {
            runs = n
            i += 2
            continue
        }
        folder = arguments[i]
        i += 1
    }
    guard let folder else { fail("usage: parley-bench asof [--runs N] DIR") }
    guard let data = FileManager.default.contents(atPath: folder + "/params.json"),
        let params = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    else { fail("cannot read \(folder)/params.json") }
    let graph: GraphStore
    do { graph = try GraphFile.load(path: folder + "/graph.json") } catch { fail(error.description) }
    print("loaded \(folder)/graph.json: \(graph.nodeCount) nodes, \(graph.relationshipCount) relationships")
    let windows: [(String, ValidPeriod)] = [
        ("as of 2015", ValidPeriod.days(parsing: "2015")!),
        ("between 1900 and 2100 (all hold)", ValidPeriod(start: ValidPeriod.days(parsing: "1900")!.start, end: ValidPeriod.days(parsing: "2100")!.start)),
    ]
    for (name, window) in windows {
        var builds: [Double] = []
        var view = graph
        for _ in 0..<runs {
            let start = now()
            view = graph.view(during: window).graph
            builds.append(now() - start)
        }
        builds.sort()
        print("\n\(name): view of \(view.nodeCount) nodes, \(view.relationshipCount) relationships, made in \(formatSeconds(builds[builds.count / 2])) (median of \(runs))")
        print("query\twhole graph\tview\tview/whole\tanswers (whole | view)")
        for query in benchmarkQueries {
            var parameters: [String: Value] = [:]
            for (p, key) in query.parameters {
                if let s = params[key] as? String { parameters[p] = .string(s) }
            }
            let n = query.name == "Q8" ? 1 : runs
            let (whole, a1) = timeQuery(query.text, parameters, on: graph, runs: n)
            let (part, a2) = timeQuery(query.text, parameters, on: view, runs: n)
            print("\(query.name)\t\(formatSeconds(whole))\t\(formatSeconds(part))\t\(((part / whole) * 100).rounded() / 100)\t\(a1) | \(a2)")
        }
    }
}

/// The median time of `runs` runs (after one warm-up) and the answer.
private func timeQuery(_ text: String, _ parameters: [String: Value], on graph: GraphStore, runs: Int) -> (Double, String) {
    var engine = QueryEngine(graph: graph)
    var times: [Double] = []
    var answer = ""
    for run in 0...runs {
        let start = now()
        guard let result = try? engine.run(text, parameters: parameters) else { return (0, "failed") }
        if run > 0 { times.append(now() - start) } else { answer = summarize(result, graph: engine.graph) }
    }
    times.sort()
    return (times[times.count / 2], answer)
}
