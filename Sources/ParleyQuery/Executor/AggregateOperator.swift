import ParleyGraph
import ParleyValues

/// Counts relationships instead of expanding them: when an aggregation only counts the rows
/// of an expansion to an unconstrained node, each input row weighs its node's degree.
struct DegreeSpec {
    var from: Int
    var direction: Direction
    var types: [Int32]?

    /// The number of rows the expansion would have produced for node `n`.
    func degree(_ g: GraphStore, _ n: Int) -> Int {
        func count(_ d: Direction, skipLoops: Bool) -> Int {
            // Without self-loops in the graph, there is nothing to skip: the lists' lengths are the answer.
            let skipLoops = skipLoops && g.selfLoopCount > 0
            var total = 0
            func slice(_ s: ArraySlice<AdjacencyEntry>) {
                if skipLoops {
                    for e in s where Int(e.other) != n { total += 1 }
                } else {
                    total += s.count
                }
            }
            if let types { for t in types { slice(g.adjacency(of: n, d, type: t)) } } else { slice(g.adjacency(of: n, d)) }
            return total
        }
        switch direction {
        case .outgoing: return count(.outgoing, skipLoops: false)
        case .incoming: return count(.incoming, skipLoops: false)
        case .both: return count(.outgoing, skipLoops: false) + count(.incoming, skipLoops: true)
        }
    }
}

/// Hash aggregation: groups input rows by the grouping-key values and feeds each group's
/// aggregates; rows stream in, only the groups are kept. `count` is computed natively; the
/// other aggregates go through ``Aggregator``.
final class AggregateOperator: Operator {
    let keys: [(slot: Int, expression: BoundExpression)]
    let aggregates: [AggregateSpec]
    let degree: DegreeSpec?
    /// An expansion consumed in batch: each of its input rows weighs the number of rows it
    /// would expand to (or, without grouping keys, feeds DISTINCT counts directly), so the
    /// expanded rows are never materialised. Set by the planner only when every aggregate is a
    /// count of rows, of the expansion's relationship or of its target node.
    let expand: ExpandOperator?

    /// Per-group state of one aggregate.
    private final class State {
        @exclusivity(unchecked) var distinctNodes: Set<Int>?
        /// For a single group: node ids seen, as a bitmap, and how many.
        @exclusivity(unchecked) var nodeBits: [UInt64]?
        @exclusivity(unchecked) var nodeBitCount = 0
        @exclusivity(unchecked) var distinctValues: Set<HashedValue>?
        @exclusivity(unchecked) var generic: Aggregator?
    }

    /// Keys of each group (with several grouping keys).
    @exclusivity(unchecked) private var groupKeys: [[Value]] = []
    /// Key of each group (with one grouping key: no array per group).
    @exclusivity(unchecked) private var singleKeys: [Value] = []
    @exclusivity(unchecked) private var groupCount = 0
    /// Per group and aggregate (`g * aggregates.count + i`): DISTINCT and generic state, or the
    /// shared ``placeholder`` for plain counts, which live in ``counts`` (no object per group).
    @exclusivity(unchecked) private var states: [State] = []
    @exclusivity(unchecked) private var counts: [Int64] = []
    private let placeholder = State()
    @exclusivity(unchecked) private var table = EntryHashTable()
    @exclusivity(unchecked) private var output = 0
    @exclusivity(unchecked) private var done = false
    /// With a coded scan: the group of each grouping-key code, -1 before its first row.
    @exclusivity(unchecked) private var codeGroups: [Int] = []

    /// The fused scan's filter and grouping key read as dictionary codes (``codedScan(_:_:)``).
    private struct CodedScan {
        let filterCodes: StringCodes
        let keyCodes: StringCodes
        /// The filter codes for which the comparison holds.
        let passing: Range<UInt32>
    }

    /// How each aggregate consumes a row (precomputed so the row loop copies no specs).
    private enum Mode { case countRows, countValues, countDistinct, generic }
    private let modes: [Mode]
    /// Every aggregate is a plain count (no per-group state objects at all).
    private let allPlainCounts: Bool
    private let firstArguments: [BoundExpression]
    /// The single grouping key when it is `n.key`, read without walking the expression tree.
    private let singleKeyRead: NodePropertyRead?
    /// A top-N sort by this aggregate's count, descending, keeps this many rows after it:
    /// groups that cannot be among them may be left out (set by the planner).
    var topByCount: Int?

    init(input: Operator, keys: [(slot: Int, expression: BoundExpression)], aggregates: [AggregateSpec], degree: DegreeSpec? = nil,
         expand: ExpandOperator? = nil) {
        self.keys = keys
        self.aggregates = aggregates
        self.degree = degree
        self.expand = expand
        modes = aggregates.map { a in
            if a.name != "count" { return .generic }
            if a.star { return .countRows }
            return a.distinct ? .countDistinct : .countValues
        }
        firstArguments = aggregates.map { $0.arguments.first ?? .constant(.null) }
        allPlainCounts = modes.allSatisfy { $0 == .countRows || $0 == .countValues }
        singleKeyRead = keys.count == 1 ? NodePropertyRead(keys[0].expression) : nil
        super.init(input: input)
    }


    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        groupKeys = []
        singleKeys = []
        groupCount = 0
        states = []
        counts = []
        table = EntryHashTable()
        output = 0
        done = false
        codeGroups = []
    }

    private func addGroup(_ key: [Value]) -> Int {
        if keys.count == 1 { singleKeys.append(key[0]) } else { groupKeys.append(key) }
        return addStates()
    }

    /// Adds the aggregate states of a new group whose key is already stored; returns the group.
    private func addStates() -> Int {
        let g = groupCount
        groupCount += 1
        if allPlainCounts {
            for _ in 0..<aggregates.count { counts.append(0) }
            return g
        }
        for (i, spec) in aggregates.enumerated() {
            counts.append(0)
            if modes[i] == .countRows || modes[i] == .countValues {
                states.append(placeholder)
                continue
            }
            let s = State()
            if spec.name == "count" {
                if spec.distinct { s.distinctNodes = []; s.distinctValues = [] }
            } else {
                s.generic = Aggregator(name: spec.name, distinct: spec.distinct, star: spec.star)
            }
            states.append(s)
        }
        return g
    }

    private func consume(_ ctx: ExecutionContext) throws(QueryError) {
        var scratch: [Value] = []
        scratch.reserveCapacity(keys.count)
        var lastGroup = -1
        var args: [Value] = []
        let n = aggregates.count
        let single = keys.count == 1
        let source = expand?.input ?? input!
        let distinctBatch = expand != nil && modes.contains(.countDistinct)
        if keys.isEmpty, degree == nil, expand == nil, !ctx.profiling, modes.allSatisfy({ $0 == .countRows }),
           let rows = try input!.countRows(ctx) {
            // `count(*)` of rows the input counts without producing them.
            _ = addGroup([])
            for i in 0..<n { counts[i] = Int64(rows) }
            return
        }
        if !ctx.profiling, let k = topByCount, try consumeTopDegrees(ctx, k) { return }
        let fused = ctx.profiling ? nil : fusedFilteredScan()
        let coded = fused.flatMap { codedScan(ctx, $0.filter) }
        // Grouping by `n.key` over a scan that yields each node once, when no two nodes share a
        // key value: every node with the key is a group of its own (no hash lookup); nodes
        // without it share the null group.
        let ownGroups = fused == nil && keyIdentifiesScannedNodes(ctx)
        var nullGroup = -1
        while try fused == nil ? source.pull(ctx)
                : coded == nil ? nextUncounted(ctx, fused!.filter, fused!.scan) : nextUncountedCoded(ctx, fused!.filter, fused!.scan, coded!) {
            var weight: Int64 = 1
            if let degree {
                guard case .node(let node) = ctx.row[degree.from] else { continue }
                weight = Int64(degree.degree(ctx.graph, node))
                if weight == 0 { continue }
            } else if let expand {
                if distinctBatch {
                    try consumeDistinct(ctx, expand)
                    continue
                }
                weight = Int64(try expand.countExpansions(ctx))
                if weight == 0 { continue }
            }
            let groupsBefore = groupCount
            let g: Int
            if keys.isEmpty {
                if groupCount == 0 { _ = addGroup([]) }
                g = 0
            } else if ownGroups, case .node(let node) = ctx.row[singleKeyRead!.slot],
                      let v = ctx.liveNodeProperty(node, singleKeyRead!.key) {
                if v.isNull {
                    if nullGroup < 0 {
                        singleKeys.append(.null)
                        nullGroup = addStates()
                    }
                    g = nullGroup
                } else {
                    singleKeys.append(v)
                    g = addStates()
                }
            } else if let coded, case .node(let node) = ctx.row[singleKeyRead!.slot],
                      case let code = coded.keyCodes.code(of: node), code != StringCodes.absent, code != StringCodes.notString {
                // A string key when the fused scan counts strings by code: the same group.
                g = codedGroup(code, coded.keyCodes)
            } else if single, let singleKeyRead, case .node(let node) = ctx.row[singleKeyRead.slot],
                      let found = ctx.withNodeStringProperty(node, singleKeyRead.key, { (s: String) -> Int in stringGroup(s) }) {
                g = found
            } else if single {
                let k: Value
                if let singleKeyRead, let v = singleKeyRead.read(ctx) { k = v } else { k = try ctx.eval(keys[0].expression) }
                if lastGroup >= 0 && ExecutionContext.fastEquals(singleKeys[lastGroup], k) {
                    g = lastGroup
                } else {
                    g = table.findOrInsert(FastHash.hash(k), matches: { ExecutionContext.fastEquals(self.singleKeys[$0], k) },
                                           make: { singleKeys.append(k); return addStates() }).entry
                }
            } else {
                scratch.removeAll(keepingCapacity: true)
                for k in keys { scratch.append(try ctx.eval(k.expression)) }
                if lastGroup >= 0 && groupKeys[lastGroup] == scratch {
                    g = lastGroup
                } else {
                    var h: UInt64 = 0x58
                    for v in scratch { h = FastHash.mix(h ^ FastHash.hash(v)) }
                    g = table.findOrInsert(h, matches: { groupKeys[$0] == scratch }, make: { addGroup(scratch) }).entry
                }
            }
            lastGroup = g
            if ctx.tracksMemory && groupCount > groupsBefore { try chargeGroup(ctx, g) }
            for i in 0..<n {
                let mode = modes[i]
                if mode == .countRows {
                    counts[g * n + i] += weight
                    continue
                }
                if mode != .generic {
                    let v: Value
                    do {
                        v = try ctx.eval(firstArguments[i])
                    } catch {
                        throw located(error, aggregates[i].range)
                    }
                    if v.isNull { continue }
                    if mode == .countDistinct {
                        let state = states[g * n + i]
                        if case .node(let id) = v {
                            if keys.isEmpty {
                                if state.nodeBits == nil {
                                    state.nodeBits = [UInt64](repeating: 0, count: (ctx.graph.nodeCapacity >> 6) + 1)
                                    if ctx.tracksMemory { try ctx.charge(state.nodeBits!.count * 8, by: self) }
                                }
                                let bit: UInt64 = 1 << (UInt64(id) & 63)
                                if id >> 6 < state.nodeBits!.count, state.nodeBits![id >> 6] & bit == 0 {
                                    state.nodeBits![id >> 6] |= bit
                                    state.nodeBitCount += 1
                                } else if id >> 6 >= state.nodeBits!.count {
                                    if state.distinctNodes!.insert(id).inserted && ctx.tracksMemory { try ctx.charge(16, by: self) }
                                }
                            } else {
                                if state.distinctNodes!.insert(id).inserted && ctx.tracksMemory { try ctx.charge(16, by: self) }
                            }
                        } else {
                            if state.distinctValues!.insert(HashedValue(v)).inserted && ctx.tracksMemory {
                                try ctx.charge(v.estimatedHeapBytes + MemoryLayout<Value>.stride + 16, by: self)
                            }
                        }
                    } else {
                        counts[g * n + i] += weight
                    }
                } else {
                    let state = states[g * n + i]
                    args.removeAll(keepingCapacity: true)
                    let kept: Bool
                    do {
                        for a in aggregates[i].arguments { args.append(try ctx.eval(a)) }
                        kept = try state.generic!.add(args)
                    } catch {
                        throw located(error, aggregates[i].range)
                    }
                    // Only values the aggregate stores (collect, percentiles, DISTINCT) weigh.
                    if kept && ctx.tracksMemory { try ctx.charge(args[0].estimatedHeapBytes + MemoryLayout<Value>.stride, by: self) }
                }
            }
        }
        if groupCount == 0 && keys.isEmpty { _ = addGroup([]) }
    }

    /// Charges a new group's key and states to the memory budget.
    private func chargeGroup(_ ctx: ExecutionContext, _ g: Int) throws(QueryError) {
        let key = keys.count == 1 ? singleKeys[g].estimatedHeapBytes + MemoryLayout<Value>.stride
            : keys.isEmpty ? 0 : Value.estimatedBytes(ofRow: groupKeys[g])
        try ctx.charge(key + 48 + aggregates.count * (allPlainCounts ? 8 : 72), by: self)
    }

    /// Degree counts grouped by a key every node holds and no two share, over a scan of all
    /// nodes, before a top-`k` sort by count: every node is its own group, so only the nodes
    /// whose degree reaches the `k`-th largest become groups (ties included: the sort above
    /// orders them), and only their keys are read. False (nothing consumed) when the case
    /// does not hold.
    private func consumeTopDegrees(_ ctx: ExecutionContext, _ k: Int) throws(QueryError) -> Bool {
        guard let degree, let singleKeyRead, aggregates.count == 1, modes[0] == .countRows, keyIdentifiesScannedNodes(ctx),
              let scan = input as? NodeScanOperator, scan.scanLabel == nil, scan.otherLabels.isEmpty,
              ctx.graph.indexedNodeCount(singleKeyRead.key) == ctx.graph.nodeCount, k > 0 else { return false }
        try scan.input!.open(ctx)
        guard try scan.input!.pull(ctx) else { return true }
        // The k largest degrees so far, as a min-heap: its top is the threshold.
        var heap: [Int] = []
        heap.reserveCapacity(Swift.min(k, ctx.graph.nodeCount))
        if ctx.tracksMemory { try ctx.charge(ctx.graph.nodeCapacity * 4, by: self) }
        // Without a type filter, every degree is a list length, read in one pass.
        var degrees: [Int32]
        if degree.types == nil {
            degrees = ctx.graph.degrees(degree.direction)
        } else {
            degrees = [Int32](repeating: 0, count: ctx.graph.nodeCapacity)
            for n in 0..<ctx.graph.nodeCapacity where ctx.graph.contains(node: n) {
                if n & 4095 == 0 { try ctx.tick() }
                degrees[n] = Int32(clamping: degree.degree(ctx.graph, n))
            }
        }
        try ctx.tick()
        for n in degrees.indices {
            let d = Int(degrees[n])
            if d == 0 || (heap.count == k && d <= heap[0]) { continue }
            if heap.count < k {
                heap.append(d)
                Self.siftUp(&heap, heap.count - 1)
            } else {
                heap[0] = d
                Self.siftDown(&heap, 0)
            }
        }
        let threshold = heap.count < k ? 1 : max(heap[0], 1)
        for n in degrees.indices where Int(degrees[n]) >= threshold && ctx.graph.contains(node: n) {
            guard let key = ctx.liveNodeProperty(n, singleKeyRead.key), !key.isNull else { continue }
            singleKeys.append(key)
            _ = addStates()
            counts[groupCount - 1] = Int64(degrees[n])
        }
        return true
    }

    private static func siftUp(_ heap: inout [Int], _ i: Int) {
        var i = i
        while i > 0, heap[(i - 1) / 2] > heap[i] {
            heap.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    private static func siftDown(_ heap: inout [Int], _ i: Int) {
        var i = i
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && heap[l] < heap[m] { m = l }
            if r < heap.count && heap[r] < heap[m] { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }

    /// Whether the single grouping key is `n.key` for the node a scan over one argument row
    /// binds (each node once) and the key is uniquely indexed.
    private func keyIdentifiesScannedNodes(_ ctx: ExecutionContext) -> Bool {
        guard keys.count == 1, let singleKeyRead, let scan = input as? NodeScanOperator, scan.slot == singleKeyRead.slot,
              scan.input is ArgumentOperator else { return false }
        return ctx.graph.isUniquelyIndexed(singleKeyRead.key)
    }

    /// The group of string key `s` (read in place: hashed and matched without copying it).
    @inline(__always) private func stringGroup(_ s: String) -> Int {
        table.findOrInsert(FastHash.hashString(s), matches: { e in
            if case .string(let t) = self.singleKeys[e] { return ExecutionContext.compareUTF8(t, s) == 0 }
            return false
        }, make: { singleKeys.append(.string(s)); return addStates() }).entry
    }

    /// The filter and node scan below when the plan is `Scan(n) → Filter(n.key op constant) →
    /// Aggregate(group by n.key2; count(*) only)`: then passing nodes are counted inside the
    /// scan loop, with no row written and no operator call per node.
    private func fusedFilteredScan() -> (filter: FilterOperator, scan: NodeScanOperator)? {
        guard degree == nil, expand == nil, keys.count == 1, let singleKeyRead, allPlainCounts,
              modes.allSatisfy({ $0 == .countRows }),
              let filter = input as? FilterOperator, filter.hasComparison, let scan = filter.fusedScan,
              scan.slot == singleKeyRead.slot else { return nil }
        return (filter, scan)
    }

    /// Runs the fused scan, counting every node that passes the filter and whose key is a
    /// string straight into its group; returns true with the node bound in the row when a node
    /// passes but needs the general path (undecided filter or non-string key), false at the end.
    private func nextUncounted(_ ctx: ExecutionContext, _ filter: FilterOperator, _ scan: NodeScanOperator) throws(QueryError) -> Bool {
        let key = singleKeyRead!.key
        let n = aggregates.count
        while true {
            // `decided`: the filter's fast path gave the answer for the node the scan returns.
            var decided = false
            guard try scan.next(ctx, where: { node in
                guard let h = filter.comparison.holds(ctx, node: node) else {
                    decided = false
                    return true
                }
                if !h { return false }
                decided = true
                guard let g = ctx.withNodeStringProperty(node, key, { (s: String) -> Int in stringGroup(s) }) else { return true }
                for i in 0..<n { counts[g * n + i] += 1 }
                return false
            }) else { return false }
            if decided { return true }
            if try filter.holdsInFull(ctx) { return true }
        }
    }

    /// The fused scan's filter and grouping key as dictionary codes, when the statement is
    /// read-only (the columns cannot change while it runs), the comparison is an ordering or
    /// equality with a string constant, and both columns are coded (few distinct strings).
    private func codedScan(_ ctx: ExecutionContext, _ filter: FilterOperator) -> CodedScan? {
        let comparison = filter.comparison
        guard ctx.readOnly, case .string(let constant) = comparison.constant, comparison.op != .ne,
              let keyCodes = ctx.graph.nodeStringCodes(singleKeyRead!.key),
              let filterCodes = ctx.graph.nodeStringCodes(comparison.read.key) else { return nil }
        let end = UInt32(filterCodes.strings.count + 1)
        let passing: Range<UInt32>
        switch comparison.op {
        case .lt: passing = 1..<UInt32(1 + filterCodes.count(below: constant, inclusive: false))
        case .le: passing = 1..<UInt32(1 + filterCodes.count(below: constant, inclusive: true))
        case .gt: passing = UInt32(1 + filterCodes.count(below: constant, inclusive: true))..<end
        case .ge: passing = UInt32(1 + filterCodes.count(below: constant, inclusive: false))..<end
        case .eq:
            let below = UInt32(1 + filterCodes.count(below: constant, inclusive: false))
            passing = below..<UInt32(1 + filterCodes.count(below: constant, inclusive: true))
        default: return nil
        }
        codeGroups = [Int](repeating: -1, count: keyCodes.strings.count + 1)
        return CodedScan(filterCodes: filterCodes, keyCodes: keyCodes, passing: passing)
    }

    /// The group of grouping-key code `code` (a string), made on its first row.
    @inline(__always) private func codedGroup(_ code: UInt32, _ keyCodes: StringCodes) -> Int {
        let g = codeGroups[Int(code)]
        if g >= 0 { return g }
        singleKeys.append(.string(keyCodes.strings[Int(code) - 1]))
        let made = addStates()
        codeGroups[Int(code)] = made
        return made
    }

    /// ``nextUncounted(_:_:_:)`` on dictionary codes: per node, the filter is a range check of
    /// its code and the group an array lookup of the key's code. A node whose filter value is
    /// not a string, or whose key is not one, is bound in the row for the general path.
    private func nextUncountedCoded(_ ctx: ExecutionContext, _ filter: FilterOperator, _ scan: NodeScanOperator,
                                    _ coded: CodedScan) throws(QueryError) -> Bool {
        let n = aggregates.count
        let lo = coded.passing.lowerBound, hi = coded.passing.upperBound
        let filterCodes = coded.filterCodes.codes, keyCodes = coded.keyCodes.codes
        while true {
            // `decided`: the codes gave the filter's answer for the node the scan returns.
            var decided = false
            let found = try filterCodes.withUnsafeBufferPointer { (fc) throws(QueryError) -> Bool in
                try keyCodes.withUnsafeBufferPointer { (kc) throws(QueryError) -> Bool in
                    try scan.next(ctx, where: { node in
                        let f = node < fc.count ? fc[node] : StringCodes.absent
                        if f == StringCodes.notString {
                            decided = false
                            return true
                        }
                        if f < lo || f >= hi { return false }
                        decided = true
                        let k = node < kc.count ? kc[node] : StringCodes.absent
                        if k == StringCodes.absent || k == StringCodes.notString { return true }
                        let g = codedGroup(k, coded.keyCodes)
                        for i in 0..<n { counts[g * n + i] += 1 }
                        return false
                    })
                }
            }
            guard found else { return false }
            if decided { return true }
            if try filter.holdsInFull(ctx) { return true }
        }
    }

    /// Feeds every row the expansion produces for the current input row into the single group
    /// (no grouping keys): DISTINCT counts of target nodes go to a bitmap.
    private func consumeDistinct(_ ctx: ExecutionContext, _ expand: ExpandOperator) throws(QueryError) {
        if groupCount == 0 { _ = addGroup([]) }
        let n = aggregates.count
        // The first DISTINCT count of target nodes uses a local bitmap (no copy-on-write checks per row).
        var bitsOwner = -1
        for i in 0..<n where modes[i] == .countDistinct {
            if case .slot(let s) = firstArguments[i], s == expand.to {
                bitsOwner = i
                break
            }
        }
        var bits: [UInt64] = []
        var added = 0
        if bitsOwner >= 0 {
            let state = states[bitsOwner]
            bits = state.nodeBits ?? [UInt64](repeating: 0, count: (ctx.graph.nodeCapacity >> 6) + 1)
            state.nodeBits = nil
        }
        let to = expand.to
        let onlyBits = n == 1 && bitsOwner == 0
        try expand.forEachExpansion(ctx) { other, r in
            if onlyBits {
                let bit: UInt64 = 1 << (UInt64(other) & 63)
                if other >> 6 < bits.count {
                    if bits[other >> 6] & bit == 0 {
                        bits[other >> 6] |= bit
                        added += 1
                    }
                } else {
                    states[0].distinctNodes!.insert(other)
                }
                return
            }
            for i in 0..<n {
                let state = states[i]
                switch modes[i] {
                case .countDistinct:
                    guard case .slot(let s) = firstArguments[i] else { continue }
                    if s == to {
                        let bit: UInt64 = 1 << (UInt64(other) & 63)
                        if i == bitsOwner && other >> 6 < bits.count {
                            if bits[other >> 6] & bit == 0 {
                                bits[other >> 6] |= bit
                                added += 1
                            }
                        } else {
                            state.distinctNodes!.insert(other)
                        }
                    } else {
                        state.distinctValues!.insert(HashedValue(.relationship(r)))
                    }
                default: counts[i] += 1
                }
            }
        }
        if bitsOwner >= 0 {
            let state = states[bitsOwner]
            state.nodeBits = bits
            state.nodeBitCount += added
        }
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if !done {
            try consume(ctx)
            done = true
        }
        guard output < groupCount else { return false }
        let g = output
        output += 1
        if keys.count == 1 {
            ctx.row[keys[0].slot] = singleKeys[g]
        } else {
            for (i, k) in keys.enumerated() { ctx.row[k.slot] = groupKeys[g][i] }
        }
        let n = aggregates.count
        for (i, spec) in aggregates.enumerated() {
            if allPlainCounts {
                ctx.row[spec.slot] = .int(counts[g * n + i])
                continue
            }
            let state = states[g * n + i]
            if let generic = state.generic {
                do {
                    ctx.row[spec.slot] = try generic.result()
                } catch {
                    throw located(error, spec.range)
                }
            } else if spec.distinct {
                ctx.row[spec.slot] = .int(Int64(state.distinctNodes!.count + state.distinctValues!.count + state.nodeBitCount))
            } else {
                ctx.row[spec.slot] = .int(counts[g * n + i])
            }
        }
        return true
    }
}
