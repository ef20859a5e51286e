import ParleyGraph
import ParleyValues

extension BuiltinFunctions {
    /// Functions on lists (and, for `size`, `reverse` and `isEmpty`, strings and maps):
    /// `size`, `head`, `last`, `tail`, `reverse`, `isEmpty`, `range`.
    enum Lists {
        /// The most elements `range()` may produce; larger ranges are `ResourceLimit` errors
        /// rather than an exhausted machine.
        static let maxRangeCount: Int128 = 50_000_000

        /// Applies `function` to a non-null argument.
        static func call(_ function: Function, _ x: Value) throws(QueryError) -> Value {
            let name = function.rawValue
            switch function {
            case .size:
                switch x {
                case .list(let items): return .int(Int64(items.count))
                case .string(let s): return .int(Int64(s.unicodeScalars.count))
                default:
                    var error = FunctionError.argumentValue(name, x, expected: "a STRING or LIST")
                    if case .path = x { error.hint = "use length() for the length of a path" }
                    throw error
                }
            case .head:
                guard case .list(let items) = x else { throw FunctionError.argumentValue(name, x, expected: "a LIST") }
                return items.first ?? .null
            case .last:
                guard case .list(let items) = x else { throw FunctionError.argumentValue(name, x, expected: "a LIST") }
                return items.last ?? .null
            case .tail:
                guard case .list(let items) = x else { throw FunctionError.argumentValue(name, x, expected: "a LIST") }
                return .list(Array(items.dropFirst()))
            case .reverse:
                switch x {
                case .list(let items): return .list(items.reversed())
                case .string(let s): return .string(String(s.reversed()))
                default: throw FunctionError.argumentValue(name, x, expected: "a STRING or LIST")
                }
            case .isEmpty:
                switch x {
                case .list(let items): return .bool(items.isEmpty)
                case .string(let s): return .bool(s.isEmpty)
                case .map(let m): return .bool(m.isEmpty)
                default: throw FunctionError.argumentValue(name, x, expected: "a STRING, LIST or MAP")
                }
            default:
                return .null
            }
        }

        /// `range(start, end[, step])`: the integers from `start` to `end` inclusive, `step`
        /// apart (default 1). Non-integer arguments are `ArgumentError: InvalidArgumentType`,
        /// a zero step `ArgumentError: NumberOutOfRange`; a `null` argument gives `null`.
        static func range(_ args: [Value]) throws(QueryError) -> Value {
            var ints: [Int64] = []
            for arg in args {
                switch arg {
                case .null: return .null
                case .int(let i): ints.append(i)
                default: throw FunctionError.argumentType("range", arg, expected: "INTEGER arguments")
                }
            }
            let start = Int128(ints[0]), end = Int128(ints[1]), step = Int128(ints.count > 2 ? ints[2] : 1)
            if step == 0 { throw FunctionError.outOfRange("range() step must not be zero") }
            let span = end - start
            if span != 0 && (span < 0) != (step < 0) { return .list([]) }
            let count = span / step + 1
            if count > maxRangeCount {
                throw QueryError(.runtime, .resourceLimit(.rangeTooLarge),
                                 "range(\(start), \(end), \(step)) would hold \(count) elements; the limit is \(maxRangeCount)")
            }
            var result: [Value] = []
            result.reserveCapacity(Int(count))
            var v = start
            for _ in 0..<Int(count) {
                result.append(.int(Int64(v)))
                v += step
            }
            return .list(result)
        }
    }
}
