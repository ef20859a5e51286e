import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyQuery

@Suite("Temporal functions: calls, errors, nulls, operators, components, clock")
struct TemporalFunctionsTests {
    func text(_ v: Value) -> String? { v.toCypherString() }

    @Test("temporal names are known to the function library, with their arities")
    func arities() {
        #expect(BuiltinFunctions.arity(of: "date") == 0...1)
        #expect(BuiltinFunctions.arity(of: "date.truncate") == 2...3)
        #expect(BuiltinFunctions.arity(of: "duration.between") == 2...2)
        #expect(BuiltinFunctions.arity(of: "datetime.fromepochmillis") == 1...1)
        #expect(BuiltinFunctions.arity(of: "localtime.realtime") == 0...1)
        #expect(BuiltinFunctions.arity(of: "duration.fortnights") == nil)
        #expect(BuiltinFunctions.allNames.contains("duration.inSeconds"))
    }

    @Test("calls through BuiltinFunctions reach the temporal functions")
    func calls() throws {
        #expect(text(try fcall("date", "2015-07-21")) == "2015-07-21")
        #expect(text(try fcall("DateTime.FromEpoch", 416779, 999999999)) == "1970-01-05T19:46:19.999999999Z")
        #expect(text(try fcall("datetime.fromEpochMillis", 237821673987)) == "1977-07-15T13:34:33.987Z")
        #expect(text(try fcall("toString", try fcall("duration", ["hours": 2.5]))) == "PT2H30M")
        #expect(text(try fcall("duration.inDays", try fcall("date", "2015-01-01"), try fcall("date", "2016-01-01"))) == "P365D")
        #expect(text(try fcall("date", try fcall("datetime", "2015-07-21T23:59+05:00"))) == "2015-07-21")
        #expect(text(try fcall("time", try fcall("datetime", "2015-07-21T23:59[Europe/Stockholm]"))) == "23:59+02:00")
        #expect(text(try fcall("datetime", ["epochSeconds": 0, "nanosecond": 5, "timezone": "+01:00"])) == "1970-01-01T01:00:00.000000005+01:00")
        #expect(text(try fcall("datetime", ["epochMillis": -1])) == "1969-12-31T23:59:59.999Z")
    }

    @Test("null arguments give null", arguments: ["date", "localtime", "time", "localdatetime", "datetime", "duration"])
    func nulls(_ name: String) throws {
        #expect(try fcall(name, .null) == .null)
        if name != "duration" { #expect(try fcall(name + ".truncate", "day", .null) == .null) }
    }

    @Test("null arguments of the two-argument functions give null")
    func nulls2() throws {
        for name in ["duration.between", "duration.inMonths", "duration.inDays", "duration.inSeconds", "datetime.fromEpoch"] {
            #expect(try fcall(name, .null, .null) == .null)
        }
        #expect(try fcall("datetime.fromEpochMillis", .null) == .null)
    }

    @Test("bad text, fields, zones and units are ArgumentError: InvalidArgumentValue")
    func argumentErrors() {
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date", "2015-13-45") }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date", ["month": 1]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date", ["year": 2015, "hour": 1]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date", ["year": 2015, "month": 2, "day": 30]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("localtime", ["minute": 1]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("datetime", ["year": 2015, "timezone": "Mars/Olympus"]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("datetime", ["year": 2015, "timezone": "+25:00"]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("duration", ["days": "one"]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("duration", ["fortnights": 1]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("duration", "P1Q") }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date.truncate", "fortnight", try fcall("date", "2015-07-21")) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("localtime.truncate", "year", try fcall("localtime", "12:00")) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date", try fcall("localtime", "12:00")) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("time", try fcall("date", "2015-07-21")) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date.truncate", "month", try fcall("date", "2015-07-21"), ["hour": 1]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date", ["year": 2015, "month": .null]) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("datetime.fromEpoch", .int(.max), 0) }
    }

    @Test("the epoch functions reach far into the past without overflowing")
    func farEpochs() throws {
        #expect(text(try fcall("datetime.fromEpochMillis", .int(.min))) == "-292275055-05-16T16:47:04.192Z")
        #expect(text(try fcall("datetime.fromEpoch", .int(CypherDate.minEpochDay * 86_400), 0)) == "-999999999-01-01T00:00Z")
    }

    @Test("arguments of the wrong type are TypeError: InvalidArgumentValue")
    func typeErrors() {
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date", 2015) }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("duration", true) }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date.truncate", 1, try fcall("date", "2015-07-21")) }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("duration.between", 1, 2) }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("datetime.fromEpoch", "x", 0) }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("date.statement", "2015-07-21") }
    }

    @Test("wrong argument counts are SyntaxError: InvalidNumberOfArguments")
    func arityErrors() {
        expectFunctionError("SyntaxError", "InvalidNumberOfArguments") { () throws(QueryError) in try fcall("date", "2015", "x") }
        expectFunctionError("SyntaxError", "InvalidNumberOfArguments") { () throws(QueryError) in try fcall("duration") }
        expectFunctionError("SyntaxError", "InvalidNumberOfArguments") { () throws(QueryError) in try fcall("duration.between", .null) }
    }

    @Test("operators: instant ± duration, duration ± duration, duration × ÷ number")
    func operators() throws {
        let d = try fcall("date", "1984-10-11"), p = try fcall("duration", "P1M1D")
        #expect(text(try Operators.add(d, p)) == "1984-11-12")
        #expect(text(try Operators.add(p, d)) == "1984-11-12")
        #expect(text(try Operators.subtract(d, p)) == "1984-09-10")
        #expect(text(try Operators.add(p, p)) == "P2M2D")
        #expect(text(try Operators.subtract(p, p)) == "PT0S")
        #expect(text(try Operators.multiply(p, 3)) == "P3M3D")
        #expect(text(try Operators.multiply(2, p)) == "P2M2D")
        #expect(text(try Operators.divide(try fcall("duration", "PT1H"), 4)) == "PT15M")
        #expect(text(try Operators.add(try fcall("localtime", "23:00"), try fcall("duration", "PT2H"))) == "01:00")
        #expect(try Operators.add(d, .null) == .null)
        #expect(try Operators.multiply(.null, p) == .null)
        // Lists still append.
        #expect(try Operators.add(.list([]), d) == .list([d]))
    }

    @Test("operators on unsupported temporal operands are TypeError: InvalidArgumentType")
    func operatorErrors() throws {
        let d = try fcall("date", "1984-10-11"), p = try fcall("duration", "P1D")
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.add(d, d) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.add(d, 1) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.subtract(p, d) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.multiply(d, 2) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.multiply(p, "x") }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.divide(2, p) }
        expectFunctionError("TypeError", "InvalidArgumentType") { () throws(QueryError) in try Operators.add("a", d) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try Operators.divide(p, 0) }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try Operators.add(d, try fcall("duration", ["days": Value.int(.max)])) }
    }

    @Test("component access on temporal values; nil for other values; unknown components are errors")
    func components() throws {
        let z = try fcall("datetime", "1984-11-11T12:31:14.645876123+01:00[Europe/Stockholm]")
        #expect(try TemporalFunctions.property(z, "timezone") == "Europe/Stockholm")
        #expect(try TemporalFunctions.property(z, "offset") == "+01:00")
        #expect(try TemporalFunctions.property(z, "offsetMinutes") == 60)
        #expect(try TemporalFunctions.property(z, "epochMillis") == 469020674645)
        #expect(try TemporalFunctions.property(z, "dayOfWeek") == 7)
        #expect(try TemporalFunctions.property(z, "millisecond") == 645)
        let t = try fcall("time", "12:00Z")
        #expect(try TemporalFunctions.property(t, "timezone") == "Z")
        #expect(try TemporalFunctions.property(t, "offsetSeconds") == 0)
        #expect(try TemporalFunctions.property(.int(1), "year") == nil)
        #expect(try TemporalFunctions.property(.map(["year": 1]), "year") == nil)
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try TemporalFunctions.property(try fcall("date", "2015"), "hour") }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try TemporalFunctions.property(try fcall("localtime", "12:00"), "year") }
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in try TemporalFunctions.property(try fcall("duration", "P1D"), "year") }
    }

    @Test("the statement clock: every date()/datetime() of one statement sees the same instant")
    func statementClock() throws {
        let fixed = StatementClock.StatementInstant(seconds: 1_437_515_432, nanos: 142_000_000)  // 2015-07-21T21:50:32.142Z
        try StatementClock.$statementInstant.withValue(fixed) {
            #expect(text(try fcall("datetime")) == "2015-07-21T21:50:32.142Z")
            #expect(text(try fcall("date")) == "2015-07-21")
            #expect(text(try fcall("date.statement")) == "2015-07-21")
            #expect(text(try fcall("localtime.transaction")) == "21:50:32.142")
            #expect(text(try fcall("time", ["timezone": "+05:00"])) == "02:50:32.142+05:00")
            #expect(text(try fcall("datetime", ["timezone": "Europe/Stockholm"])) == "2015-07-21T23:50:32.142+02:00[Europe/Stockholm]")
            #expect(text(try fcall("date.statement", ["timezone": "Pacific/Honolulu"])) == "2015-07-21")
            #expect(text(try fcall("date.statement", ["timezone": "+05:00"])) == "2015-07-22")
            // realtime ignores the statement clock.
            let now = try fcall("date.realtime")
            #expect(now.cypherCompare(try fcall("date")) == 1)
        }
    }

    @Test("StatementClock.statement fixes the clock for its body and passes its errors through")
    func statementHelper() throws {
        let (a, b) = try StatementClock.statement { () throws(QueryError) in (try fcall("localtime"), try fcall("localtime")) }
        #expect(a == b)
        expectFunctionError("ArgumentError", "InvalidArgumentValue") { () throws(QueryError) in
            try StatementClock.statement { () throws(QueryError) in try fcall("date", "nonsense") }
        }
    }

    @Test("without a statement clock, date() is today")
    func today() throws {
        let a = try fcall("date"), b = try fcall("date.realtime")
        let diff = try fcall("duration.inDays", a, b)
        #expect(try TemporalFunctions.property(diff, "days").map { $0 == 0 || $0 == 1 } == true)
    }
}
