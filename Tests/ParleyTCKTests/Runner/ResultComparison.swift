import ParleyGraph
import ParleyQuery

/// Compares an actual ``QueryResult`` with a scenario's expected table.
///
/// The header row names the columns: the actual columns must be the same set of names (their
/// order does not matter; values are taken by name). Rows are compared as a sequence for
/// `in order`, otherwise as a multiset. Cells are TCK notation (``TCKValueParser``).
enum ResultComparison {
    /// `.passed`, a `result mismatch` failure, or a skip when an expected cell is unreadable.
    static func compare(expected table: [[String]], actual: QueryResult, graph: GraphStore, ordered: Bool, ignoringListOrder: Bool) -> ScenarioOutcome {
        guard let header = table.first else {
            return .skipped(reason: "result step without a table")
        }
        var expectedRows: [[TCKValue]] = []
        for row in table.dropFirst() {
            var values: [TCKValue] = []
            for cell in row {
                do throws(TCKNotationError) {
                    values.append(try TCKValueParser.parse(cell))
                } catch {
                    return .skipped(reason: "unreadable expected value")
                }
            }
            expectedRows.append(values)
        }
        let actualTable = render(actual, graph)
        let expectedTable = table.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
        let detail = "expected:\n\(expectedTable)\nactual:\n\(actualTable)"

        guard Set(header) == Set(actual.columns), header.count == actual.columns.count else {
            return .failure("result mismatch", "columns differ: expected \(header), got \(actual.columns)", detail)
        }
        let index = header.map { name in actual.columns.firstIndex(of: name)! }
        let actualRows: [[TCKValue]] = actual.rows.map { row in
            index.map { $0 < row.count ? TCKValue(row[$0], in: graph) : .string("<missing cell>") }
        }
        guard expectedRows.count == actualRows.count else {
            return .failure("result mismatch", "expected \(expectedRows.count) rows, got \(actualRows.count)", detail)
        }
        let rowMatches = { (e: [TCKValue], a: [TCKValue]) -> Bool in
            e.count == a.count && zip(e, a).allSatisfy { $0.matches($1, ignoringListOrder: ignoringListOrder) }
        }
        if ordered {
            if let i = expectedRows.indices.first(where: { !rowMatches(expectedRows[$0], actualRows[$0]) }) {
                return .failure("result mismatch", "row \(i + 1) differs (in order)", detail)
            }
        } else if !TCKValue.bagsMatch(expectedRows, actualRows, rowMatches) {
            return .failure("result mismatch", "rows differ (any order)", detail)
        }
        return .passed
    }

    /// The actual result as a table in TCK notation, for failure details (at most 20 rows).
    static func render(_ result: QueryResult, _ graph: GraphStore) -> String {
        var lines = ["| " + result.columns.joined(separator: " | ") + " |"]
        for row in result.rows.prefix(20) {
            lines.append("| " + row.map { TCKValue($0, in: graph).description }.joined(separator: " | ") + " |")
        }
        if result.rows.count > 20 { lines.append("... \(result.rows.count - 20) more rows") }
        return lines.joined(separator: "\n")
    }
}
