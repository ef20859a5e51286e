import Foundation

/// Which format a path holds: by its extension, and for `.json` by the document's shape.
extension GraphFormat {
    /// The format of the file or folder at `path` for reading: a folder of `.csv` files is a CSV folder; a
    /// `.json` file is Parley's format, node-link or JGF by its top-level keys; other files go
    /// by extension. `nil` when nothing fits.
    public static func detect(reading path: String) -> GraphFormat? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            // A folder holding CSV files is a CSV folder; any other folder is left to the JSON
            // loader, which says it is a folder.
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return files.contains { $0.lowercased().hasSuffix(".csv") } ? .csv : nil
        }
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "json": return jsonShape(path) ?? .json
        case "jgf": return .jgf
        case "graphml": return .graphml
        case "gexf": return .gexf
        default: return nil
        }
    }

    /// The format to write at `path`: by extension (`.json` is Parley's format); a path
    /// without an extension is a folder of CSV files. `nil` when the extension names no format.
    public static func detect(writing path: String) -> GraphFormat? {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext.isEmpty { return .csv }
        return allCases.first { $0 != .nodeLink && $0.extensions.contains(ext) }
    }

    /// Parley's JSON, node-link or JGF, from the top-level keys in the first 64 KiB of the
    /// file: `links`, `directed` or `multigraph` → node-link; `graph` or `graphs` → JGF;
    /// `nodes` or `edges` → Parley's.
    static func jsonShape(_ path: String) -> GraphFormat? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        let text = String(decoding: head, as: UTF8.self)
        // Keys at depth 1 of the top-level object, found by a small scan of strings and brackets.
        var depth = 0
        var keys: [String] = []
        var i = text.unicodeScalars.startIndex
        let s = text.unicodeScalars
        var expectKey = false
        while i < s.endIndex {
            let c = s[i]
            switch c {
            case "{", "[":
                depth += 1
                expectKey = c == "{" && depth == 1
            case "}", "]": depth -= 1
            case ",": expectKey = depth == 1
            case "\"":
                var j = s.index(after: i)
                var word = ""
                while j < s.endIndex && s[j] != "\"" {
                    if s[j] == "\\" { j = s.index(after: j); if j == s.endIndex { break } }
                    word.unicodeScalars.append(s[j])
                    j = s.index(after: j)
                }
                if depth == 1 && expectKey { keys.append(word); expectKey = false }
                i = j
            default: break
            }
            if i < s.endIndex { i = s.index(after: i) }
        }
        let set = Set(keys)
        // node-link has a "graph" key too (the graph's attributes), so it is tested first.
        if set.contains("links") || set.contains("directed") || set.contains("multigraph") { return .nodeLink }
        if set.contains("graph") || set.contains("graphs") { return .jgf }
        if set.contains("nodes") || set.contains("edges") { return .json }
        return nil
    }
}
