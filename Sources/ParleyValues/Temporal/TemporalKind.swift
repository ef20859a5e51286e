/// The six kinds of temporal value, named as the Cypher functions that build them.
///
/// Graph files use these names for typed values (`{"$date": "2015-05-25"}`) and for
/// property type declarations (`"propertyTypes": {"date": "date"}`).
public enum TemporalKind: String, Sendable, CaseIterable {
    case date
    case localtime
    case time
    case localdatetime
    case datetime
    case duration

    /// The kind of a temporal value.
    public init(of value: TemporalValue) {
        switch value {
        case .date: self = .date
        case .localTime: self = .localtime
        case .time: self = .time
        case .localDateTime: self = .localdatetime
        case .dateTime: self = .datetime
        case .duration: self = .duration
        }
    }

    /// How messages name the kind: `date`, `local time`, `date time`, ...
    public var noun: String {
        switch self {
        case .date: return "date"
        case .localtime: return "local time"
        case .time: return "time"
        case .localdatetime: return "local date time"
        case .datetime: return "date time"
        case .duration: return "duration"
        }
    }

    /// Parses ISO 8601 text as a value of this kind (every form the Cypher function accepts).
    public func parse(_ text: String) throws(TemporalError) -> TemporalValue {
        switch self {
        case .date: return .date(try TemporalParsing.date(text))
        case .localtime: return .localTime(try TemporalParsing.localTime(text))
        case .time: return .time(try TemporalParsing.time(text))
        case .localdatetime: return .localDateTime(try TemporalParsing.localDateTime(text))
        case .datetime: return .dateTime(try TemporalParsing.dateTime(text))
        case .duration: return .duration(try TemporalParsing.duration(text))
        }
    }

    /// Whether `text` is a partial date, `YYYY` or `YYYY-MM`: a whole year or month, which a
    /// `date` declaration keeps as a string (no Cypher date means "all of April").
    public static func isPartialDate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { b[$0] >= 0x30 && b[$0] <= 0x39 } }
        if b.count == 4 { return digits(0..<4) }
        if b.count == 7 { return digits(0..<4) && b[4] == UInt8(ascii: "-") && digits(5..<7) }
        return false
    }
}
