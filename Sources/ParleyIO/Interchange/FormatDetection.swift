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
        let head = [UInt8]((try? handle.read(upToCount: 65_536)) ?? Data())
        let set = Set(topLevelKeys(head))
        // node-link has a "graph" key too (the graph's attributes), so it is tested first.
        if set.contains("links") || set.contains("directed") || set.contains("multigraph") { return .nodeLink }
        if set.contains("graph") || set.contains("graphs") { return .jgf }
        if set.contains("nodes") || set.contains("edges") { return .json }
        return nil
    }

    /// The keys at depth 1 of the top-level object in `bytes` (possibly cut short), found by a
    /// small scan of strings and brackets over the bytes: every byte that matters is ASCII, so
    /// no decoding is needed, and only the keys are made into strings.
    static func topLevelKeys(_ bytes: [UInt8]) -> [String] {
        var depth = 0
        var keys: [String] = []
        var expectKey = false
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectKey = bytes[i] == UInt8(ascii: "{") && depth == 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ","): expectKey = depth == 1
            case UInt8(ascii: "\""):
                // A backslash is dropped and the byte after it kept, as for the key `\"`.
                let isKey = depth == 1 && expectKey
                var j = i + 1
                var word: [UInt8] = []
                while j < bytes.count && bytes[j] != UInt8(ascii: "\"") {
                    if bytes[j] == UInt8(ascii: "\\") { j += 1; if j == bytes.count { break } }
                    if isKey { word.append(bytes[j]) }
                    j += 1
                }
                if isKey {
                    keys.append(String(decoding: word, as: UTF8.self))
                    expectKey = false
                }
                i = j
            default: break
            }
            if i < bytes.count { i += 1 }
        }
        return keys
    }
}
