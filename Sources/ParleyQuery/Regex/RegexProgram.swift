/// One step of a ``RegexProgram``.
enum RegexInstruction: Sendable {
    /// The scalar, exactly.
    case scalar(UInt32)
    /// The scalar, ignoring case (the operand is already case-folded).
    case foldedScalar(UInt32)
    /// A scalar of `sets[index]`, ignoring case when `caseless`.
    case set(Int, caseless: Bool)
    /// Any scalar, or any but a line terminator.
    case any(RegexLineMode, dotAll: Bool)
    /// A zero-width test.
    case assertion(RegexAssertion)
    /// Continue at the first target; if that fails, at the second.
    case split(Int, Int)
    /// Continue at the target.
    case jump(Int)
    /// Run the body from `body` to its `subEnd` once, keep its first way of matching, then
    /// continue at `next` (atomic groups and possessive quantifiers).
    case atomic(body: Int, next: Int)
    /// Test whether the body from `body` to its `subEnd` matches here (or not, when `negated`),
    /// then continue at `next` at the same position.
    case lookahead(body: Int, next: Int, negated: Bool)
    /// The end of an atomic or lookahead body.
    case subEnd
    /// Success when the whole input has been consumed.
    case match
}

/// A compiled regular expression: instructions for ``RegexMatcher``.
struct RegexProgram: Sendable {
    /// A program may hold this many instructions (counted repetitions are expanded).
    static let maxInstructions = 100_000
    /// The error for a pattern over ``maxInstructions``.
    static let sizeMessage = "the repetition makes the compiled pattern larger than \(maxInstructions) instructions (the pattern size limit)"

    /// The instructions; execution starts at 0.
    var instructions: [RegexInstruction] = []
    /// The sets the `.set` instructions name.
    var sets: [RegexCharSet] = []
    /// For each instruction, its index among the `split` instructions, or -1.
    var splitIndex: [Int32] = []
    /// How many `split` instructions there are.
    var splitCount = 0
    /// Whether any instruction compares ignoring case.
    var usesFolding = false

    /// Compiles a parsed pattern; throws when it would exceed ``maxInstructions``.
    init(_ node: RegexNode) throws(RegexSyntaxError) {
        try emit(node)
        instructions.append(.match)
        splitIndex = instructions.map { _ in -1 }
        for (pc, ins) in instructions.enumerated() {
            if case .split = ins { splitIndex[pc] = Int32(splitCount); splitCount += 1 }
        }
    }

    /// Parses and compiles `pattern`.
    init(pattern: String) throws(RegexSyntaxError) {
        try self.init(try RegexParser.parse(pattern))
    }

    private mutating func append(_ ins: RegexInstruction) -> Int {
        instructions.append(ins)
        return instructions.count - 1
    }

    private mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
        switch node {
        case .empty: break
        case .scalar(let v, let caseless):
            if caseless {
                usesFolding = true
                _ = append(.foldedScalar(RegexCase.fold(v)))
            } else {
                _ = append(.scalar(v))
            }
        case .set(let set, let caseless):
            if caseless { usesFolding = true }
            sets.append(set)
            _ = append(.set(sets.count - 1, caseless: caseless))
        case .any(let mode, let dotAll): _ = append(.any(mode, dotAll: dotAll))
        case .assertion(let a): _ = append(.assertion(a))
        case .concat(let items):
            for item in items { try emit(item) }
        case .alternation(let branches):
            // split(b0, next); b0; jump end; next: split(b1, ...) ...; last branch; end:
            var jumps: [Int] = []
            for (k, branch) in branches.enumerated() {
                if k == branches.count - 1 {
                    try emit(branch)
                } else {
                    let split = append(.split(0, 0))
                    try emit(branch)
                    jumps.append(append(.jump(0)))
                    instructions[split] = .split(split + 1, instructions.count)
                }
            }
            for j in jumps { instructions[j] = .jump(instructions.count) }
        case .repetition(let body, let min, let max, let kind, let offset):
            if kind == .possessive {
                try emitSub(.repetition(body, min: min, max: max, .greedy, offset: offset)) { .atomic(body: $0, next: $1) }
                return
            }
            do {
                try emitRepetition(body, min: min, max: max, lazy: kind == .lazy, offset: offset)
            } catch {
                // A size error inside the body is blamed on the outermost repetition.
                guard error.message == Self.sizeMessage else { throw error }
                throw RegexSyntaxError(error.message, at: offset)
            }
        case .atomic(let body):
            try emitSub(body) { .atomic(body: $0, next: $1) }
        case .lookahead(let body, let negated):
            try emitSub(body) { .lookahead(body: $0, next: $1, negated: negated) }
        }
    }

    /// `min` copies of `body`, then `max - min` optional ones or a loop.
    private mutating func emitRepetition(_ body: RegexNode, min: Int, max: Int?, lazy: Bool, offset: Int) throws(RegexSyntaxError) {
        for _ in 0..<min {
            let before = instructions.count
            try emit(body)
            try checkSize(offset)
            // A body that emits nothing (`(?i){50000}`) is nothing however often repeated; without
            // this, nested counts of such bodies would loop billions of times.
            if instructions.count == before { break }
        }
        if let max {
            // Each optional copy: split(take, end).
            var splits: [Int] = []
            for _ in min..<max {
                splits.append(append(.split(0, 0)))
                try emit(body)
                try checkSize(offset)
            }
            let end = instructions.count
            for sp in splits { instructions[sp] = lazy ? .split(end, sp + 1) : .split(sp + 1, end) }
        } else {
            let loop = append(.split(0, 0))
            try emit(body)
            _ = append(.jump(loop))
            let end = instructions.count
            instructions[loop] = lazy ? .split(end, loop + 1) : .split(loop + 1, end)
        }
        try checkSize(offset)
    }

    /// Emits `make(body start, next)`, then the body ending with `subEnd`.
    private mutating func emitSub(_ body: RegexNode, _ make: (Int, Int) -> RegexInstruction) throws(RegexSyntaxError) {
        let head = append(.subEnd)
        try emit(body)
        _ = append(.subEnd)
        instructions[head] = make(head + 1, instructions.count)
    }

    private func checkSize(_ offset: Int) throws(RegexSyntaxError) {
        if instructions.count > Self.maxInstructions {
            throw RegexSyntaxError(Self.sizeMessage, at: offset)
        }
    }
}
