import ParleyGraph
import ParleyValues

/// Reading an XML graph file: the bytes, the parse, and errors turned into positioned
/// diagnostics.
enum XMLGraphFile {
    /// Reads `path` and runs `read` over its bytes; any error becomes a ``GraphFileError``
    /// positioned in the file.
    static func load(path: String, _ read: ([UInt8]) throws(XMLReadError) -> GraphStore) throws(GraphFileError) -> GraphStore {
        let bytes: [UInt8]
        do {
            bytes = try FileAccess.read(path)
        } catch {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, error.message))
        }
        do {
            return try read(bytes)
        } catch {
            throw GraphFileError(path: path, diagnostic: XMLSource(bytes: bytes).diagnostic(error))
        }
    }
}
