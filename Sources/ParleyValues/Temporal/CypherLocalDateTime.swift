/// A date and time without zone (Cypher `LOCAL DATETIME`).
public struct CypherLocalDateTime: Sendable, Hashable, Comparable {
    /// The date.
    public var date: CypherDate
    /// The time of day.
    public var time: CypherLocalTime

    /// Creates a local date-time from its date and time.
    public init(date: CypherDate, time: CypherLocalTime) {
        self.date = date
        self.time = time
    }

    /// Creates a local date-time from seconds and nanoseconds since 1970-01-01T00:00 (local).
    public init(epochSecond: Int64, nano: Int64) {
        date = CypherDate(epochDay: CivilCalendar.floorDiv(epochSecond, CivilCalendar.secondsPerDay))
        time = CypherLocalTime(nanoOfDay: CivilCalendar.floorMod(epochSecond, CivilCalendar.secondsPerDay) * CivilCalendar.nanosPerSecond + nano)
    }

    /// Seconds since 1970-01-01T00:00 on the local time line.
    public var epochSecond: Int64 { date.epochDay * CivilCalendar.secondsPerDay + time.secondOfDay }

    public static func < (a: CypherLocalDateTime, b: CypherLocalDateTime) -> Bool {
        (a.date, a.time.nanoOfDay) < (b.date, b.time.nanoOfDay)
    }

    /// This date-time plus a number of seconds and nanoseconds (either sign).
    public func plus(seconds: Int64, nanos: Int64) throws(TemporalError) -> CypherLocalDateTime {
        let totalNanos = time.nanoOfDay + CivilCalendar.floorMod(nanos, CivilCalendar.nanosPerSecond)
        let (s1, o1) = seconds.addingReportingOverflow(CivilCalendar.floorDiv(nanos, CivilCalendar.nanosPerSecond))
        guard !o1 else { throw TemporalError("Date-time out of range") }
        let days = CivilCalendar.floorDiv(s1, CivilCalendar.secondsPerDay)
        let rest = CivilCalendar.floorMod(s1, CivilCalendar.secondsPerDay) * CivilCalendar.nanosPerSecond + totalNanos
        let carry = rest / CivilCalendar.nanosPerDay
        let newDate = try date.plusDays(days + carry)
        return CypherLocalDateTime(date: newDate, time: CypherLocalTime(nanoOfDay: rest % CivilCalendar.nanosPerDay))
    }
}
