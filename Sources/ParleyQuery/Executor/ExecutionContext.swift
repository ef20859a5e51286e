import Foundation
import ParleyGraph
import ParleyValues

/// The mutable state of one query execution: the graph being read and written, the current
/// row (one value per slot), statistics, cancellation and caches.
final class ExecutionContext {
    /// The graph, kept behind a pointer so hot loops borrow it instead of copying the struct.
    private let graphStorage: UnsafeMutablePointer<GraphStore>
    /// The graph; write operators mutate it, and the engine commits it only on success.
    var graph: GraphStore {
        unsafeAddress { UnsafePointer(graphStorage) }
        unsafeMutableAddress { graphStorage }
    }
    /// The current row; operators read and write slots in place.
    let row: RowView
    /// Polled every 1024 steps.
    let cancellation: CancellationToken?
    /// Counts work for cancellation polling.
    @exclusivity(unchecked) var steps = 0
    /// What writes did.
    @exclusivity(unchecked) var statistics = QueryStatistics()
    /// Whether operators record time (PROFILE).
    let profiling: Bool
    /// What the query may use: rows per step, bytes held.
    let budget: QueryBudget
    /// Whether `Operator.pull` counts rows (PROFILE, or a row budget to enforce).
    let countsRows: Bool
    /// Whether kept rows are weighed against the memory budget.
    let tracksMemory: Bool
    /// Estimated bytes held in kept rows (results, sort buffers, groups, DISTINCT sets).
    @exclusivity(unchecked) var memoryHeld = 0
    /// How deep evaluation may recurse on the thread running the query (``StackGuard``).
    let stackLimit = StackGuard.limit()
    /// How deep `Operator.open` may go: half the room left when the query starts, so that
    /// pulling rows through the same pipeline (a few more frames per step) still fits.
    let pipelineLimit: UInt
    /// Compiled regular expressions by pattern.
    var regexCache: [String: RegexProgram] = [:]
    /// The operators of the statement's sub-plans (pattern predicates, pattern comprehensions,
    /// EXISTS subqueries), indexed by ``SubplanReference/index``.
    var subplans: [Operator] = []

    /// The operators of sub-plan `reference`; a sub-query evaluated before the statement is
    /// planned (a constant such as SKIP's) has none, and is an error there.
    func subplan(_ reference: SubplanReference) throws(QueryError) -> Operator {
        guard reference.index < subplans.count else {
            throw QueryError(.compileTime, .syntax(.nonConstantExpression),
                             "A pattern or subquery cannot be evaluated here (it needs a constant)")
        }
        return subplans[reference.index]
    }
    /// Nodes and relationships deleted by this query (for DeletedEntityAccess checks).
    @exclusivity(unchecked) var deletedSomething = false
    /// Whether the statement writes; label bitmaps are only used by read-only statements.
    @exclusivity(unchecked) var readOnly = false
    /// Per-label membership bitmaps (read-only statements), built on first use.
    @exclusivity(unchecked) private var labelBitmaps: [Int32: [UInt64]] = [:]

    /// A bitmap of the nodes carrying `label`, or nil when the statement writes (labels may change).
    func labelBitmap(_ label: Int32) -> [UInt64]? {
        guard readOnly else { return nil }
        if let b = labelBitmaps[label] { return b }
        var bits = [UInt64](repeating: 0, count: (graph.nodeCapacity >> 6) + 1)
        for n in graph.nodes(withLabel: label) { bits[Int(n) >> 6] |= 1 << (UInt64(n) & 63) }
        labelBitmaps[label] = bits
        return bits
    }

    /// Creates a context for a query using `slotCount` slots.
    init(graph: GraphStore, slotCount: Int, cancellation: CancellationToken?, profiling: Bool, budget: QueryBudget = .unlimited) {
        graphStorage = .allocate(capacity: 1)
        graphStorage.initialize(to: graph)
        let base = UnsafeMutablePointer<Value>.allocate(capacity: max(slotCount, 1))
        base.initialize(repeating: .null, count: max(slotCount, 1))
        row = RowView(base: base, count: slotCount)
        self.cancellation = cancellation
        self.profiling = profiling
        self.budget = budget
        countsRows = profiling || budget.maxRows > 0
        tracksMemory = budget.maxMemory > 0
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        pipelineLimit = here > stackLimit ? stackLimit + (here - stackLimit) / 2 : stackLimit
    }

    deinit {
        graphStorage.deinitialize(count: 1)
        graphStorage.deallocate()
        row.base.deinitialize(count: max(row.count, 1))
        row.base.deallocate()
    }

    /// Property `key` of node `n`, or nil if `n` is not a live node. Reads through the pointer
    /// so the graph is borrowed, never copied.
    @inline(never) func liveNodeProperty(_ n: Int, _ key: Int32) -> Value? {
        guard graphStorage.pointee.contains(node: n) else { return nil }
        return graphStorage.pointee.property(of: n, key)
    }

    /// Whether `n.key <op> constant` holds for node `n` when the property and the constant are
    /// both strings and `op` is an ordering; nil otherwise (the caller evaluates in general).
    /// Reads the column in place, so the property's string is compared, not copied.
    @inline(never) func nodeStringOrderingHolds(_ n: Int, _ key: Int32, _ op: Expression.BinaryOp, _ constant: String) -> Bool? {
        guard graphStorage.pointee.contains(node: n) else { return nil }
        switch graphStorage.pointee.property(of: n, key) {
        case .string(let s):
            let c = ExecutionContext.compareUTF8(s, constant)
            switch op {
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            default: return c >= 0
            }
        default: return nil
        }
    }

    /// `body` applied to property `key` of node `n` read in place in its column, when `n` is
    /// live and the property is a string; nil otherwise.
    @inline(never) func withNodeStringProperty<R>(_ n: Int, _ key: Int32, _ body: (String) -> R) -> R? {
        guard graphStorage.pointee.contains(node: n) else { return nil }
        switch graphStorage.pointee.property(of: n, key) {
        case .string(let s): return body(s)
        default: return nil
        }
    }

    /// Counts one unit of work; every 1024 units, checks for cancellation.
    @inline(__always) func tick() throws(QueryError) {
        steps &+= 1
        if steps & 1023 == 0 { try checkCancelled() }
    }

    /// Adds `bytes` kept by `step` (nil: the result) to the memory held; throws
    /// `ResourceLimit` once the memory budget is passed. Call only when ``tracksMemory``.
    func charge(_ bytes: Int, by step: Operator?) throws(QueryError) {
        memoryHeld &+= bytes
        guard memoryHeld > budget.maxMemory else { return }
        let limit = QueryBudget.describe(bytes: budget.maxMemory)
        let what = step.map { "while \($0.stepDescription) kept its rows" } ?? "in its result"
        throw QueryError(.runtime, .resourceLimit(.memoryBudgetExceeded),
                         "The query stopped: it held more than \(limit) \(what) (the memory budget); add LIMIT, aggregate, or return fewer values",
                         at: step?.sourceRange, hint: "raise the budget with :set maxMemory SIZE or --max-memory SIZE (0: no limit)")
    }

    /// The error for `step` producing more rows than the row budget allows.
    func rowBudgetExceeded(by step: Operator) -> QueryError {
        QueryError(.runtime, .resourceLimit(.tooManyRows),
                   "The query stopped: \(step.stepDescription) produced more than \(budget.maxRows) rows (the row budget); add LIMIT or narrow the pattern",
                   at: step.sourceRange, hint: QueryBudget.rowBudgetHint)
    }

    /// Throws `Cancelled` if the token was cancelled.
    func checkCancelled() throws(QueryError) {
        if let cancellation, cancellation.isCancelled {
            throw QueryError(.runtime, .cancelled, "Query cancelled")
        }
    }
}

/// The current row: a fixed array of values by slot, written in place without copy-on-write.
struct RowView {
    let base: UnsafeMutablePointer<Value>
    let count: Int

    /// The value in `slot`.
    @inline(__always) subscript(slot: Int) -> Value {
        get { base[slot] }
        nonmutating set { base[slot] = newValue }
    }

    /// A copy of the whole row.
    func snapshot() -> [Value] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Replaces the whole row.
    func load(_ values: [Value]) {
        for i in 0..<min(count, values.count) { base[i] = values[i] }
    }

    /// Sets every slot to null.
    func clear() { clear(0..<count) }

    /// Sets the slots in `range` to null.
    func clear(_ range: Range<Int>) {
        for i in range { base[i] = .null }
    }
}

/// Helpers to raise runtime errors.
enum RuntimeError {
    /// A TypeError with a TCK detail.
    static func type(_ detail: QueryError.Kind.TypeDetail, _ message: String, _ range: SourceRange? = nil) -> QueryError {
        QueryError(.runtime, .type(detail), message, at: range)
    }

    /// An ArgumentError with a TCK detail.
    static func argument(_ detail: QueryError.Kind.ArgumentDetail, _ message: String, _ range: SourceRange? = nil) -> QueryError {
        QueryError(.runtime, .argument(detail), message, at: range)
    }
}
