import Testing
@testable import ParleyValues

@Suite("Temporal values inside Value: equality, ordering, printing, storage")
struct TemporalValueTests {
    static func date(_ s: String) -> Value { .temporal(.date(try! TemporalParsing.date(s))) }
    static func dt(_ s: String) -> Value { .temporal(.dateTime(try! TemporalParsing.dateTime(s))) }
    static func dur(_ s: String) -> Value { .temporal(.duration(try! TemporalParsing.duration(s))) }
    static func lt(_ s: String) -> Value { .temporal(.localTime(try! TemporalParsing.localTime(s))) }
    static func t(_ s: String) -> Value { .temporal(.time(try! TemporalParsing.time(s))) }
    static func ldt(_ s: String) -> Value { .temporal(.localDateTime(try! TemporalParsing.localDateTime(s))) }

    @Test("type names")
    func typeNames() {
        #expect(Self.date("2015-07-21").typeName == "DATE")
        #expect(Self.lt("12:00").typeName == "LOCAL TIME")
        #expect(Self.t("12:00Z").typeName == "ZONED TIME")
        #expect(Self.ldt("2015-07-21T12:00").typeName == "LOCAL DATETIME")
        #expect(Self.dt("2015-07-21T12:00Z").typeName == "ZONED DATETIME")
        #expect(Self.dur("P1D").typeName == "DURATION")
    }

    @Test("= on temporal values: same type and value; different types are not equal")
    func equality() {
        #expect(Self.date("2015-07-21").cypherEquals(Self.date("2015-W30-2")) == true)
        #expect(Self.date("2015-07-21").cypherEquals(Self.ldt("2015-07-21T00:00")) == false)
        #expect(Self.date("2015-07-21").cypherEquals(.string("2015-07-21")) == false)
        #expect(Self.date("2015-07-21").cypherEquals(.null) == nil)
        // Durations compare component-wise: 70 seconds is 1 minute 10 seconds, but 1 day is not 24 hours.
        #expect(Self.dur("PT70S").cypherEquals(Self.dur("PT1M10S")) == true)
        #expect(Self.dur("P1D").cypherEquals(Self.dur("PT24H")) == false)
        // Date-times: same instant and offset and zone.
        #expect(Self.dt("2015-07-21T21:40+01:00").cypherEquals(Self.dt("2015-07-21T21:40+0100")) == true)
        #expect(Self.dt("2015-07-21T21:40+01:00").cypherEquals(Self.dt("2015-07-21T20:40Z")) == false)
        #expect(Self.dt("2015-07-21T21:40+02:00[Europe/Stockholm]").cypherEquals(Self.dt("2015-07-21T21:40+02:00")) == false)
        #expect(Self.t("12:00+01:00").cypherEquals(Self.t("11:00Z")) == false)
    }

    @Test("equal values hash alike (DISTINCT)")
    func hashing() {
        let set: Set<Value> = [Self.date("2015-07-21"), Self.date("2015202"), Self.dur("PT70S"), Self.dur("PT1M10S"),
                               Self.dt("2015-07-21T21:40+01:00"), Self.dt("2015-07-21T21:40:00+01:00")]
        #expect(set.count == 3)
    }

    @Test("< between values of one type; mixed types and durations are not comparable")
    func comparison() {
        #expect(Self.date("2015-07-21").cypherCompare(Self.date("2015-07-22")) == -1)
        #expect(Self.lt("12:00").cypherCompare(Self.lt("11:59:59.999999999")) == 1)
        // Times and date-times compare by instant.
        #expect(Self.t("12:00+01:00").cypherCompare(Self.t("11:30Z")) == -1)
        #expect(Self.dt("1980-12-11T12:31:14Z").cypherCompare(Self.dt("1984-10-11T12:31:14+05:00")) == -1)
        #expect(Self.dt("2015-07-21T21:40+01:00").cypherCompare(Self.dt("2015-07-21T20:40Z")) == 0)
        #expect(Self.date("2015-07-21").cypherCompare(Self.ldt("2015-07-21T00:00")) == nil)
        #expect(Self.dur("P1D").cypherCompare(Self.dur("P2D")) == nil)
        #expect(Self.date("2015-07-21").cypherCompare(.int(1)) == nil)
        #expect(Self.date("2015-07-21").cypherCompare(Self.date("2015-07-22"), .lessThan) == true)
        #expect(Self.dur("P1D").cypherCompare(Self.dur("P2D"), .lessThan) == nil)
    }

    @Test("ORDER BY: temporal values after paths and before strings, by kind then value")
    func ordering() {
        let values: [Value] = ["a", Self.dur("P1D"), Self.lt("12:00"), Self.t("12:00Z"), Self.date("2015-07-21"),
                               Self.ldt("2015-07-21T12:00"), Self.dt("2015-07-21T12:00Z"), .list([]), Self.date("2014-01-01"), 1, .null]
        let sorted = values.sorted { $0.orderCompare($1) < 0 }
        let text = sorted.map { $0.cypherLiteral(in: nil) }
        #expect(text == ["[]", "'2015-07-21T12:00Z'", "'2015-07-21T12:00'", "'2014-01-01'", "'2015-07-21'", "'12:00Z'",
                         "'12:00'", "'P1D'", "'a'", "1", "null"])
    }

    @Test("printing: ISO text, quoted as the TCK writes it; JSON strings; toString text")
    func printing() {
        let d = Self.dt("1984-10-11T12:31:14.645876123+01:00[Europe/Stockholm]")
        #expect(d.cypherLiteral(in: nil) == "'1984-10-11T12:31:14.645876123+01:00[Europe/Stockholm]'")
        #expect(d.toCypherString() == "1984-10-11T12:31:14.645876123+01:00[Europe/Stockholm]")
        #expect(Self.dur("P1Y2M10DT12H45M30.25S").jsonText(in: nil) == "\"P1Y2M10DT12H45M30.25S\"")
        #expect(Value.list([Self.date("2015-07-21")]).cypherLiteral(in: nil) == "['2015-07-21']")
    }

    @Test("temporal values and lists of them are storable properties")
    func storable() {
        #expect(Self.date("2015-07-21").isStorableProperty)
        #expect(Value.list([Self.dur("P1D"), Self.dur("P2D")]).isStorableProperty)
    }

    @Test("duration components as Cypher's accessors give them (TCK Temporal5 [7])")
    func durationComponents() throws {
        let d = try CypherDuration(months: 16, days: 10, seconds: 3661, nanoseconds: 111_111_111)
        let expected: [String: Int64] = [
            "years": 1, "quarters": 5, "months": 16, "weeks": 1, "days": 10, "hours": 1, "minutes": 61, "seconds": 3661,
            "milliseconds": 3_661_111, "microseconds": 3_661_111_111, "nanoseconds": 3_661_111_111_111,
            "quartersOfYear": 1, "monthsOfQuarter": 1, "monthsOfYear": 4, "daysOfWeek": 3, "minutesOfHour": 1,
            "secondsOfMinute": 1, "millisecondsOfSecond": 111, "microsecondsOfSecond": 111_111, "nanosecondsOfSecond": 111_111_111,
        ]
        for (k, v) in expected { #expect(d.component(k) == v, "\(k)") }
        #expect(d.component("fortnights") == nil)
    }

    @Test("duration arithmetic: exact integers, cascading fractions, overflow is an error")
    func durationArithmetic() throws {
        let d = try TemporalParsing.duration("P12Y5M14DT16H13M10.000000001S")
        #expect(TemporalValue.duration(try d.multiplied(by: Int64(2))).description == "P24Y10M28DT32H26M20.000000002S")
        #expect(TemporalValue.duration(try d.divided(by: 2)).description == "P6Y2M22DT13H21M8S")
        #expect(TemporalValue.duration(try d.multiplied(by: 0.5)).description == "P6Y2M22DT13H21M8S")
        #expect(TemporalValue.duration(try d.adding(d.negated())).description == "PT0S")
        #expect(throws: TemporalError.self) { try d.multiplied(by: Int64.max) }
        #expect(throws: TemporalError.self) { try d.divided(by: 0) }
        #expect(throws: TemporalError.self) { try d.multiplied(by: Double.infinity) }
    }
}
