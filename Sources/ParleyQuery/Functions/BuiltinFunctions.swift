import ParleyGraph
import ParleyValues

/// The scalar functions of the language (`size`, `toUpper`, `coalesce`, ...).
///
/// Names are matched case-insensitively. Errors are thrown without a position; the executor
/// adds the call's position.
///
/// Unless a function's documentation says otherwise, a `null` argument gives `null`, and an
/// argument of the wrong type is `TypeError: InvalidArgumentValue` (as the TCK expects for
/// `toInteger([])`, `labels(1)`, `type('')`).
enum BuiltinFunctions {
    /// The arity of function `name` (lowercased), or nil when no such scalar function exists.
    static func arity(of name: String) -> ClosedRange<Int>? {
        Function.named(name)?.arity ?? TemporalFunctions.arity(of: name.lowercased())
    }

    /// Calls scalar function `name` (lowercased) with evaluated arguments.
    static func call(_ name: String, _ args: [Value], graph: GraphStore) throws(QueryError) -> Value {
        guard let function = Function.named(name) else {
            if TemporalFunctions.arity(of: name.lowercased()) != nil {
                return try TemporalFunctions.call(name.lowercased(), args, graph: graph)
            }
            if Aggregator.isAggregate(name) {
                throw QueryError(.runtime, .syntax(.invalidAggregation),
                                 "\(name)() is an aggregate function and cannot be used here")
            }
            throw QueryError(.runtime, .syntax(.unknownFunction), "Unknown function '\(name)'",
                             hint: suggestion(for: name).map { "did you mean \($0)?" })
        }
        guard function.arity.contains(args.count) else {
            throw QueryError(.runtime, .syntax(.invalidNumberOfArguments),
                             "\(function.rawValue)() expects \(function.arityText), but got \(args.count)")
        }
        return try function.call(args, graph)
    }

    /// All scalar and aggregate function names, for completion and suggestions.
    static var allNames: [String] {
        (Function.allCases.map(\.rawValue) + Aggregator.names + TemporalFunctions.displayNames).sorted()
    }

    /// The known function name closest to a misspelt `name` (`toUppercase` → `toUpper`,
    /// `lenght` → `length`), or nil when none is close: at most a third of the letters
    /// differ (edit distance, ignoring case), or one name starts with the other.
    static func suggestion(for name: String) -> String? {
        let wanted = Array(name.lowercased().unicodeScalars)
        guard wanted.count >= 2 else { return nil }
        var best: (name: String, distance: Int)? = nil
        for candidate in allNames {
            let c = Array(candidate.lowercased().unicodeScalars)
            var d = EditDistance.between(name, candidate)
            if d > max(1, wanted.count / 3) {
                let isPrefix = wanted.count >= 4 && (c.starts(with: wanted) || wanted.starts(with: c))
                guard isPrefix else { continue }
                d = abs(c.count - wanted.count)
            }
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }
}

extension BuiltinFunctions {
    /// One scalar function; the raw value is its canonical spelling.
    enum Function: String, CaseIterable, Sendable {
        // Graph elements and paths
        case id, elementId, labels, type, keys, properties, startNode, endNode
        case nodes, relationships, length
        // Lists
        case size, head, last, tail, range, reverse, coalesce, isEmpty
        // Lists: the Cypher 25 `coll.*` functions
        case collDistinct = "coll.distinct", collFlatten = "coll.flatten", collIndexOf = "coll.indexOf"
        case collInsert = "coll.insert", collMax = "coll.max", collMin = "coll.min"
        case collRemove = "coll.remove", collSort = "coll.sort"
        // Values and identity
        case valueType, randomUUID, timestamp
        // Conversion
        case toInteger, toFloat, toString, toBoolean
        case toIntegerOrNull, toFloatOrNull, toStringOrNull, toBooleanOrNull
        case toIntegerList, toFloatList, toStringList, toBooleanList
        // Numbers
        case abs, sign, ceil, floor, round, sqrt, exp, log, log10, e, pi, rand, isNaN
        case sin, cos, tan, cot, asin, acos, atan, atan2, degrees, radians, haversin
        // Strings
        case toUpper, toLower, upper, lower, trim, ltrim, rtrim, btrim, replace, substring, split, left, right
        case normalize, charLength = "char_length", characterLength = "character_length"
        // Validity (docs/time.md)
        case validAt, validBetween

        private static let byLowercasedName: [String: Function] = {
            var table: [String: Function] = [:]
            for f in Function.allCases { table[f.rawValue.lowercased()] = f }
            return table
        }()

        /// The function called `name`, in any letter case.
        static func named(_ name: String) -> Function? {
            byLowercasedName[name] ?? byLowercasedName[name.lowercased()]
        }

        /// How many arguments the function takes.
        var arity: ClosedRange<Int> {
            switch self {
            case .e, .pi, .rand, .randomUUID, .timestamp: return 0...0
            case .ltrim, .rtrim, .btrim, .normalize, .collFlatten: return 1...2
            case .trim: return 1...3
            case .collIndexOf, .collRemove: return 2...2
            case .collInsert: return 3...3
            case .coalesce: return 1...Int.max
            case .range: return 2...3
            case .round: return 1...3
            case .substring: return 2...3
            case .atan2, .left, .right, .split, .validAt: return 2...2
            case .replace, .validBetween: return 3...3
            default: return 1...1
            }
        }

        /// The arity in words, for error messages.
        var arityText: String {
            let a = arity
            if a.upperBound == Int.max { return "at least \(a.lowerBound) argument\(a.lowerBound == 1 ? "" : "s")" }
            if a.lowerBound == a.upperBound { return "\(a.lowerBound) argument\(a.lowerBound == 1 ? "" : "s")" }
            return "\(a.lowerBound) to \(a.upperBound) arguments"
        }

        /// Applies the function to arguments whose count matches ``arity``.
        func call(_ args: [Value], _ graph: GraphStore) throws(QueryError) -> Value {
            let name = rawValue
            switch self {
            case .coalesce: return args.first { !$0.isNull } ?? .null
            case .e: return .double(2.718281828459045)
            case .pi: return .double(Double.pi)
            case .rand: return .double(Double.random(in: 0..<1))
            case .valueType: return .string(CypherType.of(args[0]).description)
            case .randomUUID: return .string(Identity.randomUUID())
            case .timestamp: return .int(Identity.timestamp())
            case .toIntegerOrNull: return Conversions.toInteger(args[0], orNull: true, name)
            case .toFloatOrNull: return Conversions.toFloat(args[0], orNull: true, name)
            case .toStringOrNull: return Conversions.toString(args[0], orNull: true, name)
            case .toBooleanOrNull: return Conversions.toBoolean(args[0], orNull: true, name)
            default: break
            }
            // The remaining functions give null when their first argument is null.
            if args[0].isNull { return .null }
            switch self {
            case .id, .elementId, .labels, .type, .keys, .properties, .startNode, .endNode,
                 .nodes, .relationships, .length:
                return try Graph.call(self, args[0], graph)
            case .size, .head, .last, .tail, .reverse, .isEmpty:
                return try Lists.call(self, args[0])
            case .range: return try Lists.range(args)
            case .toInteger: return try Conversions.toIntegerThrowing(args[0], name)
            case .toFloat: return try Conversions.toFloatThrowing(args[0], name)
            case .toString: return try Conversions.toStringThrowing(args[0], name)
            case .toBoolean: return try Conversions.toBooleanThrowing(args[0], name)
            case .toIntegerList, .toFloatList, .toStringList, .toBooleanList:
                return try Conversions.listConversion(self, args[0])
            case .round: return try Math.round(args)
            case .atan2: return try Math.atan2(args[0], args[1])
            case .abs, .sign, .ceil, .floor, .sqrt, .exp, .log, .log10, .isNaN,
                 .sin, .cos, .tan, .cot, .asin, .acos, .atan, .degrees, .radians, .haversin:
                return try Math.call(self, args[0])
            case .toUpper, .toLower, .upper, .lower, .trim, .ltrim, .rtrim, .btrim, .replace, .substring,
                 .split, .left, .right, .normalize, .charLength, .characterLength:
                return try Strings.call(self, args)
            case .collDistinct, .collFlatten, .collIndexOf, .collInsert, .collMax, .collMin, .collRemove, .collSort:
                return try Collections.call(self, args)
            case .validAt, .validBetween: return try Time.call(self, args, graph)
            case .coalesce, .e, .pi, .rand, .toIntegerOrNull, .toFloatOrNull, .toStringOrNull, .toBooleanOrNull,
                 .valueType, .randomUUID, .timestamp:
                return .null  // handled above
            }
        }
    }
}
