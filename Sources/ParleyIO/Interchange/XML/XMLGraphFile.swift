import ParleyGraph
import ParleyValues

/// Reading an XML graph file: the bytes (mapped, or read when the file cannot be mapped),
/// the scan, and errors turned into positioned diagnostics while the bytes are at hand.
enum XMLGraphFile {
    /// A reader of one document: its bytes in, the graph out.
    typealias Reader = (UnsafeBufferPointer<UInt8>) throws(XMLReadError) -> GraphStore

    /// Reads `path` and runs `read` over its bytes; any error becomes a ``GraphFileError``
    /// positioned in the file. All or nothing.
    static func load(path: String, _ read: Reader) throws(GraphFileError) -> GraphStore {
        let result: Result<GraphStore, Diagnostic>
        do {
            if let mapped = try FileAccess.withMappedFile(path, { parse($0, read) }) {
                result = mapped
            } else {
                let bytes = try FileAccess.read(path)
                result = bytes.withUnsafeBufferPointer { parse($0, read) }
            }
        } catch {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, error.message))
        }
        switch result {
        case .success(let graph): return graph
        case .failure(let diagnostic): throw GraphFileError(path: path, diagnostic: diagnostic)
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ read: Reader) -> Result<GraphStore, Diagnostic> {
        do throws(XMLReadError) {
            return .success(try read(bytes))
        } catch {
            return .failure(XMLSource(bytes: bytes).diagnostic(error))
        }
    }
}
