/// Temporal arithmetic: instant ± duration, and durations between two temporal values.
extension TemporalValue {
    /// This value moved by `d` (months first, then days, then seconds), or nil for a duration.
    /// Dates ignore the part of `d` shorter than a day; times ignore months and days and wrap
    /// around midnight.
    public func plus(_ d: CypherDuration) throws(TemporalError) -> TemporalValue? {
        let (ts, tn) = d.truncatedSecondsAndNanos
        switch self {
        case .date(let x):
            let (days, overflow) = d.days.addingReportingOverflow(ts / CivilCalendar.secondsPerDay)
            guard !overflow else { throw TemporalError("Date out of range") }
            return .date(try x.plusMonths(d.months).plusDays(days))
        case .localTime(let t):
            return .localTime(t.plus(seconds: ts, nanos: tn))
        case .time(let t):
            return .time(CypherTime(time: t.time.plus(seconds: ts, nanos: tn), offsetSeconds: t.offsetSeconds))
        case .localDateTime(let l):
            let date = try l.date.plusMonths(d.months).plusDays(d.days)
            return .localDateTime(try CypherLocalDateTime(date: date, time: l.time).plus(seconds: ts, nanos: tn))
        case .dateTime(let z):
            let date = try z.local.date.plusMonths(d.months).plusDays(d.days)
            let moved = try CypherDateTime(local: CypherLocalDateTime(date: date, time: z.local.time), zone: z.zone)
            let instant = try CypherLocalDateTime(epochSecond: moved.epochSecond, nano: moved.nano).plus(seconds: ts, nanos: tn)
            return .dateTime(try CypherDateTime(epochSecond: instant.epochSecond, nano: instant.time.nanosecond, zone: z.zone))
        case .duration:
            return nil
        }
    }

    /// The date part, if this value has one.
    public var datePart: CypherDate? {
        switch self {
        case .date(let d): return d
        case .localDateTime(let l): return l.date
        case .dateTime(let z): return z.local.date
        default: return nil
        }
    }

    /// The local time part (midnight for a date), or nil for a duration.
    public var localTimePart: CypherLocalTime? {
        switch self {
        case .date: return CypherLocalTime(nanoOfDay: 0)
        case .localTime(let t): return t
        case .time(let t): return t.time
        case .localDateTime(let l): return l.time
        case .dateTime(let z): return z.local.time
        case .duration: return nil
        }
    }

    /// The zone, if this value has one (a `ZONED TIME` has its fixed offset).
    public var zonePart: TemporalZone? {
        switch self {
        case .time(let t): return .offset(t.offsetSeconds)
        case .dateTime(let z): return z.zone
        default: return nil
        }
    }
}

extension CypherLocalTime {
    /// This time moved by seconds and nanoseconds, wrapping around midnight.
    public func plus(seconds: Int64, nanos: Int64) -> CypherLocalTime {
        let s = CivilCalendar.floorMod(seconds, CivilCalendar.secondsPerDay)
        return CypherLocalTime(nanoOfDay: nanoOfDay + s * CivilCalendar.nanosPerSecond + nanos)
    }
}
