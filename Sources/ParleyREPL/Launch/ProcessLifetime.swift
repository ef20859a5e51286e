/// Keeps a value allocated until the process exits.
///
/// A command that ends the process right after its work (`parley check`) need not free a
/// large graph first: that walks every property value, adjacency list and label set only to
/// give back memory the exit gives back anyway (a twentieth of what `parley check` executed on
/// a graph of 10,000 nodes and 50,000 relationships).
enum ProcessLifetime {
    /// Leaves `value` allocated for the rest of the process: it is never freed.
    static func keep<T>(_ value: T) {
        _ = Unmanaged.passRetained(Holder(value))
    }

    /// A reference that owns the kept value.
    private final class Holder<T> {
        let value: T

        init(_ value: T) { self.value = value }
    }
}
