import ParleyGraph
import ParleyValues

extension BuiltinFunctions {
    /// The type conversion functions: `toInteger`, `toFloat`, `toString`, `toBoolean`, their
    /// `…OrNull` forms (which never fail) and `…List` forms (element-wise, `…OrNull` rules).
    ///
    /// A string that does not parse converts to `null`; a value of a type the function does not
    /// convert is `TypeError: InvalidArgumentValue` (the `…OrNull` forms give `null` instead).
    enum Conversions {
        // MARK: toInteger

        /// `toInteger(x)`: integers as they are; floats truncated toward zero (a NaN, infinite or
        /// out-of-range float is `ArgumentError: NumberOutOfRange`); strings parsed as an integer
        /// or else as a float then truncated (`'1.7'` → 1), `null` when they do not parse;
        /// booleans as 1/0.
        static func toIntegerThrowing(_ x: Value, _ name: String) throws(QueryError) -> Value {
            switch x {
            case .null, .int, .string, .bool: return toInteger(x, orNull: true, name)
            case .double(let d):
                guard let i = truncate(d) else {
                    throw FunctionError.outOfRange("\(name)() cannot convert \(x.cypherLiteral(in: nil)) to a 64-bit INTEGER")
                }
                return .int(i)
            default: throw FunctionError.argumentValue(name, x, expected: "a number, STRING or BOOLEAN")
            }
        }

        /// `toInteger` without errors: `null` for anything that does not convert.
        static func toInteger(_ x: Value, orNull: Bool, _ name: String) -> Value {
            switch x {
            case .int: return x
            case .double(let d): return truncate(d).map { .int($0) } ?? .null
            case .bool(let b): return .int(b ? 1 : 0)
            case .string(let s):
                let t = trimmed(s)
                if let i = Int64(t) { return .int(i) }
                if let d = parseFloat(t), let i = truncate(d) { return .int(i) }
                return .null
            default: return .null
            }
        }

        /// `d` truncated toward zero, or nil when it is NaN, infinite or outside Int64.
        static func truncate(_ d: Double) -> Int64? {
            let t = d.rounded(.towardZero)
            guard t.isFinite, t >= -9.223372036854775808e18, t < 9.223372036854775808e18 else { return nil }
            return Int64(t)
        }

        // MARK: toFloat

        /// `toFloat(x)`: numbers as floats, strings parsed (`null` when they do not parse);
        /// booleans and other types are errors.
        static func toFloatThrowing(_ x: Value, _ name: String) throws(QueryError) -> Value {
            switch x {
            case .null, .int, .double, .string: return toFloat(x, orNull: true, name)
            default: throw FunctionError.argumentValue(name, x, expected: "a number or STRING")
            }
        }

        /// `toFloat` without errors.
        static func toFloat(_ x: Value, orNull: Bool, _ name: String) -> Value {
            switch x {
            case .int(let i): return .double(Double(i))
            case .double: return x
            case .string(let s): return parseFloat(trimmed(s)).map { .double($0) } ?? .null
            default: return .null
            }
        }

        // MARK: toString

        /// `toString(x)`: numbers, booleans and strings as text (`1.0` → `'1.0'`); other types
        /// are errors.
        static func toStringThrowing(_ x: Value, _ name: String) throws(QueryError) -> Value {
            if x.isNull { return .null }
            guard let s = x.toCypherString() else {
                throw FunctionError.argumentValue(name, x, expected: "a number, BOOLEAN, STRING or temporal value")
            }
            return .string(s)
        }

        /// `toString` without errors.
        static func toString(_ x: Value, orNull: Bool, _ name: String) -> Value {
            x.toCypherString().map { .string($0) } ?? .null
        }

        // MARK: toBoolean

        /// `toBoolean(x)`: booleans as they are; `'true'`/`'false'` in any letter case (and
        /// surrounding white space) parsed, other strings `null`; integers `true` unless 0.
        /// Floats and other types are errors.
        static func toBooleanThrowing(_ x: Value, _ name: String) throws(QueryError) -> Value {
            switch x {
            case .null, .bool, .string, .int: return toBoolean(x, orNull: true, name)
            default: throw FunctionError.argumentValue(name, x, expected: "a BOOLEAN, STRING or INTEGER")
            }
        }

        /// `toBoolean` without errors.
        static func toBoolean(_ x: Value, orNull: Bool, _ name: String) -> Value {
            switch x {
            case .bool: return x
            case .int(let i): return .bool(i != 0)
            case .string(let s):
                switch trimmed(s).lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: return .null
                }
            default: return .null
            }
        }

        // MARK: Lists

        /// `toIntegerList`, `toFloatList`, `toStringList`, `toBooleanList`: each element
        /// converted with the `…OrNull` rules.
        static func listConversion(_ function: Function, _ x: Value) throws(QueryError) -> Value {
            guard case .list(let items) = x else { throw FunctionError.argumentValue(function.rawValue, x, expected: "a LIST") }
            let name = function.rawValue
            return .list(items.map { item in
                switch function {
                case .toIntegerList: return toInteger(item, orNull: true, name)
                case .toFloatList: return toFloat(item, orNull: true, name)
                case .toStringList: return toString(item, orNull: true, name)
                default: return toBoolean(item, orNull: true, name)
                }
            })
        }

        // MARK: Parsing

        /// `s` without leading and trailing white space.
        static func trimmed(_ s: String) -> Substring {
            let scalars = s.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
            return Substring(scalars[first...last])
        }

        /// A decimal number (`12`, `-1.5`, `.5`, `1e-3`, `2.E4`) or `NaN`/`Infinity`/
        /// `-Infinity`; nil for anything else (no hex floats, no `inf`, no `nan`).
        static func parseFloat(_ s: Substring) -> Double? {
            switch s {
            case "NaN": return .nan
            case "Infinity", "+Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: break
            }
            var bytes = s.utf8[...]
            if let c = bytes.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            func digits(_ b: inout Substring.UTF8View.SubSequence) -> Int {
                var n = 0
                while let c = b.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { b = b.dropFirst(); n += 1 }
                return n
            }
            var mantissa = digits(&bytes)
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                mantissa += digits(&bytes)
            }
            guard mantissa > 0 else { return nil }
            if let c = bytes.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if let c = bytes.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
                guard digits(&bytes) > 0 else { return nil }
            }
            guard bytes.isEmpty else { return nil }
            return Double(String(s))
        }
    }
}
