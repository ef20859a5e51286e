import ParleyGraph
@testable import ParleyIO

/// One load of a document with the two-thread reads forced or refused, for the tests that
/// compare the two-thread read with the one-thread read: the graph or the error, and which
/// arrays were read in two halves and joined.
struct SplitLoad {
    /// The loaded graph, or the error the load threw.
    var result: Result<GraphStore, JSONSyntaxError>
    /// Whether the `nodes` array was read in two halves and joined.
    var joinedNodes: Bool
    /// Whether the `edges` array was read in two halves and joined.
    var joinedEdges: Bool

    /// Loads `bytes` with each array split whatever its length (`true`), never (`false`) or,
    /// for `nil`, from the loader's default minimum on.
    init(_ bytes: [UInt8], splitNodes: Bool?, splitEdges: Bool?) {
        // A non-empty allocation, so that an empty input still has a base address.
        let storage = bytes.isEmpty ? [UInt8(0)] : bytes
        (result, joinedNodes, joinedEdges) = storage.withUnsafeBufferPointer { buffer in
            var loader = GraphLoader(base: buffer.baseAddress!, count: bytes.count)
            if let splitNodes { loader.nodeSplitMinimum = splitNodes ? 0 : Int.max }
            if let splitEdges { loader.edgeSplitMinimum = splitEdges ? 0 : Int.max }
            let result: Result<GraphStore, JSONSyntaxError>
            do throws(JSONSyntaxError) {
                result = .success(try loader.load())
            } catch {
                result = .failure(error)
            }
            return (result, loader.joinedNodeHalves, loader.joinedHalves)
        }
    }

    /// The graph, or the error's byte offset and message (as ``LoadOutcome`` holds them).
    var outcome: LoadOutcome {
        switch result {
        case .success(let graph): return .graph(graph)
        case .failure(let error): return .failure("byte \(error.offset ?? -1): \(error.message)")
        }
    }
}
