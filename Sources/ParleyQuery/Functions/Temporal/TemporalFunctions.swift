import ParleyGraph
import ParleyValues

/// The temporal functions (`date`, `datetime`, `duration`, `date.truncate`, `duration.between`,
/// ...), component access (`d.year`) and the temporal side of the arithmetic operators.
///
/// Names are lowercased. A `null` argument gives `null`. Bad input is
/// `ArgumentError: InvalidArgumentValue` (unparsable text, unknown field or zone, value out of
/// range); an argument of the wrong type is `TypeError: InvalidArgumentValue`.
enum TemporalFunctions {
    /// The five instant types a constructor can build.
    enum Kind: String, Sendable {
        case date, localtime, time, localdatetime, datetime

        /// Whether values of this kind have a date / a time of day / a zone.
        var hasDate: Bool { self == .date || self == .localdatetime || self == .datetime }
        var hasTime: Bool { self != .date }
        var hasZone: Bool { self == .time || self == .datetime }
    }

    /// Every function name with its arity.
    static let arities: [String: ClosedRange<Int>] = {
        var table: [String: ClosedRange<Int>] = ["duration": 1...1,
            "datetime.fromepoch": 2...2, "datetime.fromepochmillis": 1...1,
            "duration.between": 2...2, "duration.inmonths": 2...2, "duration.indays": 2...2, "duration.inseconds": 2...2]
        for kind in ["date", "localtime", "time", "localdatetime", "datetime"] {
            table[kind] = 0...1
            table[kind + ".truncate"] = 2...3
            for clock in ["statement", "transaction", "realtime"] { table[kind + "." + clock] = 0...1 }
        }
        return table
    }()

    /// The arity of temporal function `name` (lowercased), or nil when it is not one.
    static func arity(of name: String) -> ClosedRange<Int>? { arities[name] }

    /// Calls temporal function `name` (lowercased) with evaluated arguments.
    static func call(_ name: String, _ args: [Value], graph: GraphStore) throws(QueryError) -> Value {
        guard let arity = arities[name] else {
            throw QueryError(.runtime, .syntax(.unknownFunction), "Unknown function '\(name)'")
        }
        guard arity.contains(args.count) else {
            throw QueryError(.runtime, .syntax(.invalidNumberOfArguments),
                             "\(name)() expects \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)") argument(s), but got \(args.count)")
        }
        do {
            return try dispatch(name, args)
        } catch let error as TemporalError {
            throw QueryError(.runtime, .argument(.invalidArgumentValue), "\(name)(): \(error.message)")
        } catch let error as QueryError {
            throw error
        } catch {
            throw QueryError(.runtime, .argument(.invalidArgumentValue), "\(name)(): \(error)")
        }
    }

    /// The function bodies; may throw ``TemporalError`` or ``QueryError``.
    private static func dispatch(_ name: String, _ args: [Value]) throws -> Value {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if let kind = Kind(rawValue: parts[0]) {
            if parts.count == 1 { return try construct(kind, args.first, name: name) }
            switch parts[1] {
            case "truncate":
                if args[0].isNull || args[1].isNull { return .null }
                guard case .string(let unit) = args[0] else { throw typeError(name, args[0], "a STRING unit") }
                guard case .temporal(let t) = args[1] else { throw typeError(name, args[1], "a temporal value") }
                var fields: [String: Value] = [:]
                if args.count == 3 {
                    switch args[2] {
                    case .map(let m): fields = m
                    case .null: break
                    default: throw typeError(name, args[2], "a MAP")
                    }
                }
                return .temporal(try TemporalTruncation.truncate(kind, unit: unit, t, fields: fields))
            case "statement", "transaction", "realtime":
                return try construct(kind, args.first ?? .map([:]), name: name, nowOnly: true,
                                     realtime: parts[1] == "realtime")
            case "fromepoch", "fromepochmillis":
                if args.contains(where: \.isNull) { return .null }
                if parts[1] == "fromepoch" {
                    let s = try integer(args[0], name), n = try integer(args[1], name)
                    return .temporal(.dateTime(try CypherDateTime(epochSecond: s, nano: n, zone: .offset(0))))
                }
                let ms = try integer(args[0], name)
                return .temporal(.dateTime(try CypherDateTime(epochSecond: CivilCalendar.floorDiv(ms, 1000),
                                                             nano: CivilCalendar.floorMod(ms, 1000) * 1_000_000, zone: .offset(0))))
            default: break
            }
        }
        switch name {
        case "duration":
            switch args[0] {
            case .null: return .null
            case .string(let s): return .temporal(.duration(try TemporalParsing.duration(s)))
            case .map(let m): return .temporal(.duration(try TemporalMaps.duration(m)))
            case .temporal(.duration): return args[0]
            default: throw typeError(name, args[0], "a STRING or MAP")
            }
        case "duration.between", "duration.inmonths", "duration.indays", "duration.inseconds":
            if args[0].isNull || args[1].isNull { return .null }
            guard case .temporal(let a) = args[0] else { throw typeError(name, args[0], "a temporal value") }
            guard case .temporal(let b) = args[1] else { throw typeError(name, args[1], "a temporal value") }
            let unit: TemporalBetween.Unit = name == "duration.between" ? .all
                : name == "duration.inmonths" ? .months : name == "duration.indays" ? .days : .seconds
            guard let d = try TemporalBetween.between(a, b, unit: unit) else {
                throw typeError(name, args[0], "two instant values (not durations)")
            }
            return .temporal(.duration(d))
        default:
            throw QueryError(.runtime, .syntax(.unknownFunction), "Unknown function '\(name)'")
        }
    }

    /// `date(x)`, `datetime(x)`, ...: now (no argument or a map with only `timezone`), parse a
    /// string, convert another temporal value, or build from a map.
    private static func construct(_ kind: Kind, _ arg: Value?, name: String, nowOnly: Bool = false,
                                  realtime: Bool = false) throws -> Value {
        guard let arg else { return .temporal(try now(kind, zone: nil)) }
        switch arg {
        case .null: return .null
        case .string(let s) where !nowOnly:
            switch kind {
            case .date: return .temporal(.date(try TemporalParsing.date(s)))
            case .localtime: return .temporal(.localTime(try TemporalParsing.localTime(s)))
            case .time: return .temporal(.time(try TemporalParsing.time(s)))
            case .localdatetime: return .temporal(.localDateTime(try TemporalParsing.localDateTime(s)))
            case .datetime: return .temporal(.dateTime(try TemporalParsing.dateTime(s)))
            }
        case .map(let m):
            let keys = Set(m.keys.map { $0.lowercased() })
            if keys.isEmpty || keys == ["timezone"] {
                var zone: TemporalZone? = nil
                if let z = m.first?.value {
                    guard case .string(let text) = z else { throw typeError(name, z, "a STRING timezone") }
                    zone = try TemporalParsing.zone(text)
                }
                return .temporal(try now(kind, zone: zone, realtime: realtime))
            }
            if nowOnly { throw typeError(name, arg, "a MAP with only a timezone") }
            return .temporal(try TemporalMaps.build(kind, m))
        case .temporal(let t) where !nowOnly:
            return .temporal(try TemporalMaps.convert(t, to: kind))
        default:
            throw typeError(name, arg, nowOnly ? "a MAP with only a timezone" : "a STRING, MAP or temporal value")
        }
    }

    /// The current instant as a value of `kind`, seen in `zone` (UTC by default).
    static func now(_ kind: Kind, zone: TemporalZone?, realtime: Bool = false) throws -> TemporalValue {
        let (seconds, nanos) = StatementClock.now(realtimeOnly: realtime)
        let z = try CypherDateTime(epochSecond: seconds, nano: nanos, zone: zone ?? .offset(0))
        return try TemporalMaps.convert(.dateTime(z), to: kind)
    }

    /// An INTEGER argument (a FLOAT with an integral value is accepted).
    static func integer(_ v: Value, _ name: String) throws(QueryError) -> Int64 {
        switch v {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9e18: return Int64(d)
        default: throw typeError(name, v, "an INTEGER")
        }
    }

    /// `TypeError: InvalidArgumentValue` for an argument of the wrong type.
    static func typeError(_ name: String, _ v: Value, _ expected: String) -> QueryError {
        QueryError(.runtime, .type(.invalidArgumentValue), "\(name)() expects \(expected), but got \(v.typeName)")
    }
}

extension TemporalFunctions {
    /// The function names in their usual spelling, for completion and suggestions.
    static let displayNames: [String] = {
        var names = ["duration", "datetime.fromEpoch", "datetime.fromEpochMillis",
                     "duration.between", "duration.inMonths", "duration.inDays", "duration.inSeconds"]
        for kind in ["date", "localtime", "time", "localdatetime", "datetime"] {
            names += [kind, kind + ".truncate", kind + ".statement", kind + ".transaction", kind + ".realtime"]
        }
        return names
    }()
}
