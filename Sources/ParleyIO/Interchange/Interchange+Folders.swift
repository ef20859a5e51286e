import ParleyGraph
import ParleyValues

/// The folder formats: CSV (neo4j-admin) and Kùzu.
extension Interchange {
    /// Writes `graph` as the folder `path` in `format` (`.csv` or `.kuzu`), atomically.
    static func saveFolder(_ graph: GraphStore, to path: String, format: GraphFormat) throws(GraphFileError) -> ExportNotes {
        var notes: ExportNotes
        var files: [(name: String, bytes: [UInt8])]
        var executable: Set<String> = []
        if format == .kuzu {
            var writer = KuzuWriter(graph)
            files = writer.files()
            notes = writer.notes
        } else {
            var writer = CSVWriter(graph)
            files = writer.files()
            notes = writer.notes
            executable = ["import.sh"]
        }
        do {
            try AtomicFolder.write(files, to: path, executable: executable)
        } catch {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, error.message))
        }
        return notes
    }
}
