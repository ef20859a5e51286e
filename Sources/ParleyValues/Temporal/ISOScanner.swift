/// A cursor over ASCII text for the ISO parsers.
struct ISOScanner {
    /// The text's UTF-8 bytes.
    let b: [UInt8]
    /// The read position in `b`.
    var i = 0

    /// A scanner at the start of `text`.
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

    /// The error for text that is not a `what`.
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
