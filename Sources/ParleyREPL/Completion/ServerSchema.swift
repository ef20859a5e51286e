/// The names a Bolt server's schema procedures give (`db.labels()`, `db.relationshipTypes()`,
/// `db.propertyKeys()`): what completion offers while a session runs on that server.
///
/// A list is empty when the server lacks its procedure or the call failed: completion then
/// offers fewer names, and nothing is reported.
public struct ServerSchema: Sendable, Equatable {
    /// Node labels, sorted.
    public var labels: [String]
    /// Relationship types, sorted.
    public var types: [String]
    /// Property keys, sorted.
    public var keys: [String]
    /// The procedures that failed or are missing (`db.labels`), in the order asked.
    public var missing: [String]

    /// Creates a schema from the names given (sorted and made unique here).
    public init(labels: [String] = [], types: [String] = [], keys: [String] = [], missing: [String] = []) {
        self.labels = Array(Set(labels)).sorted()
        self.types = Array(Set(types)).sorted()
        self.keys = Array(Set(keys)).sorted()
        self.missing = missing
    }
}
