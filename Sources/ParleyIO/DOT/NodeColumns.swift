import ParleyGraph
import ParleyValues

/// The columns of query results, read per node: for each row, its node (the column named
/// `node` when it holds a node, else the row's first column that holds one) and the scalar
/// values of the row's other columns. ``DOTExporter`` colours and sizes nodes by them.
///
/// A node that is in several rows keeps, for each column, the first non-null value it has.
/// Results can be added one after another (a script's statements drawn together): their
/// columns are merged by name, so one statement can colour the nodes and the next size them.
public struct NodeColumns: Sendable, Equatable {
    /// Every column seen, in the order first seen.
    public private(set) var names: [String] = []
    /// The kinds of the non-null values seen in each column, over all rows.
    private(set) var kinds: [String: Set<ValueKind>] = [:]
    /// Per node, the first integer, float, string or boolean value of each other column of its rows.
    private(set) var values: [NodeID: [String: Value]] = [:]

    /// No columns.
    public init() {}

    /// The columns of one query result.
    public init(columns: [String], rows: [[Value]]) {
        add(columns: columns, rows: rows)
    }

    /// Whether no result (with columns) was added.
    public var isEmpty: Bool { names.isEmpty }

    /// Adds the columns and rows of one more query result.
    public mutating func add(columns: [String], rows: [[Value]]) {
        for name in columns where kinds[name] == nil {
            names.append(name)
            kinds[name] = []
        }
        let preferred = columns.firstIndex(of: "node")
        for row in rows {
            let count = min(row.count, columns.count)
            var nodeIndex: Int?
            if let p = preferred, p < count, case .node = row[p] { nodeIndex = p }
            if nodeIndex == nil { nodeIndex = (0..<count).first { if case .node = row[$0] { true } else { false } } }
            for i in 0..<count {
                if let kind = ValueKind(row[i]) { kinds[columns[i], default: []].insert(kind) }
            }
            guard let nodeIndex, case .node(let node) = row[nodeIndex] else { continue }
            for i in 0..<count where i != nodeIndex && values[node]?[columns[i]] == nil {
                switch row[i] {
                case .int, .double, .string, .bool: values[node, default: [:]][columns[i]] = row[i]
                default: break
                }
            }
        }
    }

    /// The value of `column` in the row of `node`, if it has a scalar one.
    func value(of node: NodeID, in column: String) -> Value? {
        values[node]?[column]
    }

    /// The kinds of the non-null values of `column`, sorted by name.
    func kindNames(of column: String) -> [String] {
        (kinds[column] ?? []).map(\.rawValue).sorted()
    }

    /// Whether every non-null value of `column` is one of `allowed`.
    func column(_ column: String, holdsOnly allowed: Set<ValueKind>) -> Bool {
        (kinds[column] ?? []).isSubset(of: allowed)
    }
}
