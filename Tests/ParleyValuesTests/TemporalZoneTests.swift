import Testing
@testable import ParleyValues

@Suite("Time zones from the system tz database (TZif)")
struct TemporalZoneTests {
    @Test("Europe/Stockholm: CET in winter, CEST in summer, changes on the last Sundays of March and October")
    func stockholm() throws {
        let rules = try #require(TimeZoneDatabase.rules(named: "Europe/Stockholm"))
        let winter = try CypherLocalDateTime(date: CypherDate(year: 1984, month: 1, day: 15), time: CypherLocalTime(hour: 12))
        let summer = try CypherLocalDateTime(date: CypherDate(year: 1984, month: 7, day: 15), time: CypherLocalTime(hour: 12))
        #expect(rules.offset(atEpochSecond: winter.epochSecond) == 3600)
        #expect(rules.offset(atEpochSecond: summer.epochSecond) == 7200)
        // 2017-10-29 01:00Z is the autumn change.
        let change = try CypherLocalDateTime(date: CypherDate(year: 2017, month: 10, day: 29), time: CypherLocalTime(hour: 1)).epochSecond
        #expect(rules.offset(atEpochSecond: change - 1) == 7200)
        #expect(rules.offset(atEpochSecond: change) == 3600)
    }

    @Test("a wall-clock time in a spring gap moves forward; in an autumn overlap the earlier offset wins")
    func gapsAndOverlaps() throws {
        let gap = try CypherLocalDateTime(date: CypherDate(year: 2017, month: 3, day: 26), time: CypherLocalTime(hour: 2, minute: 30))
        let z = try CypherDateTime(local: gap, zone: .named("Europe/Stockholm"))
        #expect(TemporalValue.dateTime(z).description == "2017-03-26T03:30+02:00[Europe/Stockholm]")
        let overlap = try CypherLocalDateTime(date: CypherDate(year: 2017, month: 10, day: 29), time: CypherLocalTime(hour: 2, minute: 30))
        let o = try CypherDateTime(local: overlap, zone: .named("Europe/Stockholm"))
        #expect(TemporalValue.dateTime(o).description == "2017-10-29T02:30+02:00[Europe/Stockholm]")
    }

    @Test("zones with odd offsets and no DST", arguments: [
        ("Pacific/Honolulu", Int32(-36000)), ("Australia/Eucla", Int32(31500)), ("UTC", Int32(0)),
    ])
    func fixedZones(_ name: String, _ offset: Int32) throws {
        let rules = try #require(TimeZoneDatabase.rules(named: name))
        let t = try CypherLocalDateTime(date: CypherDate(year: 2015, month: 7, day: 21), time: CypherLocalTime(hour: 12)).epochSecond
        #expect(rules.offset(atEpochSecond: t) == offset)
    }

    @Test("unknown names, paths and garbage are not zones")
    func unknown() {
        #expect(TimeZoneDatabase.rules(named: "Mars/Olympus") == nil)
        #expect(TimeZoneDatabase.rules(named: "../etc/passwd") == nil)
        #expect(TimeZoneDatabase.rules(named: "") == nil)
        #expect(ZoneRules(tzif: Array("not a tzif file at all, definitely not one".utf8)) == nil)
        #expect(ZoneRules(tzif: []) == nil)
    }

    @Test("a truncated TZif file is rejected, not read past its end")
    func truncated() throws {
        let full = try #require(FileBytes.read("/usr/share/zoneinfo/Europe/Stockholm"))
        for cut in [10, 44, 60, 200, full.count / 2, full.count - 30] {
            _ = ZoneRules(tzif: Array(full.prefix(cut)))  // must not crash
        }
        #expect(ZoneRules(tzif: full) != nil)
    }

    @Test("after the last listed transition (2037) the file's POSIX rule gives the offsets", arguments: [
        ("2050-07-01T12:00[Europe/Stockholm]", "2050-07-01T12:00+02:00[Europe/Stockholm]"),
        ("2050-01-01T12:00[Europe/Stockholm]", "2050-01-01T12:00+01:00[Europe/Stockholm]"),
        ("2050-03-27T02:30[Europe/Stockholm]", "2050-03-27T03:30+02:00[Europe/Stockholm]"),
        ("2050-10-30T02:30[Europe/Stockholm]", "2050-10-30T02:30+02:00[Europe/Stockholm]"),
        ("2050-10-30T03:30[Europe/Stockholm]", "2050-10-30T03:30+01:00[Europe/Stockholm]"),
        ("2100-07-04T12:00[America/New_York]", "2100-07-04T12:00-04:00[America/New_York]"),
        ("2100-12-25T12:00[America/New_York]", "2100-12-25T12:00-05:00[America/New_York]"),
        ("2050-01-15T12:00[Australia/Sydney]", "2050-01-15T12:00+11:00[Australia/Sydney]"),
        ("2050-07-15T12:00[Australia/Sydney]", "2050-07-15T12:00+10:00[Australia/Sydney]"),
        ("+999999-07-01T12:00[Europe/Stockholm]", "+999999-07-01T12:00+02:00[Europe/Stockholm]"),
    ])
    func futureRules(_ text: String, _ printed: String) throws {
        #expect(TemporalValue.dateTime(try TemporalParsing.dateTime(text)).description == printed)
    }

    @Test("POSIX TZ strings: names, offsets (west positive), rules")
    func posixRules() throws {
        let cet = try #require(PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(cet.standard == 3600 && cet.daylight == 7200)
        #expect(cet.start.day == .monthWeekDay(month: 3, week: 5, weekday: 0) && cet.start.second == 7200)
        #expect(cet.end.second == 10800)
        // Last Sunday of March 2017 is the 26th.
        #expect(PosixTimeZoneRule.epochDay(cet.start.day, 2017) == CivilCalendar.epochDay(year: 2017, month: 3, day: 26))
        let eucla = try #require(PosixTimeZoneRule("<+0845>-8:45"))
        #expect(eucla.standard == 31500 && eucla.daylight == nil)
        #expect(PosixTimeZoneRule("HST10")?.standard == -36000)
        #expect(PosixTimeZoneRule("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1")?.daylight == -7200)
        #expect(PosixTimeZoneRule("EST5EDT,J60/2,300")?.end.day == .zeroBased(300))
        for bad in ["", "X1", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.5.0", "CET", "CET-1CEST,M3.5.0,M10.5.0/999"] {
            #expect(PosixTimeZoneRule(bad) == nil, "\(bad)")
        }
    }
}

/// Reads a whole file (test helper).
enum FileBytes {
    static func read(_ path: String) -> [UInt8]? {
        guard let text = try? String(contentsOfFile: path, encoding: .isoLatin1) else { return nil }
        return text.unicodeScalars.map { UInt8($0.value) }
    }
}
