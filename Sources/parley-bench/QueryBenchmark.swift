// `queries`: the eight anchor queries of the anchors' benchmark (bench_anchors.py, kept outside
// the repository; Q1–Q8) through the full query path (parse, plan, execute), on a graph made
// by `parley-bench generate`.

import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues

/// One benchmark query: its name, what it measures, its Cypher text, and its parameters
/// (names in params.json).
struct BenchmarkQuery {
    var name: String
    var summary: String
    var text: String
    var parameters: [String: String]
}

/// The anchors' queries, written in openCypher (Q6 uses `shortestPath` where Kùzu writes
/// `* SHORTEST`; Q4, Q5 and Q7 keep the anchors' secondary ORDER BY keys).
let benchmarkQueries: [BenchmarkQuery] = [
    .init(name: "Q1", summary: "point lookup", text: "MATCH (p:Person {id: $x}) RETURN p.name", parameters: ["x": "lookup_person"]),
    .init(name: "Q2", summary: "1-hop (hub)", text: "MATCH (p:Person {id: $x})-[:ATTENDED]->(t:Talk) RETURN t.name", parameters: ["x": "hub_person"]),
    .init(name: "Q3", summary: "2-hop count distinct",
          text: "MATCH (a:Person {id: $x})-[:ATTENDED]->(t:Talk)<-[:ATTENDED]-(b:Person) RETURN count(DISTINCT b)",
          parameters: ["x": "hub_person"]),
    .init(name: "Q4", summary: "filter+group top10",
          text: "MATCH (t:Talk) WHERE t.date >= $d RETURN t.city, count(*) AS c ORDER BY c DESC, t.city LIMIT 10",
          parameters: ["d": "date_from"]),
    .init(name: "Q5", summary: "HOSTED/ATTENDED agg",
          text: "MATCH (s:State)-[:HOSTED]->(t:Talk)<-[:ATTENDED]-(p:Person) RETURN s.name, count(*) AS c ORDER BY c DESC, s.name LIMIT 10",
          parameters: [:]),
    .init(name: "Q6", summary: "shortest path",
          text: "MATCH p = shortestPath((a:Person {id: $src})-[*..10]-(b:Talk {id: $dst})) RETURN length(p)",
          parameters: ["src": "path_src", "dst": "path_dst"]),
    .init(name: "Q7", summary: "degree top10",
          text: "MATCH (n)-[r]-() RETURN n.id, count(r) AS d ORDER BY d DESC, n.id LIMIT 10", parameters: [:]),
    .init(name: "Q8", summary: "triangles",
          text: "MATCH (a)-[]-(b)-[]-(c)-[]-(a) WHERE a.id < b.id AND b.id < c.id WITH DISTINCT a.id AS x, b.id AS y, c.id AS z RETURN count(*)",
          parameters: [:]),
]

/// `queries [--runs N] [--warmup N] [--only Q1,Q3] [--rows] [--tsv] DIR`: loads DIR/graph.json
/// and DIR/params.json, then times each query (median of N runs after the warm-up) and prints
/// its answer, so answers can be checked against the anchors' (`--rows`: every result row;
/// `--tsv`: times in seconds and fuller answers, for scripts/bench/compare.sh).
func queryBenchmark(_ arguments: [String]) {
    var runs = 5, warmup = 1
    var only: Set<String>?
    var folder: String?
    var allRows = false
    var tsv = false
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
        case "--rows": allRows = true
        case "--tsv": tsv = true
        default: folder = a
        }
        i += 1
    }
    guard let folder else { fail("usage: parley-bench queries [--runs N] [--warmup N] [--only Q1,Q2] [--rows] [--tsv] DIR") }
    guard let data = FileManager.default.contents(atPath: folder + "/params.json"),
        let params = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    else { fail("cannot read \(folder)/params.json") }
    let loadStart = now()
    let graph: GraphStore
    do { graph = try GraphFile.load(path: folder + "/graph.json") } catch { fail(error.description) }
    let loadSeconds = now() - loadStart
    if tsv {
        print("query\tmedian_s\tmin_s\tmax_s\tanswer")
        print("load\t\(loadSeconds)\t\(loadSeconds)\t\(loadSeconds)\t\(graph.nodeCount) nodes, \(graph.relationshipCount) relationships")
    } else {
        print("loaded \(folder)/graph.json in \(formatSeconds(loadSeconds)): \(graph.nodeCount) nodes, \(graph.relationshipCount) relationships")
        print("query\twhat\tmedian of \(runs)\tmin..max\tanswer")
    }
    var engine = QueryEngine(graph: graph)
    for query in benchmarkQueries where only?.contains(query.name) ?? true {
        var parameters: [String: Value] = [:]
        for (name, key) in query.parameters {
            if let s = params[key] as? String { parameters[name] = .string(s) }
        }
        var times: [Double] = []
        var answer = ""
        for run in 0..<(warmup + runs) {
            let start = now()
            let result: QueryResult
            do { result = try engine.run(query.text, parameters: parameters) } catch {
                print("\(query.name)\t\(query.summary)\tfailed: \(error)")
                break
            }
            let elapsed = now() - start
            if run >= warmup { times.append(elapsed) }
            if run == 0 {
                answer = tsv ? tabulate(result, graph: engine.graph) : summarize(result, graph: engine.graph)
                if allRows {
                    for row in result.rows { print("\(query.name)\trow\t" + row.map { $0.cypherLiteral(in: engine.graph) }.joined(separator: ", ")) }
                }
            }
            // A slow query gets one timed run, as in the anchors' protocol.
            if run == 0 && elapsed > 20 && warmup > 0 { times.append(elapsed); break }
        }
        guard !times.isEmpty else { continue }
        times.sort()
        if tsv {
            print("\(query.name)\t\(times[times.count / 2])\t\(times.first!)\t\(times.last!)\t\(answer)")
            continue
        }
        print("\(query.name)\t\(query.summary)\t\(formatSeconds(times[times.count / 2]))\t\(formatSeconds(times.first!))..\(formatSeconds(times.last!))\t\(answer)")
    }
}

/// A short text of a result: the single value, or the row count and first row.
func summarize(_ result: QueryResult, graph: GraphStore) -> String {
    if result.rows.count == 1 && result.columns.count == 1 { return result.rows[0][0].cypherLiteral(in: graph) }
    let first = result.rows.first.map { "[" + $0.map { $0.cypherLiteral(in: graph) }.joined(separator: ", ") + "]" } ?? "-"
    return "\(result.rows.count) rows, first \(first)"
}

/// The answer for `--tsv`: the single value, or the row count and, for at most 10 rows, every
/// row (`N rows: [a, 1]; [b, 2]`), so a script can compare it with another engine's.
func tabulate(_ result: QueryResult, graph: GraphStore) -> String {
    if result.rows.count == 1 && result.columns.count == 1 { return result.rows[0][0].cypherLiteral(in: graph) }
    guard result.rows.count <= 10 else { return "\(result.rows.count) rows" }
    let rows = result.rows.map { "[" + $0.map { $0.cypherLiteral(in: graph) }.joined(separator: ", ") + "]" }
    return "\(result.rows.count) rows: " + rows.joined(separator: "; ")
}
