/// Parsing of ISO 8601 text into temporal values, in every form Cypher accepts:
/// calendar (`2015-07-21`, `20150721`, `2015-07`, `2015`), week (`2015-W30-2`, `2015W302`),
/// ordinal (`2015-202`) dates; times `21:40:32.142`, `214032`, `21`; offsets `Z`, `+01:00`,
/// `+0100`, `-02`; zone names `[Europe/Stockholm]`; durations `P14DT16H12M`, `PT0.75M`,
/// `P2012-02-02T14:37:21.545`.
public enum TemporalParsing {
    /// Parses a `DATE`.
    public static func date(_ text: String) throws(TemporalError) -> CypherDate {
        var s = Scanner(text)
        let d = try s.date()
        try s.end(text, "date")
        return d
    }

    /// Parses a `LOCAL TIME`.
    public static func localTime(_ text: String) throws(TemporalError) -> CypherLocalTime {
        var s = Scanner(text)
        let t = try s.time()
        try s.end(text, "local time")
        return t
    }

    /// Parses a `ZONED TIME`; without an offset it is UTC... unless `defaultOffset` says otherwise.
    public static func time(_ text: String, defaultOffset: Int32 = 0) throws(TemporalError) -> CypherTime {
        var s = Scanner(text)
        let t = try s.time()
        let offset = try s.offset() ?? defaultOffset
        try s.end(text, "time")
        return CypherTime(time: t, offsetSeconds: offset)
    }

    /// Parses a `LOCAL DATETIME` (`2015-07-21T21:40:32.142`; the time may be omitted).
    public static func localDateTime(_ text: String) throws(TemporalError) -> CypherLocalDateTime {
        var s = Scanner(text)
        let d = try s.date()
        var t = CypherLocalTime(nanoOfDay: 0)
        if s.eat("T") { t = try s.time() }
        try s.end(text, "local date time")
        return CypherLocalDateTime(date: d, time: t)
    }

    /// Parses a `ZONED DATETIME`: offset and/or `[Zone/Name]`; with neither, `defaultZone`.
    public static func dateTime(_ text: String, defaultZone: TemporalZone = .offset(0)) throws(TemporalError) -> CypherDateTime {
        var s = Scanner(text)
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
            var s = Scanner(text)
            guard let o = try s.offset(), s.i == s.b.count else { throw TemporalError("Invalid time zone offset '\(text)'") }
            return .offset(o)
        }
        guard TimeZoneDatabase.isKnown(text) else { throw TemporalError("Unknown time zone '\(text)'") }
        return .named(text)
    }

    /// Parses a `DURATION`.
    public static func duration(_ text: String) throws(TemporalError) -> CypherDuration {
        var s = Scanner(text)
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

/// A cursor over ASCII text for the ISO parsers.
struct Scanner {
    let b: [UInt8]
    var i = 0

    init(_ text: String) { b = Array(text.utf8) }

    /// Consumes `c` if it is next.
    mutating func eat(_ c: Unicode.Scalar) -> Bool {
        if i < b.count, b[i] == UInt8(ascii: c) { i += 1; return true }
        return false
    }

    /// Whether the next character is `c`.
    func peek(_ c: Unicode.Scalar) -> Bool { i < b.count && b[i] == UInt8(ascii: c) }

    /// Consumes up to `max` digits (at least `min`), or nil (consuming nothing).
    mutating func digits(_ min: Int, _ max: Int) -> (value: Int64, count: Int)? {
        var v: Int64 = 0, n = 0
        while n < max, i + n < b.count, (48...57).contains(b[i + n]) {
            v = v * 10 + Int64(b[i + n] - 48)
            n += 1
        }
        guard n >= min else { return nil }
        i += n
        return (v, n)
    }

    /// How many digits follow.
    func digitRun() -> Int {
        var n = 0
        while i + n < b.count, (48...57).contains(b[i + n]) { n += 1 }
        return n
    }

    /// Throws unless the whole text was consumed.
    func end(_ text: String, _ what: String) throws(TemporalError) {
        guard i == b.count else { throw TemporalError("Text cannot be parsed to a \(what): '\(text)'") }
    }

    func fail(_ what: String) -> TemporalError {
        TemporalError("Text cannot be parsed to a \(what): '\(String(decoding: b, as: UTF8.self))'")
    }

    /// A date in any ISO form.
    mutating func date() throws(TemporalError) -> CypherDate {
        var year: Int64
        if peek("+") || peek("-") {
            let negative = b[i] == UInt8(ascii: "-")
            i += 1
            guard let y = digits(4, 9) else { throw fail("date") }
            year = negative ? -y.value : y.value
        } else {
            guard let y = digits(4, 4) else { throw fail("date") }
            year = y.value
        }
        let dashed = eat("-")
        if eat("W") {
            guard let w = digits(2, 2) else { throw fail("date") }
            var dow: Int64 = 1
            if dashed ? eat("-") : (digitRun() == 1) {
                guard let d = digits(1, 1) else { throw fail("date") }
                dow = d.value
            }
            return try CypherDate(weekYear: year, week: w.value, dayOfWeek: dow)
        }
        let run = digitRun()
        if dashed {
            if run == 3 {
                let o = digits(3, 3)!.value
                return try CypherDate(year: year, ordinalDay: o)
            }
            guard let m = digits(2, 2) else { throw fail("date") }
            var day: Int64 = 1
            if eat("-") {
                guard let d = digits(2, 2) else { throw fail("date") }
                day = d.value
            }
            return try CypherDate(year: year, month: m.value, day: day)
        }
        switch run {
        case 0: return try CypherDate(year: year, month: 1, day: 1)
        case 2: return try CypherDate(year: year, month: digits(2, 2)!.value, day: 1)
        case 3: return try CypherDate(year: year, ordinalDay: digits(3, 3)!.value)
        case 4:
            let m = digits(2, 2)!.value, d = digits(2, 2)!.value
            return try CypherDate(year: year, month: m, day: d)
        default: throw fail("date")
        }
    }

    /// A time of day: `HH[:MM[:SS[.fff]]]` or `HH[MM[SS[.fff]]]`.
    mutating func time() throws(TemporalError) -> CypherLocalTime {
        guard let h = digits(2, 2) else { throw fail("time") }
        var minute: Int64 = 0, second: Int64 = 0, nanos: Int64 = 0
        let colon = eat(":")
        if colon || digitRun() >= 2 {
            guard let m = digits(2, 2) else { throw fail("time") }
            minute = m.value
            if colon ? eat(":") : digitRun() >= 2 {
                guard let s = digits(2, 2) else { throw fail("time") }
                second = s.value
                if eat(".") || eat(",") {
                    guard let f = digits(1, 9) else { throw fail("time") }
                    nanos = f.value
                    for _ in f.count..<9 { nanos *= 10 }
                }
            }
        }
        return try CypherLocalTime(hour: h.value, minute: minute, second: second, nanosecond: nanos)
    }

    /// An optional offset: `Z`, `±HH`, `±HHMM`, `±HH:MM`, `±HH:MM:SS`.
    mutating func offset() throws(TemporalError) -> Int32? {
        if eat("Z") { return 0 }
        guard peek("+") || peek("-") else { return nil }
        let negative = b[i] == UInt8(ascii: "-")
        i += 1
        guard let h = digits(2, 2) else { throw fail("time zone offset") }
        var total = h.value * 3600
        let colon = eat(":")
        if colon || digitRun() >= 2 {
            guard let m = digits(2, 2) else { throw fail("time zone offset") }
            total += m.value * 60
            if colon ? eat(":") : digitRun() >= 2 {
                guard let s = digits(2, 2) else { throw fail("time zone offset") }
                total += s.value
            }
        }
        guard total <= 18 * 3600 else { throw TemporalError("Time zone offset out of range (at most ±18:00)") }
        return Int32(negative ? -total : total)
    }

    /// A duration number: optional sign, digits, optional fraction (`.` or `,`). Returns the
    /// whole part, the signed fraction as a double, and the signed fraction in nanoseconds.
    mutating func number() -> (Int64, Double, Int64)? {
        let start = i
        let negative = eat("-")
        if !negative { _ = eat("+") }
        var whole: Int64 = 0, n = 0
        while i < b.count, (48...57).contains(b[i]) {
            let (m, o1) = whole.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(b[i] - 48))
            if o1 || o2 { i = start; return nil }
            whole = a
            i += 1
            n += 1
        }
        var frac = 0.0, fracNanos: Int64 = 0
        if eat(".") || eat(",") {
            var scale = 0.1, digitsSeen = 0
            while i < b.count, (48...57).contains(b[i]) {
                let digit = Int64(b[i] - 48)
                frac += Double(digit) * scale
                scale /= 10
                if digitsSeen < 9 { fracNanos = fracNanos * 10 + digit }
                digitsSeen += 1
                i += 1
            }
            for _ in min(digitsSeen, 9)..<9 { fracNanos *= 10 }
            if digitsSeen == 0 { i = start; return nil }
        }
        if n == 0 { i = start; return nil }
        return negative ? (-whole, -frac, -fracNanos) : (whole, frac, fracNanos)
    }

    /// The alternative duration form `PYYYY-MM-DDTHH:MM:SS[.fff]`, or nil when the text is not in it.
    mutating func alternativeDuration() throws(TemporalError) -> CypherDuration? {
        let start = i
        guard digitRun() == 4, i + 4 < b.count, b[i + 4] == UInt8(ascii: "-") else { return nil }
        let y = digits(4, 4)!.value
        _ = eat("-")
        guard let m = digits(2, 2), eat("-"), let d = digits(2, 2) else { i = start; return nil }
        var seconds: Int64 = 0, nanos: Int64 = 0
        if eat("T") {
            let t = try time()
            seconds = t.secondOfDay
            nanos = t.nanosecond
        }
        guard i == b.count else { throw fail("duration") }
        return try CypherDuration(months: y * 12 + m.value, days: d.value, seconds: seconds, nanoseconds: nanos)
    }
}
