/// A Cypher duration: months, days, seconds and nanoseconds, each kept apart (a month is not a
/// fixed number of days, nor a day a fixed number of seconds across DST changes).
///
/// Seconds and nanoseconds are normalized so that `nanoseconds` is in `0..<1_000_000_000`
/// (−0.1 s is `seconds: -1, nanoseconds: 900_000_000`), as Neo4j does.
public struct CypherDuration: Sendable, Hashable {
    /// Whole months (years × 12 + months).
    public var months: Int64
    /// Whole days.
    public var days: Int64
    /// Whole seconds (floored).
    public var seconds: Int64
    /// Nanoseconds added to `seconds`, `0..<1_000_000_000`.
    public var nanoseconds: Int64

    /// Average length of a month in seconds (365.2425 × 86400 / 12), used to cascade fractions.
    public static let averageSecondsPerMonth: Int64 = 2_629_746

    /// Creates a duration, normalizing nanoseconds into seconds (traps never: overflow throws).
    public init(months: Int64, days: Int64, seconds: Int64, nanoseconds: Int64) throws(TemporalError) {
        let carry = CivilCalendar.floorDiv(nanoseconds, CivilCalendar.nanosPerSecond)
        let (s, o) = seconds.addingReportingOverflow(carry)
        guard !o else { throw TemporalError("Duration out of range") }
        self.months = months
        self.days = days
        self.seconds = s
        self.nanoseconds = CivilCalendar.floorMod(nanoseconds, CivilCalendar.nanosPerSecond)
    }

    /// The zero duration.
    public static let zero = CypherDuration(unchecked: 0, 0, 0, 0)

    init(unchecked months: Int64, _ days: Int64, _ seconds: Int64, _ nanos: Int64) {
        self.months = months
        self.days = days
        self.seconds = seconds
        self.nanoseconds = nanos
    }

    /// A duration from fractional amounts, cascading fractions downward as Neo4j does:
    /// a fraction of a month becomes days (and seconds) by the average month length, a fraction
    /// of a day becomes seconds, a fraction of a second becomes nanoseconds.
    public static func approximate(months: Double, days: Double, seconds: Double, nanos: Double) throws(TemporalError) -> CypherDuration {
        let values = [months, days, seconds, nanos]
        guard values.allSatisfy({ $0.isFinite }) else { throw TemporalError("Duration out of range") }
        let m = try whole(months)
        let monthFractionSeconds = (months - Double(m)) * Double(averageSecondsPerMonth)
        let daysTotal = days + monthFractionSeconds / 86_400
        let d = try whole(daysTotal)
        let secondsTotal = seconds + (daysTotal - Double(d)) * 86_400
        let s = try whole(secondsTotal)
        var nanosTotal = nanos + (secondsTotal - Double(s)) * 1e9
        // Undo binary rounding noise (70.5 s must give exactly 500000000 ns).
        let rounded = nanosTotal.rounded()
        if abs(nanosTotal - rounded) < 1e-4 { nanosTotal = rounded }
        let n = try whole(nanosTotal)
        return try CypherDuration(months: m, days: d, seconds: s, nanoseconds: n)
    }

    /// `x` truncated toward zero, if it fits in Int64.
    private static func whole(_ x: Double) throws(TemporalError) -> Int64 {
        let t = x.rounded(.towardZero)
        guard t > -9.2e18, t < 9.2e18 else { throw TemporalError("Duration out of range") }
        return Int64(t)
    }

    // MARK: Components (as Cypher's accessors)

    /// Seconds and nanoseconds as a sign-magnitude pair (truncated toward zero).
    var truncatedSecondsAndNanos: (seconds: Int64, nanos: Int64) {
        if seconds < 0 && nanoseconds > 0 { return (seconds + 1, nanoseconds - CivilCalendar.nanosPerSecond) }
        return (seconds, nanoseconds)
    }

    /// A component accessor by name (`years`, `monthsOfYear`, `nanosecondsOfSecond`, ...).
    public func component(_ key: String) -> Int64? {
        switch key.lowercased() {
        case "years": return months / 12
        case "quarters": return months / 3
        case "months": return months
        case "weeks": return days / 7
        case "days": return days
        case "hours": return seconds / 3600
        case "minutes": return seconds / 60
        case "seconds": return seconds
        case "milliseconds": return seconds &* 1000 &+ nanoseconds / 1_000_000
        case "microseconds": return seconds &* 1_000_000 &+ nanoseconds / 1000
        case "nanoseconds": return seconds &* 1_000_000_000 &+ nanoseconds
        case "quartersofyear": return months % 12 / 3
        case "monthsofquarter": return months % 3
        case "monthsofyear": return months % 12
        case "daysofweek": return days % 7
        case "minutesofhour": return seconds / 60 % 60
        case "secondsofminute": return seconds % 60
        case "millisecondsofsecond": return nanoseconds / 1_000_000
        case "microsecondsofsecond": return nanoseconds / 1000
        case "nanosecondsofsecond": return nanoseconds
        default: return nil
        }
    }

    // MARK: Arithmetic

    /// `self + other`, component by component.
    public func adding(_ other: CypherDuration) throws(TemporalError) -> CypherDuration {
        let (m, o1) = months.addingReportingOverflow(other.months)
        let (d, o2) = days.addingReportingOverflow(other.days)
        let (s, o3) = seconds.addingReportingOverflow(other.seconds)
        guard !o1, !o2, !o3 else { throw TemporalError("Duration out of range") }
        return try CypherDuration(months: m, days: d, seconds: s, nanoseconds: nanoseconds + other.nanoseconds)
    }

    /// `-self`.
    public func negated() throws(TemporalError) -> CypherDuration {
        guard months != .min, days != .min, seconds != .min else { throw TemporalError("Duration out of range") }
        return try CypherDuration(months: -months, days: -days, seconds: -seconds, nanoseconds: -nanoseconds)
    }

    /// `self * factor` for an integer factor (exact).
    public func multiplied(by factor: Int64) throws(TemporalError) -> CypherDuration {
        let (m, o1) = months.multipliedReportingOverflow(by: factor)
        let (d, o2) = days.multipliedReportingOverflow(by: factor)
        let (s, o3) = seconds.multipliedReportingOverflow(by: factor)
        let (n, o4) = nanoseconds.multipliedReportingOverflow(by: factor)
        guard !o1, !o2, !o3, !o4 else { throw TemporalError("Duration out of range") }
        let (s2, o5) = s.addingReportingOverflow(CivilCalendar.floorDiv(n, CivilCalendar.nanosPerSecond))
        guard !o5 else { throw TemporalError("Duration out of range") }
        return try CypherDuration(months: m, days: d, seconds: s2, nanoseconds: CivilCalendar.floorMod(n, CivilCalendar.nanosPerSecond))
    }

    /// `self * factor` for a fractional factor (fractions cascade as in ``approximate(months:days:seconds:nanos:)``).
    public func multiplied(by factor: Double) throws(TemporalError) -> CypherDuration {
        try .approximate(months: Double(months) * factor, days: Double(days) * factor,
                         seconds: Double(seconds) * factor, nanos: Double(nanoseconds) * factor)
    }

    /// `self / divisor` (fractions cascade).
    public func divided(by divisor: Double) throws(TemporalError) -> CypherDuration {
        guard divisor != 0 else { throw TemporalError("Division of a duration by zero") }
        return try .approximate(months: Double(months) / divisor, days: Double(days) / divisor,
                                seconds: Double(seconds) / divisor, nanos: Double(nanoseconds) / divisor)
    }
}
