/// What a writer had to change because the format cannot hold it, counted per rule and
/// reported once per export: `note: 12 list values written as JSON text`.
public struct ExportNotes: Sendable, Equatable {
    /// Count per note text (the text says what happened to "N values").
    private(set) var counts: [String: Int] = [:]
    /// The notes in the order they first happened.
    private(set) var order: [String] = []

    /// Creates an empty set of notes.
    public init() {}

    /// Counts one more occurrence of `what`, a phrase that follows the count
    /// (`list values written as JSON text`).
    public mutating func add(_ what: String, count: Int = 1) {
        if counts[what] == nil { order.append(what) }
        counts[what, default: 0] += count
    }

    /// Whether nothing was noted.
    public var isEmpty: Bool { order.isEmpty }

    /// One line per note: `12 list values written as JSON text`.
    public var lines: [String] { order.map { "\(counts[$0]!) \($0)" } }
}
