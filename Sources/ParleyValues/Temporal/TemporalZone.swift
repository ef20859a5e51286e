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
