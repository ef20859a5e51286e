/// Which properties say when a node or relationship holds (docs/time.md).
///
/// An element with the ``date`` property holds during that day, month or year only (a point
/// event). Otherwise ``from`` and ``to`` bound a half-open interval: it holds from the first
/// day of `from` up to, but not including, the first day of `to`; a missing `from` means
/// since always, a missing `to` means it still holds. An element with none of them holds
/// always.
public struct ValidityRule: Sendable, Hashable {
    /// The property of a point in time.
    public var date: String
    /// The property where an interval starts (inclusive).
    public var from: String
    /// The property where an interval ends (exclusive).
    public var to: String

    /// The rule with the given property names (by default `date`, `start_date`, `end_date`).
    public init(date: String = "date", from: String = "start_date", to: String = "end_date") {
        self.date = date
        self.from = from
        self.to = to
    }

    /// Whether this is the default rule (graph files then need not state it).
    public var isDefault: Bool { self == ValidityRule() }
}
