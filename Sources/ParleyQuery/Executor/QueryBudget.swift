import ParleyGraph
import ParleyValues

/// What one query may use before it is stopped: rows per step and working memory.
///
/// A runaway query (a `-[*]-` pattern over a large graph, a cartesian product) stops with a
/// `ResourceLimit` error naming the step that went over, instead of running the machine out of
/// memory. Zero means unlimited.
public struct QueryBudget: Sendable, Equatable {
    /// The most rows any one step of a query may produce, the result included (0: unlimited).
    /// Counted per run of the step: a step inside OPTIONAL MATCH or MERGE, which runs again
    /// for each incoming row, starts from zero each time.
    public var maxRows: Int
    /// The most bytes a query may hold in rows it keeps: its result, sort buffers, groups,
    /// DISTINCT sets, `collect()` lists (an estimate of the heap they use; 0: unlimited).
    public var maxMemory: Int

    /// Creates a budget (both unlimited by default).
    public init(maxRows: Int = 0, maxMemory: Int = 0) {
        self.maxRows = maxRows
        self.maxMemory = maxMemory
    }

    /// No limits.
    public static let unlimited = QueryBudget()

    /// What a row-budget error suggests.
    static let rowBudgetHint = "raise the budget with :set maxRows N or --max-rows N (0: no limit)"

    /// `bytes` as a short human size: `512 B`, `64 KiB`, `1.5 GiB`.
    public static func describe(bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 || value >= 100 || value == value.rounded() { return "\(Int(value.rounded())) \(units[unit])" }
        return "\((value * 10).rounded() / 10) \(units[unit])"
    }

    /// Parses a size such as `0`, `4096`, `512K`, `512KiB`, `2G`, `1.5GB` (powers of 1024).
    public static func parseBytes(_ text: String) -> Int? {
        let t = String(text.filter { !$0.isWhitespace }).lowercased()
        let digits = t.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let number = Double(digits), number >= 0 else { return nil }
        var unit = String(t.dropFirst(digits.count))
        if unit.hasSuffix("ib") { unit.removeLast(2) } else if unit.hasSuffix("b") { unit.removeLast() }
        let shift: Double
        switch unit {
        case "": shift = 1
        case "k": shift = 1024
        case "m": shift = 1024 * 1024
        case "g": shift = 1024 * 1024 * 1024
        case "t": shift = 1024 * 1024 * 1024 * 1024
        default: return nil
        }
        let bytes = number * shift
        guard bytes < 9.0e18 else { return nil }
        return Int(bytes)
    }
}

extension Value {
    /// An estimate of the heap bytes this value holds beyond its own inline slot: string
    /// storage, list and map buffers, path arrays. Used by the memory budget.
    var estimatedHeapBytes: Int {
        switch self {
        case .null, .bool, .int, .double, .node, .relationship: return 0
        case .string(let s):
            let n = s.utf8.count
            return n <= 15 ? 0 : 32 + n
        case .list(let items):
            var total = 32 + items.count * MemoryLayout<Value>.stride
            for v in items { total += v.estimatedHeapBytes }
            return total
        case .map(let entries):
            var total = 64 + entries.count * (MemoryLayout<Value>.stride + 24) * 2
            for (k, v) in entries { total += (k.utf8.count > 15 ? 32 + k.utf8.count : 0) + v.estimatedHeapBytes }
            return total
        case .path(let p): return 64 + (p.nodes.count + p.relationships.count) * MemoryLayout<Int>.stride
        case .temporal: return 64
        }
    }

    /// The bytes a row of `values` holds: its array plus every value's heap.
    static func estimatedBytes(ofRow values: [Value]) -> Int {
        var total = 32 + values.count * MemoryLayout<Value>.stride
        for v in values { total += v.estimatedHeapBytes }
        return total
    }
}
