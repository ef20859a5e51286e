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
