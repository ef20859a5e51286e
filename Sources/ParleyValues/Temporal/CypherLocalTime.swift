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
