import ParleyGraph
import ParleyIO
import ParleyQuery

/// `--format node-link|jgf|mermaid|graphml`: a statement's result as a graph document.
extension Session {
    /// The nodes and relationships `result` returns, as a document in `format`; the notes go
    /// to standard error. Nil (error printed) when the format cannot hold a value.
    func graphDocument(for result: QueryResult, format: GraphFormat) -> String? {
        let graph = Interchange.extract(Subgraph(collecting: result.rows, graph: engine.graph), from: engine.graph)
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
