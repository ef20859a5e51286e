import ParleyGraph
import ParleyValues

/// Counts of what a query changed, as the TCK's side-effect steps count them.
public struct QueryStatistics: Sendable, Equatable {
    public var nodesCreated = 0
    public var nodesDeleted = 0
    public var relationshipsCreated = 0
    public var relationshipsDeleted = 0
    public var propertiesSet = 0
    public var propertiesRemoved = 0
    public var labelsAdded = 0
    public var labelsRemoved = 0

    /// Creates zero counts.
    public init() {}

    /// Whether the query changed nothing.
    public var isEmpty: Bool { self == QueryStatistics() }
}
