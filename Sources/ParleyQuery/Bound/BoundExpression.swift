import ParleyGraph
import ParleyValues

/// An expression after semantic analysis: variables resolved to row slots, parameters to
/// values, property keys pre-interned where possible. This is what the executor evaluates.
indirect enum BoundExpression: Sendable {
    case constant(Value)
    case slot(Int)
    /// Property `name` of whatever `base` evaluates to; `key` is the interned key id if known at plan time.
    case property(BoundExpression, name: String, key: Int32?)
    case index(BoundExpression, BoundExpression)
    case slice(BoundExpression, BoundExpression?, BoundExpression?)
    case hasLabels(BoundExpression, [String])
    case not(BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    case xor(BoundExpression, BoundExpression)
    case compare(Expression.BinaryOp, BoundExpression, BoundExpression)
    /// `a op b`; `range` is where it is written, for the errors it raises (`/ by zero`, overflow).
    case arithmetic(Expression.BinaryOp, BoundExpression, BoundExpression, range: SourceRange)
    case negate(BoundExpression)
    case unaryPlus(BoundExpression)
    case stringPredicate(Expression.BinaryOp, BoundExpression, BoundExpression)
    case inList(BoundExpression, BoundExpression)
    /// `a =~ b`; `site` tells where the pattern is written, for errors.
    case regex(BoundExpression, BoundExpression, site: RegexSite)
    case isNull(BoundExpression, negated: Bool)
    /// `e IS [NOT] :: type`.
    case typePredicate(BoundExpression, CypherType, negated: Bool)
    case function(name: String, args: [BoundExpression], range: SourceRange)
    case list([BoundExpression])
    case map([(String, BoundExpression)])
    case simpleCase(BoundExpression, [(BoundExpression, BoundExpression)], BoundExpression?)
    case genericCase([(BoundExpression, BoundExpression)], BoundExpression?)
    case listComprehension(slot: Int, source: BoundExpression, predicate: BoundExpression?, projection: BoundExpression?)
    case quantifier(Expression.Quantifier, slot: Int, source: BoundExpression, predicate: BoundExpression)
    case reduce(accumulator: Int, initial: BoundExpression, slot: Int, source: BoundExpression, body: BoundExpression)
    case mapProjection(BoundExpression, [BoundMapProjectionItem])
    /// A path built from node slots and relationship (or relationship-list) slots.
    case path(start: Int, steps: [PathStep])
    /// Whether a pattern has at least one match given the current row (a sub-plan).
    case exists(SubplanReference)
    /// How many rows a sub-plan produces (`COUNT { ... }`).
    case countRows(SubplanReference)
    /// The values of `slot` over every row of a sub-plan (`COLLECT { ... }`).
    case collectColumn(SubplanReference, slot: Int)
    /// The list of `projection` over every match of a sub-plan.
    case patternComprehension(SubplanReference, projection: BoundExpression)

    /// One step of a named path.
    struct PathStep: Sendable {
        var relationshipSlot: Int
        var isVariableLength: Bool
        var nodeSlot: Int
    }
}

/// One item of a bound map projection.
enum BoundMapProjectionItem: Sendable {
    case property(String)
    case allProperties
    case entry(String, BoundExpression)
}

/// A sub-query an expression runs per row (a pattern predicate, a pattern comprehension or an
/// EXISTS subquery): which of the statement's sub-plans, and what of the enclosing row it reads.
struct SubplanReference: Sendable {
    /// The index of the sub-query in ``BoundStatement/subqueries`` (and of its plan and
    /// operators in the later stages).
    var index: Int
    /// The slots of the enclosing row the sub-plan reads.
    var outerSlots: Set<Int>
}

extension BoundExpression {
    /// The slots this expression reads.
    var slotsUsed: Set<Int> {
        var s = Set<Int>()
        collectSlots(&s)
        return s
    }

    private func collectSlots(_ s: inout Set<Int>) {
        switch self {
        case .constant: break
        case .slot(let i): s.insert(i)
        case .property(let b, _, _), .hasLabels(let b, _), .not(let b), .negate(let b), .unaryPlus(let b), .isNull(let b, _),
             .typePredicate(let b, _, _):
            b.collectSlots(&s)
        case .index(let a, let b), .and(let a, let b), .or(let a, let b), .xor(let a, let b), .compare(_, let a, let b),
             .arithmetic(_, let a, let b, _), .stringPredicate(_, let a, let b), .inList(let a, let b), .regex(let a, let b, _):
            a.collectSlots(&s); b.collectSlots(&s)
        case .slice(let a, let b, let c): a.collectSlots(&s); b?.collectSlots(&s); c?.collectSlots(&s)
        case .function(_, let args, _), .list(let args): for a in args { a.collectSlots(&s) }
        case .map(let entries): for (_, v) in entries { v.collectSlots(&s) }
        case .simpleCase(let subj, let whens, let e):
            subj.collectSlots(&s)
            for (w, t) in whens { w.collectSlots(&s); t.collectSlots(&s) }
            e?.collectSlots(&s)
        case .genericCase(let whens, let e):
            for (w, t) in whens { w.collectSlots(&s); t.collectSlots(&s) }
            e?.collectSlots(&s)
        case .listComprehension(_, let src, let p, let e): src.collectSlots(&s); p?.collectSlots(&s); e?.collectSlots(&s)
        case .quantifier(_, _, let src, let p): src.collectSlots(&s); p.collectSlots(&s)
        case .reduce(_, let i, _, let src, let b): i.collectSlots(&s); src.collectSlots(&s); b.collectSlots(&s)
        case .mapProjection(let b, let items):
            b.collectSlots(&s)
            for case .entry(_, let v) in items { v.collectSlots(&s) }
        case .path(let start, let steps):
            s.insert(start)
            for st in steps { s.insert(st.relationshipSlot); s.insert(st.nodeSlot) }
        case .exists(let box), .countRows(let box), .collectColumn(let box, _): s.formUnion(box.outerSlots)
        case .patternComprehension(let box, _): s.formUnion(box.outerSlots)
        }
    }

    /// Whether this is a constant.
    var constantValue: Value? {
        if case .constant(let v) = self { return v }
        return nil
    }
}
