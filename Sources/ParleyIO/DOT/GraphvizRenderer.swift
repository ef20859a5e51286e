import Foundation

/// A failure to render DOT with Graphviz.
public enum GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `dot` executable on PATH.
    case dotNotFound
    /// The output format is not one Parley renders.
    case unsupportedFormat(String)
    /// The layout engine is not a Graphviz engine.
    case unsupportedLayout(String)
    /// `dot` ran and failed: its exit status and what it printed.
    case failed(status: Int32, message: String)
    /// Reading or writing a file failed.
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case .dotNotFound:
            return "Graphviz's dot was not found; install it with apt-get install graphviz (macOS: brew install graphviz)"
        case .unsupportedFormat(let f):
            return "unsupported image format '\(f)'; expected one of \(GraphvizRenderer.formats.joined(separator: ", "))"
        case .unsupportedLayout(let l):
            return "unknown Graphviz layout '\(l)'; expected one of \(GraphvizRenderer.layouts.joined(separator: ", "))"
        case .failed(let status, let message):
            let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
            return "Graphviz failed (exit status \(status))" + (text.isEmpty ? "" : ": \(text)")
        case .io(let path, let message):
            return "\(path): \(message)"
        }
    }
}

/// Runs Graphviz's `dot` to turn DOT text into an SVG, PNG or PDF file.
public enum GraphvizRenderer {
    /// The output formats Parley renders.
    public static let formats = ["svg", "png", "pdf"]
    /// The Graphviz layout engines.
    public static let layouts = ["dot", "sfdp", "neato", "fdp", "circo", "twopi", "osage", "patchwork"]

    /// The image format implied by a file name's extension (`.svg`, `.png`, `.pdf`), if any.
    public static func format(forPath path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        return formats.contains(ext) ? ext : nil
    }

    /// The full path of the `dot` executable found on PATH, if any.
    public static func findDot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(dir) + "/dot"
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Renders `dot` text to `path` in `format` with the `layout` engine.
    ///
    /// The image is written atomically: Graphviz writes a temporary file in the same folder,
    /// which is renamed over `path` only when `dot` succeeds. Returns warnings for the user:
    /// one for drawings of more than ``DOTExporter/largeGraphNodeCount`` nodes (counted from
    /// `nodeCount`, or from the header comment of Parley's own DOT), and any `Warning:` lines
    /// Graphviz printed. Nothing is printed.
    @discardableResult
    public static func render(dot: String, format: String = "svg", to path: String, layout: String = "dot",
                              nodeCount: Int? = nil, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(GraphvizError) -> [String]
    {
        let format = format.lowercased()
        guard formats.contains(format) else { throw .unsupportedFormat(format) }
        guard layouts.contains(layout) else { throw .unsupportedLayout(layout) }
        guard let dotPath = findDot(environment: environment) else { throw .dotNotFound }

        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let tempImage = folder.appendingPathComponent(".\(target.lastPathComponent).\(token).tmp")
        let tempDOT = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(token).dot")
        defer {
            try? FileManager.default.removeItem(at: tempDOT)
            try? FileManager.default.removeItem(at: tempImage)
        }
        do {
            try Data(dot.utf8).write(to: tempDOT)
        } catch {
            throw .io(path: tempDOT.path, message: "cannot write the temporary DOT file: \(error.localizedDescription)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: dotPath)
        process.arguments = ["-K\(layout)", "-T\(format)", "-o", tempImage.path, tempDOT.path]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .failed(status: -1, message: "cannot start \(dotPath): \(error.localizedDescription)")
        }
        let errorBytes = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: errorBytes, as: UTF8.self)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .failed(status: process.terminationStatus, message: message)
        }
        if rename(tempImage.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            throw .io(path: path, message: "cannot write the image: \(reason)")
        }

        var warnings: [String] = []
        if let size = sizeWarning(dot: dot, nodeCount: nodeCount, layout: layout) { warnings.append(size) }
        warnings += message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return warnings
    }

    /// The large-graph warning for this DOT text, using `nodeCount` or Parley's header comment.
    static func sizeWarning(dot: String, nodeCount: Int?, layout: String) -> String? {
        let count = nodeCount ?? headerNodeCount(dot)
        guard let count else { return nil }
        return DOTExporter.sizeWarning(nodeCount: count, layout: layout)
    }

    /// The node count in the `// Parley: N nodes, ...` header that ``DOTExporter`` writes.
    static func headerNodeCount(_ dot: String) -> Int? {
        guard dot.hasPrefix("// Parley: "), let line = dot.split(separator: "\n", maxSplits: 1).first else { return nil }
        let words = line.dropFirst("// Parley: ".count).split(separator: " ")
        return words.first.flatMap { Int($0) }
    }
}
