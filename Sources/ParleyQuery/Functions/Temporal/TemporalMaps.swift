import ParleyGraph
import ParleyValues

/// Building temporal values from maps (`date({year: 1984, week: 10})`,
/// `datetime({date: d, time: t, timezone: 'Europe/Stockholm'})`, `duration({hours: 2.5})`) and
/// converting one temporal type into another.
enum TemporalMaps {
    /// Which date fields a map gives, deciding how the date is assembled.
    private enum DateMode { case calendar, week, ordinal, quarter }

    static let dateKeys: Set<String> = ["year", "month", "day", "week", "dayofweek", "quarter", "dayofquarter", "ordinalday"]
    static let timeKeys: Set<String> = ["hour", "minute", "second", "millisecond", "microsecond", "nanosecond"]

    /// Builds a value of `kind` from map fields.
    static func build(_ kind: TemporalFunctions.Kind, _ map: [String: Value]) throws -> TemporalValue {
        let fields = try checkedFields(kind, map, bases: true)
        // Epoch-based date-times.
        if fields["epochseconds"] != nil || fields["epochmillis"] != nil {
            var seconds: Int64 = 0, nanos: Int64 = 0
            if let s = fields["epochseconds"] { seconds = try int(s, "epochSeconds") }
            if let ms = fields["epochmillis"] {
                let v = try int(ms, "epochMillis")
                seconds &+= CivilCalendar.floorDiv(v, 1000)
                nanos += CivilCalendar.floorMod(v, 1000) * 1_000_000
            }
            nanos += try subsecond(fields, base: 0)
            seconds &+= nanos / CivilCalendar.nanosPerSecond
            nanos %= CivilCalendar.nanosPerSecond
            let zone = try fields["timezone"].map { v throws in try zoneValue(v) } ?? .offset(0)
            return .dateTime(try CypherDateTime(epochSecond: seconds, nano: nanos, zone: zone))
        }
        var dateBase: CypherDate? = nil, timeBase: CypherLocalTime? = nil, baseZone: TemporalZone? = nil
        if let v = fields["datetime"] {
            guard case .temporal(let t) = v, let d = t.datePart, let tm = t.localTimePart else {
                throw TemporalError("field 'datetime' must be a date-time value")
            }
            dateBase = d
            timeBase = tm
            baseZone = t.zonePart
        }
        if let v = fields["date"] {
            guard case .temporal(let t) = v, let d = t.datePart else { throw TemporalError("field 'date' must have a date") }
            dateBase = d
        }
        if let v = fields["time"] {
            guard case .temporal(let t) = v, let tm = t.localTimePart else {
                throw TemporalError("field 'time' must have a time")
            }
            timeBase = tm
            baseZone = t.zonePart
        }
        let newZone = try fields["timezone"].map { v throws in try zoneValue(v) }
        return try assemble(kind, fields, dateBase: dateBase, timeBase: timeBase, baseZone: baseZone,
                            newZone: newZone, convertToNewZone: true)
    }

    /// The map's fields with lowercased keys, after checking that `kind` accepts every key
    /// (`bases`: also `date`, `time`, `datetime` and the epoch fields) and that none is null.
    static func checkedFields(_ kind: TemporalFunctions.Kind, _ map: [String: Value], bases: Bool) throws -> [String: Value] {
        var fields: [String: Value] = [:]
        for (k, v) in map { fields[k.lowercased()] = v }
        var allowed = Set<String>()
        if kind.hasZone { allowed.insert("timezone") }
        if kind.hasDate { allowed.formUnion(dateKeys) }
        if kind.hasTime { allowed.formUnion(timeKeys) }
        if bases {
            if kind.hasDate { allowed.insert("date") }
            if kind.hasTime { allowed.insert("time") }
            if kind == .datetime || kind == .localdatetime { allowed.insert("datetime") }
            if kind == .datetime { allowed.formUnion(["epochseconds", "epochmillis"]) }
        }
        for key in fields.keys.sorted() where !allowed.contains(key) {
            throw TemporalError("\(kind.rawValue) does not accept the field '\(key)'")
        }
        for key in fields.keys.sorted() where fields[key]?.isNull == true {
            throw TemporalError("the field '\(key)' is null")
        }
        return fields
    }

    /// Assembles a value of `kind` from fields over optional bases. With a zoned base, the
    /// wall-clock fields are read in the base's zone; a new zone then converts the instant
    /// (`convertToNewZone`) or just replaces the zone.
    static func assemble(_ kind: TemporalFunctions.Kind, _ fields: [String: Value], dateBase: CypherDate?,
                         timeBase: CypherLocalTime?, baseZone: TemporalZone?, newZone: TemporalZone?,
                         convertToNewZone: Bool) throws -> TemporalValue {
        let date = kind.hasDate ? try buildDate(fields, base: dateBase) : nil
        let time = kind.hasTime ? try buildTime(fields, base: timeBase) : nil
        switch kind {
        case .date: return .date(date!)
        case .localtime: return .localTime(time!)
        case .localdatetime: return .localDateTime(CypherLocalDateTime(date: date!, time: time!))
        case .time:
            var offset: Int32 = 0
            var t = time!
            if let baseZone {
                offset = currentOffset(baseZone)
                if let newZone, convertToNewZone {
                    let target = currentOffset(newZone)
                    t = t.plus(seconds: Int64(target - offset), nanos: 0)
                    offset = target
                } else if let newZone {
                    offset = currentOffset(newZone)
                }
            } else if let newZone {
                offset = currentOffset(newZone)
            }
            return .time(CypherTime(time: t, offsetSeconds: offset))
        case .datetime:
            let local = CypherLocalDateTime(date: date!, time: time!)
            if let baseZone {
                let z = try CypherDateTime(local: local, zone: baseZone)
                guard let newZone else { return .dateTime(z) }
                if convertToNewZone { return .dateTime(try z.withZoneSameInstant(newZone)) }
                return .dateTime(try CypherDateTime(local: local, zone: newZone))
            }
            return .dateTime(try CypherDateTime(local: local, zone: newZone ?? .offset(0)))
        }
    }

    /// The offset of a zone now (for times, which have no date to resolve a named zone at).
    static func currentOffset(_ zone: TemporalZone) -> Int32 {
        zone.offset(atEpochSecond: StatementClock.now().0)
    }

    /// The date from calendar, week, ordinal or quarter fields, missing ones taken from `base`.
    static func buildDate(_ f: [String: Value], base: CypherDate?) throws -> CypherDate {
        let mode: DateMode = f["week"] != nil || f["dayofweek"] != nil ? .week
            : f["ordinalday"] != nil ? .ordinal
            : f["quarter"] != nil || f["dayofquarter"] != nil ? .quarter : .calendar
        func field(_ key: String, _ fromBase: (CypherDate) -> Int64, _ fallback: Int64) throws -> Int64 {
            if let v = f[key] { return try int(v, key) }
            if let base { return fromBase(base) }
            return fallback
        }
        guard f["year"] != nil || base != nil else { throw TemporalError("the field 'year' must be given") }
        switch mode {
        case .calendar:
            if f["day"] != nil && f["month"] == nil && base == nil { throw TemporalError("'day' needs 'month'") }
            return try CypherDate(year: field("year", \.year, 0), month: field("month", \.month, 1), day: field("day", \.day, 1))
        case .week:
            if f["dayofweek"] != nil && f["week"] == nil && base == nil { throw TemporalError("'dayOfWeek' needs 'week'") }
            return try CypherDate(weekYear: field("year", \.weekYear, 0), week: field("week", \.week, 1),
                                  dayOfWeek: field("dayofweek", \.dayOfWeek, 1))
        case .ordinal:
            return try CypherDate(year: field("year", \.year, 0), ordinalDay: field("ordinalday", \.ordinalDay, 1))
        case .quarter:
            return try CypherDate(year: field("year", \.year, 0), quarter: field("quarter", \.quarter, 1),
                                  dayOfQuarter: field("dayofquarter", \.dayOfQuarter, 1))
        }
    }

    /// The time of day from hour…nanosecond fields, missing ones taken from `base` (else 0).
    static func buildTime(_ f: [String: Value], base: CypherLocalTime?) throws -> CypherLocalTime {
        func field(_ key: String, _ fromBase: (CypherLocalTime) -> Int64) throws -> Int64 {
            if let v = f[key] { return try int(v, key) }
            return base.map(fromBase) ?? 0
        }
        if base == nil {
            if f["minute"] != nil && f["hour"] == nil { throw TemporalError("'minute' needs 'hour'") }
            if f["second"] != nil && f["minute"] == nil { throw TemporalError("'second' needs 'minute'") }
        }
        let nanos = try subsecond(f, base: base?.nanosecond ?? 0)
        return try CypherLocalTime(hour: field("hour", \.hour), minute: field("minute", \.minute),
                                   second: field("second", \.second), nanosecond: nanos)
    }

    /// The nanosecond of the second from `millisecond`, `microsecond` and `nanosecond` over `base`:
    /// each field sets the digits its value covers (`millisecond: 123, microsecond: 456,
    /// nanosecond: 789` is .123456789; `microsecond: 645876` alone is .645876; over a base of
    /// .645 `nanosecond: 2` gives .645000002).
    static func subsecond(_ f: [String: Value], base: Int64) throws -> Int64 {
        var ms = base / 1_000_000, us = base / 1000 % 1000, ns = base % 1000
        if let v = f["millisecond"] {
            let x = try int(v, "millisecond")
            guard (0...999).contains(x) else { throw TemporalError("Invalid value for millisecond: \(x) (expected 0 to 999)") }
            ms = x
        }
        if let v = f["microsecond"] {
            let x = try int(v, "microsecond")
            guard (0...999_999).contains(x) else { throw TemporalError("Invalid value for microsecond: \(x) (expected 0 to 999999)") }
            if x >= 1000 || f["millisecond"] == nil && base == 0 { ms = x / 1000 }
            us = x % 1000
        }
        if let v = f["nanosecond"] {
            let x = try int(v, "nanosecond")
            guard (0...999_999_999).contains(x) else { throw TemporalError("Invalid value for nanosecond: \(x) (expected 0 to 999999999)") }
            if x >= 1_000_000 { ms = x / 1_000_000 }
            if x >= 1000 || (f["microsecond"] == nil && f["millisecond"] == nil && base == 0) { us = x / 1000 % 1000 }
            ns = x % 1000
        }
        return ms * 1_000_000 + us * 1000 + ns
    }

    /// An INTEGER field (FLOATs with integral values accepted).
    static func int(_ v: Value, _ key: String) throws -> Int64 {
        switch v {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9e18: return Int64(d)
        default: throw TemporalError("field '\(key)' must be an INTEGER, but got \(v.typeName)")
        }
    }

    /// A `timezone` field: an offset or zone name.
    static func zoneValue(_ v: Value) throws -> TemporalZone {
        guard case .string(let s) = v else { throw TemporalError("field 'timezone' must be a STRING, but got \(v.typeName)") }
        return try TemporalParsing.zone(s)
    }

    /// Converts a temporal value to another kind (`date(datetime)`, `localtime(time)`, ...):
    /// missing times are midnight and missing zones UTC; a date cannot come from a time.
    static func convert(_ t: TemporalValue, to kind: TemporalFunctions.Kind) throws -> TemporalValue {
        if case .duration = t { throw TemporalError("cannot convert a DURATION to \(kind.rawValue)") }
        if kind.hasDate && t.datePart == nil { throw TemporalError("cannot make a \(kind.rawValue) from a \(t.typeName), which has no date") }
        if case .date = t, kind == .time || kind == .localtime {
            throw TemporalError("cannot make a \(kind.rawValue) from a DATE, which has no time")
        }
        let time = t.localTimePart ?? CypherLocalTime(nanoOfDay: 0)
        switch kind {
        case .date: return .date(t.datePart!)
        case .localtime: return .localTime(time)
        case .localdatetime: return .localDateTime(CypherLocalDateTime(date: t.datePart!, time: time))
        case .time:
            switch t {
            case .time: return t
            case .dateTime(let z): return .time(CypherTime(time: time, offsetSeconds: z.offsetSeconds))
            default: return .time(CypherTime(time: time, offsetSeconds: 0))
            }
        case .datetime:
            if case .dateTime = t { return t }
            return .dateTime(try CypherDateTime(local: CypherLocalDateTime(date: t.datePart!, time: time), zone: .offset(0)))
        }
    }

    /// `duration({...})`: integer fields add up exactly; any fractional field cascades down.
    static func duration(_ map: [String: Value]) throws -> CypherDuration {
        let factors: [String: (slot: Int, factor: Int64)] = [
            "years": (0, 12), "quarters": (0, 3), "months": (0, 1), "weeks": (1, 7), "days": (1, 1),
            "hours": (2, 3600), "minutes": (2, 60), "seconds": (2, 1),
            "milliseconds": (3, 1_000_000), "microseconds": (3, 1000), "nanoseconds": (3, 1)]
        var exact: [Int64] = [0, 0, 0, 0], approx: [Double] = [0, 0, 0, 0]
        var fractional = false
        for (key, value) in map {
            guard let (slot, factor) = factors[key.lowercased()] else {
                throw TemporalError("duration() does not accept the field '\(key)'")
            }
            switch value {
            case .int(let i):
                let (p, o1) = i.multipliedReportingOverflow(by: factor)
                let (s, o2) = exact[slot].addingReportingOverflow(p)
                guard !o1, !o2 else { throw TemporalError("Duration out of range") }
                exact[slot] = s
                approx[slot] += Double(i) * Double(factor)
            case .double(let d):
                guard d.isFinite else { throw TemporalError("field '\(key)' must be finite") }
                if d.rounded() != d { fractional = true }
                approx[slot] += d * Double(factor)
                if d.rounded() == d, abs(d) < 9e15 {
                    exact[slot] &+= Int64(d) &* factor
                }
            case .null: throw TemporalError("duration(): field '\(key)' is null")
            default: throw TemporalError("field '\(key)' must be a number, but got \(value.typeName)")
            }
        }
        if fractional {
            return try CypherDuration.approximate(months: approx[0], days: approx[1], seconds: approx[2], nanos: approx[3])
        }
        return try CypherDuration(months: exact[0], days: exact[1], seconds: exact[2], nanoseconds: exact[3])
    }
}
