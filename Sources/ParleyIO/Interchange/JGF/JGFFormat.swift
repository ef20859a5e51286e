import ParleyGraph

/// JSON Graph Format v2, read and written (docs/interchange.md#json-graph-format).
public enum JGFFormat {
    /// What a JGF file holds, for errors.
    static let expected = "a JGF object such as {\"graph\": {\"directed\": true, \"nodes\": {}, \"edges\": []}}"

    /// Loads the JGF file at `path`; all or nothing, errors at `FILE:LINE:COL`.
    public static func load(path: String) throws(GraphFileError) -> GraphStore {
        try JSONFormLoading.load(path: path, empty: expected) { (w: inout JSONWalker) throws(JSONSyntaxError) -> GraphStore in
            var reader = JGFReader()
            return try reader.read(&w)
        }
    }

    /// Parses JGF bytes; `name` is used in error messages.
    public static func parse(_ bytes: [UInt8], name: String) throws(GraphFileError) -> GraphStore {
        try JSONFormLoading.parse(bytes, name: name, empty: expected) { (w: inout JSONWalker) throws(JSONSyntaxError) -> GraphStore in
            var reader = JGFReader()
            return try reader.read(&w)
        }
    }

    /// The JGF text of `graph`, with what the format could not hold as it was.
    public static func text(_ graph: GraphStore) throws(GraphFileError) -> (bytes: [UInt8], notes: ExportNotes) {
        var notes = ExportNotes()
        var writer = JGFWriter(graph)
        let bytes = try writer.write(notes: &notes)
        return (bytes, notes)
    }
}
