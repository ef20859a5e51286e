import ParleyGraph
import ParleyValues

/// A property column of a Kùzu table: its key, its Kùzu type and how values are written.
struct KuzuColumn {
    /// How a column's values are written.
    enum Kind: Equatable {
        /// A scalar Kùzu type (`STRING`, `INT64`, `DOUBLE`, `BOOLEAN`, `DATE`, `TIMESTAMP`).
        case scalar(String)
        /// A list of a scalar type, written `[a,b,c]`.
        case list(String)
        /// Text: a `STRING` column holding values Kùzu has no type for (ISO 8601 for temporal
        /// values, JSON for lists, the value's text in a mixed column).
        case text
    }

    /// The property key.
    var key: Int32
    /// The column name (the key's name).
    var name: String
    /// How values are written.
    var kind: Kind

    /// The Kùzu type in the schema.
    var typeName: String {
        switch kind {
        case .scalar(let t): return t
        case .list(let t): return t + "[]"
        case .text: return "STRING"
        }
    }

    /// The Kùzu type of a scalar type; `nil` when Kùzu has none that holds it unchanged
    /// (local and zoned times, zoned date-times, durations).
    static func kuzuType(_ s: CSVPropertyType.Scalar) -> String? {
        switch s {
        case .string: return "STRING"
        case .integer: return "INT64"
        case .float: return "DOUBLE"
        case .boolean: return "BOOLEAN"
        case .temporal(.date): return "DATE"
        case .temporal(.localdatetime): return "TIMESTAMP"
        case .temporal: return nil
        }
    }

    /// The shape of a value for Kùzu: a list of strings is only a `STRING[]` when every element
    /// is plain (non-empty, no `,`, brackets, braces, quotes, backslash or spaces at its ends),
    /// since Kùzu's list syntax in CSV has no escape for those; otherwise it is mixed (text).
    static func shape(_ value: Value) -> ColumnShape {
        if case .list(let items) = value {
            for case .string(let s) in items where !plain(s) { return .mixed }
        }
        return ColumnShape(of: value)
    }

    /// Whether a string can be a list element in Kùzu's CSV list syntax as it is.
    static func plain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last, first != " ", last != " " else { return false }
        return !s.utf8.contains { [0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x22, 0x27, 0x5C, 0x0A, 0x0D].contains($0) }
    }

    /// The column for `shape` (`.text` when Kùzu has no type that holds its values).
    static func make(key: Int32, name: String, shape: ColumnShape) -> KuzuColumn {
        switch shape {
        case .empty: return KuzuColumn(key: key, name: name, kind: .scalar("STRING"))
        case .scalar(let s):
            if let t = kuzuType(s) { return KuzuColumn(key: key, name: name, kind: .scalar(t)) }
        case .array(let s):
            if let t = kuzuType(s ?? .string), t != "DATE", t != "TIMESTAMP" { return KuzuColumn(key: key, name: name, kind: .list(t)) }
        case .mixed: break
        }
        return KuzuColumn(key: key, name: name, kind: .text)
    }

    /// The field text of `value` in this column; `truncated` counts local date-times cut to
    /// microseconds (Kùzu's `TIMESTAMP` holds no finer).
    func text(_ value: Value, truncated: inout Int) -> String {
        switch kind {
        case .scalar:
            if case .temporal(let t) = value, case .localDateTime = t { return KuzuColumn.timestamp(t.description, &truncated) }
            return CSVFieldText.scalarText(value)
        case .list:
            guard case .list(let items) = value else { return CSVFieldText.scalarText(value) }
            return "[" + items.map(CSVFieldText.scalarText).joined(separator: ",") + "]"
        case .text: return CSVFieldText.text(value, nil)
        }
    }

    /// A local date-time's ISO text (`2015-05-25T10:30`) as Kùzu's `TIMESTAMP` text
    /// (`2015-05-25 10:30:00`), the fraction cut to 6 digits.
    static func timestamp(_ iso: String, _ truncated: inout Int) -> String {
        var parts = iso.split(separator: "T", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return iso }
        var time = parts[1]
        if time.count == 5 { time += ":00" }
        if let dot = time.firstIndex(of: "."), time.distance(from: dot, to: time.endIndex) > 7 {
            time = String(time[..<time.index(dot, offsetBy: 7)])
            truncated += 1
        }
        parts[1] = time
        return parts.joined(separator: " ")
    }
}
