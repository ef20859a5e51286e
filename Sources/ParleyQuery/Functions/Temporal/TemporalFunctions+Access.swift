import ParleyGraph
import ParleyValues

extension TemporalFunctions {
    /// Component access `x.key` on a temporal value (`d.year`, `t.offsetMinutes`,
    /// `dur.minutesOfHour`); nil when `value` is not temporal. An unknown component is
    /// `ArgumentError: InvalidArgumentValue`.
    static func property(_ value: Value, _ key: String) throws(QueryError) -> Value? {
        guard case .temporal(let t) = value else { return nil }
        if let v = component(t, key) { return v }
        throw QueryError(.runtime, .argument(.invalidArgumentValue),
                         "A \(t.typeName) has no component '\(key)'")
    }

    /// The component `key` (any letter case) of `t`, or nil when it has no such component.
    static func component(_ t: TemporalValue, _ key: String) -> Value? {
        let k = key.lowercased()
        if case .duration(let d) = t { return d.component(k).map { .int($0) } }
        if let date = t.datePart {
            switch k {
            case "year": return .int(date.year)
            case "quarter": return .int(date.quarter)
            case "month": return .int(date.month)
            case "week": return .int(date.week)
            case "weekyear": return .int(date.weekYear)
            case "day": return .int(date.day)
            case "ordinalday": return .int(date.ordinalDay)
            case "weekday", "dayofweek": return .int(date.dayOfWeek)
            case "dayofquarter": return .int(date.dayOfQuarter)
            default: break
            }
        }
        if case .date = t { return nil }
        if let time = t.localTimePart {
            switch k {
            case "hour": return .int(time.hour)
            case "minute": return .int(time.minute)
            case "second": return .int(time.second)
            case "millisecond": return .int(time.nanosecond / 1_000_000)
            case "microsecond": return .int(time.nanosecond / 1000)
            case "nanosecond": return .int(time.nanosecond)
            default: break
            }
        }
        let offset: Int32
        switch t {
        case .time(let x): offset = x.offsetSeconds
        case .dateTime(let z):
            offset = z.offsetSeconds
            switch k {
            case "epochseconds": return .int(z.epochSecond)
            case "epochmillis": return .int(z.epochSecond &* 1000 &+ z.nano / 1_000_000)
            case "timezone":
                if let name = z.zoneName { return .string(name) }
            default: break
            }
        default: return nil
        }
        switch k {
        case "timezone", "offset":
            return .string(TemporalValue.offsetText(offset))
        case "offsetminutes": return .int(Int64(offset) / 60)
        case "offsetseconds": return .int(Int64(offset))
        default: return nil
        }
    }

    // MARK: Operators

    /// `a + b` when either side is temporal: instant + duration (either order) and
    /// duration + duration. Nil when neither side is temporal or either is null.
    static func add(_ a: Value, _ b: Value) throws(QueryError) -> Value? {
        switch (a, b) {
        case (.temporal(.duration(let x)), .temporal(.duration(let y))):
            return try wrap("+") { () throws(TemporalError) in .temporal(.duration(try x.adding(y))) }
        case (.temporal(let t), .temporal(.duration(let d))), (.temporal(.duration(let d)), .temporal(let t)):
            return try wrap("+") { () throws(TemporalError) in try t.plus(d).map { .temporal($0) } ?? .null }
        default:
            return try mismatch("add", a, b)
        }
    }

    /// `a - b` when either side is temporal: instant − duration and duration − duration.
    static func subtract(_ a: Value, _ b: Value) throws(QueryError) -> Value? {
        switch (a, b) {
        case (.temporal(.duration(let x)), .temporal(.duration(let y))):
            return try wrap("-") { () throws(TemporalError) in .temporal(.duration(try x.adding(y.negated()))) }
        case (.temporal(let t), .temporal(.duration(let d))):
            return try wrap("-") { () throws(TemporalError) in try t.plus(d.negated()).map { .temporal($0) } ?? .null }
        default:
            return try mismatch("subtract", a, b)
        }
    }

    /// `a * b` for a duration and a number (either order).
    static func multiply(_ a: Value, _ b: Value) throws(QueryError) -> Value? {
        switch (a, b) {
        case (.temporal(.duration(let d)), .int(let n)), (.int(let n), .temporal(.duration(let d))):
            return try wrap("*") { () throws(TemporalError) in .temporal(.duration(try d.multiplied(by: n))) }
        case (.temporal(.duration(let d)), .double(let x)), (.double(let x), .temporal(.duration(let d))):
            return try wrap("*") { () throws(TemporalError) in .temporal(.duration(try d.multiplied(by: x))) }
        default:
            return try mismatch("multiply", a, b)
        }
    }

    /// `a / b` for a duration divided by a number.
    static func divide(_ a: Value, _ b: Value) throws(QueryError) -> Value? {
        switch (a, b) {
        case (.temporal(.duration(let d)), .int(let n)):
            return try wrap("/") { () throws(TemporalError) in .temporal(.duration(try d.divided(by: Double(n)))) }
        case (.temporal(.duration(let d)), .double(let x)):
            return try wrap("/") { () throws(TemporalError) in .temporal(.duration(try d.divided(by: x))) }
        default:
            return try mismatch("divide", a, b)
        }
    }

    /// Nil when neither operand is temporal (or either is null); otherwise the type error.
    private static func mismatch(_ verb: String, _ a: Value, _ b: Value) throws(QueryError) -> Value? {
        guard !a.isNull, !b.isNull else { return nil }
        var temporal = false
        if case .temporal = a { temporal = true }
        if case .temporal = b { temporal = true }
        guard temporal else { return nil }
        throw QueryError(.runtime, .type(.invalidArgumentType), "Cannot \(verb) \(a.typeName) and \(b.typeName)")
    }

    /// Runs temporal arithmetic, reporting range errors as `ArgumentError`.
    private static func wrap(_ op: String, _ body: () throws(TemporalError) -> Value) throws(QueryError) -> Value {
        do {
            return try body()
        } catch {
            throw QueryError(.runtime, .argument(.invalidArgumentValue), "\(op): \(error.message)")
        }
    }
}
