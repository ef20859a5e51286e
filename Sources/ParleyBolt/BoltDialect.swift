/// What the negotiated Bolt version changes in how values are written.
public struct BoltDialect: Sendable, Hashable {
    /// Date-times as UTC seconds (0x49/0x69; Bolt 5.0+, or 4.4 with the `utc` patch) rather than
    /// local seconds (0x46/0x66).
    public var utcDateTime: Bool
    /// Nodes and relationships carry element ids (Bolt 5.0+).
    public var elementIDs: Bool

    public init(utcDateTime: Bool, elementIDs: Bool) {
        self.utcDateTime = utcDateTime
        self.elementIDs = elementIDs
    }

    /// Bolt 5.x.
    public static let v5 = BoltDialect(utcDateTime: true, elementIDs: true)
    /// Bolt 4.4 without the `utc` patch.
    public static let v4 = BoltDialect(utcDateTime: false, elementIDs: false)
}
