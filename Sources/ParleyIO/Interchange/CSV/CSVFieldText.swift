import ParleyGraph
import ParleyValues

/// Values as CSV field text, escaped per RFC 4180: a field holding `,`, `"`, CR or LF, or an
/// empty string, is written in quotes with each `"` doubled; an absent value is an empty
/// unquoted field.
enum CSVFieldText {
    /// Appends a row of text fields (separated by `,`) and the line break.
    static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            append(f, to: &out)
        }
        out.append(0x0A)
    }

    /// Appends `text` as one field.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    /// Appends `bytes` as one field.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var needsQuotes = bytes.isEmpty
        if !needsQuotes {
            for b in bytes where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for b in bytes {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    /// The text of a scalar value in a typed column: integers in decimal, floats so they read
    /// back as the same float (`1.0`, `1e-05`, `NaN`, `Infinity`), `true`/`false`, temporal values
    /// in ISO 8601.
    static func scalarText(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .double(let d): return doubleText(d)
        case .bool(let b): return b ? "true" : "false"
        case .temporal(let t): return t.description
        case .null: return ""
        default: return value.jsonText(in: nil)
        }
    }

    /// A float that reads back as the same float and as a float.
    static func doubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return GraphWriter.format(d)
    }

    /// The text of a value in a column of `type` (`nil`: a mixed column, where a list is its
    /// JSON text and every other value its scalar text). Array elements are joined with `;`.
    static func text(_ value: Value, _ type: CSVPropertyType?) -> String {
        if case .list(let items) = value {
            guard type?.isArray == true else { return value.jsonText(in: nil) }
            return items.map(scalarText).joined(separator: ";")
        }
        return scalarText(value)
    }
}
