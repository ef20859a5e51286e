/// A `colorBy` or `sizeBy` choice that names a column the query result does not have, or a
/// column whose values cannot colour (or size) nodes.
public struct DOTColumnError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the column was meant to do.
    public enum Use: String, Sendable, Equatable {
        /// Colour nodes by the column's values (`colorBy`).
        case colorBy
        /// Size nodes by the column's values (`sizeBy`).
        case sizeBy
    }

    /// `colorBy` or `sizeBy`.
    public var use: Use
    /// The column named.
    public var column: String
    /// The kinds of value the column holds (`floats`, `strings`, ...); empty when the result
    /// has no such column.
    public var found: [String]
    /// Every column of the result, in order.
    public var columns: [String]
    /// The columns that could serve (right type), in order.
    public var suitable: [String]

    /// Creates an error.
    public init(use: Use, column: String, found: [String], columns: [String], suitable: [String]) {
        self.use = use
        self.column = column
        self.found = found
        self.columns = columns
        self.suitable = suitable
    }

    /// What `use` needs, in words.
    var needs: String { use == .colorBy ? "integers, strings or booleans" : "numbers" }

    /// The message, without an `error:` prefix.
    public var message: String {
        if found.isEmpty {
            let list = columns.isEmpty ? "it has no columns" : "its columns are: " + columns.joined(separator: ", ")
            return "\(use.rawValue) names the column '\(column)', which the query result does not have; \(list)"
        }
        let fits = suitable.isEmpty ? "no column of the result does" : "columns that do: " + suitable.joined(separator: ", ")
        return "\(use.rawValue) needs a column of \(needs), but '\(column)' holds \(found.joined(separator: " and ")); \(fits)"
    }

    /// `error: message`.
    public var description: String { "error: " + message }
}
