import Testing
@testable import ParleyValues

@Suite("ISO 8601 parsing and Cypher formatting of temporal values")
struct TemporalParsingTests {
    @Test("dates in calendar, week and ordinal forms, basic and extended", arguments: [
        ("2015-07-21", "2015-07-21"), ("20150721", "2015-07-21"), ("2015-07", "2015-07-01"), ("201507", "2015-07-01"),
        ("2015-W30-2", "2015-07-21"), ("2015W302", "2015-07-21"), ("2015-W30", "2015-07-20"), ("2015W30", "2015-07-20"),
        ("2015-202", "2015-07-21"), ("2015202", "2015-07-21"), ("2015", "2015-01-01"),
        ("+999999999-12-31", "+999999999-12-31"), ("-999999999-01-01", "-999999999-01-01"), ("-0044-03-15", "-0044-03-15"),
        ("+12345-01-01", "+12345-01-01"),
    ])
    func dates(_ text: String, _ printed: String) throws {
        #expect(TemporalValue.date(try TemporalParsing.date(text)).description == printed)
    }

    @Test("times print minutes always, seconds and 3/6/9 fraction digits only when needed", arguments: [
        ("21:40:32.142", "21:40:32.142"), ("214032.142", "21:40:32.142"), ("21:40:32", "21:40:32"), ("2140", "21:40"),
        ("21", "21:00"), ("12:31:14.645876", "12:31:14.645876"), ("12:31:14.000000003", "12:31:14.000000003"),
        ("12:31:14.1", "12:31:14.100"), ("00:00:00.000001", "00:00:00.000001"), ("12:00:00,5", "12:00:00.500"),
    ])
    func localTimes(_ text: String, _ printed: String) throws {
        #expect(TemporalValue.localTime(try TemporalParsing.localTime(text)).description == printed)
    }

    @Test("offsets: Z, ±HH, ±HHMM, ±HH:MM, ±HH:MM:SS; zero prints as Z", arguments: [
        ("21:40:32.142+0100", "21:40:32.142+01:00"), ("214032.142Z", "21:40:32.142Z"), ("2140-00:00", "21:40Z"),
        ("2140-02", "21:40-02:00"), ("22+18:00", "22:00+18:00"), ("12:00-02:05:07", "12:00-02:05:07"), ("12:00", "12:00Z"),
    ])
    func times(_ text: String, _ printed: String) throws {
        #expect(TemporalValue.time(try TemporalParsing.time(text)).description == printed)
    }

    @Test("date-times with offsets and zone names; the zone fixes the offset", arguments: [
        ("2015-07-21T21:40:32.142+0100", "2015-07-21T21:40:32.142+01:00"),
        ("2015-W30T2140-02", "2015-07-20T21:40-02:00"),
        ("2015-07-21T21:40:32.142[Europe/London]", "2015-07-21T21:40:32.142+01:00[Europe/London]"),
        ("2015-01-21T21:40:32.142[Europe/London]", "2015-01-21T21:40:32.142Z[Europe/London]"),
        ("2015-07-21T21:40:32.142+0845[Australia/Eucla]", "2015-07-21T21:40:32.142+08:45[Australia/Eucla]"),
        ("2015-07-21", "2015-07-21T00:00Z"),
    ])
    func dateTimes(_ text: String, _ printed: String) throws {
        #expect(TemporalValue.dateTime(try TemporalParsing.dateTime(text)).description == printed)
    }

    @Test("local date-times", arguments: [
        ("2015-07-21T21:40:32.142", "2015-07-21T21:40:32.142"), ("2015T214032", "2015-01-01T21:40:32"),
        ("2015202T21", "2015-07-21T21:00"), ("2015-07-21", "2015-07-21T00:00"),
    ])
    func localDateTimes(_ text: String, _ printed: String) throws {
        #expect(TemporalValue.localDateTime(try TemporalParsing.localDateTime(text)).description == printed)
    }

    @Test("durations: units, fractions cascading down, signs, the alternative form", arguments: [
        ("P14DT16H12M", "P14DT16H12M"), ("P5M1.5D", "P5M1DT12H"), ("P0.75M", "P22DT19H51M49.5S"), ("PT0.75M", "PT45S"),
        ("P2.5W", "P17DT12H"), ("P12Y5M14DT16H12M70S", "P12Y5M14DT16H13M10S"),
        ("P2012-02-02T14:37:21.545", "P2012Y2M2DT14H37M21.545S"), ("PT-1.999S", "PT-1.999S"), ("PT0S", "PT0S"),
        ("P1DT-0.001S", "P1DT-0.001S"), ("-P1D", "P-1D"), ("PT-1M-0.001S", "PT-1M-0.001S"), ("P12Y5M-14DT16H", "P12Y5M-14DT16H"),
    ])
    func durations(_ text: String, _ printed: String) throws {
        #expect(TemporalValue.duration(try TemporalParsing.duration(text)).description == printed)
    }

    @Test("malformed text is an error", arguments: [
        "2015-13-01", "2015-02-30", "15-07-21", "2015-07-21x", "2015-W54", "", "2015/07/21",
    ])
    func badDates(_ text: String) {
        #expect(throws: TemporalError.self) { try TemporalParsing.date(text) }
    }

    @Test("malformed times, offsets, zones and durations are errors")
    func badOthers() {
        #expect(throws: TemporalError.self) { try TemporalParsing.localTime("25:00") }
        #expect(throws: TemporalError.self) { try TemporalParsing.localTime("12:3") }
        #expect(throws: TemporalError.self) { try TemporalParsing.time("12:00+19:00") }
        #expect(throws: TemporalError.self) { try TemporalParsing.dateTime("2015-07-21T12:00[Mars/Olympus]") }
        #expect(throws: TemporalError.self) { try TemporalParsing.dateTime("2015-07-21T12:00[../../etc/passwd]") }
        #expect(throws: TemporalError.self) { try TemporalParsing.duration("P") }
        #expect(throws: TemporalError.self) { try TemporalParsing.duration("PT") }
        #expect(throws: TemporalError.self) { try TemporalParsing.duration("P1H") }
        #expect(throws: TemporalError.self) { try TemporalParsing.duration("PT1D") }
        #expect(throws: TemporalError.self) { try TemporalParsing.duration("P1D2Y") }
        #expect(throws: TemporalError.self) { try TemporalParsing.duration("P99999999999999999999Y") }
        #expect(throws: TemporalError.self) { try TemporalParsing.duration("1D") }
    }

    @Test("printed values parse back to equal values")
    func roundTrip() throws {
        for text in ["1984-10-11T12:31:14.645876123+01:00", "2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]"] {
            let v = try TemporalParsing.dateTime(text)
            #expect(try TemporalParsing.dateTime(TemporalValue.dateTime(v).description) == v)
        }
        for text in ["PT-2.001S", "P1Y2M10DT12H45M30.25S", "PT-23H-59M-59.9S"] {
            let d = try TemporalParsing.duration(text)
            #expect(TemporalValue.duration(d).description == text)
            #expect(try TemporalParsing.duration(TemporalValue.duration(d).description) == d)
        }
    }
}
