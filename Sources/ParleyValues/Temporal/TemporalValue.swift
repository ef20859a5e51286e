/// A Cypher temporal value: one of the five instant types or a duration.
///
/// `==`/`hash` are Cypher equality (a `DATETIME` equals another with the same instant,
/// offset and zone name; durations compare component-wise). Only values of the same kind are ordered by
/// `<` (``compare(_:)``), and durations are never ordered; ``orderCompare(_:)`` is the total
/// order ORDER BY uses.
public enum TemporalValue: Sendable, Hashable, CustomStringConvertible {
    /// `DATE`: `date('2015-07-21')`.
    case date(CypherDate)
    /// `LOCAL TIME`: `localtime('21:40:32')`.
    case localTime(CypherLocalTime)
    /// `ZONED TIME`: `time('21:40:32+01:00')`.
    case time(CypherTime)
    /// `LOCAL DATETIME`: `localdatetime('2015-07-21T21:40:32')`.
    case localDateTime(CypherLocalDateTime)
    /// `ZONED DATETIME`: `datetime('2015-07-21T21:40:32+02:00[Europe/Stockholm]')`.
    case dateTime(CypherDateTime)
    /// `DURATION`: `duration('P14DT16H12M')`.
    case duration(CypherDuration)

    /// The Cypher type name (`DATE`, `LOCAL TIME`, `ZONED TIME`, ...).
    public var typeName: String {
        switch self {
        case .date: return "DATE"
        case .localTime: return "LOCAL TIME"
        case .time: return "ZONED TIME"
        case .localDateTime: return "LOCAL DATETIME"
        case .dateTime: return "ZONED DATETIME"
        case .duration: return "DURATION"
        }
    }

    /// The ISO 8601 text, as `toString()` and TCK results print it.
    public var description: String {
        var out = ""
        switch self {
        case .date(let d): TemporalFormatting.date(d, into: &out)
        case .localTime(let t): TemporalFormatting.time(t, into: &out)
        case .time(let t):
            TemporalFormatting.time(t.time, into: &out)
            TemporalFormatting.offset(t.offsetSeconds, into: &out)
        case .localDateTime(let l):
            TemporalFormatting.date(l.date, into: &out)
            out += "T"
            TemporalFormatting.time(l.time, into: &out)
        case .dateTime(let z):
            TemporalFormatting.date(z.local.date, into: &out)
            out += "T"
            TemporalFormatting.time(z.local.time, into: &out)
            TemporalFormatting.offset(z.offsetSeconds, into: &out)
            if let name = z.zoneName { out += "[\(name)]" }
        case .duration(let d): TemporalFormatting.duration(d, into: &out)
        }
        return out
    }

    public static func == (a: TemporalValue, b: TemporalValue) -> Bool {
        switch (a, b) {
        case (.date(let x), .date(let y)): return x == y
        case (.localTime(let x), .localTime(let y)): return x == y
        case (.time(let x), .time(let y)): return x == y
        case (.localDateTime(let x), .localDateTime(let y)): return x == y
        case (.dateTime(let x), .dateTime(let y)):
            return x.compareInstant(y) == 0 && x.offsetSeconds == y.offsetSeconds && x.zoneName == y.zoneName
        case (.duration(let x), .duration(let y)): return x == y
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .date(let x): hasher.combine(0); hasher.combine(x)
        case .localTime(let x): hasher.combine(1); hasher.combine(x)
        case .time(let x): hasher.combine(2); hasher.combine(x)
        case .localDateTime(let x): hasher.combine(3); hasher.combine(x)
        case .dateTime(let x): hasher.combine(4); hasher.combine(x.epochSecond); hasher.combine(x.nano); hasher.combine(x.offsetSeconds)
        case .duration(let x): hasher.combine(5); hasher.combine(x)
        }
    }

    /// The ordering for `<`, `<=`, `>`, `>=`: negative, zero or positive for two values of the same
    /// instant kind; nil for different kinds and for durations (they are not ordered).
    public func compare(_ other: TemporalValue) -> Int? {
        func cmp<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (self, other) {
        case (.date(let x), .date(let y)): return cmp(x, y)
        case (.localTime(let x), .localTime(let y)): return cmp(x, y)
        case (.time(let x), .time(let y)): return x.compare(y)
        case (.localDateTime(let x), .localDateTime(let y)): return cmp(x, y)
        case (.dateTime(let x), .dateTime(let y)): return x.compareInstant(y)
        default: return nil
        }
    }

    /// The position of this kind in ORDER BY's order of types:
    /// DATETIME, LOCAL DATETIME, DATE, TIME, LOCAL TIME, DURATION.
    public var orderRank: Int {
        switch self {
        case .dateTime: return 0
        case .localDateTime: return 1
        case .date: return 2
        case .time: return 3
        case .localTime: return 4
        case .duration: return 5
        }
    }

    /// A total order for ORDER BY: by kind, then by value (durations by months, days, seconds,
    /// nanoseconds; date-times of the same instant by offset then zone name).
    public func orderCompare(_ other: TemporalValue) -> Int {
        if orderRank != other.orderRank { return orderRank < other.orderRank ? -1 : 1 }
        if let c = compare(other), c != 0 { return c }
        switch (self, other) {
        case (.dateTime(let x), .dateTime(let y)):
            if x.offsetSeconds != y.offsetSeconds { return x.offsetSeconds > y.offsetSeconds ? -1 : 1 }
            let a = x.zoneName ?? "", b = y.zoneName ?? ""
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.duration(let x), .duration(let y)):
            let a = (x.months, x.days, x.seconds, x.nanoseconds), b = (y.months, y.days, y.seconds, y.nanoseconds)
            return a < b ? -1 : (a == b ? 0 : 1)
        default: return 0
        }
    }
}
