// libFuzzer target `query`: the query lexer, parser and semantic analysis, through the
// engine's facade with an `EXPLAIN` prefix (compiled and planned, not executed), on an
// empty graph. Meaningful once the engine has landed; on a stub engine every input
// simply ends in the stub's error.

import ParleyGraph
import ParleyQuery

/// Compiles `EXPLAIN <input>`: it must return a result or throw a well-formed `QueryError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = "EXPLAIN " + queryText(data, size)
    var engine = QueryEngine(graph: GraphStore())
    do {
        _ = try Watchdog.shared.guarding { token throws(QueryError) in try engine.run(text, cancellation: token) }
    } catch {
        checkError(error, in: text)
    }
    return 0
}
