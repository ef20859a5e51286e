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
        var fd: Int32 = -1
        defer { if fd >= 0 { close(fd) } }
        try SyntheticGraphWriter(graph: self).files(json: json) { (name, bytes, ends) throws(SyntheticGraphError) in
            let path = base + "/" + name
            if fd < 0 {
                fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            }
            try writeAll(fd, bytes, path: path)
            if ends {
                close(fd)
                fd = -1
            }
        }
    }

    /// Every file's name and bytes, in the order `write(to:)` writes them.
    func files(json: Bool = true) -> [(name: String, bytes: [UInt8])] {
        var all: [(name: String, bytes: [UInt8])] = []
        var open = false
        SyntheticGraphWriter(graph: self).files(json: json) { name, bytes, ends in
            if open { all[all.count - 1].bytes += bytes } else { all.append((name, bytes)) }
            open = !ends
        }
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

/// Writes all of `bytes` to `fd`, the file at `path`.
private func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SyntheticGraphError) {
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
