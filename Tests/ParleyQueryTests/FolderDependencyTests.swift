import Foundation
import Testing

/// The folders of ParleyQuery are its stages (Lexer, Parser, AST, Binder, Bound, Planner,
/// Executor, ...); a folder that uses another's types depends on it, and these dependencies
/// must point one way, as docs/architecture.md draws them.
@Suite("ParleyQuery's folders depend on each other one way")
struct FolderDependencyTests {
    /// The module's source folder, found from this file's place in the repository.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/ParleyQuery")

    /// Every Swift file of the module: its folder (first path component, "(top)" for files
    /// at the top) and its text without comments and string literals.
    static func files() throws -> [(folder: String, text: String)] {
        let root = sources.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [(String, String)] = []
        for case let path as String in walker where path.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            let parts = path.split(separator: "/")
            out.append((parts.count > 1 ? String(parts[0]) : "(top)", strip(text)))
        }
        return out
    }

    /// `text` without `//` comments and without the contents of string literals.
    static func strip(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var inString = false, escaped = false, previous: Character = " "
            for c in line {
                if inString {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                    continue
                }
                if c == "/" && previous == "/" { out.removeLast(); break }
                if c == "\"" { inString = true }
                out.append(c)
                previous = c
            }
            out.append("\n")
        }
        return out
    }

    /// The identifiers of `text` that start with a capital letter.
    static func typeNames(_ text: String) -> Set<String> {
        var names = Set<String>(), current = ""
        for c in text {
            if c.isLetter || c.isNumber || c == "_" { current.append(c); continue }
            if let first = current.first, first.isUppercase { names.insert(current) }
            current = ""
        }
        return names
    }

    /// Folder → folders whose types it names (a type declared in two folders is ambiguous and skipped).
    static func dependencies() throws -> [String: Set<String>] {
        let files = try files()
        var owners: [String: Set<String>] = [:]
        let declaration = /(?:struct|class|enum|protocol|typealias|actor)\s+([A-Z]\w*)/
        for (folder, text) in files {
            for match in text.matches(of: declaration) { owners[String(match.1), default: []].insert(folder) }
        }
        var edges: [String: Set<String>] = [:]
        for (folder, text) in files {
            for name in typeNames(text) {
                guard let owner = owners[name], owner.count == 1, let home = owner.first, home != folder else { continue }
                edges[folder, default: []].insert(home)
            }
        }
        return edges
    }

    @Test("the module's folders are found and depend on each other")
    func foldersFound() throws {
        let edges = try Self.dependencies()
        #expect(edges["Binder"]?.contains("Bound") == true)
        #expect(edges["Planner"]?.contains("Executor") == true)
        #expect(edges["(top)"]?.isSuperset(of: ["Binder", "Planner", "Parser"]) == true)
    }

    @Test("no two folders depend on each other, directly or through others")
    func acyclic() throws {
        let edges = try Self.dependencies()
        // Depth-first search for a cycle, reporting it as a path.
        var state: [String: Int] = [:]  // 1: on the path, 2: done
        var path: [String] = []
        var cycle: [String]?
        func visit(_ folder: String) {
            if cycle != nil { return }
            state[folder] = 1
            path.append(folder)
            for next in (edges[folder] ?? []).sorted() {
                if state[next] == 1 { cycle = Array(path[path.firstIndex(of: next)!...]) + [next]; return }
                if state[next] == nil { visit(next) }
                if cycle != nil { return }
            }
            path.removeLast()
            state[folder] = 2
        }
        for folder in edges.keys.sorted() where state[folder] == nil { visit(folder) }
        #expect(cycle == nil, "folder cycle: \(cycle?.joined(separator: " → ") ?? "")")
    }
}
