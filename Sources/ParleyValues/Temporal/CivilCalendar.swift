/// Proleptic Gregorian calendar arithmetic on day numbers counted from 1970-01-01 (epoch day 0).
///
/// All functions work for years −999,999,999…+999,999,999 without overflow (Howard Hinnant's
/// `days_from_civil` algorithms on `Int64`).
public enum CivilCalendar {
    /// Nanoseconds in one second.
    public static let nanosPerSecond: Int64 = 1_000_000_000
    /// Seconds in one day.
    public static let secondsPerDay: Int64 = 86_400
    /// Nanoseconds in one day.
    public static let nanosPerDay: Int64 = 86_400_000_000_000
    /// The smallest and largest supported years.
    public static let minYear: Int64 = -999_999_999, maxYear: Int64 = 999_999_999

    /// `a / b` rounded toward negative infinity (b > 0).
    @inlinable public static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `a mod b` in `0..<b` (b > 0).
    @inlinable public static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        let r = a % b
        return r < 0 ? r + b : r
    }

    /// Whether `year` is a leap year.
    public static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1–12) of `year`.
    public static func daysInMonth(_ year: Int64, _ month: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The epoch day of a (valid) calendar date.
    public static func epochDay(year y0: Int64, month m: Int64, day d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date (year, month 1–12, day 1–31) of an epoch day.
    public static func civil(_ epochDay: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = epochDay + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// The ISO day of week (Monday = 1 … Sunday = 7) of an epoch day.
    public static func dayOfWeek(_ epochDay: Int64) -> Int64 {
        floorMod(epochDay + 3, 7) + 1
    }

    /// The epoch day of the Monday of ISO week 1 of `weekYear`.
    public static func firstMondayOfWeekYear(_ weekYear: Int64) -> Int64 {
        let jan4 = epochDay(year: weekYear, month: 1, day: 4)
        return jan4 - (dayOfWeek(jan4) - 1)
    }

    /// The number of ISO weeks (52 or 53) in `weekYear`.
    public static func weeksInWeekYear(_ weekYear: Int64) -> Int64 {
        (firstMondayOfWeekYear(weekYear + 1) - firstMondayOfWeekYear(weekYear)) / 7
    }

    /// The ISO week-based year and week number of an epoch day.
    public static func isoWeek(_ epochDay: Int64) -> (weekYear: Int64, week: Int64) {
        let thursday = epochDay - (dayOfWeek(epochDay) - 1) + 3
        let year = civil(thursday).year
        let ordinal = thursday - self.epochDay(year: year, month: 1, day: 1)
        return (year, ordinal / 7 + 1)
    }
}
