// libFuzzer target `json`: the JSON graph loader (`GraphFile.parse`).
//
// Built by scripts/fuzz/fuzz.sh together with the instrumented ParleyGraph and ParleyIO
// objects. A crash, a sanitizer report or a broken invariant below is a finding.

import ParleyGraph
import ParleyIO

/// Loads the input; a graph that loads must survive a save/load round trip unchanged.
///
/// Invariants checked (docs/graph-format.md, "Writing"):
/// - `parse` either returns a graph or throws a `GraphFileError` (never traps);
/// - a loaded graph serializes to bytes that load again, with the same node and
///   relationship counts, and serializing that second graph gives the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let graph: GraphStore
    do {
        graph = try GraphFile.parse(bytes, name: "fuzz.json")
    } catch {
        // Rendering the diagnostic with its source excerpt exercises the position code too.
        _ = error.diagnostic.render(source: String(decoding: bytes, as: UTF8.self), fileName: error.path)
        return 0
    }
    let saved = GraphFile.serialize(graph)
    let reloaded: GraphStore
    do {
        reloaded = try GraphFile.parse(saved, name: "saved.json")
    } catch {
        fatalError("a loaded graph did not load again after serialize: \(error)")
    }
    guard reloaded.nodeCount == graph.nodeCount, reloaded.relationshipCount == graph.relationshipCount else {
        fatalError("round trip changed the counts: \(graph.nodeCount)/\(graph.relationshipCount) → \(reloaded.nodeCount)/\(reloaded.relationshipCount)")
    }
    guard GraphFile.serialize(reloaded) == saved else {
        fatalError("load → save → load → save is not byte-stable")
    }
    return 0
}
