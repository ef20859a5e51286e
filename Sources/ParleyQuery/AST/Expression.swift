import ParleyGraph
import ParleyValues

/// An expression as written, with its position in the query.
struct Expression: Sendable {
    /// Binary operators, lowest to highest precedence group.
    enum BinaryOp: String, Sendable {
        case or = "OR", xor = "XOR", and = "AND"
        case eq = "=", ne = "<>", lt = "<", le = "<=", gt = ">", ge = ">="
        case regex = "=~", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS", `in` = "IN"
        case add = "+", sub = "-", mul = "*", div = "/", mod = "%", pow = "^"
    }

    /// Unary operators.
    enum UnaryOp: String, Sendable { case not = "NOT", minus = "-", plus = "+" }

    /// List quantifiers `all(x IN l WHERE p)` and friends.
    enum Quantifier: String, Sendable { case all, any, none, single }

    /// The shape of an expression.
    indirect enum Kind: Sendable {
        case literal(Value)
        case list([Expression])
        case map([(key: String, value: Expression)])
        case parameter(String)
        case variable(String)
        case property(Expression, String)
        case index(Expression, Expression)
        case slice(Expression, Expression?, Expression?)
        case hasLabels(Expression, [String])
        case unary(UnaryOp, Expression)
        case binary(BinaryOp, Expression, Expression)
        case isNull(Expression, negated: Bool)
        /// `e IS [NOT] :: type` (also `e :: type`, `e IS [NOT] TYPED type`).
        case typePredicate(Expression, CypherType, negated: Bool)
        case function(name: String, distinct: Bool, args: [Expression])
        case countStar
        case caseExpr(subject: Expression?, whens: [(when: Expression, then: Expression)], otherwise: Expression?)
        case listComprehension(variable: String, source: Expression, predicate: Expression?, projection: Expression?)
        case quantifier(Quantifier, variable: String, source: Expression, predicate: Expression)
        case reduce(accumulator: String, initial: Expression, variable: String, source: Expression, body: Expression)
        case mapProjection(Expression, [MapProjectionItem])
        case pattern(PatternPart)
        /// `[p = (a)-->(b) WHERE pred | expr]`.
        case patternComprehension(PatternPart, predicate: Expression?, projection: Expression)
        /// `EXISTS { MATCH ... }`, `COUNT { (a)-->(b) WHERE ... }`, `COLLECT { ... RETURN x }`.
        case subquery(SubqueryExpressionKind, SubqueryBody)
    }

    /// One item of a map projection `n{.name, .*, key: expr, var}`.
    enum MapProjectionItem: Sendable {
        case property(String)
        case allProperties
        case literal(String, Expression)
        case variable(String)
    }

    /// The shape.
    let kind: Kind
    /// Where the expression is in the query.
    var range: SourceRange
    /// The number of levels of this expression tree (1 for a leaf): every recursive walk goes this
    /// deep, so the parser bounds it (``Parser/maxHeight``).
    let height: Int

    /// Creates an expression.
    init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = 1 + Expression.childHeight(kind)
    }

    /// The height of the tallest direct sub-expression (0 for a leaf).
    private static func childHeight(_ kind: Kind) -> Int {
        switch kind {
        case .literal, .parameter, .variable, .countStar, .subquery: return 0
        case .property(let e, _), .hasLabels(let e, _), .unary(_, let e), .isNull(let e, _),
             .typePredicate(let e, _, _): return e.height
        case .index(let a, let b), .binary(_, let a, let b): return max(a.height, b.height)
        default: return children(of: kind).reduce(0) { max($0, $1.height) }
        }
    }

    /// Whether this expression contains an aggregate call (not looking into nested scopes' own aggregates).
    var containsAggregate: Bool {
        var found = false
        visit { e in
            switch e.kind {
            case .countStar: found = true
            case .function(let name, _, _) where Aggregator.isAggregate(name.lowercased()) || QueryAggregates.names.contains(name.lowercased()): found = true
            default: break
            }
        }
        return found
    }

    /// Calls `body` on this expression and every sub-expression, pre-order (with a stack of its
    /// own, not the thread's: expressions can be thousands of levels deep).
    func visit(_ body: (Expression) -> Void) {
        var pending = [self]
        while let e = pending.popLast() {
            body(e)
            pending.append(contentsOf: e.children.reversed())
        }
    }

    /// The direct sub-expressions.
    var children: [Expression] { Expression.children(of: kind) }

    /// The direct sub-expressions of an expression of shape `kind`.
    static func children(of kind: Kind) -> [Expression] {
        switch kind {
        case .literal, .parameter, .variable, .countStar: return []
        case .list(let items): return items
        case .map(let entries): return entries.map(\.value)
        case .property(let e, _), .hasLabels(let e, _), .unary(_, let e), .isNull(let e, _),
             .typePredicate(let e, _, _): return [e]
        case .index(let a, let b), .binary(_, let a, let b): return [a, b]
        case .slice(let a, let b, let c): return [a] + [b, c].compactMap { $0 }
        case .function(_, _, let args): return args
        case .caseExpr(let s, let whens, let o):
            return [s].compactMap { $0 } + whens.flatMap { [$0.when, $0.then] } + [o].compactMap { $0 }
        case .listComprehension(_, let s, let p, let e): return [s] + [p, e].compactMap { $0 }
        case .quantifier(_, _, let s, let p): return [s, p]
        case .reduce(_, let i, _, let s, let b): return [i, s, b]
        case .mapProjection(let e, let items):
            return [e] + items.compactMap { if case .literal(_, let v) = $0 { return v } else { return nil } }
        case .pattern(let p):
            return p.inlineExpressions
        case .patternComprehension(let p, let pred, let proj):
            return p.inlineExpressions + [pred].compactMap { $0 } + [proj]
        case .subquery: return []
        }
    }
}

/// Aggregate function names known to the engine, used even while the function library is a stub.
enum QueryAggregates {
    /// Lower-cased names of the aggregate functions.
    static let names: Set<String> = ["count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentiledisc", "percentilecont"]
}
