import ParleyGraph

/// An as-of view (`:asof`, `:between`, `--as-of`): the session's whole graph, the window of
/// days, and the part of the graph that holds in it, which queries see.
struct TimeView {
    /// The days shown (one day for `:asof 2015-04-30`).
    var window: ValidPeriod
    /// How the prompt and messages name the view: `2015-04-30`, `2015-04`, `2015-04-01..2015-06-01`.
    var label: String
    /// The whole graph, as it was when the view was made.
    var base: GraphStore
    /// How many elements have a validity property that is not a date (they are shown).
    var unreadable: Int

    /// The window for `:asof TEXT`: a day `YYYY-MM-DD`, a month `YYYY-MM` or a year `YYYY`.
    static func window(asOf text: String) -> ValidPeriod? { ValidPeriod.days(parsing: text) }

    /// The window for `:between FROM TO`: from the first day of FROM up to the first day of TO.
    static func window(from: String, to: String) -> ValidPeriod? {
        guard let a = ValidPeriod.days(parsing: from), let b = ValidPeriod.days(parsing: to), a.start < b.start else { return nil }
        return ValidPeriod(start: a.start, end: b.start)
    }
}
