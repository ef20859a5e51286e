import ParleyGraph
import ParleyValues

/// Reading and writing every format Parley knows (docs/interchange.md): the one entry point
/// for `parley FILE`, `:load`, `:export`, `parley convert` and `--format`.
public enum Interchange {
    /// Loads the graph at `path` (a file, or a folder for CSV) in `format`, or in the format
    /// detected from the path. All or nothing: an error leaves no graph.
    public static func load(path: String, format: GraphFormat? = nil, progress: ((Int) -> WorkProgress)? = nil) throws(GraphFileError) -> GraphStore {
        let format = format ?? GraphFormat.detect(reading: path) ?? .json
        guard format.canRead else {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "cannot read \(format.rawValue) files: Parley writes them only (it reads \(readableNames))"))
        }
        switch format {
        case .json: return try GraphFile.load(path: path, progress: progress)
        case .nodeLink: return try NodeLinkFormat.load(path: path)
        case .jgf: return try JGFFormat.load(path: path)
        case .graphml: return try XMLGraphFile.load(path: path, GraphMLReader.read)
        case .gexf: return try XMLGraphFile.load(path: path, GEXFReader.read)
        case .csv: return try CSVFolderReader.load(path: path)
        default:
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "reading \(format.rawValue) is not available in this build"))
        }
    }

    /// The text of `graph` in a single-file `format`, with what the format could not hold.
    public static func text(_ graph: GraphStore, format: GraphFormat) throws(GraphFileError) -> (bytes: [UInt8], notes: ExportNotes) {
        let notes = ExportNotes()
        switch format {
        case .json:
            if let problem = GraphFile.unwritableProperty(in: graph) {
                throw GraphFileError(path: "", diagnostic: Diagnostic(.error, "cannot save: \(problem), which JSON cannot hold"))
            }
            return (GraphFile.serialize(graph), notes)
        case .graphml: var w = GraphMLWriter(graph); return w.write()
        case .gexf: var w = GEXFWriter(graph); return w.write()
        case .dot:
            return (Array(DOTExporter.export(graph, subgraph: nil, options: DOTOptions(), style: .default).utf8), notes)
        case .nodeLink: return try NodeLinkFormat.text(graph)
        case .jgf: return try JGFFormat.text(graph)
        case .mermaid: return MermaidWriter.text(graph)
        case .cypher: return CypherScriptWriter.text(graph)
        default:
            throw GraphFileError(path: "", diagnostic: Diagnostic(.error, "writing \(format.rawValue) is not available in this build"))
        }
    }

    /// Writes `graph` to `path` in `format` (or the format its extension names), atomically:
    /// a file appears complete or not at all, a folder is replaced whole. Returns the notes.
    @discardableResult
    public static func save(_ graph: GraphStore, to path: String, format: GraphFormat? = nil) throws(GraphFileError) -> ExportNotes {
        guard !path.isEmpty else {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "cannot write: the file name is empty"))
        }
        guard let format = format ?? GraphFormat.detect(writing: path) else {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "cannot tell the format from the file name: name one (\(GraphFormat.names.joined(separator: ", ")))"))
        }
        switch format {
        case .csv, .kuzu:
            return try saveFolder(graph, to: path, format: format)
        default:
            var result: (bytes: [UInt8], notes: ExportNotes)
            do {
                result = try text(graph, format: format)
            } catch {
                var e = error
                e.path = path
                throw e
            }
            do {
                try FileAccess.writeAtomically(result.bytes, to: path)
            } catch {
                throw GraphFileError(path: path, diagnostic: Diagnostic(.error, error.message))
            }
            return result.notes
        }
    }

    /// The part of `graph` that `subgraph` selects, as a graph of its own (for exporting what a
    /// query returns): its nodes, and its relationships whose ends are both among them.
    public static func extract(_ subgraph: Subgraph, from graph: GraphStore) -> GraphStore {
        graph.restricted(nodes: { subgraph.nodes.contains($0) }, relationships: { subgraph.relationships.contains($0) })
    }

    /// The readable formats, for messages (`json, graphml, gexf, ...`).
    public static var readableNames: String { GraphFormat.allCases.filter(\.canRead).map(\.rawValue).joined(separator: ", ") }
}
