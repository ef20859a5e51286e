import ParleyGraph
import ParleyValues

/// RETURN / WITH binding: the items (grouping keys and aggregates, or plain projections), then
/// DISTINCT, ORDER BY, SKIP, LIMIT and WHERE, each seeing the variables the rules allow.
extension Binder {
    /// Binds a RETURN or WITH; returns it with the scope after it.
    func bindProjection(_ p: Projection, scope: Scope, isReturn: Bool, predicate: Expression? = nil, afterWrite: Bool = false) throws(QueryError) -> (BoundProjection, Scope) {
        let clause = isReturn ? "RETURN" : "WITH"
        var items = p.items
        if p.star {
            let named = scope.variables.keys.filter { !$0.hasPrefix(" ") }.sorted()
            if named.isEmpty && isReturn && p.items.isEmpty {
                throw error(.syntax(.noVariablesInScope), "\(clause) * is not allowed when there are no variables in scope", p.range)
            }
            let starItems = named.map { ProjectionItem(expression: Expression(.variable($0), p.range), alias: nil, name: $0) }
            items = starItems + items
        }
        var seenNames = Set<String>()
        for item in items where !seenNames.insert(item.name).inserted {
            throw error(.syntax(.columnNameConflict), "Multiple result columns with the same name `\(item.name)` are not supported", item.expression.range)
        }
        let body: BoundProjection.Body
        var newScope = Scope()
        var itemSlots: [Int] = []
        let aggregating = items.contains { $0.expression.containsAggregate }
        var orderScope: Scope
        var itemTextSlots: [String: Int] = [:]
        // Texts of grouping keys that are variables or properties, and of plain aggregate items.
        var simpleTextSlots: [String: Int] = [:]
        func isSimple(_ e: Expression) -> Bool {
            switch e.kind {
            case .variable, .countStar: return true
            case .property(let b, _): if case .variable = b.kind { return true } else { return false }
            case .function(let n, _, _): return Binder.isAggregate(n.lowercased())
            default: return false
            }
        }
        if aggregating {
            var keys: [(slot: Int, expression: BoundExpression)] = []
            var keyByText: [String: Int] = [:], keyByVariable: [String: Int] = [:]
            var slotOfItem = [Int?](repeating: nil, count: items.count)
            let ctx = BindingContext(scope: scope, clause: clause)
            for (i, item) in items.enumerated() where !item.expression.containsAggregate {
                let b = try bind(item.expression, ctx)
                let s = slots.allocate(item.name)
                keys.append((s, b))
                if isSimple(item.expression) { keyByText[text(item.expression.range)] = s }
                if case .variable(let v) = item.expression.kind { keyByVariable[v] = s }
                slotOfItem[i] = s
            }
            let agg = AggregationContext(keyByText: keyByText, keyByVariable: keyByVariable, preScope: scope)
            var post: [(slot: Int, expression: BoundExpression)] = []
            var postRanges: [SourceRange?] = []
            for (i, item) in items.enumerated() where item.expression.containsAggregate {
                var c = BindingContext(scope: scope, clause: clause)
                c.aggregation = agg
                let b = try bind(item.expression, c)
                if case .slot(let s) = b, agg.aggregates.contains(where: { $0.slot == s }) {
                    slotOfItem[i] = s
                } else {
                    let s = slots.allocate(item.name)
                    post.append((s, b))
                    postRanges.append(item.expression.range)
                    slotOfItem[i] = s
                }
            }
            // A grouping key that fails to evaluate points at the grouping keys (aggregates carry their own).
            let keyItems = items.filter { !$0.expression.containsAggregate }
            var keysRange: SourceRange?
            if let first = keyItems.first, let last = keyItems.last {
                keysRange = SourceRange(start: first.expression.range.start, end: last.expression.range.end)
            }
            body = .aggregate(BoundAggregation(keys: keys, aggregates: agg.aggregates, post: post, postRanges: postRanges, keysRange: keysRange,
                                               text: (keys.map { slots.names[$0.slot] } + agg.aggregates.map(\.text)).joined(separator: ", "),
                                               postText: post.map { slots.names[$0.slot] }.joined(separator: ", ")))
            for (i, item) in items.enumerated() {
                let s = slotOfItem[i]!
                let kind = item.expression.containsAggregate ? VariableKind.value : (staticKind(item.expression, BindingContext(scope: scope, clause: clause)) ?? .value)
                newScope.bind(item.name, Variable(slot: s, kind: kind))
                itemSlots.append(s)
                itemTextSlots[text(item.expression.range)] = s
                if isSimple(item.expression) { simpleTextSlots[text(item.expression.range)] = s }
            }
            orderScope = newScope
        } else {
            var project: [(slot: Int, expression: BoundExpression)] = []
            var projectRanges: [SourceRange?] = []
            let ctx = BindingContext(scope: scope, clause: clause)
            for item in items {
                let b = try bind(item.expression, ctx)
                var kind = staticKind(item.expression, ctx) ?? .value
                let s: Int
                if case .variable(let v) = item.expression.kind, let old = scope[v] {
                    kind = old.kind
                    s = old.slot
                } else {
                    s = slots.allocate(item.name)
                    project.append((s, b))
                    projectRanges.append(item.expression.range)
                }
                newScope.bind(item.name, Variable(slot: s, kind: kind))
                itemSlots.append(s)
                itemTextSlots[text(item.expression.range)] = s
            }
            body = .project(items: project, ranges: projectRanges, text: items.map(\.name).joined(separator: ", "))
            orderScope = scope
            if p.distinct { orderScope = Scope() }
            for (name, v) in newScope.variables { orderScope.bind(name, v) }
        }
        // SKIP and LIMIT are constants.
        let skip = try p.skip.map { (e) throws(QueryError) in try countArgument(e, p.skipKeyword) }
        let limit = try p.limit.map { (e) throws(QueryError) in try countArgument(e, "LIMIT") }
        var order: BoundOrder?
        if !p.orderBy.isEmpty {
            var keys: [(expression: BoundExpression, ascending: Bool, nullsFirst: Bool)] = []
            for s in p.orderBy {
                keys.append((try bindAfterProjection(s.expression, "ORDER BY", aggregating: aggregating, items: items, itemTextSlots: itemTextSlots,
                                                     simpleTextSlots: simpleTextSlots, newScope: newScope, orderScope: orderScope, preScope: scope), s.ascending, s.nullsFirst ?? !s.ascending))
            }
            order = BoundOrder(keys: keys, keyRanges: p.orderBy.map(\.expression.range),
                               text: p.orderBy.map { text($0.expression.range) + $0.textSuffix }.joined(separator: ", "))
        }
        if let r = p.unaliased {
            throw QueryError(.compileTime, .syntax(.noExpressionAlias), "Expression in WITH must be aliased (use AS)", at: r)
        }
        var filter: BoundPredicate?
        if let predicate {
            let b = try bindAfterProjection(predicate, "WHERE", aggregating: aggregating, items: items, itemTextSlots: itemTextSlots,
                                            simpleTextSlots: simpleTextSlots, newScope: newScope, orderScope: orderScope, preScope: scope)
            filter = BoundPredicate(expression: b, text: text(predicate.range), range: predicate.range)
        }
        let projection = BoundProjection(body: body, afterWrite: afterWrite, distinctSlots: p.distinct ? itemSlots : nil, order: order,
                                         skip: skip, limit: limit, predicate: filter, columns: items.map(\.name), columnSlots: itemSlots)
        return (projection, newScope)
    }

    /// Binds an ORDER BY key or a WITH ... WHERE predicate: it sees the projected columns (an
    /// expression written exactly like a projected one means that column) and, for a projection
    /// without aggregation or DISTINCT, the variables from before it.
    private func bindAfterProjection(_ e: Expression, _ clause: String, aggregating: Bool, items: [ProjectionItem], itemTextSlots: [String: Int], simpleTextSlots: [String: Int],
                                     newScope: Scope, orderScope: Scope, preScope: Scope) throws(QueryError) -> BoundExpression {
        if let slot = itemTextSlots[text(e.range)] { return .slot(slot) }
        var c = BindingContext(scope: orderScope, clause: clause)
        c.aggregation = AggregationContext(keyByText: itemTextSlots, keyByVariable: [:], preScope: orderScope)
        if !aggregating && orderScope.variables.count == newScope.variables.count {
            // DISTINCT: projected columns, or expressions written like a projected one.
            if e.containsAggregate {
                throw error(.syntax(.invalidAggregation), "Invalid use of an aggregating function in \(clause)", e.range)
            }
            c.aggregation = AggregationContext(keyByText: itemTextSlots, keyByVariable: newScope.variables.mapValues(\.slot), preScope: Scope())
            return try bind(e, c)
        }
        if !aggregating {
            let visible = Set(orderScope.variables.keys)
            if e.containsAggregate {
                try checkVariables(e, visible)
                throw error(.syntax(.invalidAggregation), "Invalid use of an aggregating function in \(clause)", e.range)
            }
            c.aggregation = nil
            do {
                return try bind(e, c)
            } catch {
                throw error
            }
        }
        // Only projected columns are visible; aggregates must be projected ones.
        // A variable used by some projected expression but not a grouping key makes the
        // expression ambiguous; one not used at all is simply not defined here.
        var usedInItems = Set<String>()
        for item in items { item.expression.visit { if case .variable(let v) = $0.kind { usedInItems.insert(v) } } }
        var restricted = Scope()
        for (name, v) in preScope.variables where usedInItems.contains(name) { restricted.bind(name, v) }
        c.aggregation = AggregationContext(keyByText: simpleTextSlots, keyByVariable: newScope.variables.mapValues(\.slot), preScope: restricted)
        c.aggregation!.argumentScope = newScope
        let b: BoundExpression
        do {
            b = try bind(e, c)
        } catch {
            if e.containsAggregate, error.kind == .syntax(.invalidAggregation) || error.kind == .syntax(.nestedAggregation) {
                throw self.error(.syntax(.ambiguousAggregationExpression), "\(clause) expression mixes aggregation with projected values", e.range)
            }
            throw error
        }
        if !c.aggregation!.aggregates.isEmpty {
            throw error(.syntax(.ambiguousAggregationExpression), "\(clause) may only use aggregates that are also projected", e.range)
        }
        return b
    }

    /// Throws UndefinedVariable for a variable (outside comprehensions) that is not visible.
    private func checkVariables(_ e: Expression, _ visible: Set<String>) throws(QueryError) {
        var missing: Expression?
        var locals = Set<String>()
        e.visit { x in
            switch x.kind {
            case .listComprehension(let v, _, _, _), .quantifier(_, let v, _, _): locals.insert(v)
            case .reduce(let a, _, let v, _, _): locals.insert(a); locals.insert(v)
            case .variable(let v) where !visible.contains(v) && !locals.contains(v): if missing == nil { missing = x }
            default: break
            }
        }
        if let missing, case .variable(let v) = missing.kind {
            throw error(.syntax(.undefinedVariable), "Variable `\(v)` not defined", missing.range)
        }
    }

    /// Evaluates a SKIP or LIMIT argument: a non-negative integer constant.
    private func countArgument(_ e: Expression, _ clause: String) throws(QueryError) -> Int {
        var usesVariable = false
        var usesParameter = false
        var subquery: Expression?
        e.visit { x in
            switch x.kind {
            case .variable: usesVariable = true
            case .parameter: usesParameter = true
            case .pattern, .patternComprehension, .subquery: if subquery == nil { subquery = x }
            default: break
            }
        }
        if let subquery {
            throw error(.syntax(.nonConstantExpression), "It is not allowed to use a pattern or subquery in \(clause)", subquery.range)
        }
        if usesVariable {
            throw error(.syntax(.nonConstantExpression), "It is not allowed to refer to variables in \(clause)", e.range)
        }
        let phase: QueryError.Phase = usesParameter ? .runtime : .compileTime
        let v = try constant(try bind(e, BindingContext(scope: Scope(), clause: clause)))
        switch v {
        case .int(let i):
            if i < 0 {
                throw QueryError(phase, .syntax(.negativeIntegerArgument),
                                 "Invalid input. '\(i)' is not a valid value. Must be a non-negative integer.", at: e.range)
            }
            return Int(min(i, Int64(Int.max / 2)))
        default:
            throw QueryError(phase, .syntax(.invalidArgumentType),
                             "Invalid input. \(clause) expects a non-negative integer but got \(v.typeName)", at: e.range)
        }
    }
}
