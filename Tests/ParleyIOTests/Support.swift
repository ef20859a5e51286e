import ParleyGraph
import ParleyValues
@testable import ParleyIO

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses `text` as a graph file named `g.json`.
func parse(_ text: String) throws(GraphFileError) -> GraphStore {
    try GraphFile.parse(Array(text.utf8), name: "g.json")
}

/// The rendered error (`g.json:LINE:COL: error: ...`) for `bytes`, or `nil` if they load.
func loadError(_ bytes: [UInt8]) -> String? {
    do {
        _ = try GraphFile.parse(bytes, name: "g.json")
        return nil
    } catch {
        return error.description
    }
}

/// The rendered error for `text`, or `nil` if it loads.
func loadError(_ text: String) -> String? { loadError(Array(text.utf8)) }

/// Whether two values are the same case with the same payload (stricter than `==`, which
/// treats `1` and `1.0` as equivalent).
func identical(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
    case (.string(let x), .string(let y)): return x == y
    case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
    case (.temporal(let x), .temporal(let y)): return x == y && x.description == y.description
    default: return false
    }
}

/// A description of the first difference between two graphs (nodes, labels, properties,
/// relationships, by internal id), or `nil` if they are the same.
func difference(_ a: GraphStore, _ b: GraphStore) -> String? {
    let an = Array(a.nodeIDs), bn = Array(b.nodeIDs)
    guard an == bn else { return "node ids differ: \(an.prefix(10)) vs \(bn.prefix(10))" }
    for n in an {
        if a.labels(of: n) != b.labels(of: n) { return "labels of node \(n): \(a.labels(of: n)) vs \(b.labels(of: n))" }
        let pa = a.properties(of: n), pb = b.properties(of: n)
        guard pa.keys.sorted() == pb.keys.sorted() else { return "property keys of node \(n): \(pa.keys.sorted()) vs \(pb.keys.sorted())" }
        for (k, v) in pa where !identical(v, pb[k]!) { return "node \(n).\(k): \(v) vs \(pb[k]!)" }
    }
    let ar = Array(a.relationshipIDs), br = Array(b.relationshipIDs)
    guard ar == br else { return "relationship ids differ" }
    for r in ar {
        if a.type(of: r) != b.type(of: r) || a.startNode(of: r) != b.startNode(of: r) || a.endNode(of: r) != b.endNode(of: r) {
            return "relationship \(r) differs in type or endpoints"
        }
        let pa = a.properties(ofRelationship: r), pb = b.properties(ofRelationship: r)
        guard pa.keys.sorted() == pb.keys.sorted() else { return "property keys of relationship \(r)" }
        for (k, v) in pa where !identical(v, pb[k]!) { return "relationship \(r).\(k): \(v) vs \(pb[k]!)" }
    }
    return nil
}

/// A fresh empty folder under /tmp, removed by the caller with `removeTree`.
func temporaryFolder() -> String {
    var template = Array("/tmp/parley-io-test-XXXXXX".utf8CString)
    let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    return String(cString: path!)
}

/// Removes a folder made by `temporaryFolder` with the files in it.
func removeTree(_ folder: String) {
    if let dir = opendir(folder) {
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." {
                let path = folder + "/" + name
                if unlink(path) != 0 { removeTree(path) }
            }
        }
        closedir(dir)
    }
    rmdir(folder)
}

/// Writes `bytes` to `path` (plainly, for test setup).
func writeFile(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    precondition(fd >= 0, "cannot create \(path)")
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
}

/// The bytes of the file at `path`.
func readFile(_ path: String) -> [UInt8]? { try? FileAccess.read(path) }

/// The names in `folder`.
func listFolder(_ folder: String) -> [String] {
    var names: [String] = []
    if let dir = opendir(folder) {
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
    }
    return names.sorted()
}
