import ParleyGraph

/// Reading and writing graphs in Parley's JSON graph format v1 (see docs/graph-format.md).
public enum GraphFile {
    /// Loads the graph in the file at `path`.
    ///
    /// Throws a ``Diagnostic`` positioned at the offending byte (`FILE:LINE:COL`) on malformed
    /// JSON, wrong types, duplicate node ids, dangling endpoints, invalid UTF-8, and numbers out
    /// of range. Nothing half-loaded escapes: the caller's graph is untouched on error.
    public static func load(path: String) throws(GraphFileError) -> GraphStore {
        throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "the JSON loader is not built yet"))
    }

    /// Parses a graph from UTF-8 JSON bytes; `name` is used in error messages.
    public static func parse(_ bytes: [UInt8], name: String) throws(GraphFileError) -> GraphStore {
        throw GraphFileError(path: name, diagnostic: Diagnostic(.error, "the JSON loader is not built yet"))
    }

    /// The graph as JSON graph format v1 text, in a deterministic order (nodes by id, keys sorted).
    public static func serialize(_ graph: GraphStore) -> [UInt8] { [] }

    /// Writes the graph to `path` atomically: a temporary file in the same folder, fsync, rename.
    public static func save(_ graph: GraphStore, to path: String) throws(GraphFileError) {
        throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "the JSON writer is not built yet"))
    }
}

/// A failure to load or save a graph file: the file name and a positioned diagnostic.
public struct GraphFileError: Error, Sendable, CustomStringConvertible {
    /// The file (or name) the error is about.
    public var path: String
    /// What went wrong and where.
    public var diagnostic: Diagnostic

    /// Creates an error.
    public init(path: String, diagnostic: Diagnostic) {
        self.path = path
        self.diagnostic = diagnostic
    }

    /// `FILE:LINE:COL: error: message` (no source excerpt).
    public var description: String { diagnostic.render(source: nil, fileName: path) }
}
