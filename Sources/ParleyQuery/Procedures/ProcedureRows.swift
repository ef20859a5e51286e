import ParleyGraph
import ParleyValues

/// What a procedure returns: its rows, held row by row or column by column.
///
/// Small procedures return rows (`[[.string("a")], [.string("b")]]`, or `ProcedureRows(rows:)`
/// of a computed list). Procedures that return a row per node of a large graph return typed
/// columns instead (`ProcedureRows(count:columns:)`): a million rows are then a few flat arrays,
/// made and freed at once, rather than a million small arrays of values.
public struct ProcedureRows: Sendable, ExpressibleByArrayLiteral {
    /// One column of values, all of one kind.
    public enum Column: Sendable {
        /// Any values.
        case values([Value])
        /// Nodes, by id.
        case nodes([Int32])
        /// Integers.
        case integers([Int])
        /// Floats.
        case floats([Double])

        /// The number of values.
        var count: Int {
            switch self {
            case .values(let v): return v.count
            case .nodes(let v): return v.count
            case .integers(let v): return v.count
            case .floats(let v): return v.count
            }
        }

        /// The value at `index`.
        @inline(__always) func value(_ index: Int) -> Value {
            switch self {
            case .values(let v): return v[index]
            case .nodes(let v): return .node(Int(v[index]))
            case .integers(let v): return .int(Int64(v[index]))
            case .floats(let v): return .double(v[index])
            }
        }
    }

    private enum Storage: Sendable {
        case rows([[Value]])
        case columns([Column])
    }

    private let storage: Storage
    /// The number of rows.
    public let count: Int

    /// Rows given one by one.
    public init(rows: [[Value]]) {
        storage = .rows(rows)
        count = rows.count
    }

    /// Rows given as a list literal of rows.
    public init(arrayLiteral rows: [Value]...) {
        self.init(rows: rows)
    }

    /// `count` rows given by column; every column holds `count` values.
    public init(count: Int, columns: [Column]) {
        precondition(columns.allSatisfy { $0.count == count }, "every column of a procedure's rows holds `count` values")
        storage = .columns(columns)
        self.count = count
    }

    /// The number of values in the first row that does not have `width` of them, if any.
    func widthMismatch(_ width: Int) -> Int? {
        switch storage {
        case .rows(let rows): return rows.first { $0.count != width }?.count
        case .columns(let columns): return count > 0 && columns.count != width ? columns.count : nil
        }
    }

    /// The value of row `row`, column `column`.
    @inline(__always) func value(row: Int, column: Int) -> Value {
        switch storage {
        case .rows(let rows): return rows[row][column]
        case .columns(let columns): return columns[column].value(row)
        }
    }

    /// Every row, row by row.
    public var rows: [[Value]] {
        switch storage {
        case .rows(let rows): return rows
        case .columns(let columns): return (0..<count).map { r in columns.map { $0.value(r) } }
        }
    }
}
