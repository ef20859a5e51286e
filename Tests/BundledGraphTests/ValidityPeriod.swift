import Foundation

/// When a bundled graph element holds, under the time convention of docs/astana-2015.md.
///
/// A `date` is a point: the element holds during that day, month or year. `start_date` and
/// `end_date` are a half-open interval from the first day of `start_date`'s period up to, not
/// including, the first day of `end_date`'s period; a missing bound is open. An element with
/// none of them holds always. Days are encoded as `year * 10000 + month * 100 + day`, which
/// orders like the calendar.
struct ValidityPeriod: Equatable {
    /// The first day it holds, or nil when it has held since always.
    var from: Int?
    /// The first day it no longer holds, or nil when it still holds.
    var until: Int?

    /// The property keys that carry time.
    static let keys = ["date", "start_date", "end_date"]
}

extension ValidityPeriod {
    /// The period of an element's properties; nil when a time value is not a valid ISO date string.
    init?(_ properties: [String: Any]) {
        if let date = properties["date"] {
            guard let text = date as? String, let first = Self.firstDay(text), let next = Self.nextPeriod(text)
            else { return nil }
            (from, until) = (first, next)
            return
        }
        from = nil
        until = nil
        if let start = properties["start_date"] {
            guard let text = start as? String, let first = Self.firstDay(text) else { return nil }
            from = first
        }
        if let end = properties["end_date"] {
            guard let text = end as? String, let first = Self.firstDay(text) else { return nil }
            until = first
        }
    }

    /// Whether the element holds on no day at all (its end is not after its start).
    var isEmpty: Bool {
        guard let from, let until else { return false }
        return until <= from
    }

    /// The days in both periods (possibly none: see `isEmpty`).
    func intersection(_ other: ValidityPeriod) -> ValidityPeriod {
        let start: Int? = switch (from, other.from) {
        case let (a?, b?): max(a, b)
        case let (a, b): a ?? b
        }
        let end: Int? = switch (until, other.until) {
        case let (a?, b?): min(a, b)
        case let (a, b): a ?? b
        }
        return ValidityPeriod(from: start, until: end)
    }

    /// Whether the element holds on `day` (encoded like `from`).
    func contains(_ day: Int) -> Bool {
        (from.map { $0 <= day } ?? true) && (until.map { day < $0 } ?? true)
    }

    /// The first day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period, or nil when `text` is not one.
    static func firstDay(_ text: String) -> Int? {
        guard isISODate(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return parts[0] * 10000 + (parts.count > 1 ? parts[1] : 1) * 100 + (parts.count > 2 ? parts[2] : 1)
    }

    /// The first day after a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period, or nil when `text` is not one.
    static func nextPeriod(_ text: String) -> Int? {
        guard isISODate(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let y = parts[0]
        switch parts.count {
        case 1: return (y + 1) * 10000 + 101
        case 2: return parts[1] == 12 ? (y + 1) * 10000 + 101 : y * 10000 + (parts[1] + 1) * 100 + 1
        default:
            let (m, d) = (parts[1], parts[2])
            if isISODate(String(format: "%04d-%02d-%02d", y, m, d + 1)) { return y * 10000 + m * 100 + d + 1 }
            return m == 12 ? (y + 1) * 10000 + 101 : y * 10000 + (m + 1) * 100 + 1
        }
    }
}
