import ParleyValues

/// The days during which an element holds: `start..<end` in days since 1970-01-01, with
/// `Int64.min` for "since always" and `Int64.max` for "still holds".
public struct ValidPeriod: Sendable, Hashable {
    /// The first day it holds.
    public var start: Int64
    /// The first day it no longer holds.
    public var end: Int64

    /// A period from `start` (inclusive) to `end` (exclusive).
    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    /// Always: the period of an element without time.
    public static let always = ValidPeriod(start: .min, end: .max)

    /// Whether this is ``always``.
    public var isAlways: Bool { start == .min && end == .max }

    /// Whether it holds at some day of `window` (half-open; a one-day window is one day).
    @inlinable public func overlaps(_ window: ValidPeriod) -> Bool {
        start < window.end && window.start < end && start < end
    }

    /// Whether it holds on `day`.
    @inlinable public func contains(day: Int64) -> Bool { start <= day && day < end }

    /// The days a time value covers: a date is its day, a date-time its (local) day, a string
    /// `YYYY-MM-DD` its day, `YYYY-MM` its month and `YYYY` its year. `nil` for anything else.
    public static func days(of value: Value) -> ValidPeriod? {
        switch value {
        case .temporal(.date(let d)): return ValidPeriod(start: d.epochDay, end: d.epochDay + 1)
        case .temporal(.localDateTime(let l)): return ValidPeriod(start: l.date.epochDay, end: l.date.epochDay + 1)
        case .temporal(.dateTime(let z)): return ValidPeriod(start: z.local.date.epochDay, end: z.local.date.epochDay + 1)
        case .string(let s): return days(parsing: s)
        default: return nil
        }
    }

    /// The days `YYYY-MM-DD`, `YYYY-MM` or `YYYY` covers (a real calendar day, month 1–12);
    /// `nil` for any other text.
    public static func days(parsing text: String) -> ValidPeriod? {
        let b = Array(text.utf8)
        guard b.count == 4 || b.count == 7 || b.count == 10 else { return nil }
        func number(_ r: Range<Int>) -> Int64? {
            var n: Int64 = 0
            for i in r {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int64(b[i] - 0x30)
            }
            return n
        }
        guard let year = number(0..<4) else { return nil }
        if b.count == 4 {
            return ValidPeriod(start: CivilCalendar.epochDay(year: year, month: 1, day: 1), end: CivilCalendar.epochDay(year: year + 1, month: 1, day: 1))
        }
        guard b[4] == UInt8(ascii: "-"), let month = number(5..<7), (1...12).contains(month) else { return nil }
        let first = CivilCalendar.epochDay(year: year, month: month, day: 1)
        let next = month == 12 ? CivilCalendar.epochDay(year: year + 1, month: 1, day: 1) : CivilCalendar.epochDay(year: year, month: month + 1, day: 1)
        if b.count == 7 { return ValidPeriod(start: first, end: next) }
        guard b[7] == UInt8(ascii: "-"), let day = number(8..<10), day >= 1, first + day - 1 < next else { return nil }
        return ValidPeriod(start: first + day - 1, end: first + day)
    }

    /// The first day of the period as `YYYY-MM-DD` text (for messages and prompts).
    public static func text(ofDay day: Int64) -> String {
        TemporalValue.date(CypherDate(epochDay: day)).description
    }
}
