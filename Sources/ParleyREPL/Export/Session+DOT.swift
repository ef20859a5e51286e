import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery

extension Session {
    /// The DOT text of `subgraph` (the whole graph when nil) with the session's options and
    /// style; `columns`, those of the query results drawn, colour and size nodes.
    func dotText(for subgraph: Subgraph?, columns: NodeColumns? = nil) throws(DOTColumnError) -> String {
        guard let columns else { return DOTExporter.export(engine.graph, subgraph: subgraph, options: dotOptions, style: dotStyle) }
        return try DOTExporter.export(engine.graph, subgraph: subgraph, columns: columns, options: dotOptions, style: dotStyle)
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
