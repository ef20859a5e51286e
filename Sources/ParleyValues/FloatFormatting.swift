/// Decimal views of doubles: the shortest digits that round-trip, and the Java/Neo4j style
/// text built from them (`1.0`, `0.001`, `1.0E7`, `1.5E-10`).
package enum FloatFormatting {
    /// A finite, non-negative double as decimal digits: value = 0.d₁d₂d₃… × 10^exponent.
    package struct Decimal: Equatable, Sendable {
        /// The significant digits (each 0...9), no leading zeros; empty for zero.
        package var digits: [UInt8]
        /// The power of ten that puts the decimal point before the first digit.
        package var exponent: Int

        package init(digits: [UInt8], exponent: Int) {
            self.digits = digits
            self.exponent = exponent
        }
    }

    /// The shortest decimal digits of `|d|` that parse back to `|d|` (`d` must be finite).
    package static func decimal(_ d: Double) -> Decimal {
        // Swift's description prints the shortest round-tripping digits, as
        // `123.456`, `1e-05` or `1.7976931348623157e+308`.
        let text = d.magnitude.description
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        var exponent = 0
        var scalars = Substring(text).utf8[...]
        var count = 0
        while let c = scalars.first, c != UInt8(ascii: "e") {
            scalars = scalars.dropFirst()
            if c == UInt8(ascii: ".") { pointPosition = count; continue }
            digits.append(c &- UInt8(ascii: "0"))
            count += 1
        }
        if scalars.first == UInt8(ascii: "e") {
            scalars = scalars.dropFirst()
            exponent = Int(String(decoding: scalars, as: UTF8.self)) ?? 0
        }
        var point = (pointPosition ?? count) + exponent
        // Strip leading zeros (moving the point) and trailing zeros.
        while let first = digits.first, first == 0 { digits.removeFirst(); point -= 1 }
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { point = 0 }
        return Decimal(digits: digits, exponent: point)
    }

    /// The double as Java's `Double.toString` writes it (with the shortest round-trip
    /// digits): plain decimal with at least one fractional digit when 10⁻³ ≤ |d| < 10⁷
    /// (`1.0`, `0.001`, `1234567.5`), otherwise `d.dddE±n` (`1.0E7`, `1.5E-10`);
    /// `NaN`, `Infinity`, `-Infinity` for the special values.
    package static func javaStyle(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        let sign = d.sign == .minus ? "-" : ""
        if d == 0 { return sign + "0.0" }
        let dec = decimal(d)
        let digitText = dec.digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        let magnitude = d.magnitude
        if magnitude >= 1e-3 && magnitude < 1e7 {
            var result = sign
            if dec.exponent <= 0 {
                result += "0." + String(repeating: "0", count: -dec.exponent) + String(digitText)
            } else if dec.exponent >= digitText.count {
                result += String(digitText) + String(repeating: "0", count: dec.exponent - digitText.count) + ".0"
            } else {
                result += String(digitText[..<dec.exponent]) + "." + String(digitText[dec.exponent...])
            }
            return result
        }
        let mantissaTail = digitText.count > 1 ? String(digitText[1...]) : "0"
        return sign + String(digitText[0]) + "." + mantissaTail + "E" + String(dec.exponent - 1)
    }
}
