/// A calendar date without time or zone (Cypher `DATE`), stored as days since 1970-01-01.
public struct CypherDate: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01 (negative before).
    public var epochDay: Int64

    /// Creates a date from its epoch day.
    public init(epochDay: Int64) { self.epochDay = epochDay }

    /// Creates a date from validated calendar fields.
    public init(year: Int64, month: Int64, day: Int64) throws(TemporalError) {
        try Self.checkYear(year)
        guard (1...12).contains(month) else { throw TemporalError("Invalid value for month: \(month) (expected 1 to 12)") }
        let last = CivilCalendar.daysInMonth(year, month)
        guard (1...last).contains(day) else {
            throw TemporalError("Invalid value for day: \(day) (month \(month) of \(year) has \(last) days)")
        }
        epochDay = CivilCalendar.epochDay(year: year, month: month, day: day)
    }

    /// Creates a date from an ISO week-based year, week and day of week (Monday = 1).
    public init(weekYear: Int64, week: Int64, dayOfWeek: Int64) throws(TemporalError) {
        try Self.checkYear(weekYear)
        let weeks = CivilCalendar.weeksInWeekYear(weekYear)
        guard (1...weeks).contains(week) else { throw TemporalError("Invalid value for week: \(week) (year \(weekYear) has \(weeks) weeks)") }
        guard (1...7).contains(dayOfWeek) else { throw TemporalError("Invalid value for dayOfWeek: \(dayOfWeek) (expected 1 to 7)") }
        epochDay = CivilCalendar.firstMondayOfWeekYear(weekYear) + (week - 1) * 7 + (dayOfWeek - 1)
    }

    /// Creates a date from a year and day of year (1-based).
    public init(year: Int64, ordinalDay: Int64) throws(TemporalError) {
        try Self.checkYear(year)
        let days: Int64 = CivilCalendar.isLeap(year) ? 366 : 365
        guard (1...days).contains(ordinalDay) else { throw TemporalError("Invalid value for ordinalDay: \(ordinalDay) (year \(year) has \(days) days)") }
        epochDay = CivilCalendar.epochDay(year: year, month: 1, day: 1) + ordinalDay - 1
    }

    /// Creates a date from a year, quarter (1–4) and day of quarter (1-based).
    public init(year: Int64, quarter: Int64, dayOfQuarter: Int64) throws(TemporalError) {
        try Self.checkYear(year)
        guard (1...4).contains(quarter) else { throw TemporalError("Invalid value for quarter: \(quarter) (expected 1 to 4)") }
        let start = CivilCalendar.epochDay(year: year, month: (quarter - 1) * 3 + 1, day: 1)
        let end = quarter == 4 ? CivilCalendar.epochDay(year: year + 1, month: 1, day: 1)
            : CivilCalendar.epochDay(year: year, month: quarter * 3 + 1, day: 1)
        guard (1...(end - start)).contains(dayOfQuarter) else {
            throw TemporalError("Invalid value for dayOfQuarter: \(dayOfQuarter) (quarter \(quarter) of \(year) has \(end - start) days)")
        }
        epochDay = start + dayOfQuarter - 1
    }

    /// Throws unless `year` is within the supported range.
    static func checkYear(_ year: Int64) throws(TemporalError) {
        guard (CivilCalendar.minYear...CivilCalendar.maxYear).contains(year) else {
            throw TemporalError("Invalid value for year: \(year) (expected -999999999 to 999999999)")
        }
    }

    /// The epoch days of -999999999-01-01 and +999999999-12-31.
    public static let minEpochDay = CivilCalendar.epochDay(year: CivilCalendar.minYear, month: 1, day: 1)
    public static let maxEpochDay = CivilCalendar.epochDay(year: CivilCalendar.maxYear, month: 12, day: 31)

    /// Throws unless this date's year is within the supported range.
    func checked() throws(TemporalError) -> CypherDate {
        guard (Self.minEpochDay...Self.maxEpochDay).contains(epochDay) else {
            throw TemporalError("Date out of range (years -999999999 to 999999999)")
        }
        return self
    }

    public static func < (a: CypherDate, b: CypherDate) -> Bool { a.epochDay < b.epochDay }

    // MARK: Components

    /// Year, month and day.
    public var civil: (year: Int64, month: Int64, day: Int64) { CivilCalendar.civil(epochDay) }
    /// The year.
    public var year: Int64 { civil.year }
    /// The month (1–12).
    public var month: Int64 { civil.month }
    /// The day of month (1–31).
    public var day: Int64 { civil.day }
    /// The quarter (1–4).
    public var quarter: Int64 { (month - 1) / 3 + 1 }
    /// The day of the quarter (1-based).
    public var dayOfQuarter: Int64 {
        let c = civil
        return epochDay - CivilCalendar.epochDay(year: c.year, month: (c.month - 1) / 3 * 3 + 1, day: 1) + 1
    }
    /// The day of the year (1-based).
    public var ordinalDay: Int64 { epochDay - CivilCalendar.epochDay(year: year, month: 1, day: 1) + 1 }
    /// The ISO day of week, Monday = 1 … Sunday = 7.
    public var dayOfWeek: Int64 { CivilCalendar.dayOfWeek(epochDay) }
    /// The ISO week number (1–53).
    public var week: Int64 { CivilCalendar.isoWeek(epochDay).week }
    /// The ISO week-based year.
    public var weekYear: Int64 { CivilCalendar.isoWeek(epochDay).weekYear }

    // MARK: Arithmetic

    /// This date plus `months` calendar months, clamping the day to the end of the month.
    public func plusMonths(_ months: Int64) throws(TemporalError) -> CypherDate {
        if months == 0 { return self }
        let c = civil
        let (m0, o1) = (c.month - 1).addingReportingOverflow(months)
        guard !o1 else { throw TemporalError("Date out of range") }
        let year = c.year + CivilCalendar.floorDiv(m0, 12)
        let month = CivilCalendar.floorMod(m0, 12) + 1
        try Self.checkYear(year)
        let day = min(c.day, CivilCalendar.daysInMonth(year, month))
        return CypherDate(epochDay: CivilCalendar.epochDay(year: year, month: month, day: day))
    }

    /// This date plus `days` days.
    public func plusDays(_ days: Int64) throws(TemporalError) -> CypherDate {
        let (d, o) = epochDay.addingReportingOverflow(days)
        guard !o else { throw TemporalError("Date out of range") }
        return try CypherDate(epochDay: d).checked()
    }
}
