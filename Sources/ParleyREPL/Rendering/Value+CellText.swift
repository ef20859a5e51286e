import ParleyGraph
import ParleyValues

/// How values are spelled in the cells of table, csv, tsv and markdown output.
extension Value {
    /// The value as shown in a table cell: its Cypher notation as `toString` and DOT write it
    /// (`Infinity`, `'2015-07-21'`), with top-level strings unquoted.
    func cellText(in graph: GraphStore) -> String {
        if case .string(let s) = self { return s }
        return cypherLiteral(in: graph)
    }

    /// Whether the value is a number (right-aligned in tables).
    var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }
}
