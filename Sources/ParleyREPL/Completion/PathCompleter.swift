import Foundation

/// Completes a file path argument: the entries of its directory that start with its last part.
struct PathCompleter {
    /// The directory relative paths start from (nil: the current directory).
    var workingDirectory: String?

    /// Completes `partial` (as typed: relative, absolute or starting with `~/`).
    func complete(_ partial: String) -> CompletionResult {
        let directoryPart: String
        let namePart: String
        if let slash = partial.lastIndex(of: "/") {
            directoryPart = String(partial[...slash])
            namePart = String(partial[partial.index(after: slash)...])
        } else {
            directoryPart = ""
            namePart = partial
        }
        let listed = resolve(directoryPart)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return .none }
        var names: [String] = []
        var isDirectory: [String: Bool] = [:]
        for entry in entries.sorted() where entry.hasPrefix(namePart) {
            if entry.hasPrefix(".") && !namePart.hasPrefix(".") { continue }
            var flag: ObjCBool = false
            let full = (listed as NSString).appendingPathComponent(entry)
            let exists = FileManager.default.fileExists(atPath: full, isDirectory: &flag)
            let name = exists && flag.boolValue ? entry + "/" : entry
            isDirectory[name] = exists && flag.boolValue
            names.append(name)
        }
        let suffix = names.count == 1 && isDirectory[names[0]] == false ? " " : ""
        return CompletionResult(typed: partial, candidates: names.map { directoryPart + $0 },
                                suffixWhenUnique: suffix, displayed: names)
    }

    /// The directory to list for `directoryPart` (which ends with `/` or is empty).
    private func resolve(_ directoryPart: String) -> String {
        var path = directoryPart
        if path.hasPrefix("~/") || path == "~" {
            path = NSHomeDirectory() + String(path.dropFirst())
        }
        if path.isEmpty { return workingDirectory ?? FileManager.default.currentDirectoryPath }
        if !path.hasPrefix("/"), let workingDirectory {
            path = workingDirectory + "/" + path
        }
        return path
    }
}
