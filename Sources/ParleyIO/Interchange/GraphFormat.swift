/// The graph file formats Parley reads and writes (docs/interchange.md).
public enum GraphFormat: String, Sendable, CaseIterable {
    /// Parley's JSON graph format (docs/graph-format.md).
    case json
    /// GraphML with typed `<key>`s.
    case graphml
    /// GEXF 1.3 (Gephi).
    case gexf
    /// NetworkX's node-link JSON.
    case nodeLink = "node-link"
    /// JSON Graph Format v2.
    case jgf
    /// A folder of neo4j-admin-style CSV files.
    case csv
    /// A folder with a Kùzu schema, CSV files and `COPY` statements.
    case kuzu
    /// A Cypher script of `CREATE` statements.
    case cypher
    /// A Mermaid `graph LR` diagram.
    case mermaid
    /// Graphviz DOT.
    case dot

    /// Whether Parley reads the format.
    public var canRead: Bool {
        switch self {
        case .json, .graphml, .gexf, .nodeLink, .jgf, .csv: return true
        case .kuzu, .cypher, .mermaid, .dot: return false
        }
    }

    /// Whether Parley writes the format.
    public var canWrite: Bool { true }

    /// Whether the format is a folder of files rather than one file.
    public var isFolder: Bool { self == .csv || self == .kuzu }

    /// The file extensions that name the format (the first is the one Parley suggests).
    public var extensions: [String] {
        switch self {
        case .json: return ["json"]
        case .graphml: return ["graphml"]
        case .gexf: return ["gexf"]
        case .nodeLink: return ["json"]
        case .jgf: return ["jgf", "json"]
        case .csv, .kuzu: return []
        case .cypher: return ["cypher", "cql"]
        case .mermaid: return ["mmd", "mermaid"]
        case .dot: return ["dot", "gv"]
        }
    }

    /// The names accepted for `--from`, `--to`, `:export FORMAT` (the raw value, and a few aliases).
    public static func named(_ name: String) -> GraphFormat? {
        let n = name.lowercased()
        if let f = GraphFormat(rawValue: n) { return f }
        switch n {
        case "nodelink", "node_link", "networkx": return .nodeLink
        case "neo4j", "neo4j-csv": return .csv
        case "gv", "graphviz": return .dot
        case "mmd": return .mermaid
        case "parley": return .json
        default: return nil
        }
    }

    /// Every format name, for messages and completion.
    public static var names: [String] { allCases.map(\.rawValue) }
}
