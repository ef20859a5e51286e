import ParleyGraph
import ParleyValues

/// Loading a JSON interchange file (node-link, JGF): the file mapped or read, parsed by a
/// reader, and any error turned into `FILE:LINE:COL` while the bytes are still at hand.
enum JSONFormLoading {
    /// A reader of one document: the walker over the bytes in, the graph out.
    typealias Reader = (inout JSONWalker) throws(JSONSyntaxError) -> GraphStore

    /// Loads the file at `path` with `reader`; all or nothing.
    static func load(path: String, empty: String, _ reader: Reader) throws(GraphFileError) -> GraphStore {
        let result: Result<GraphStore, GraphFileError>
        do {
            if let mapped = try FileAccess.withMappedFile(path, { parse($0, empty: empty, reader) }) {
                result = mapped
            } else {
                let bytes = try FileAccess.read(path, jsonObject: true)
                result = bytes.withUnsafeBufferPointer { parse($0, empty: empty, reader) }
            }
        } catch {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, error.message))
        }
        switch result {
        case .success(let graph): return graph
        case .failure(var error):
            error.path = path
            throw error
        }
    }

    /// Parses `bytes` (named `name` in errors) with `reader`.
    static func parse(_ bytes: [UInt8], name: String, empty: String, _ reader: Reader) throws(GraphFileError) -> GraphStore {
        switch bytes.withUnsafeBufferPointer({ parse($0, empty: empty, reader) }) {
        case .success(let graph): return graph
        case .failure(var error):
            error.path = name
            throw error
        }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, empty: String, _ reader: Reader) -> Result<GraphStore, GraphFileError> {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            return .failure(GraphFileError(path: "", diagnostic: Diagnostic(.error, "the file is empty: expected \(empty)")))
        }
        var walker = JSONWalker(base: base, count: buffer.count)
        do throws(JSONSyntaxError) {
            return .success(try reader(&walker))
        } catch {
            return .failure(GraphFileError(path: "", diagnostic: error.diagnostic(in: buffer)))
        }
    }
}
