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
