import Testing
@testable import ParleyValues

@Suite("Proleptic Gregorian calendar arithmetic")
struct TemporalCalendarTests {
    @Test("epoch days round-trip through calendar dates", arguments: [
        (Int64(1970), Int64(1), Int64(1), Int64(0)), (2000, 3, 1, 11017), (1969, 12, 31, -1), (1600, 2, 29, -135081),
        (2016, 2, 29, 16860), (-1, 12, 31, -719529),
    ])
    func epochDays(_ y: Int64, _ m: Int64, _ d: Int64, _ epoch: Int64) {
        #expect(CivilCalendar.epochDay(year: y, month: m, day: d) == epoch)
        let c = CivilCalendar.civil(epoch)
        #expect(c.year == y && c.month == m && c.day == d)
    }

    @Test("the extreme years -999999999 and +999999999 round-trip")
    func extremes() {
        for (y, m, d) in [(CivilCalendar.minYear, Int64(1), Int64(1)), (CivilCalendar.maxYear, 12, 31)] {
            let e = CivilCalendar.epochDay(year: y, month: m, day: d)
            let c = CivilCalendar.civil(e)
            #expect(c.year == y && c.month == m && c.day == d)
        }
        #expect(CypherDate.maxEpochDay - CypherDate.minEpochDay + 1 > 730_000_000_000)
    }

    @Test("leap years follow the Gregorian rule")
    func leapYears() {
        #expect(CivilCalendar.isLeap(2000))
        #expect(!CivilCalendar.isLeap(1900))
        #expect(CivilCalendar.isLeap(1984))
        #expect(!CivilCalendar.isLeap(2015))
        #expect(CivilCalendar.isLeap(-4))
        #expect(CivilCalendar.daysInMonth(2015, 2) == 28)
        #expect(CivilCalendar.daysInMonth(2016, 2) == 29)
    }

    @Test("ISO weeks: week 1 holds the year's first Thursday")
    func isoWeeks() throws {
        // 1984-01-01 is a Sunday in week 52 of 1983 (TCK Temporal5 [2]).
        let d = try CypherDate(year: 1984, month: 1, day: 1)
        #expect(d.weekYear == 1983 && d.week == 52 && d.dayOfWeek == 7)
        // 1816-12-30 is the Monday of week 1 of 1817 (TCK Temporal1 [1]).
        let w = try CypherDate(weekYear: 1817, week: 1, dayOfWeek: 1)
        #expect(w == (try CypherDate(year: 1816, month: 12, day: 30)))
        #expect(CivilCalendar.weeksInWeekYear(1818) == 53)
        #expect(CivilCalendar.weeksInWeekYear(1819) == 52)
    }

    @Test("date components: quarter, day of quarter, ordinal day")
    func components() throws {
        let d = try CypherDate(year: 1984, month: 10, day: 11)
        #expect(d.quarter == 4 && d.dayOfQuarter == 11 && d.ordinalDay == 285 && d.week == 41 && d.dayOfWeek == 4)
        #expect(try CypherDate(year: 1984, quarter: 3, dayOfQuarter: 45) == CypherDate(year: 1984, month: 8, day: 14))
        #expect(try CypherDate(year: 1984, ordinalDay: 202) == CypherDate(year: 1984, month: 7, day: 20))
    }

    @Test("invalid fields and out-of-range results are errors, not traps")
    func invalid() throws {
        #expect(throws: TemporalError.self) { try CypherDate(year: 2015, month: 13, day: 1) }
        #expect(throws: TemporalError.self) { try CypherDate(year: 2015, month: 2, day: 29) }
        #expect(throws: TemporalError.self) { try CypherDate(weekYear: 1819, week: 53, dayOfWeek: 1) }
        #expect(throws: TemporalError.self) { try CypherDate(year: 2015, ordinalDay: 366) }
        #expect(throws: TemporalError.self) { try CypherDate(year: 2015, quarter: 5, dayOfQuarter: 1) }
        #expect(throws: TemporalError.self) { try CypherDate(year: 1_000_000_000, month: 1, day: 1) }
        #expect(throws: TemporalError.self) { try CypherLocalTime(hour: 24) }
        #expect(throws: TemporalError.self) { try CypherLocalTime(hour: 1, minute: 60) }
        let d = try CypherDate(year: 2015, month: 1, day: 1)
        #expect(throws: TemporalError.self) { try d.plusDays(.max) }
        #expect(throws: TemporalError.self) { try d.plusDays(400_000_000_000) }
        #expect(throws: TemporalError.self) { try d.plusMonths(.max) }
        #expect(throws: TemporalError.self) { try CypherDateTime(epochSecond: .max, nano: 0, zone: .named("Europe/Stockholm")) }
        #expect(throws: TemporalError.self) { try CypherDateTime(epochSecond: 0, nano: -1, zone: .offset(0)) }
    }

    @Test("adding months clamps the day to the end of the month")
    func plusMonths() throws {
        let jan31 = try CypherDate(year: 2015, month: 1, day: 31)
        #expect(try jan31.plusMonths(1) == CypherDate(year: 2015, month: 2, day: 28))
        #expect(try jan31.plusMonths(-2) == CypherDate(year: 2014, month: 11, day: 30))
        #expect(try jan31.plusMonths(13) == CypherDate(year: 2016, month: 2, day: 29))
    }
}
