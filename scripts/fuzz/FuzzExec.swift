// libFuzzer target `exec`: parsing, planning and executing queries on a small graph
// (`fuzzGraph`, in FuzzGraph.swift). Meaningful once the engine has landed; on a stub engine
// every input simply ends in the stub's error.

import ParleyGraph
import ParleyIO
import ParleyQuery

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
