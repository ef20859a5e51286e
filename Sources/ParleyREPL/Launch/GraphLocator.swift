import Foundation

/// Finds the graph to open when none is named: `PARLEY_GRAPH`, else the bundled
/// `graphs/astana-2015.json` of an installed parley (`PREFIX/share/parley/graphs`), near the
/// executable or in the current folder.
enum GraphLocator {
    /// The bundled graph's path inside the package.
    static let bundledPath = "graphs/astana-2015.json"

    /// The graph to open, or nil when there is none.
    static func defaultGraph() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let path = env["PARLEY_GRAPH"], !path.isEmpty { return path }
        let fm = FileManager.default
        var candidates: [URL] = []
        if let exe = Bundle.main.executablePath ?? CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
            // Installed (make install): PREFIX/bin/parley and PREFIX/share/parley/graphs/.
            candidates.append(dir.deletingLastPathComponent().appendingPathComponent("share/parley").appendingPathComponent(bundledPath))
            for _ in 0..<8 {
                candidates.append(dir.appendingPathComponent(bundledPath))
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent(bundledPath))
        guard let found = candidates.first(where: { fm.fileExists(atPath: $0.path) }) else { return nil }
        return display(found.standardizedFileURL.path)
    }

    /// `path` relative to the current folder when it is inside it.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
