import ParleyGraph
import ParleyIO
import ParleyQuery

/// `--format node-link|jgf|mermaid|graphml`: a statement's result as a graph document.
extension Session {
    /// The nodes and relationships `result` returns, as a document in `format`; the notes go
    /// to standard error. Nil (error printed) when the format cannot hold a value. `store` is
    /// the store the result's values name (a Bolt result's scratch store; the session's by default).
    func graphDocument(for result: QueryResult, format: GraphFormat, graph store: GraphStore? = nil) -> String? {
        let store = store ?? engine.graph
        let graph = Interchange.extract(Subgraph(collecting: result.rows, graph: store), from: store)
        do {
            let (bytes, notes) = try Interchange.text(graph, format: format)
            for note in notes.lines { error("note: \(note)") }
            return String(decoding: bytes, as: UTF8.self)
        } catch {
            self.error("error: \(error.diagnostic.message)")
            return nil
        }
    }
}
