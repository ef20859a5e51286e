/// Runs a ``RegexProgram`` against a whole input (whole-string match, as `=~` and Java's
/// `Pattern.matches` do).
///
/// A backtracking search over states (instruction, position) that never explores a state
/// twice: each `split` instruction's visit at each position is recorded, and a second visit
/// is cut, since it can only fail again (or, on an empty loop iteration, repeat a search
/// already under way). So a match takes at most (program size × (input length + 1)) steps,
/// with no budget: patterns like `(a+)+b` that make backtracking engines run for ages are
/// answered in linear time in the input. Atomic groups, possessive quantifiers and lookaheads
/// run their body as a sub-search, once per (group, position) thanks to a memo; each
/// sub-search is at most linear, so a pattern using them is at worst quadratic.
struct RegexMatcher {
    private let program: RegexProgram
    private let text: [UInt32]
    private let folded: [UInt32]
    private let n: Int
    /// Visited (split, position) states, as a bit set.
    private var bits: [UInt64]
    /// Sub-search results by (instruction, position): the end position, or -1 for no match.
    private var subResults: [Int: Int] = [:]
    private let cancellation: CancellationToken?
    private var steps = 0
    /// Set when the search stopped because the query was cancelled.
    private(set) var cancelled = false

    /// The most (split, position) states a match may have: 2²⁸ bits are 32 MiB of visited marks.
    /// A pattern and string with more is an error naming this bound (``stateCount(_:_:)``).
    static let maxStates = 1 << 28

    /// The states of matching `program` against a string of `scalars` Unicode scalars.
    static func stateCount(_ program: RegexProgram, _ scalars: Int) -> Int {
        let (states, overflow) = program.splitCount.multipliedReportingOverflow(by: scalars + 1)
        return overflow ? Int.max : states
    }

    /// Prepares to match `input` against `program`; `cancellation` is polled while searching.
    init(_ program: RegexProgram, _ input: String, cancellation: CancellationToken? = nil) {
        self.program = program
        text = input.unicodeScalars.map(\.value)
        folded = program.usesFolding ? text.map(RegexCase.fold) : []
        n = text.count
        self.cancellation = cancellation
        let states = min(Self.stateCount(program, n), Self.maxStates)
        bits = [UInt64](repeating: 0, count: (states >> 6) + 1)
    }

    /// Whether the whole input matches; false also when cancelled (see ``cancelled``).
    mutating func matches() -> Bool {
        search(from: 0, at: 0, trail: nil) != nil
    }

    /// Marks state (split `k`, `pos`) visited; false when it already was.
    private mutating func visit(_ k: Int, _ pos: Int, _ trail: inout [Int]?) -> Bool {
        let key = k * (n + 1) + pos
        let word = key >> 6, mask = UInt64(1) << UInt64(key & 63)
        if bits[word] & mask != 0 { return false }
        bits[word] |= mask
        trail?.append(key)
        return true
    }

    /// Forgets visits recorded during a sub-search that succeeded (states it left unexplored
    /// may still succeed from another start).
    private mutating func forget(_ trail: [Int]) {
        for key in trail {
            bits[key >> 6] &= ~(UInt64(1) << UInt64(key & 63))
        }
    }

    /// The end position of the first way to reach `match` (at the end of the input) or, in a
    /// sub-search (`trail` non-nil), `subEnd`, from instruction `start` at `pos`; nil if none.
    private mutating func search(from start: Int, at pos: Int, trail: [Int]?) -> Int? {
        var trail = trail
        var stack: [(Int, Int)] = [(start, pos)]
        let ins = program.instructions
        while let (pc0, pos0) = stack.popLast() {
            var pc = pc0, i = pos0
            thread: while true {
                steps &+= 1
                if steps & 4095 == 0, let cancellation, cancellation.isCancelled { cancelled = true; return nil }
                switch ins[pc] {
                case .scalar(let v):
                    guard i < n, text[i] == v else { break thread }
                    pc += 1; i += 1
                case .foldedScalar(let v):
                    guard i < n, folded[i] == v else { break thread }
                    pc += 1; i += 1
                case .set(let k, let caseless):
                    guard i < n else { break thread }
                    let set = program.sets[k]
                    guard caseless ? set.containsIgnoringCase(text[i]) : set.contains(text[i]) else { break thread }
                    pc += 1; i += 1
                case .any(let mode, let dotAll):
                    guard i < n, dotAll || !mode.isTerminator(text[i]) else { break thread }
                    pc += 1; i += 1
                case .assertion(let a):
                    guard holds(a, at: i) else { break thread }
                    pc += 1
                case .split(let first, let second):
                    guard visit(Int(program.splitIndex[pc]), i, &trail) else { break thread }
                    stack.append((second, i))
                    pc = first
                case .jump(let target):
                    pc = target
                case .atomic(let body, let next):
                    guard let end = sub(body, at: i) else { break thread }
                    pc = next; i = end
                case .lookahead(let body, let next, let negated):
                    guard (sub(body, at: i) != nil) != negated else { break thread }
                    pc = next
                case .subEnd:
                    if let trail { forget(trail) }
                    return i
                case .match:
                    guard i == n else { break thread }
                    return i
                }
            }
            if cancelled { return nil }
        }
        return nil
    }

    /// The memoized result of the sub-search of the body at `body` from `pos`.
    private mutating func sub(_ body: Int, at pos: Int) -> Int? {
        let key = body * (n + 1) + pos
        if let r = subResults[key] { return r < 0 ? nil : r }
        let r = search(from: body, at: pos, trail: [])
        if cancelled { return nil }
        subResults[key] = r ?? -1
        return r
    }

    /// Whether zero-width test `a` holds at `pos`.
    private func holds(_ a: RegexAssertion, at pos: Int) -> Bool {
        switch a {
        case .inputStart: return pos == 0
        case .inputEnd: return pos == n
        case .lineStart(let multiline, let mode):
            if pos == 0 { return true }
            guard multiline, pos < n else { return false }
            let prev = text[pos - 1]
            // Not between \r and \n; not after the final line terminator (as Java).
            if mode == .java && prev == 0x0D && text[pos] == 0x0A { return false }
            return mode.isTerminator(prev)
        case .lineEnd(let multiline, let mode):
            if pos == n { return true }
            let c = text[pos]
            guard mode.isTerminator(c) else { return false }
            if mode == .java && c == 0x0A && pos > 0 && text[pos - 1] == 0x0D { return false }
            if multiline { return true }
            // Before a line terminator that ends the input (\r\n counts as one).
            if pos + 1 == n { return true }
            return mode == .java && c == 0x0D && pos + 2 == n && text[pos + 1] == 0x0A
        case .wordBoundary(let negated):
            let before = pos > 0 && RegexCharSet.word.contains(text[pos - 1])
            let after = pos < n && RegexCharSet.word.contains(text[pos])
            return (before != after) != negated
        }
    }
}
