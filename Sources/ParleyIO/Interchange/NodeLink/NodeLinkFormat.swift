import ParleyGraph

/// NetworkX node-link JSON, read and written (docs/interchange.md#networkx-node-link-json).
public enum NodeLinkFormat {
    /// The property that keeps a node's id when the file gives it as a number (`"id": 7` →
    /// `id: '7'` and `nx_id: 7`), so that writing the graph gives NetworkX the number back.
    public static let numberIDKey = "nx_id"

    /// What an empty file should have held, for the error.
    static let expected = "a node-link object such as {\"directed\": true, \"multigraph\": true, \"graph\": {}, \"nodes\": [], \"edges\": []}"

    /// Loads the node-link file at `path`; all or nothing, errors at `FILE:LINE:COL`.
    public static func load(path: String) throws(GraphFileError) -> GraphStore {
        try JSONFormLoading.load(path: path, empty: expected) { (w: inout JSONWalker) throws(JSONSyntaxError) -> GraphStore in
            var reader = NodeLinkReader()
            return try reader.read(&w)
        }
    }

    /// Parses node-link JSON bytes; `name` is used in error messages.
    public static func parse(_ bytes: [UInt8], name: String) throws(GraphFileError) -> GraphStore {
        try JSONFormLoading.parse(bytes, name: name, empty: expected) { (w: inout JSONWalker) throws(JSONSyntaxError) -> GraphStore in
            var reader = NodeLinkReader()
            return try reader.read(&w)
        }
    }

    /// The node-link text of `graph`, with what the format could not hold as it was.
    public static func text(_ graph: GraphStore) throws(GraphFileError) -> (bytes: [UInt8], notes: ExportNotes) {
        var notes = ExportNotes()
        var writer = NodeLinkWriter(graph)
        let bytes = try writer.write(notes: &notes)
        return (bytes, notes)
    }
}
