import ParleyGraph
import ParleyIO
import ParleyValues

/// How results are printed (`:mode`, `--format`).
public enum OutputMode: String, Sendable, CaseIterable {
    /// ASCII table (`+---+`).
    case table
    /// Unicode box-drawing table.
    case box
    /// One record per row, one `column | value` line per column (psql's `\x`).
    case vertical
    /// RFC 4180 comma-separated values.
    case csv
    /// Tab-separated values.
    case tsv
    /// One JSON array of row objects per statement (a stream of JSON documents).
    case json
    /// One JSON object per row, one per line.
    case jsonl
    /// A Markdown pipe table.
    case markdown
    /// One Cypher map literal per row, in Cypher that reads back.
    case cypher
    /// Graphviz DOT of the nodes and relationships in the result (scripts only).
    case dot
    /// NetworkX node-link JSON of the result's nodes and relationships (scripts only).
    case nodeLink = "node-link"
    /// JSON Graph Format v2 of the result's nodes and relationships (scripts only).
    case jgf
    /// A Mermaid diagram of the result's nodes and relationships (scripts only).
    case mermaid
    /// GraphML of the result's nodes and relationships (scripts only).
    case graphml

    /// The modes `:mode` accepts (graph documents are for `--format` and `:export`).
    static var interactiveModes: [OutputMode] { allCases.filter { !$0.isGraphDocument } }

    /// The mode `:mode` or `:last` names (any letter case), or the problem to report:
    /// `Unknown mode 'tabel' (did you mean table?)`. Graph documents are not such modes.
    static func interactive(named word: String) -> Result<OutputMode, UnknownMode> {
        if let m = OutputMode(rawValue: word.lowercased()), !m.isGraphDocument { return .success(m) }
        var problem = "Unknown mode '\(word)'"
        if let near = EditDistance.nearest(to: word, in: interactiveModes.map(\.rawValue)) { problem += " (did you mean \(near)?)" }
        return .failure(UnknownMode(message: problem))
    }

    /// Why a word names no interactive mode.
    struct UnknownMode: Error {
        var message: String
    }

    /// Whether the mode writes the result's subgraph as a graph document (DOT, node-link, ...)
    /// rather than its rows.
    var isGraphDocument: Bool { self == .dot || graphFormat != nil }

    /// The interchange format of a graph-document mode other than DOT (docs/interchange.md).
    var graphFormat: GraphFormat? {
        switch self {
        case .nodeLink: return .nodeLink
        case .jgf: return .jgf
        case .mermaid: return .mermaid
        case .graphml: return .graphml
        default: return nil
        }
    }

    /// What goes between two results printed one after the other (a script's statements):
    /// a blank line for tables, records, Markdown, TSV and Cypher, a CRLF blank line for CSV,
    /// nothing for JSON (a stream of documents, one per statement, as `jq` reads them), JSON
    /// Lines (one stream of rows), DOT (one `digraph` per statement), node-link and JGF (one
    /// document per statement), GraphML (one XML document per statement); a blank line between
    /// Mermaid diagrams.
    var resultSeparator: String {
        switch self {
        case .table, .box, .vertical, .markdown, .tsv, .cypher, .mermaid: return "\n"
        case .csv: return "\r\n"
        case .json, .jsonl, .dot, .nodeLink, .jgf, .graphml: return ""
        }
    }

    /// Whether the mode is a human-facing table (footer, statistics on stdout).
    var isTable: Bool { self == .table || self == .box || self == .vertical }
}

/// What a renderer needs besides the result.
struct RenderOptions: Sendable {
    /// The widest a table may be, in terminal columns (nil: no limit).
    var width: Int?
    /// Whether to use ANSI colours (dimmed `null`).
    var color = false
    /// Show at most this many rows (0: all).
    var maxRows = 0
}

/// A rendered result: the text, and what the footer must admit.
struct RenderedResult: Sendable {
    /// The text to print (ends with a newline unless empty).
    var text: String
    /// Whether some values (or names) were cut to fit the width.
    var truncatedValues = false
    /// How many rows were printed (less than the result's when `maxRows` cut them).
    var shownRows: Int
}
