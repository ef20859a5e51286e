import ParleyGraph
import ParleyValues

/// The outcome of one query: named columns, rows of values, and what the query changed.
public struct QueryResult: Sendable {
    /// Column names, in RETURN order (empty for a query without RETURN).
    public var columns: [String]
    /// The rows; each has one value per column.
    public var rows: [[Value]]
    /// What the query wrote.
    public var statistics: QueryStatistics
    /// The plan text, for `EXPLAIN` and `PROFILE` (PROFILE adds rows and time per operator).
    public var plan: String?

    /// Creates a result.
    public init(columns: [String] = [], rows: [[Value]] = [], statistics: QueryStatistics = .init(), plan: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.statistics = statistics
        self.plan = plan
    }
}
