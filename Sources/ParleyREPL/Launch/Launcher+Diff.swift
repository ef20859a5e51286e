import Foundation
import ParleyGraph
import ParleyIO

/// `parley diff OLD NEW`: what changed from one graph file to another.
extension Launcher {
    /// The names `--format` accepts for `parley diff`.
    public static let diffFormats = GraphDiff.Format.allCases.map(\.rawValue)

    /// Loads the two files (at the same time), prints their diff on standard output in
    /// `format` (text, json or dot) and returns the exit status, as diff(1) does: 0 when the
    /// graphs are the same, 1 when they differ, 2 on trouble (a file missing or malformed,
    /// with the positioned load error on standard error; an unknown format; output failing).
    public static func diff(old oldPath: String, new newPath: String, format: String = "text", noColor: Bool = false) -> Int32 {
        guard let format = GraphDiff.Format(rawValue: format.lowercased()) else {
            FileOutput.standardError.write("error: unknown diff format '\(format)'; use one of: \(diffFormats.joined(separator: ", "))\n")
            return 2
        }
        let errorColor = !noColor && Terminal.colorAllowed(on: 2)
        let loaded = loadBoth(oldPath, newPath)
        var graphs: [GraphStore] = []
        for result in loaded {
            switch result {
            case .success(let graph): graphs.append(graph)
            case .failure(let error): FileOutput.standardError.write(Session.renderLoadError(error, color: errorColor) + "\n")
            }
        }
        guard graphs.count == 2 else { return 2 }
        let diff = GraphDiff(old: graphs[0], new: graphs[1])
        let text: String
        switch format {
        case .text: text = diff.text(color: !noColor && Terminal.colorAllowed(on: 1))
        case .json: text = diff.json()
        case .dot:
            let nodes = diff.new.nodeCount + diff.removedNodes.count
            if let warning = DOTExporter.sizeWarning(nodeCount: nodes) { FileOutput.standardError.write(warning + "\n") }
            text = diff.dot()
        }
        FileOutput.standardOutput.write(text)
        if let reason = FileOutput.standardOutput.takeWriteError() {
            FileOutput.standardError.write("standard output: error: cannot write the diff: \(reason)\n")
            return 2
        }
        return diff.isEmpty ? 0 : 1
    }

    /// Loads two graph files on two threads; the results in the order given.
    static func loadBoth(_ first: String, _ second: String) -> [Result<GraphStore, GraphFileError>] {
        let paths = [first, second]
        nonisolated(unsafe) var results: [Result<GraphStore, GraphFileError>?] = [nil, nil]
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let result = Result { () throws(GraphFileError) -> GraphStore in try Interchange.load(path: paths[i]) }
            lock.withLock { results[i] = result }
        }
        return results.map { $0! }
    }
}
