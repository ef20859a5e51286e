#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SyntheticGraph {
    /// Writes the graph's files into `folder`, made with its parents if missing; `json: false`
    /// leaves out graph.json (CSV only).
    public func write(to folder: String, json: Bool = true) throws(SyntheticGraphError) {
        var base = folder
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        try makeFolder(base)
        try SyntheticGraphWriter(graph: self).files(json: json) { (name, bytes) throws(SyntheticGraphError) in
            try writeFile(base + "/" + name, bytes)
        }
    }

    /// Every file's name and bytes, in the order `write(to:)` writes them.
    func files(json: Bool = true) -> [(name: String, bytes: [UInt8])] {
        var all: [(name: String, bytes: [UInt8])] = []
        SyntheticGraphWriter(graph: self).files(json: json) { all.append(($0, $1)) }
        return all
    }
}

/// Makes `path` and its missing parents (`mkdir -p`).
private func makeFolder(_ path: String) throws(SyntheticGraphError) {
    var info = stat()
    if stat(path, &info) == 0 {
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .cannotWrite(path: path, reason: "not a folder") }
        return
    }
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex { try makeFolder(String(path[..<slash])) }
    if mkdir(path, 0o755) != 0 && errno != EEXIST { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
}

/// Writes `bytes` to the file at `path`, replacing it.
private func writeFile(_ path: String, _ bytes: [UInt8]) throws(SyntheticGraphError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
        if n < 0 {
            if errno == EINTR { continue }
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        written += n
    }
}
