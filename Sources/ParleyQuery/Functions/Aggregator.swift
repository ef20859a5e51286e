import ParleyGraph
import ParleyValues

/// The state of one aggregate (`count`, `collect`, `sum`, `avg`, `min`, `max`, ...) over a group.
///
/// Every aggregate skips `null` inputs (`count(*)` counts rows). With `distinct`, an input
/// equivalent (Cypher equivalence, ``Value``'s `==`) to an earlier one is skipped.
///
/// - `count` → INTEGER; `collect` → LIST in input order.
/// - `sum` → INTEGER while every input is an INTEGER (overflow is
///   `ArithmeticError: IntegerOverflow`), FLOAT once a FLOAT is seen; 0 over no input.
/// - `avg` → FLOAT, `null` over no input.
/// - `min`/`max` → the least/greatest input in ORDER BY order (so over mixed types, any
///   number beats any string, which beats any list), `null` over no input.
/// - `percentileDisc(x, p)` → the input at nearest rank ⌈p·n⌉ (its own type);
///   `percentileCont(x, p)` → FLOAT, interpolated linearly; `p` must be a number in
///   0...1 (`ArgumentError: NumberOutOfRange`); `null` over no input.
/// - `stDev` (sample) and `stDevP` (population) → FLOAT, 0.0 over fewer than 2 (1) inputs.
/// - `sum`, `avg`, `stDev`, `stDevP`, `percentileCont` of a non-number are
///   `TypeError: InvalidArgumentType`.
struct Aggregator: Sendable {
    /// The aggregate functions, in their canonical spelling.
    static let names = ["avg", "collect", "count", "max", "min", "percentileCont", "percentileDisc", "stDev", "stDevP", "sum"]

    private static let kinds: [String: Kind] = [
        "avg": .avg, "collect": .collect, "count": .count, "max": .max, "min": .min,
        "percentilecont": .percentileCont, "percentiledisc": .percentileDisc,
        "stdev": .stDev, "stdevp": .stDevP, "sum": .sum,
    ]

    /// The kind of aggregate `name`, in any letter case.
    private static func kind(of name: String) -> Kind? { kinds[name] ?? kinds[name.lowercased()] }

    /// Whether `name` (lowercased) is an aggregate function.
    static func isAggregate(_ name: String) -> Bool { kind(of: name) != nil }

    /// The arity of aggregate `name` (lowercased), or nil when it is not one.
    static func arity(of name: String) -> ClosedRange<Int>? {
        guard let kind = kind(of: name) else { return nil }
        return kind == .percentileDisc || kind == .percentileCont ? 2...2 : 1...1
    }

    private enum Kind: Sendable { case count, countStar, collect, sum, avg, min, max, percentileDisc, percentileCont, stDev, stDevP, unknown }

    private let kind: Kind
    /// The name the aggregate was created with, for messages.
    private let name: String
    private let distinct: Bool
    private var seen: Set<Value> = []

    private var count: Int64 = 0
    private var items: [Value] = []
    private var intSum: Int64 = 0
    private var floatSum: Double = 0
    private var floatCompensation: Double = 0
    private var sawFloat = false
    private var best: Value = .null
    private var percentile: Double? = nil
    // Welford's running mean and sum of squared deviations, for stDev/stDevP.
    private var mean: Double = 0
    private var m2: Double = 0

    /// Creates the state for aggregate `name` (lowercased); `distinct` drops repeated inputs.
    /// `count(*)` is `name == "count"` with `star == true`.
    init(name: String, distinct: Bool, star: Bool = false) {
        let kind = Aggregator.kind(of: name) ?? .unknown
        self.kind = kind == .count && star ? .countStar : kind
        self.name = name
        self.distinct = distinct
    }

    /// Adds one row's evaluated arguments (one value; two for percentileDisc/Cont). Returns
    /// whether the value was stored (collect, percentiles, DISTINCT): what weighs on memory.
    @discardableResult
    mutating func add(_ args: [Value]) throws(QueryError) -> Bool {
        if kind == .countStar { count += 1; return false }
        guard let x = args.first else { return false }
        if kind == .percentileDisc || kind == .percentileCont {
            try checkPercentile(args.count > 1 ? args[1] : .null)
        }
        if x.isNull { return false }
        if distinct && !seen.insert(x).inserted { return false }
        switch kind {
        case .count: count += 1
        case .collect:
            if x.nesting >= Value.maxNesting { throw QueryError.nestedTooDeeply }
            items.append(x)
        case .sum, .avg:
            switch x {
            case .int(let i):
                if kind == .sum && !sawFloat {
                    let (r, o) = intSum.addingReportingOverflow(i)
                    if o { throw FunctionError.integerOverflow("sum() \(intSum) + \(i)") }
                    intSum = r
                } else {
                    addFloat(Double(i))
                }
            case .double(let d): sawFloat = true; addFloat(d)
            default: throw notANumber(x)
            }
            count += 1
        case .min:
            if best.isNull || x.orderCompare(best) < 0 { best = x }
        case .max:
            if best.isNull || x.orderCompare(best) > 0 { best = x }
        case .percentileDisc:
            items.append(x)
        case .percentileCont, .stDev, .stDevP:
            guard let d = x.cypherNumberAsDouble else { throw notANumber(x) }
            if kind == .percentileCont {
                items.append(.double(d))
            } else {
                count += 1
                let delta = d - mean
                mean += delta / Double(count)
                m2 += delta * (d - mean)
            }
        case .countStar, .unknown: break
        }
        return distinct || kind == .collect || kind == .percentileDisc || kind == .percentileCont
    }

    /// The aggregate's value over everything added.
    func result() throws(QueryError) -> Value {
        switch kind {
        case .count, .countStar: return .int(count)
        case .collect: return .list(items)
        case .sum:
            if !sawFloat { return .int(intSum) }
            return .double(Double(intSum) + floatSum + floatCompensation)
        case .avg:
            if count == 0 { return .null }
            return .double((Double(intSum) + floatSum + floatCompensation) / Double(count))
        case .min, .max: return best
        case .percentileDisc, .percentileCont:
            guard !items.isEmpty, let p = percentile else { return .null }
            let sorted = items.sorted { $0.orderCompare($1) < 0 }
            if kind == .percentileDisc {
                let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
                return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))]
            }
            let position = p * Double(sorted.count - 1)
            let lo = Int(position.rounded(.down)), hi = Int(position.rounded(.up))
            let a = sorted[lo].cypherNumberAsDouble ?? 0, b = sorted[hi].cypherNumberAsDouble ?? 0
            return .double(lo == hi ? a : a + (b - a) * (position - Double(lo)))
        case .stDev: return .double(count < 2 ? 0 : (m2 / Double(count - 1)).squareRoot())
        case .stDevP: return .double(count < 1 ? 0 : (m2 / Double(count)).squareRoot())
        case .unknown:
            throw QueryError(.runtime, .syntax(.unknownFunction), "Unknown aggregate function '\(name)'")
        }
    }

    /// Adds to the float sum with Neumaier's compensation (keeps small terms).
    private mutating func addFloat(_ d: Double) {
        let t = floatSum + d
        if Swift.abs(floatSum) >= Swift.abs(d) {
            floatCompensation += (floatSum - t) + d
        } else {
            floatCompensation += (d - t) + floatSum
        }
        floatSum = t
    }

    /// Validates (and remembers) the percentile argument: a number in 0...1.
    private mutating func checkPercentile(_ p: Value) throws(QueryError) {
        guard let d = p.cypherNumberAsDouble else {
            throw QueryError(.runtime, .argument(.invalidArgumentType),
                             "\(displayName)() expects a number between 0.0 and 1.0 as percentile, but got \(p.typeName)")
        }
        guard d >= 0, d <= 1 else {
            throw FunctionError.outOfRange("\(displayName)() percentile must be between 0.0 and 1.0, but got \(p.cypherLiteral(in: nil))")
        }
        if percentile == nil { percentile = d }
    }

    /// The canonical spelling of the aggregate's name (`percentileDisc`), for messages.
    private var displayName: String {
        Aggregator.names.first { $0.lowercased() == name.lowercased() } ?? name
    }

    private func notANumber(_ x: Value) -> QueryError {
        FunctionError.operandType("\(displayName)() expects INTEGER or FLOAT values, but got \(x.typeName) \(x.cypherLiteral(in: nil))")
    }
}
