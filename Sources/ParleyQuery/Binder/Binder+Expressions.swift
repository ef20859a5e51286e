import ParleyGraph
import ParleyValues

/// What the binder needs to know about where an expression appears.
struct BindingContext {
    /// The variables in scope.
    var scope: Scope
    /// The clause, for messages (`WHERE`, `RETURN`, ...).
    var clause: String
    /// Set while binding the items of an aggregating projection.
    var aggregation: AggregationContext?
    /// Whether we are inside an aggregate's arguments.
    var insideAggregate = false
    /// Variables introduced by list comprehensions, quantifiers and reduce.
    var locals: [String: Int] = [:]
    /// The known element type of such variables (from a homogeneous list literal).
    var localKinds: [String: VariableKind] = [:]
}

/// Grouping keys and collected aggregates of one aggregating projection.
final class AggregationContext {
    /// Grouping key slots by the key expression's source text.
    var keyByText: [String: Int]
    /// Grouping key slots by variable name, for keys that are plain variables.
    var keyByVariable: [String: Int]
    /// The aggregates found so far.
    var aggregates: [AggregateSpec] = []
    /// The scope before the projection (aggregate arguments are bound in it).
    let preScope: Scope
    /// Where aggregate arguments are bound, when not `preScope` (ORDER BY after aggregation).
    var argumentScope: Scope?

    init(keyByText: [String: Int], keyByVariable: [String: Int], preScope: Scope) {
        self.keyByText = keyByText
        self.keyByVariable = keyByVariable
        self.preScope = preScope
    }
}

/// Semantic analysis of expressions: resolves variables to slots, parameters to values, checks
/// aggregation rules and function names, and produces ``BoundExpression``s.
extension Binder {
    /// Whether `name` (lower-cased) is an aggregate function.
    static func isAggregate(_ name: String) -> Bool {
        Aggregator.isAggregate(name) || QueryAggregates.names.contains(name)
    }

    /// Binds `e` in `ctx`.
    func bind(_ e: Expression, _ ctx: BindingContext) throws(QueryError) -> BoundExpression {
        guard StackGuard.hasRoom(below: stackLimit) else {
            throw QueryError(.compileTime, .syntax(.unexpectedSyntax),
                             "Expression nested too deeply to compile on this thread's stack", at: e.range,
                             hint: "split the expression, or run the query on a thread with a larger stack")
        }
        if let agg = ctx.aggregation, !ctx.insideAggregate, let s = agg.keyByText[text(e.range)] {
            if case .variable(let v) = e.kind, ctx.locals[v] != nil {} else { return .slot(s) }
        }
        switch e.kind {
        case .literal(let v): return .constant(v)
        case .parameter(let name):
            guard let v = parameters[name] else {
                throw error(.parameterMissing(.missingParameter), "Expected parameter $\(name) to be provided", e.range)
            }
            return .constant(v)
        case .variable(let name):
            if let s = ctx.locals[name] { return .slot(s) }
            if let agg = ctx.aggregation, !ctx.insideAggregate {
                if let s = agg.keyByVariable[name] { return .slot(s) }
                if agg.preScope[name] != nil {
                    throw error(.syntax(.ambiguousAggregationExpression),
                                "Expression mixes aggregation with the non-grouping variable `\(name)`; it must be a grouping key", e.range)
                }
                throw error(.syntax(.undefinedVariable), "Variable `\(name)` not defined", e.range)
            }
            guard let v = ctx.scope[name] else {
                throw error(.syntax(.undefinedVariable), "Variable `\(name)` not defined", e.range)
            }
            return .slot(v.slot)
        case .property(let base, let key):
            switch staticKind(base, ctx) {
            case .integer, .float, .string, .boolean, .list:
                throw error(.type(.invalidArgumentType), "Type mismatch: cannot read property '\(key)' of \(staticKind(base, ctx)!.displayName)", e.range)
            case .path, .relationshipList:
                throw error(.syntax(.invalidArgumentType), "Type mismatch: cannot read property '\(key)' of \(staticKind(base, ctx)!.displayName)", e.range)
            default: break
            }
            return .property(try bind(base, ctx), name: key, key: graph.keys.id(of: key))
        case .index(let a, let b): return .index(try bind(a, ctx), try bind(b, ctx))
        case .slice(let a, let b, let c):
            return .slice(try bind(a, ctx), try b.map { (x) throws(QueryError) in try bind(x, ctx) }, try c.map { (x) throws(QueryError) in try bind(x, ctx) })
        case .hasLabels(let base, let labels): return .hasLabels(try bind(base, ctx), labels)
        case .unary(let op, let a):
            if op == .not { try requireBoolean(a, ctx, "NOT") }
            let x = try bind(a, ctx)
            switch op {
            case .not: return .not(x)
            case .minus: return .negate(x)
            case .plus: return .unaryPlus(x)
            }
        case .binary(let op, let a, let b):
            if op == .and || op == .or || op == .xor {
                try requireBoolean(a, ctx, op.rawValue)
                try requireBoolean(b, ctx, op.rawValue)
            }
            let x = try bind(a, ctx), y = try bind(b, ctx)
            switch op {
            case .and: return .and(x, y)
            case .or: return .or(x, y)
            case .xor: return .xor(x, y)
            case .eq, .ne, .lt, .le, .gt, .ge: return .compare(op, x, y)
            case .add, .sub, .mul, .div, .mod, .pow:
                let listAppend = op == .add && (staticKind(a, ctx) == .list || staticKind(b, ctx) == .list)
                for operand in [a, b] where !listAppend {
                    guard let k = staticKind(operand, ctx) else { continue }
                    let bad: Bool
                    switch k {
                    case .boolean, .map, .node, .relationship, .path: bad = true
                    case .string, .list, .relationshipList: bad = op != .add
                    default: bad = false
                    }
                    if bad {
                        throw error(.syntax(.invalidArgumentType), "Type mismatch: \(op.rawValue) cannot be applied to \(k.displayName)", operand.range)
                    }
                }
                return .arithmetic(op, x, y, range: e.range)
            case .startsWith, .endsWith, .contains: return .stringPredicate(op, x, y)
            case .in:
                if let k = staticKind(b, ctx), k != .list {
                    throw error(.syntax(.invalidArgumentType), "Type mismatch: IN expected a list but was \(k.displayName)", b.range)
                }
                return .inList(x, y)
            case .regex:
                var literal: String?
                if case .literal(.string(let value)) = b.kind { literal = value }
                return .regex(x, y, site: RegexSite(range: b.range, raw: text(b.range), literal: literal))
            }
        case .isNull(let a, let negated): return .isNull(try bind(a, ctx), negated: negated)
        case .typePredicate(let a, let type, let negated): return .typePredicate(try bind(a, ctx), type, negated: negated)
        case .countStar:
            return try aggregate(name: "count", distinct: false, star: true, args: [], e, ctx)
        case .function(let rawName, let distinct, let args):
            let name = rawName.lowercased()
            if Binder.isAggregate(name) {
                return try aggregate(name: name, distinct: distinct, star: false, args: args, e, ctx)
            }
            if name == "exists", args.count == 1 {
                if case .pattern(let part) = args[0].kind { return try patternPredicate(part, ctx) }
                return .isNull(try bind(args[0], ctx), negated: true)
            }
            if let arity = BuiltinFunctions.arity(of: name) {
                if !arity.contains(args.count) {
                    throw error(.syntax(.invalidNumberOfArguments),
                                "Function \(rawName) takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)") argument(s), got \(args.count)", e.range)
                }
            } else if !BuiltinFunctions.allNames.isEmpty {
                var unknown = error(.syntax(.unknownFunction), "Unknown function '\(rawName)'", e.range)
                unknown.hint = BuiltinFunctions.suggestion(for: rawName).map { "did you mean \($0)?" }
                throw unknown
            }
            try checkArgumentKinds(name, args, ctx, e.range)
            var bound: [BoundExpression] = []
            for a in args { bound.append(try bind(a, ctx)) }
            return .function(name: name, args: bound, range: e.range)
        case .list(let items):
            var bound: [BoundExpression] = []
            for i in items { bound.append(try bind(i, ctx)) }
            if bound.allSatisfy({ $0.constantValue != nil }) { return .constant(.list(bound.map { $0.constantValue! })) }
            return .list(bound)
        case .map(let entries):
            var bound: [(String, BoundExpression)] = []
            for (k, v) in entries { bound.append((k, try bind(v, ctx))) }
            return .map(bound)
        case .caseExpr(let subject, let whens, let otherwise):
            var bw: [(BoundExpression, BoundExpression)] = []
            for w in whens { bw.append((try bind(w.when, ctx), try bind(w.then, ctx))) }
            let o = try otherwise.map { (x) throws(QueryError) in try bind(x, ctx) }
            if let subject { return .simpleCase(try bind(subject, ctx), bw, o) }
            return .genericCase(bw, o)
        case .listComprehension(let variable, let source, let predicate, let projection):
            let src = try bind(source, ctx)
            var inner = ctx
            inner.aggregation = nil
            let slot = slots.allocate(variable)
            inner.locals[variable] = slot
            inner.localKinds[variable] = elementKind(source, ctx)
            return .listComprehension(slot: slot, source: src,
                                      predicate: try predicate.map { (x) throws(QueryError) in try bind(x, inner) },
                                      projection: try projection.map { (x) throws(QueryError) in try bind(x, inner) })
        case .quantifier(let q, let variable, let source, let predicate):
            let src = try bind(source, ctx)
            var inner = ctx
            inner.aggregation = nil
            let slot = slots.allocate(variable)
            inner.locals[variable] = slot
            inner.localKinds[variable] = elementKind(source, ctx)
            return .quantifier(q, slot: slot, source: src, predicate: try bind(predicate, inner))
        case .reduce(let acc, let initial, let variable, let source, let body):
            let i = try bind(initial, ctx), src = try bind(source, ctx)
            var inner = ctx
            let accSlot = slots.allocate(acc), slot = slots.allocate(variable)
            inner.locals[acc] = accSlot
            inner.locals[variable] = slot
            return .reduce(accumulator: accSlot, initial: i, slot: slot, source: src, body: try bind(body, inner))
        case .mapProjection(let base, let items):
            let b = try bind(base, ctx)
            var out: [BoundMapProjectionItem] = []
            for item in items {
                switch item {
                case .property(let k): out.append(.property(k))
                case .allProperties: out.append(.allProperties)
                case .literal(let k, let v): out.append(.entry(k, try bind(v, ctx)))
                case .variable(let v):
                    out.append(.entry(v, try bind(Expression(.variable(v), e.range), ctx)))
                }
            }
            return .mapProjection(b, out)
        case .pattern(let part):
            if ctx.clause != "WHERE" {
                throw error(.syntax(.unexpectedSyntax), "A pattern can only be used as a predicate in WHERE or exists(); use a pattern comprehension [(a)-->(b) | b] instead", e.range)
            }
            return try patternPredicate(part, ctx)
        case .patternComprehension(let part, let predicate, let projection):
            return try patternComprehension(part, predicate: predicate, projection: projection, ctx)
        case .subquery(let kind, let body):
            return try subqueryExpression(kind, body, e, ctx)
        }
    }

    /// An aggregate call: checks placement, binds the arguments in the pre-projection scope.
    private func aggregate(name: String, distinct: Bool, star: Bool, args: [Expression], _ e: Expression, _ ctx: BindingContext) throws(QueryError) -> BoundExpression {
        if ctx.insideAggregate {
            throw error(.syntax(.nestedAggregation), "Can't use aggregate functions inside of aggregate functions", e.range)
        }
        guard let agg = ctx.aggregation else {
            throw error(.syntax(.invalidAggregation), "Invalid use of aggregating function \(name)(...) in \(ctx.clause)", e.range)
        }
        if !star && (args.count < 1 || args.count > 2) {
            throw error(.syntax(.invalidNumberOfArguments), "Function \(name) takes 1 argument, got \(args.count)", e.range)
        }
        var inner = BindingContext(scope: agg.argumentScope ?? agg.preScope, clause: ctx.clause)
        inner.insideAggregate = true
        inner.locals = ctx.locals
        var bound: [BoundExpression] = []
        for a in args { bound.append(try bind(a, inner)) }
        var random = false
        for a in args { a.visit { if case .function(let f, _, _) = $0.kind, f.lowercased() == "rand" { random = true } } }
        if random {
            throw error(.syntax(.nonConstantExpression), "Can't use non-deterministic (random) functions inside of aggregate functions", e.range)
        }
        if name == "count", bound.count == 1, case .constant(let v) = bound[0], !v.isNull, !distinct {
            // count(1) counts rows, like count(*)
            let slot = slots.allocate(text(e.range))
            agg.aggregates.append(AggregateSpec(name: name, distinct: false, star: true, arguments: [], slot: slot, text: text(e.range), range: e.range))
            return .slot(slot)
        }
        let slot = slots.allocate(text(e.range))
        agg.aggregates.append(AggregateSpec(name: name, distinct: distinct, star: star, arguments: bound, slot: slot, text: text(e.range), range: e.range))
        return .slot(slot)
    }

    /// Compile-time type checks of graph functions applied to variables of known kind.
    private func checkArgumentKinds(_ name: String, _ args: [Expression], _ ctx: BindingContext, _ range: SourceRange) throws(QueryError) {
        guard let first = args.first, let kind = staticKind(first, ctx) else { return }
        let expected: [VariableKind]
        switch name {
        case "type", "startnode", "endnode": expected = [.relationship]
        case "labels": expected = [.node]
        case "properties": expected = [.node, .relationship]
        case "nodes", "relationships": expected = [.path]
        case "size": expected = [.list, .string, .relationshipList]
        case "length": expected = [.path, .string, .list, .relationshipList]
        default: return
        }
        if case .map = first.kind, name == "properties" { return }
        if !expected.contains(kind) {
            throw error(.syntax(.invalidArgumentType), "Type mismatch: \(name)() expected \(expected.map(\.displayName).joined(separator: " or ")) but got \(kind.displayName)", first.range)
        }
    }

    /// The type of `e` when it is evident at compile time, or nil.
    func staticKind(_ e: Expression, _ ctx: BindingContext) -> VariableKind? {
        switch e.kind {
        case .literal(let v):
            switch v {
            case .bool: return .boolean
            case .int: return .integer
            case .double: return .float
            case .string: return .string
            default: return nil
            }
        case .list, .listComprehension: return .list
        case .map, .mapProjection: return .map
        case .variable(let name):
            if ctx.locals[name] != nil { return ctx.localKinds[name] }
            let k = ctx.scope[name]?.kind
            return k == .value ? nil : k
        case .unary(.not, _), .isNull, .typePredicate, .hasLabels, .quantifier: return .boolean
        case .binary(let op, _, _):
            switch op {
            case .and, .or, .xor, .eq, .ne, .lt, .le, .gt, .ge, .regex, .startsWith, .endsWith, .contains, .in: return .boolean
            default: return nil
            }
        default: return nil
        }
    }

    /// The common type of a list literal's elements, when they all have the same known type.
    private func elementKind(_ list: Expression, _ ctx: BindingContext) -> VariableKind? {
        guard case .list(let items) = list.kind, let first = items.first, let k = staticKind(first, ctx) else { return nil }
        return items.allSatisfy({ staticKind($0, ctx) == k }) ? k : nil
    }

    /// Rejects operands of boolean operators whose type is known not to be boolean.
    private func requireBoolean(_ e: Expression, _ ctx: BindingContext, _ op: String) throws(QueryError) {
        if let k = staticKind(e, ctx), k != .boolean {
            throw error(.syntax(.invalidArgumentType), "Type mismatch: \(op) expected Boolean but was \(k.displayName)", e.range)
        }
    }

    /// Splits a predicate into its top-level AND conjuncts.
    static func conjuncts(_ e: Expression) -> [Expression] {
        if case .binary(.and, let a, let b) = e.kind { return conjuncts(a) + conjuncts(b) }
        return [e]
    }
}
