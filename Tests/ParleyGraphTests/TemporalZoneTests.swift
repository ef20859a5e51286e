import Testing
@testable import ParleyGraph

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
}

/// Reads a whole file (test helper).
enum FileBytes {
    static func read(_ path: String) -> [UInt8]? {
        guard let text = try? String(contentsOfFile: path, encoding: .isoLatin1) else { return nil }
        return text.unicodeScalars.map { UInt8($0.value) }
    }
}
