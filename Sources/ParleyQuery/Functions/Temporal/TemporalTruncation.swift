import ParleyGraph
import ParleyValues

/// `date.truncate(unit, value, fields)` and its siblings: cut a value down to the start of a
/// unit (`'millennium'`, `'century'`, `'decade'`, `'year'`, `'weekYear'`, `'quarter'`, `'month'`,
/// `'week'`, `'day'`, `'hour'`, `'minute'`, `'second'`, `'millisecond'`, `'microsecond'`), then
/// set the given fields (`{day: 2}`, `{nanosecond: 2}`, `{timezone: 'Europe/Stockholm'}`).
enum TemporalTruncation {
    /// The truncated value of `kind`.
    static func truncate(_ kind: TemporalFunctions.Kind, unit: String, _ value: TemporalValue,
                         fields map: [String: Value]) throws -> TemporalValue {
        if case .duration = value { throw TemporalError("cannot truncate a DURATION") }
        let fields = try TemporalMaps.checkedFields(kind, map, bases: false)
        let u = unit.lowercased()
        let dateUnits: Set<String> = ["millennium", "century", "decade", "year", "weekyear", "quarter", "month", "week"]
        let timeUnits: Set<String> = ["day", "hour", "minute", "second", "millisecond", "microsecond"]
        guard dateUnits.contains(u) || timeUnits.contains(u) else { throw TemporalError("Unknown truncation unit '\(unit)'") }
        if !kind.hasDate && dateUnits.contains(u) {
            throw TemporalError("cannot truncate a \(kind.rawValue) to unit '\(unit)'")
        }
        var date = value.datePart
        if kind.hasDate {
            guard let d = date else { throw TemporalError("cannot truncate a \(value.typeName) to a \(kind.rawValue): it has no date") }
            date = try truncateDate(d, u)
        }
        var nanos = value.localTimePart?.nanoOfDay ?? 0
        let unitNanos: Int64
        switch u {
        case "hour": unitNanos = 3_600_000_000_000
        case "minute": unitNanos = 60_000_000_000
        case "second": unitNanos = 1_000_000_000
        case "millisecond": unitNanos = 1_000_000
        case "microsecond": unitNanos = 1000
        default: unitNanos = CivilCalendar.nanosPerDay
        }
        nanos -= nanos % unitNanos
        let time = CypherLocalTime(nanoOfDay: nanos)
        let newZone = try fields["timezone"].map { v throws in try TemporalMaps.zoneValue(v) }
        var zone = value.zonePart
        if case .date = kind { zone = nil }
        return try TemporalMaps.assemble(kind, fields, dateBase: date, timeBase: kind.hasTime ? time : nil,
                                         baseZone: newZone == nil ? zone : nil, newZone: newZone ?? nil,
                                         convertToNewZone: false)
    }

    /// The first day of the unit containing `d` (days and smaller keep the date).
    static func truncateDate(_ d: CypherDate, _ unit: String) throws -> CypherDate {
        let c = d.civil
        func yearStart(_ y: Int64) throws -> CypherDate { try CypherDate(year: y, month: 1, day: 1) }
        switch unit {
        case "millennium": return try yearStart(CivilCalendar.floorDiv(c.year, 1000) * 1000)
        case "century": return try yearStart(CivilCalendar.floorDiv(c.year, 100) * 100)
        case "decade": return try yearStart(CivilCalendar.floorDiv(c.year, 10) * 10)
        case "year": return try yearStart(c.year)
        case "weekyear": return CypherDate(epochDay: CivilCalendar.firstMondayOfWeekYear(d.weekYear))
        case "quarter": return try CypherDate(year: c.year, month: (c.month - 1) / 3 * 3 + 1, day: 1)
        case "month": return try CypherDate(year: c.year, month: c.month, day: 1)
        case "week": return CypherDate(epochDay: d.epochDay - (d.dayOfWeek - 1))
        default: return d
        }
    }
}
