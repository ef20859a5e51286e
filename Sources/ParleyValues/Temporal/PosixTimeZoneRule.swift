/// The POSIX TZ rule at the end of a TZif file (`CET-1CEST,M3.5.0,M10.5.0/3`), which gives a
/// zone's offsets after its last listed transition.
struct PosixTimeZoneRule: Sendable, Equatable {
    /// Which day of the year a change happens on.
    enum Day: Sendable, Equatable {
        /// `Mm.w.d`: day `d` (0 = Sunday) of week `w` (1–5, 5 = last) of month `m`.
        case monthWeekDay(month: Int64, week: Int64, weekday: Int64)
        /// `Jn`: day 1–365, February 29 never counted.
        case julianNoLeap(Int64)
        /// `n`: day 0–365, February 29 counted.
        case zeroBased(Int64)
    }

    /// The standard offset east of UTC, in seconds.
    var standard: Int32
    /// The daylight-saving offset, when the zone has one.
    var daylight: Int32?
    /// When daylight saving starts and ends: the day, and the local wall-clock second of that
    /// day (in the offset in force before the change; may be negative or beyond 24 hours).
    var start: (day: Day, second: Int64) = (.zeroBased(0), 0)
    var end: (day: Day, second: Int64) = (.zeroBased(0), 0)

    static func == (a: PosixTimeZoneRule, b: PosixTimeZoneRule) -> Bool {
        a.standard == b.standard && a.daylight == b.daylight && a.start.day == b.start.day
            && a.start.second == b.start.second && a.end.day == b.end.day && a.end.second == b.end.second
    }

    /// Parses a POSIX TZ string; nil when it is empty or malformed.
    init?(_ text: String) {
        var s = ISOScanner(text)
        guard Self.name(&s), let std = Self.offset(&s) else { return nil }
        standard = Int32(-std)
        guard s.i < s.b.count else { return }
        guard Self.name(&s) else { return nil }
        var dst = Int64(standard) + 3600
        if s.i < s.b.count, s.b[s.i] != UInt8(ascii: ",") {
            guard let o = Self.offset(&s) else { return nil }
            dst = -o
        }
        daylight = Int32(dst)
        guard s.eat(","), let a = Self.rule(&s), s.eat(","), let b = Self.rule(&s), s.i == s.b.count else { return nil }
        start = a
        end = b
    }

    /// The offset in force at instant `t`.
    func offset(atEpochSecond t: Int64) -> Int32 {
        guard daylight != nil else { return standard }
        let year = CivilCalendar.civil(CivilCalendar.floorDiv(t + Int64(standard), CivilCalendar.secondsPerDay)).year
        var result = standard
        for change in (year - 1...year + 1).flatMap(transitions(in:)).sorted(by: { $0.at < $1.at }) where change.at <= t {
            result = change.offset
        }
        return result
    }

    /// The two changes of `year` as (UTC instant, offset from then on); none without daylight saving.
    func transitions(in year: Int64) -> [(at: Int64, offset: Int32)] {
        guard let daylight, (CivilCalendar.minYear...CivilCalendar.maxYear).contains(year) else { return [] }
        let startLocal = Self.epochDay(start.day, year) * CivilCalendar.secondsPerDay + start.second
        let endLocal = Self.epochDay(end.day, year) * CivilCalendar.secondsPerDay + end.second
        return [(startLocal - Int64(standard), daylight), (endLocal - Int64(daylight), standard)]
    }

    /// The epoch day a rule day falls on in `year`.
    static func epochDay(_ day: Day, _ year: Int64) -> Int64 {
        let jan1 = CivilCalendar.epochDay(year: year, month: 1, day: 1)
        switch day {
        case .julianNoLeap(let n):
            return jan1 + n - 1 + (CivilCalendar.isLeap(year) && n >= 60 ? 1 : 0)
        case .zeroBased(let n):
            return jan1 + n
        case .monthWeekDay(let m, let w, let d):
            let first = CivilCalendar.epochDay(year: year, month: m, day: 1)
            let firstWeekday = CivilCalendar.dayOfWeek(first) % 7  // 0 = Sunday
            var day = first + CivilCalendar.floorMod(d - firstWeekday, 7) + (w - 1) * 7
            let last = first + CivilCalendar.daysInMonth(year, m) - 1
            while day > last { day -= 7 }
            return day
        }
    }

    /// Skips a zone abbreviation: letters, or anything inside `<…>`.
    private static func name(_ s: inout ISOScanner) -> Bool {
        if s.eat("<") {
            while s.i < s.b.count, s.b[s.i] != UInt8(ascii: ">") { s.i += 1 }
            return s.eat(">")
        }
        let start = s.i
        while s.i < s.b.count, (65...90).contains(s.b[s.i]) || (97...122).contains(s.b[s.i]) { s.i += 1 }
        return s.i - start >= 3
    }

    /// `[+-]h[h][:mm[:ss]]` in seconds (hours up to 167 for rule times).
    private static func offset(_ s: inout ISOScanner) -> Int64? {
        var sign: Int64 = 1
        if s.eat("-") { sign = -1 } else { _ = s.eat("+") }
        guard let h = s.digits(1, 3), h.value <= 167 else { return nil }
        var total = h.value * 3600
        if s.eat(":") {
            guard let m = s.digits(2, 2) else { return nil }
            total += m.value * 60
            if s.eat(":") {
                guard let sec = s.digits(2, 2) else { return nil }
                total += sec.value
            }
        }
        return sign * total
    }

    /// A change rule: `Mm.w.d`, `Jn` or `n`, then optionally `/time` (default 02:00).
    private static func rule(_ s: inout ISOScanner) -> (day: Day, second: Int64)? {
        let day: Day
        if s.eat("M") {
            guard let m = s.digits(1, 2), (1...12).contains(m.value), s.eat("."),
                  let w = s.digits(1, 1), (1...5).contains(w.value), s.eat("."),
                  let d = s.digits(1, 1), (0...6).contains(d.value) else { return nil }
            day = .monthWeekDay(month: m.value, week: w.value, weekday: d.value)
        } else if s.eat("J") {
            guard let n = s.digits(1, 3), (1...365).contains(n.value) else { return nil }
            day = .julianNoLeap(n.value)
        } else {
            guard let n = s.digits(1, 3), (0...365).contains(n.value) else { return nil }
            day = .zeroBased(n.value)
        }
        var second: Int64 = 7200
        if s.eat("/") {
            guard let t = offset(&s) else { return nil }
            second = t
        }
        return (day, second)
    }
}
