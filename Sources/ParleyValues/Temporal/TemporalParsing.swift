/// Parsing of ISO 8601 text into temporal values, in every form Cypher accepts:
/// calendar (`2015-07-21`, `20150721`, `2015-07`, `2015`), week (`2015-W30-2`, `2015W302`),
/// ordinal (`2015-202`) dates; times `21:40:32.142`, `214032`, `21`; offsets `Z`, `+01:00`,
/// `+0100`, `-02`; zone names `[Europe/Stockholm]`; durations `P14DT16H12M`, `PT0.75M`,
/// `P2012-02-02T14:37:21.545`.
public enum TemporalParsing {
    /// Parses a `DATE`.
    public static func date(_ text: String) throws(TemporalError) -> CypherDate {
        var s = ISOScanner(text)
        let d = try s.date()
        try s.end(text, "date")
        return d
    }

    /// Parses a `LOCAL TIME`.
    public static func localTime(_ text: String) throws(TemporalError) -> CypherLocalTime {
        var s = ISOScanner(text)
        let t = try s.time()
        try s.end(text, "local time")
        return t
    }

    /// Parses a `ZONED TIME`; without an offset it is at `defaultOffset` (UTC).
    public static func time(_ text: String, defaultOffset: Int32 = 0) throws(TemporalError) -> CypherTime {
        var s = ISOScanner(text)
        let t = try s.time()
        let offset = try s.offset() ?? defaultOffset
        try s.end(text, "time")
        return CypherTime(time: t, offsetSeconds: offset)
    }

    /// Parses a `LOCAL DATETIME` (`2015-07-21T21:40:32.142`; the time may be omitted).
    public static func localDateTime(_ text: String) throws(TemporalError) -> CypherLocalDateTime {
        var s = ISOScanner(text)
        let d = try s.date()
        var t = CypherLocalTime(nanoOfDay: 0)
        if s.eat("T") { t = try s.time() }
        try s.end(text, "local date time")
        return CypherLocalDateTime(date: d, time: t)
    }

    /// Parses a `ZONED DATETIME`: offset and/or `[Zone/Name]`; with neither, `defaultZone`.
    public static func dateTime(_ text: String, defaultZone: TemporalZone = .offset(0)) throws(TemporalError) -> CypherDateTime {
        var s = ISOScanner(text)
        let d = try s.date()
        var t = CypherLocalTime(nanoOfDay: 0)
        var offset: Int32? = nil
        if s.eat("T") {
            t = try s.time()
            offset = try s.offset()
        }
        var zoneName: String? = nil
        if s.eat("[") {
            let start = s.i
            while s.i < s.b.count, s.b[s.i] != UInt8(ascii: "]") { s.i += 1 }
            zoneName = String(decoding: s.b[start..<s.i], as: UTF8.self)
            guard s.eat("]") else { throw TemporalError("Text cannot be parsed to a date time: '\(text)' (missing ']')") }
        }
        try s.end(text, "date time")
        let local = CypherLocalDateTime(date: d, time: t)
        if let zoneName {
            guard let rules = TimeZoneDatabase.rules(named: zoneName) else { throw TemporalError("Unknown time zone '\(zoneName)'") }
            if let offset, rules.offset(atEpochSecond: local.epochSecond - Int64(offset)) == offset {
                return CypherDateTime(local: local, offsetSeconds: offset, zoneName: zoneName)
            }
            return try CypherDateTime(local: local, zone: .named(zoneName))
        }
        if let offset { return CypherDateTime(local: local, offsetSeconds: offset, zoneName: nil) }
        return try CypherDateTime(local: local, zone: defaultZone)
    }

    /// Parses a time zone given as text: `Z`, `+01:00`, `-0130`, `+02`, or a zone name.
    public static func zone(_ text: String) throws(TemporalError) -> TemporalZone {
        if let first = text.utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || text == "Z" {
            var s = ISOScanner(text)
            guard let o = try s.offset(), s.i == s.b.count else { throw TemporalError("Invalid time zone offset '\(text)'") }
            return .offset(o)
        }
        guard TimeZoneDatabase.isKnown(text) else { throw TemporalError("Unknown time zone '\(text)'") }
        return .named(text)
    }

    /// Parses a `DURATION`.
    public static func duration(_ text: String) throws(TemporalError) -> CypherDuration {
        var s = ISOScanner(text)
        let bad = TemporalError("Text cannot be parsed to a duration: '\(text)'")
        let negateAll = s.eat("-")
        _ = negateAll || s.eat("+")
        guard s.eat("P") else { throw bad }
        var d: CypherDuration
        if let alt = try s.alternativeDuration() {
            d = alt
        } else {
            // Sums per unit: whole parts exactly, fractions as doubles.
            var months = 0.0, days = 0.0, secs = 0.0
            var wholeMonths: Int64 = 0, wholeDays: Int64 = 0, wholeSeconds: Int64 = 0, nanos: Int64 = 0
            var fractional = false, inTime = false, any = false
            var lastUnit = 0
            while s.i < s.b.count {
                if !inTime && s.eat("T") { inTime = true; lastUnit = 10; continue }
                guard let n = s.number() else { throw bad }
                guard s.i < s.b.count else { throw bad }
                let unit = s.b[s.i]
                s.i += 1
                any = true
                let order: Int
                switch (inTime, unit) {
                case (false, UInt8(ascii: "Y")): order = 1
                case (false, UInt8(ascii: "M")): order = 2
                case (false, UInt8(ascii: "W")): order = 3
                case (false, UInt8(ascii: "D")): order = 4
                case (true, UInt8(ascii: "H")): order = 11
                case (true, UInt8(ascii: "M")): order = 12
                case (true, UInt8(ascii: "S")): order = 13
                default: throw bad
                }
                guard order > lastUnit else { throw bad }
                lastUnit = order
                let (w, frac, fracNanos) = n
                func mul(_ a: Int64, _ b: Int64) throws(TemporalError) -> Int64 {
                    let (r, o) = a.multipliedReportingOverflow(by: b)
                    if o { throw TemporalError("Duration out of range: '\(text)'") }
                    return r
                }
                switch order {
                case 1: wholeMonths &+= try mul(w, 12); months += frac * 12
                case 2: wholeMonths &+= w; months += frac
                case 3: wholeDays &+= try mul(w, 7); days += frac * 7
                case 4: wholeDays &+= w; days += frac
                case 11: wholeSeconds &+= try mul(w, 3600); secs += frac * 3600
                case 12: wholeSeconds &+= try mul(w, 60); secs += frac * 60
                default: wholeSeconds &+= w; nanos += fracNanos
                }
                if frac != 0 && order != 13 { fractional = true }
            }
            guard any, !(inTime && lastUnit == 10) else { throw bad }
            if fractional {
                let base = try CypherDuration.approximate(months: months, days: days, seconds: secs, nanos: 0)
                d = try CypherDuration(months: wholeMonths, days: wholeDays, seconds: wholeSeconds, nanoseconds: nanos).adding(base)
            } else {
                d = try CypherDuration(months: wholeMonths, days: wholeDays, seconds: wholeSeconds, nanoseconds: nanos)
            }
        }
        return negateAll ? try d.negated() : d
    }
}
