import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery

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

    /// The DOT text of `subgraph` of `graph` (the whole graph when nil); `columns`, the
    /// columns of the query results drawn, colour and size nodes.
    static func export(_ graph: GraphStore, subgraph: Subgraph?, columns: NodeColumns?, options: DOTOptions,
                       style: Style) throws(DOTColumnError) -> String {
        guard let columns else { return DOTExporter.export(graph, subgraph: subgraph, options: options, style: style) }
        return try DOTExporter.export(graph, subgraph: subgraph, columns: columns, options: options, style: style)
    }

    /// `--color-by` and `--size-by` values: a column name, or `none`.
    static func columnChoice(_ text: String) -> DOTColumnChoice {
        text == "none" ? .none : .column(text)
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
    /// The DOT text of `subgraph` (the whole graph when nil) with the session's options and
    /// style; `columns`, those of the query results drawn, colour and size nodes.
    func dotText(for subgraph: Subgraph?, columns: NodeColumns? = nil) throws(DOTColumnError) -> String {
        try DOTSupport.export(engine.graph, subgraph: subgraph, columns: columns, options: dotOptions, style: dotStyle)
    }

    /// The DOT text of a query result, coloured and sized by its columns; nil after printing
    /// the error (positioned at the statement, when there is one) when a chosen column does
    /// not fit.
    func dotText(for result: QueryResult, origin: StatementOrigin?) -> String? {
        do {
            return try dotText(for: Subgraph(collecting: result.rows, graph: engine.graph),
                               columns: NodeColumns(columns: result.columns, rows: result.rows))
        } catch {
            if let origin { report(error.message, origin: origin) } else { self.error(error.description) }
            return nil
        }
    }
}
