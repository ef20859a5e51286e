import ParleyGraph
import ParleyValues

#if os(Linux)
/// glibc's `malloc_trim` (not exported by the Glibc module): returns free heap memory to the system.
@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Reading and writing graphs in Parley's JSON graph format v1 (see docs/graph-format.md).
public enum GraphFile {
    /// Loads the graph in the file at `path`; `progress`, given the file's size, returns where
    /// to report the bytes read (for a progress line).
    ///
    /// Throws a ``Diagnostic`` positioned at the offending byte (`FILE:LINE:COL`) on malformed
    /// JSON, wrong types, duplicate node ids, dangling endpoints, invalid UTF-8, and numbers out
    /// of range. Nothing half-loaded escapes: the caller's graph is untouched on error.
    public static func load(path: String, progress: ((Int) -> WorkProgress)? = nil) throws(GraphFileError) -> GraphStore {
        do {
            // A regular file is mapped, not copied; anything else is read.
            if let result = try FileAccess.withMappedFile(path, { parse(buffer: $0, progress: progress?($0.count), mapped: true) }) {
                return try finish(result, name: path)
            }
            let bytes = try FileAccess.read(path, jsonObject: true)
            return try parse(bytes, name: path)
        } catch let error as FileAccess.Failure {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, error.message))
        } catch let error as GraphFileError {
            throw error
        } catch {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "\(error)"))
        }
    }

    /// Parses a graph from UTF-8 JSON bytes; `name` is used in error messages.
    public static func parse(_ bytes: [UInt8], name: String) throws(GraphFileError) -> GraphStore {
        try finish(bytes.withUnsafeBufferPointer { parse(buffer: $0) }, name: name)
    }

    /// The graph, or the error turned into a positioned diagnostic (lines and columns are
    /// counted in `buffer` while it is still valid). `mapped`: `buffer` is a private read-only
    /// file mapping, whose pages the loader may drop once read.
    private static func parse(buffer: UnsafeBufferPointer<UInt8>, progress: WorkProgress? = nil, mapped: Bool = false) -> Result<GraphStore, GraphFileError> {
        let result: Result<GraphStore, JSONSyntaxError>
        if let base = buffer.baseAddress, buffer.count > 0 {
            var loader = GraphLoader(base: base, count: buffer.count)
            loader.progress = progress
            loader.releasesReadPages = mapped
            do throws(JSONSyntaxError) {
                result = .success(try loader.load())
            } catch {
                result = .failure(error)
            }
        } else {
            result = .failure(JSONSyntaxError(at: 0, "the file is empty: expected a JSON object such as {\"nodes\": [], \"edges\": []}"))
        }
        switch result {
        case .success(let graph): return .success(graph)
        case .failure(let error): return .failure(GraphFileError(path: "", diagnostic: error.diagnostic(in: buffer)))
        }
    }

    /// Returns the graph or throws the error with `name` as its path, after releasing the
    /// parser's temporaries.
    private static func finish(_ result: Result<GraphStore, GraphFileError>, name: String) throws(GraphFileError) -> GraphStore {
        #if os(Linux)
        // Give the parser's large temporaries back to the system (glibc keeps freed heap).
        _ = glibcMallocTrim(0)
        #endif
        switch result {
        case .success(let graph): return graph
        case .failure(var error):
            error.path = name
            throw error
        }
    }

    /// The graph as JSON graph format v1 text, in a deterministic order (nodes by id, keys sorted).
    ///
    /// Floats that JSON cannot express (NaN, ±infinity) are written as `null`; ``save(_:to:)``
    /// refuses such graphs instead.
    public static func serialize(_ graph: GraphStore) -> [UInt8] {
        var writer = GraphWriter(graph)
        return writer.serialize()
    }

    /// Writes the graph to `path` atomically: a temporary file in the same folder, fsync, rename.
    ///
    /// Refuses an empty path, and a graph holding a float JSON cannot write (NaN, ±infinity),
    /// naming the node by its `id` property or the relationship by its type and end ids.
    public static func save(_ graph: GraphStore, to path: String) throws(GraphFileError) {
        guard !path.isEmpty else {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "cannot save: the file name is empty"))
        }
        if let problem = unwritableProperty(in: graph) {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "cannot save: \(problem), which JSON cannot hold"))
        }
        do {
            try FileAccess.writeAtomically(serialize(graph), to: path)
        } catch {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, error.message))
        }
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
    public var description: String { diagnostic.text(fileName: path) }
}
