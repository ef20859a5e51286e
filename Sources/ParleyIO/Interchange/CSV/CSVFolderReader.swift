import Foundation
import ParleyGraph
import ParleyValues

/// Reads a folder of neo4j-admin-style CSV files into a new graph (docs/interchange.md, "CSV
/// (neo4j-admin)"): every `*.csv` in it, node files (an `:ID` column) first, then relationship
/// files (`:START_ID` and `:END_ID`), each in name order. All or nothing: the first error
/// names the file, the row's line and the column, and no graph is returned.
struct CSVFolderReader {
    /// The graph being built.
    var store = GraphStore()
    /// Per id space ("" is the global one): node id bytes → node.
    var idTables: [String: ByteStringTable] = [:]
    /// Where each node was defined: file index and line.
    var origins: [(file: Int32, line: Int32)] = []
    /// The files, in reading order (for messages).
    var files: [String] = []
    /// Label and type names (bytes) → interned ids.
    var labelTable = NameTable()
    var typeTable = NameTable()
    // Relationships, added in bulk at the end.
    var relTypes: [Int32] = []
    var relStarts: [Int32] = []
    var relEnds: [Int32] = []

    /// The graph in the folder (or the single file) at `path`.
    static func load(path: String) throws(GraphFileError) -> GraphStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "cannot read the folder: no such file or directory"))
        }
        var paths: [String]
        if isDirectory.boolValue {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "cannot read the folder: \(error.localizedDescription)"))
            }
            paths = names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            guard !paths.isEmpty else {
                throw GraphFileError(path: path, diagnostic: Diagnostic(.error, "the folder holds no .csv files"))
            }
        } else {
            paths = [path]
        }
        var reader = CSVFolderReader()
        return try reader.read(paths)
    }

    /// Reads the files: node files, then relationship files.
    mutating func read(_ paths: [String]) throws(GraphFileError) -> GraphStore {
        var relationshipFiles: [(path: String, bytes: [UInt8])] = []
        files = paths
        for (index, path) in paths.enumerated() {
            let bytes: [UInt8]
            do {
                bytes = try FileAccess.read(path)
            } catch {
                throw GraphFileError(path: path, diagnostic: Diagnostic(.error, error.message))
            }
            let isNodeFile = try bytes.withUnsafeBufferPointer { (b) throws(GraphFileError) -> Bool in
                try readFile(b, index: index, nodes: true)
            }
            if !isNodeFile { relationshipFiles.append((path, bytes)) }
        }
        for (path, bytes) in relationshipFiles {
            let index = paths.firstIndex(of: path)!
            _ = try bytes.withUnsafeBufferPointer { (b) throws(GraphFileError) -> Bool in
                try readFile(b, index: index, nodes: false)
            }
        }
        store.rebuildPropertyIndexes()
        do {
            try store.appendRelationships(types: relTypes, starts: relStarts, ends: relEnds)
        } catch {
            throw GraphFileError(path: paths.first ?? "", diagnostic: Diagnostic(.error, "internal error while adding relationships: \(error)"))
        }
        return store
    }

    /// An error in file `index` at `line`.
    func error(_ index: Int, _ line: Int?, _ message: String) -> GraphFileError {
        GraphFileError(path: files[index] + (line.map { ":\($0)" } ?? ""), diagnostic: Diagnostic(.error, message))
    }

    /// Reads the header of a file and, if it is of the kind asked for (`nodes` or not), its
    /// rows. Returns whether it is a node file.
    mutating func readFile(_ b: UnsafeBufferPointer<UInt8>, index: Int, nodes: Bool) throws(GraphFileError) -> Bool {
        guard let base = b.baseAddress, b.count > 0 else { throw error(index, nil, "the file is empty: expected a header row such as id:ID,:LABEL,name") }
        var scanner = CSVScanner(base: base, count: b.count)
        let columns = try header(&scanner, index)
        let isNode = columns.contains { if case .id = $0.role { return true } else { return false } }
        let starts = columns.filter { if case .startID = $0.role { return true } else { return false } }.count
        let ends = columns.filter { if case .endID = $0.role { return true } else { return false } }.count
        if isNode {
            if starts + ends > 0 { throw error(index, 1, "a file has either an :ID column (nodes) or :START_ID and :END_ID columns (relationships), not both") }
            if nodes { try readNodes(&scanner, columns, index) }
            return true
        }
        guard starts == 1 && ends == 1 else {
            throw error(index, 1, "the header has no :ID column (a node file) nor one :START_ID and one :END_ID column (a relationship file)")
        }
        if !nodes { try readRelationships(&scanner, columns, index) }
        return false
    }

    /// Reads and checks the header row.
    func header(_ scanner: inout CSVScanner, _ index: Int) throws(GraphFileError) -> [CSVColumn] {
        let line: Int?
        do {
            line = try scanner.nextRow()
        } catch {
            throw self.error(index, error.line, error.message)
        }
        guard let line else { throw error(index, nil, "the file has no header row") }
        var columns: [CSVColumn] = []
        var seen: Set<String> = []
        var special: Set<String> = []
        for i in 0..<scanner.fields.count {
            do throws(CSVValueError) {
                let column = try CSVColumn.parse(try scanner.string(i))
                switch column.role {
                case .property(let key, _), .id(let key?, _):
                    guard seen.insert(key).inserted else { throw CSVValueError("property '\(key)' has two columns") }
                case .ignore: break
                case .id: guard special.insert("ID").inserted else { throw CSVValueError("a second :ID column") }
                case .label: guard special.insert("LABEL").inserted else { throw CSVValueError("a second :LABEL column") }
                case .type: guard special.insert("TYPE").inserted else { throw CSVValueError("a second :TYPE column") }
                case .startID, .endID: break
                }
                if case .id(.some, _) = column.role { guard special.insert("ID").inserted else { throw CSVValueError("a second :ID column") } }
                columns.append(column)
            } catch {
                throw self.error(index, line, "header field \(i + 1): \(error.message)")
            }
        }
        return columns
    }

    /// The name a file gives what it holds when no column does: its name without `.csv` and
    /// without a `nodes_` or `rels_` prefix.
    func nameFromFile(_ index: Int, prefix: String) -> String {
        var name = (files[index] as NSString).lastPathComponent
        if name.lowercased().hasSuffix(".csv") { name.removeLast(4) }
        if name.hasPrefix(prefix) && name.count > prefix.count { name.removeFirst(prefix.count) }
        return name
    }
}
