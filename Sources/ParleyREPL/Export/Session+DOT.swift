import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery

extension Session {
    /// The DOT text of `subgraph` (the whole graph when nil) with the session's options and
    /// style; `columns`, those of the query results drawn, colour and size nodes. `graph` is
    /// the store the subgraph's ids name (a Bolt result's scratch store), the session's by default.
    func dotText(for subgraph: Subgraph?, columns: NodeColumns? = nil, graph: GraphStore? = nil) throws(DOTColumnError) -> String {
        let graph = graph ?? engine.graph
        guard let columns else { return DOTExporter.export(graph, subgraph: subgraph, options: dotOptions, style: dotStyle) }
        return try DOTExporter.export(graph, subgraph: subgraph, columns: columns, options: dotOptions, style: dotStyle)
    }

    /// The DOT text of a query result, coloured and sized by its columns; nil after printing
    /// the error (positioned at the statement, when there is one) when a chosen column does
    /// not fit. `graph` is the store the result's values name (the session's by default).
    func dotText(for result: QueryResult, origin: StatementOrigin?, graph: GraphStore? = nil) -> String? {
        let graph = graph ?? engine.graph
        do {
            return try dotText(for: Subgraph(collecting: result.rows, graph: graph),
                               columns: NodeColumns(columns: result.columns, rows: result.rows), graph: graph)
        } catch {
            if let origin { report(error.message, origin: origin) } else { self.error(error.description) }
            return nil
        }
    }
}
