import Synchronization

/// How far a long load or save has come, updated by the worker and read by whoever shows it
/// (the REPL's progress line). Cheap to update: one relaxed atomic store.
public final class WorkProgress: Sendable {
    /// What is counted.
    public enum Unit: Sendable { case bytes, elements }

    /// What is counted.
    public let unit: Unit
    /// How much there is in all (0: unknown).
    public let total: Int
    private let counter = Atomic<Int>(0)

    /// A progress over `total` `unit`s.
    public init(unit: Unit, total: Int) {
        self.unit = unit
        self.total = total
    }

    /// How much is done.
    public var done: Int { counter.load(ordering: .relaxed) }

    /// Records that `value` is done.
    public func update(_ value: Int) { counter.store(value, ordering: .relaxed) }
}
