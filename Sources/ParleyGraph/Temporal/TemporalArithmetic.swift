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

/// `duration.between`, `duration.inMonths`, `duration.inDays` and `duration.inSeconds`.
public enum TemporalBetween {
    /// Which parts of the difference to compute.
    public enum Unit: Sendable { case all, months, days, seconds }

    /// The duration from `from` to `to` in `unit`, as Neo4j computes it (Java `until`): when both
    /// have dates, whole months then whole days then the rest; when either is a time of day only,
    /// the difference of the times. A value without zone takes the other's zone; two zoned values
    /// are compared in `from`'s zone. Nil when either is a duration.
    public static func between(_ from: TemporalValue, _ to: TemporalValue, unit: Unit) throws(TemporalError) -> CypherDuration? {
        guard let fromTime = from.localTimePart, let toTime = to.localTimePart else { return nil }
        // A value without a date borrows the other's date (both without: any fixed date).
        let datesKnown = from.datePart != nil && to.datePart != nil
        if !datesKnown && (unit == .months || unit == .days) { return .zero }
        let fallback = CypherDate(epochDay: 0)
        let fromDate = from.datePart ?? to.datePart ?? fallback
        let toDate = to.datePart ?? from.datePart ?? fallback
        var start = CypherLocalDateTime(date: fromDate, time: fromTime)
        var end = CypherLocalDateTime(date: toDate, time: toTime)
        var zone: TemporalZone? = nil
        switch (from.zonePart, to.zonePart) {
        case (let f?, let t?):
            zone = f
            let endZoned = try CypherDateTime(local: end, zone: t)
            end = try endZoned.withZoneSameInstant(f).local
        case (let f?, nil): zone = f
        case (nil, let t?): zone = t
        case (nil, nil): break
        }
        let months: Int64 = datesKnown && (unit == .all || unit == .months) ? monthsUntil(start, end) : 0
        if months != 0 { start = CypherLocalDateTime(date: try start.date.plusMonths(months), time: start.time) }
        if unit == .months { return try CypherDuration(months: months, days: 0, seconds: 0, nanoseconds: 0) }
        let days: Int64 = datesKnown && (unit == .all || unit == .days) ? daysUntil(start, end) : 0
        if days != 0 { start = CypherLocalDateTime(date: try start.date.plusDays(days), time: start.time) }
        if unit == .days { return try CypherDuration(months: 0, days: days, seconds: 0, nanoseconds: 0) }
        var seconds: Int64, nanos: Int64
        if let zone {
            let a = try CypherDateTime(local: start, zone: zone), b = try CypherDateTime(local: end, zone: zone)
            seconds = b.epochSecond - a.epochSecond
            nanos = b.nano - a.nano
        } else {
            seconds = end.epochSecond - start.epochSecond
            nanos = end.time.nanosecond - start.time.nanosecond
        }
        return try CypherDuration(months: months, days: days, seconds: seconds, nanoseconds: nanos)
    }

    /// Whole months from `a` to `b` (Java `LocalDateTime.until(b, MONTHS)`).
    static func monthsUntil(_ a: CypherLocalDateTime, _ b: CypherLocalDateTime) -> Int64 {
        var endDate = b.date
        if endDate > a.date && b.time < a.time { endDate = CypherDate(epochDay: endDate.epochDay - 1) }
        else if endDate < a.date && b.time > a.time { endDate = CypherDate(epochDay: endDate.epochDay + 1) }
        let s = a.date.civil, e = endDate.civil
        let packed1 = (s.year * 12 + s.month - 1) * 32 + s.day
        let packed2 = (e.year * 12 + e.month - 1) * 32 + e.day
        return (packed2 - packed1) / 32
    }

    /// Whole days from `a` to `b` (Java `LocalDateTime.until(b, DAYS)`).
    static func daysUntil(_ a: CypherLocalDateTime, _ b: CypherLocalDateTime) -> Int64 {
        var endDate = b.date
        if endDate > a.date && b.time < a.time { endDate = CypherDate(epochDay: endDate.epochDay - 1) }
        else if endDate < a.date && b.time > a.time { endDate = CypherDate(epochDay: endDate.epochDay + 1) }
        return endDate.epochDay - a.date.epochDay
    }
}
