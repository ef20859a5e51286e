import Foundation
import ParleyGraph
import ParleyIO

/// Everything the REPL asks of the DOT side of ParleyIO, in one place: exporting, style files,
/// writing DOT files and rendering images with Graphviz.
///
/// This version works with the DOT contract alone (`DOTExporter.export(_:subgraph:options:)`):
/// style files are checked for readability but not applied, and Graphviz is run directly.
/// When ParleyIO gains `DOTStyle`, `DOTExporter.save` and `GraphvizRenderer`, only this file
/// changes.
enum DOTSupport {
    /// A loaded DOT style (none until the exporter supports styles).
    struct Style: Sendable {
        /// The default style.
        static let `default` = Style()
    }

    /// Why a DOT operation failed, in words for the user.
    struct Failure: Error {
        var message: String
    }

    /// Loads the style file at `path` (`--style`).
    static func loadStyle(path: String) -> Result<Style, Failure> {
        guard FileManager.default.isReadableFile(atPath: path) else {
            return .failure(Failure(message: "error: cannot read the style file '\(path)': \(Session.readProblem(path))"))
        }
        FileOutput.standardError.write("warning: --style is not applied: this build's DOT exporter takes no style file.\n")
        return .success(Style())
    }

    /// The DOT text of `subgraph` of `graph` (the whole graph when nil).
    static func export(_ graph: GraphStore, subgraph: Subgraph?, options: DOTOptions, style: Style) -> String {
        DOTExporter.export(graph, subgraph: subgraph, options: options)
    }

    /// Writes `dot` to `path` atomically; returns the problem, or nil on success.
    static func write(_ dot: String, to path: String) -> String? {
        do {
            try dot.write(toFile: path, atomically: true, encoding: .utf8)
            return nil
        } catch {
            return "Cannot write '\(path)': \(error.localizedDescription)"
        }
    }

    /// Renders `dot` to `path` in `format` (svg, png, pdf) with Graphviz; returns the warnings
    /// to show, or why it failed.
    static func render(_ dot: String, format: String, to path: String) -> Result<[String], Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-T" + format, "-o", path]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        do { try process.run() } catch {
            return .failure(Failure(message: "Cannot run Graphviz's dot: \(error.localizedDescription)"))
        }
        FileOutput.writeAll(input.fileHandleForWriting.fileDescriptor, dot)
        try? input.fileHandleForWriting.close()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            return .failure(Failure(message: "Graphviz's dot is not installed (apt-get install graphviz, brew install graphviz)"))
        }
        guard process.terminationStatus == 0 else {
            return .failure(Failure(message: "dot failed: " + messages.trimmed()))
        }
        return .success(messages.split(separator: "\n").map(String.init).filter { $0.hasPrefix("Warning") })
    }
}

extension Session {
    /// The DOT text of `subgraph` (the whole graph when nil) with the session's options and style.
    func dotText(for subgraph: Subgraph?) -> String {
        DOTSupport.export(engine.graph, subgraph: subgraph, options: dotOptions, style: dotStyle)
    }
}
