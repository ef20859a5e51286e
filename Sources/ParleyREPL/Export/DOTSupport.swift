import Foundation
import ParleyGraph
import ParleyIO

/// Everything the REPL asks of the DOT side of ParleyIO, in one place: exporting, style files,
/// writing DOT files and rendering images with Graphviz.
enum DOTSupport {
    /// A loaded DOT style (`--style FILE`).
    typealias Style = DOTStyle

    /// Why a DOT operation failed, in words for the user.
    struct Failure: Error {
        var message: String
    }

    /// Loads the style file at `path` (`--style`).
    static func loadStyle(path: String) -> Result<Style, Failure> {
        do {
            return .success(try DOTStyle.load(path: path))
        } catch {
            return .failure(Failure(message: "\(error)"))
        }
    }

    /// The DOT text of `subgraph` of `graph` (the whole graph when nil).
    static func export(_ graph: GraphStore, subgraph: Subgraph?, options: DOTOptions, style: Style) -> String {
        DOTExporter.export(graph, subgraph: subgraph, options: options, style: style)
    }

    /// Writes `dot` to `path` atomically; returns the problem, or nil on success.
    static func write(_ dot: String, to path: String) -> String? {
        do {
            try DOTExporter.save(dot, to: path)
            return nil
        } catch {
            return "Cannot write '\(path)': \(error.message)"
        }
    }

    /// Renders `dot` to `path` in `format` (svg, png, pdf) with Graphviz; returns the warnings
    /// to show, or why it failed.
    static func render(_ dot: String, format: String, to path: String) -> Result<[String], Failure> {
        do {
            return .success(try GraphvizRenderer.render(dot: dot, format: format, to: path))
        } catch {
            return .failure(Failure(message: error.description))
        }
    }
}

extension Session {
    /// The DOT text of `subgraph` (the whole graph when nil) with the session's options and style.
    func dotText(for subgraph: Subgraph?) -> String {
        DOTSupport.export(engine.graph, subgraph: subgraph, options: dotOptions, style: dotStyle)
    }
}
