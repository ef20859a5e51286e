// libFuzzer target `exec`: parsing, planning and executing queries on a small graph (the
// first nodes and edges of graphs/tiny.json, embedded below). Meaningful once the engine has
// landed; on a stub engine every input simply ends in the stub's error.

import ParleyGraph
import ParleyIO
import ParleyQuery

/// The graph every input runs on.
let fuzzGraph: GraphStore = {
    let json = #"""
    {"nodes": [
      {"id": "kz", "labels": ["State"], "properties": {"name": "Kazakhstan", "name_ru": "Казахстан", "neutral": true}},
      {"id": "nn", "labels": ["Person"], "properties": {"name": "Nursultan Nazarbayev", "born": 1940}},
      {"id": "tn", "labels": ["Organization", "Media"], "properties": {"name": "Tengrinews"}},
      {"id": "at", "labels": ["Talk"], "properties": {"city": "Астана", "days": 3, "weight": 0.75, "start_date": "2015-05-25", "topics": ["aid", "plan"]}},
      {"id": "sp", "labels": ["Talk", "Process"], "properties": {"name": "Syrian peace talks 🕊️", "status": "ongoing"}}
    ], "edges": [
      {"source": "kz", "target": "at", "type": "HOSTED", "properties": {"date": "2015-05-25"}},
      {"source": "nn", "target": "kz", "type": "PRESIDENT_OF"},
      {"source": "tn", "target": "at", "type": "REPORTED", "id": 7},
      {"source": "at", "target": "sp", "type": "PART_OF"},
      {"source": "sp", "target": "sp", "type": "CONTINUES", "properties": {"weight": -1.5}},
      {"source": "tn", "target": "at", "type": "REPORTED"}
    ]}
    """#
    do {
        return try GraphFile.parse(Array(json.utf8), name: "fuzz-graph.json")
    } catch {
        fatalError("the embedded fuzz graph does not load: \(error)")
    }
}()

/// The embedded graph's bytes as saved, to check that a failed query changed nothing.
let fuzzGraphBytes = GraphFile.serialize(fuzzGraph)

/// Runs the input as a query (at most 10 000 rows, 2 s): it must return a result or throw a
/// well-formed `QueryError`, and an error must leave the graph exactly as it was.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = queryText(data, size)
    var engine = QueryEngine(graph: fuzzGraph)
    engine.budget = QueryBudget(maxRows: 10_000, maxMemory: 256 << 20)
    do {
        _ = try Watchdog.shared.guarding { token throws(QueryError) in try engine.run(text, cancellation: token) }
    } catch {
        checkError(error, in: text)
        guard GraphFile.serialize(engine.graph) == fuzzGraphBytes else {
            fatalError("a failed query changed the graph: \(error)")
        }
    }
    return 0
}
