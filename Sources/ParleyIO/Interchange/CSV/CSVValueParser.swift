#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyGraph
import ParleyValues

/// Field text → property value, by the column's type (docs/interchange.md, "CSV (neo4j-admin)").
///
/// An empty unquoted field is no value (the property is absent); an empty quoted field is the
/// empty string in a `string` column and the empty list in an array column, no value otherwise.
/// Numbers, booleans and temporal values may have spaces around them; strings are kept as
/// they are. Array elements are separated by `;`.
enum CSVValueParser {
    /// The value of `bytes` in a column of `type`; `nil` for no value.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, _ type: CSVPropertyType) throws(CSVValueError) -> Value? {
        if bytes.isEmpty {
            guard quoted else { return nil }
            if type.isArray { return .list([]) }
            return type.scalar == .string ? .string("") : nil
        }
        guard type.isArray else { return try scalar(bytes, type.scalar) }
        var items: [Value] = []
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ";") {
            let element = UnsafeBufferPointer(rebasing: bytes[start..<i])
            if element.isEmpty && type.scalar != .string {
                throw CSVValueError("empty element \(items.count + 1) in '\(text(bytes))' (elements are separated by ';')")
            }
            items.append(try scalar(element, type.scalar))
            start = i + 1
        }
        return .list(items)
    }

    /// One scalar of `type`.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ type: CSVPropertyType.Scalar) throws(CSVValueError) -> Value {
        switch type {
        case .string:
            guard let s = String(validating: bytes, as: UTF8.self) else { throw CSVValueError("invalid UTF-8") }
            return .string(s)
        case .integer:
            guard let n = integer(trimmed(bytes)) else { throw CSVValueError("'\(text(bytes))' is not an integer (or does not fit in 64 bits)") }
            return .int(n)
        case .float:
            guard let d = double(trimmed(bytes)) else { throw CSVValueError("'\(text(bytes))' is not a number") }
            return .double(d)
        case .boolean:
            let t = trimmed(bytes)
            if equalsIgnoringCase(t, "true") { return .bool(true) }
            if equalsIgnoringCase(t, "false") { return .bool(false) }
            throw CSVValueError("'\(text(bytes))' is not a boolean (true or false)")
        case .temporal(let kind):
            let s = text(trimmed(bytes))
            do {
                return .temporal(try kind.parse(s))
            } catch {
                throw CSVValueError("'\(s)' is not a valid \(kind.noun) (\(error.message))")
            }
        }
    }

    /// A decimal integer with an optional sign, or `nil`.
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var negative = false
        if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < b.count else { return nil }
        var value: Int64 = 0
        while i < b.count {
            let d = b[i] &- 0x30
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
            guard !o1 && !o2 else { return nil }
            value = s
            i += 1
        }
        return value
    }

    /// A decimal floating-point number (`1.5`, `-2e10`, `.5`), `NaN`, `Infinity` or
    /// `-Infinity`, or `nil`.
    static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !b.isEmpty, b.count < 120 else { return nil }
        if equalsIgnoringCase(b, "nan") { return .nan }
        if equalsIgnoringCase(b, "infinity") || equalsIgnoringCase(b, "+infinity") { return .infinity }
        if equalsIgnoringCase(b, "-infinity") { return -.infinity }
        var digits = false
        for c in b {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return nil
            }
        }
        guard digits else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: b.count + 1) { buffer -> Double? in
            for i in 0..<b.count { buffer[i] = CChar(bitPattern: b[i]) }
            buffer[b.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let d = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == b.count else { return nil }
            return d
        }
    }

    /// The bytes without spaces and tabs around them.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: b[lo..<hi])
    }

    /// Whether the bytes are `literal` (ASCII, lowercase) in any case.
    static func equalsIgnoringCase(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard b.count == literal.utf8CodeUnitCount else { return false }
        let l = literal.utf8Start
        for i in 0..<b.count where (b[i] | 0x20) != l[i] { return false }
        return true
    }

    /// The bytes as text for a message (invalid UTF-8 repaired).
    static func text(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
}
