import ParleyGraph
import ParleyValues

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BuiltinFunctions {
    /// The numeric functions: `abs`, `sign`, `ceil`, `floor`, `round`, `sqrt`, `exp`, `log`,
    /// `log10`, the trigonometric functions, `degrees`, `radians`, `haversin`, `isNaN`.
    ///
    /// They take INTEGER or FLOAT and return FLOAT, except `abs` (keeps the type), `sign`
    /// (INTEGER) and `isNaN` (BOOLEAN). Out-of-domain inputs give NaN or ±Infinity as IEEE
    /// says (`sqrt(-1)` is NaN, `log(0)` is -Infinity), not errors.
    enum Math {
        /// Applies a one-argument function to a non-null argument.
        static func call(_ function: Function, _ x: Value) throws(QueryError) -> Value {
            let name = function.rawValue
            switch (function, x) {
            case (.abs, .int(let i)):
                if i == .min { throw FunctionError.integerOverflow("abs(\(i))") }
                return .int(Swift.abs(i))
            case (.sign, .int(let i)): return .int(i.signum())
            case (.isNaN, .int): return .bool(false)
            default: break
            }
            guard let d = x.cypherNumberAsDouble else {
                throw FunctionError.argumentValue(name, x, expected: "an INTEGER or FLOAT")
            }
            switch function {
            case .abs: return .double(Swift.abs(d))
            case .sign: return .int(d > 0 ? 1 : (d < 0 ? -1 : 0))
            case .isNaN: return .bool(d.isNaN)
            case .ceil: return .double(d.rounded(.up))
            case .floor: return .double(d.rounded(.down))
            case .sqrt: return .double(d.squareRoot())
            case .exp: return .double(cmath_exp(d))
            case .log: return .double(cmath_log(d))
            case .log10: return .double(cmath_log10(d))
            case .sin: return .double(cmath_sin(d))
            case .cos: return .double(cmath_cos(d))
            case .tan: return .double(cmath_tan(d))
            case .cot: return .double(1 / cmath_tan(d))
            case .asin: return .double(cmath_asin(d))
            case .acos: return .double(cmath_acos(d))
            case .atan: return .double(cmath_atan(d))
            case .degrees: return .double(d * 180 / Double.pi)
            case .radians: return .double(d * Double.pi / 180)
            case .haversin: return .double((1 - cmath_cos(d)) / 2)
            default: return .null
            }
        }

        /// `atan2(y, x)`.
        static func atan2(_ y: Value, _ x: Value) throws(QueryError) -> Value {
            if x.isNull { return .null }
            guard let yd = y.cypherNumberAsDouble else { throw FunctionError.argumentValue("atan2", y, expected: "an INTEGER or FLOAT") }
            guard let xd = x.cypherNumberAsDouble else { throw FunctionError.argumentValue("atan2", x, expected: "an INTEGER or FLOAT") }
            return .double(cmath_atan2(yd, xd))
        }

        /// `round(x)`, `round(x, precision)`, `round(x, precision, mode)`, always a FLOAT.
        ///
        /// Without precision (or with precision 0 and no mode) ties go toward positive infinity,
        /// as Java's `Math.round` (`round(-1.5)` is -1.0). With a precision, `x` is rounded to
        /// that many decimal places (negative: tens, hundreds, ...) in decimal, on the shortest
        /// decimal form of `x` (`round(1.005, 2)` is 1.01), with `mode` one of `HALF_UP`
        /// (default: ties away from zero), `HALF_DOWN`, `HALF_EVEN`, `UP`, `DOWN`, `CEILING`,
        /// `FLOOR`. A `null` argument gives `null`.
        static func round(_ args: [Value]) throws(QueryError) -> Value {
            if args.contains(where: \.isNull) { return .null }
            guard let d = args[0].cypherNumberAsDouble else {
                throw FunctionError.argumentValue("round", args[0], expected: "an INTEGER or FLOAT")
            }
            if args.count == 1 { return .double(roundHalfUpToPositive(d)) }
            guard case .int(let precision) = args[1] else {
                throw FunctionError.argumentValue("round", args[1], expected: "an INTEGER precision")
            }
            var mode = RoundingMode.halfUp
            if args.count == 3 {
                guard case .string(let text) = args[2], let m = RoundingMode(rawValue: text.uppercased()) else {
                    throw QueryError(.runtime, .argument(.invalidArgumentValue),
                                     "round() mode must be one of \(RoundingMode.allCases.map(\.rawValue).joined(separator: ", ")), but got \(args[2].cypherLiteral(in: nil))")
                }
                mode = m
            } else if precision == 0 {
                return .double(roundHalfUpToPositive(d))
            }
            guard precision > -400, precision < 400 else {
                throw FunctionError.outOfRange("round() precision must be between -399 and 399, but got \(precision)")
            }
            return .double(decimalRound(d, precision: Int(precision), mode: mode))
        }

        /// Java's `Math.round` on doubles, as a double: ties toward positive infinity.
        static func roundHalfUpToPositive(_ d: Double) -> Double {
            guard d.isFinite else { return d }
            let f = d.rounded(.down)
            return d - f >= 0.5 ? f + 1 : f
        }

        /// How `round(x, precision, mode)` treats the discarded digits (Java's `RoundingMode`).
        enum RoundingMode: String, CaseIterable {
            case up = "UP", down = "DOWN", ceiling = "CEILING", floor = "FLOOR"
            case halfUp = "HALF_UP", halfDown = "HALF_DOWN", halfEven = "HALF_EVEN"
        }

        /// `d` rounded to `precision` decimal places on its shortest decimal digits.
        static func decimalRound(_ d: Double, precision: Int, mode: RoundingMode) -> Double {
            guard d.isFinite, d != 0 else { return d }
            let negative = d < 0
            let dec = FloatFormatting.decimal(d)
            let keep = dec.exponent + precision  // digits kept before the cut
            if keep >= dec.digits.count { return d }
            var kept: [UInt8] = keep > 0 ? Array(dec.digits[..<keep]) : []
            let firstDropped: UInt8 = keep >= 0 ? dec.digits[keep] : 0
            let restNonZero = keep < 0 || dec.digits[(keep + 1)...].contains { $0 != 0 }
            let anyDropped = firstDropped != 0 || restNonZero
            let lastKeptOdd = (kept.last ?? 0) % 2 == 1
            let increment: Bool
            switch mode {
            case .up: increment = anyDropped
            case .down: increment = false
            case .ceiling: increment = anyDropped && !negative
            case .floor: increment = anyDropped && negative
            case .halfUp: increment = firstDropped >= 5
            case .halfDown: increment = firstDropped > 5 || (firstDropped == 5 && restNonZero)
            case .halfEven: increment = firstDropped > 5 || (firstDropped == 5 && (restNonZero || lastKeptOdd))
            }
            if increment {
                var i = kept.count - 1
                while i >= 0 && kept[i] == 9 { kept[i] = 0; i -= 1 }
                if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0) }
            }
            guard kept.contains(where: { $0 != 0 }) else { return 0.0 }
            let text = (negative ? "-" : "") + String(kept.map { Character(Unicode.Scalar($0 + 48)) }) + "e\(-precision)"
            return Double(text) ?? d
        }
    }
}

// Thin names for the C math library, so the Cypher function names do not shadow them.
@inline(__always) private func cmath_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func cmath_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func cmath_log10(_ x: Double) -> Double { log10(x) }
@inline(__always) private func cmath_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func cmath_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func cmath_tan(_ x: Double) -> Double { tan(x) }
@inline(__always) private func cmath_asin(_ x: Double) -> Double { asin(x) }
@inline(__always) private func cmath_acos(_ x: Double) -> Double { acos(x) }
@inline(__always) private func cmath_atan(_ x: Double) -> Double { atan(x) }
@inline(__always) private func cmath_atan2(_ y: Double, _ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.atan2(y, x)
    #else
    return Darwin.atan2(y, x)
    #endif
}
