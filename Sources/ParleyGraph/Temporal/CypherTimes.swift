/// A time of day without zone (Cypher `LOCAL TIME`), stored as nanoseconds since midnight.
public struct CypherLocalTime: Sendable, Hashable, Comparable {
    /// Nanoseconds since midnight, `0..<86_400_000_000_000`.
    public var nanoOfDay: Int64

    /// Creates a time from nanoseconds since midnight (wrapped into one day).
    public init(nanoOfDay: Int64) { self.nanoOfDay = CivilCalendar.floorMod(nanoOfDay, CivilCalendar.nanosPerDay) }

    /// Creates a time from validated fields.
    public init(hour: Int64, minute: Int64 = 0, second: Int64 = 0, nanosecond: Int64 = 0) throws(TemporalError) {
        guard (0...23).contains(hour) else { throw TemporalError("Invalid value for hour: \(hour) (expected 0 to 23)") }
        guard (0...59).contains(minute) else { throw TemporalError("Invalid value for minute: \(minute) (expected 0 to 59)") }
        guard (0...59).contains(second) else { throw TemporalError("Invalid value for second: \(second) (expected 0 to 59)") }
        guard (0...999_999_999).contains(nanosecond) else {
            throw TemporalError("Invalid value for nanosecond: \(nanosecond) (expected 0 to 999999999)")
        }
        nanoOfDay = ((hour * 60 + minute) * 60 + second) * CivilCalendar.nanosPerSecond + nanosecond
    }

    public static func < (a: CypherLocalTime, b: CypherLocalTime) -> Bool { a.nanoOfDay < b.nanoOfDay }

    /// The hour (0–23).
    public var hour: Int64 { nanoOfDay / 3_600_000_000_000 }
    /// The minute of the hour.
    public var minute: Int64 { nanoOfDay / 60_000_000_000 % 60 }
    /// The second of the minute.
    public var second: Int64 { nanoOfDay / CivilCalendar.nanosPerSecond % 60 }
    /// The nanosecond of the second.
    public var nanosecond: Int64 { nanoOfDay % CivilCalendar.nanosPerSecond }
    /// Whole seconds since midnight.
    public var secondOfDay: Int64 { nanoOfDay / CivilCalendar.nanosPerSecond }
}

/// A time of day with a UTC offset (Cypher `ZONED TIME`, function `time`).
public struct CypherTime: Sendable, Hashable {
    /// The local time of day.
    public var time: CypherLocalTime
    /// The offset from UTC in seconds (−18h…+18h).
    public var offsetSeconds: Int32

    /// Creates a time with an offset.
    public init(time: CypherLocalTime, offsetSeconds: Int32) {
        self.time = time
        self.offsetSeconds = offsetSeconds
    }

    /// The time in UTC as nanoseconds (may be outside one day), used for ordering.
    public var utcNanos: Int64 { time.nanoOfDay - Int64(offsetSeconds) * CivilCalendar.nanosPerSecond }

    /// Orders by the UTC instant, then by local time (as Java's `OffsetTime`).
    public func compare(_ other: CypherTime) -> Int {
        if utcNanos != other.utcNanos { return utcNanos < other.utcNanos ? -1 : 1 }
        if time != other.time { return time < other.time ? -1 : 1 }
        return 0
    }
}

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

/// A date and time at a UTC offset, optionally in a named time zone (Cypher `ZONED DATETIME`).
public struct CypherDateTime: Sendable, Hashable {
    /// The local date and time (wall clock at `offsetSeconds`).
    public var local: CypherLocalDateTime
    /// The offset from UTC in seconds.
    public var offsetSeconds: Int32
    /// The IANA zone name (`Europe/Stockholm`), or nil for a fixed offset.
    public var zoneName: String?

    /// Creates a date-time from its parts (the offset must be right for the zone).
    public init(local: CypherLocalDateTime, offsetSeconds: Int32, zoneName: String?) {
        self.local = local
        self.offsetSeconds = offsetSeconds
        self.zoneName = zoneName
    }

    /// Creates the date-time for a wall-clock time in `zone`: in a gap the time moves forward by
    /// the gap's length, in an overlap the earlier offset wins (as Java's `ZonedDateTime.ofLocal`).
    public init(local: CypherLocalDateTime, zone: TemporalZone) throws(TemporalError) {
        switch zone {
        case .offset(let seconds):
            self.init(local: local, offsetSeconds: seconds, zoneName: nil)
        case .named(let name):
            guard let rules = TimeZoneDatabase.rules(named: name) else { throw TemporalError("Unknown time zone '\(name)'") }
            let instant = rules.instant(forLocalEpochSecond: local.epochSecond)
            let offset = rules.offset(atEpochSecond: instant)
            self.init(local: CypherLocalDateTime(epochSecond: instant + Int64(offset), nano: local.time.nanosecond),
                      offsetSeconds: offset, zoneName: name)
        }
    }

    /// Creates the date-time for an instant seen in `zone`.
    public init(epochSecond: Int64, nano: Int64, zone: TemporalZone) throws(TemporalError) {
        let low = (CypherDate.minEpochDay - 1) * CivilCalendar.secondsPerDay
        let high = (CypherDate.maxEpochDay + 2) * CivilCalendar.secondsPerDay
        guard epochSecond > low, epochSecond < high, (0..<CivilCalendar.nanosPerSecond).contains(nano) else {
            throw TemporalError("Date-time out of range (years -999999999 to 999999999)")
        }
        let offset: Int32
        switch zone {
        case .offset(let seconds): offset = seconds
        case .named(let name):
            guard let rules = TimeZoneDatabase.rules(named: name) else { throw TemporalError("Unknown time zone '\(name)'") }
            offset = rules.offset(atEpochSecond: epochSecond)
        }
        let local = CypherLocalDateTime(epochSecond: epochSecond + Int64(offset), nano: nano)
        _ = try local.date.checked()
        self.init(local: local, offsetSeconds: offset, zoneName: zone.name)
    }

    /// The zone: named when there is a name, else the fixed offset.
    public var zone: TemporalZone { zoneName.map { .named($0) } ?? .offset(offsetSeconds) }

    /// Seconds since 1970-01-01T00:00Z.
    public var epochSecond: Int64 { local.epochSecond - Int64(offsetSeconds) }
    /// The nanosecond of the second.
    public var nano: Int64 { local.time.nanosecond }

    /// Orders by instant, then offset, then zone name (for a total order).
    public func compareInstant(_ other: CypherDateTime) -> Int {
        if epochSecond != other.epochSecond { return epochSecond < other.epochSecond ? -1 : 1 }
        if nano != other.nano { return nano < other.nano ? -1 : 1 }
        return 0
    }

    /// The same instant seen in another zone.
    public func withZoneSameInstant(_ zone: TemporalZone) throws(TemporalError) -> CypherDateTime {
        try CypherDateTime(epochSecond: epochSecond, nano: nano, zone: zone)
    }
}

/// A time zone as Cypher accepts it: a fixed offset or an IANA zone name.
public enum TemporalZone: Sendable, Hashable {
    /// A fixed offset from UTC in seconds.
    case offset(Int32)
    /// A named zone from the tz database.
    case named(String)

    /// The zone name, or nil for an offset.
    public var name: String? {
        if case .named(let n) = self { return n }
        return nil
    }

    /// The offset from UTC at an instant.
    public func offset(atEpochSecond t: Int64) -> Int32 {
        switch self {
        case .offset(let s): return s
        case .named(let n): return TimeZoneDatabase.rules(named: n)?.offset(atEpochSecond: t) ?? 0
        }
    }
}
