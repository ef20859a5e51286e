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
