import ParleyGraph
import ParleyValues

/// Sub-queries used inside expressions: pattern predicates, pattern comprehensions and EXISTS
/// subqueries. Each is bound here and registered with ``Binder/subplan(_:outerSlots:)``; the
/// planners plan it on its own, and the expression refers to it by index.
extension Binder {
    /// `[p = (a)-->(b) WHERE pred | expr]`: a sub-query over the pattern, collecting `expr`.
    func patternComprehension(_ part: PatternPart, predicate: Expression?, projection: Expression, _ ctx: BindingContext) throws(QueryError) -> BoundExpression {
        var scope = ctx.scope
        for (name, slot) in ctx.locals { scope.bind(name, Variable(slot: slot, kind: .value)) }
        let outer = Set(scope.variables.values.map(\.slot))
        var newSlots: [Int] = []
        var seen = Set<String>()
        try checkRelationshipCount([part])
        let resolved = try resolve(part, scope: &scope, newSlots: &newSlots, seenRels: &seen, allowNew: true)
        var predicates: [PendingPredicate] = []
        var inner = BindingContext(scope: scope, clause: "WHERE")
        inner.locals = [:]
        if let predicate {
            for c in Binder.conjuncts(predicate) {
                let b = try bind(c, inner)
                predicates.append(PendingPredicate(expression: b, slots: b.slotsUsed, text: text(c.range), equality: nil))
            }
        }
        inner.clause = "RETURN"
        let proj = try bind(projection, inner)
        let reference = subplan(.pattern(resolved, predicates: predicates, outerBound: outer), outerSlots: outer)
        return .patternComprehension(reference, projection: proj)
    }

    /// A pattern used as a predicate: a sub-query that checks whether it has a match.
    func patternPredicate(_ part: PatternPart, _ ctx: BindingContext) throws(QueryError) -> BoundExpression {
        var scope = ctx.scope
        for (name, slot) in ctx.locals { scope.bind(name, Variable(slot: slot, kind: .value)) }
        var newSlots: [Int] = []
        var seen = Set<String>()
        try checkRelationshipCount([part])
        let resolved = try resolve(part, scope: &scope, newSlots: &newSlots, seenRels: &seen, allowNew: false)
        let outer = Set(scope.variables.values.map(\.slot))
        var used = Set(resolved.nodes.map(\.slot) + resolved.rels.map(\.slot))
        // What the pattern's own predicates and property values read (a WHERE inside the pattern).
        for p in resolved.predicates { used.formUnion(p.slots) }
        for n in resolved.nodes { for (_, v) in n.properties { used.formUnion(v.slotsUsed) } }
        for r in resolved.rels { for (_, v) in r.properties { used.formUnion(v.slotsUsed) } }
        used.formIntersection(outer)
        return .exists(subplan(.pattern(resolved, predicates: [], outerBound: outer), outerSlots: used))
    }

    /// `EXISTS { ... }`, `COUNT { ... }` or `COLLECT { ... }`: a read-only query run per row that
    /// sees the enclosing row's variables; true when it yields a row, how many rows it yields, or
    /// the list of its single column.
    func subqueryExpression(_ kind: SubqueryExpressionKind, _ body: SubqueryBody, _ e: Expression, _ ctx: BindingContext) throws(QueryError) -> BoundExpression {
        var scope = ctx.scope
        for (name, slot) in ctx.locals { scope.bind(name, Variable(slot: slot, kind: .value)) }
        let article = kind == .exists ? "An" : "A"
        if let write = body.firstWrite {
            throw error(.syntax(.invalidClauseComposition), "\(article) \(kind.rawValue) subquery cannot write to the graph", write.range)
        }
        if kind == .collect {
            for query in body.queries {
                guard case .return(let projection) = query.last else {
                    throw error(.syntax(.invalidClauseComposition), "A COLLECT subquery must end with a RETURN clause", query.last?.range ?? body.range)
                }
                if projection.star || projection.items.count != 1 {
                    throw error(.syntax(.invalidClauseComposition), "A COLLECT subquery must return exactly one column", projection.range)
                }
            }
        }
        let union = try bindUnion(body, scope: scope, subquery: true)
        let reference = subplan(.query(union, kind: kind), outerSlots: Set(scope.variables.values.map(\.slot)))
        switch kind {
        case .exists: return .exists(reference)
        case .count: return .countRows(reference)
        case .collect: return .collectColumn(reference, slot: union.columnSlots[0])
        }
    }

    /// Binds the single queries of a subquery body, each starting from `scope`, and checks that
    /// they return the same columns.
    func bindUnion(_ body: SubqueryBody, scope: Scope, subquery: Bool) throws(QueryError) -> BoundUnion {
        if Set(body.unionAll).count > 1 {
            throw error(.syntax(.invalidClauseComposition), "Invalid combination of UNION and UNION ALL", body.range)
        }
        var parts: [BoundQuery] = []
        for clauses in body.queries {
            parts.append(try bindSingle(clauses, initialScope: scope, subquery: subquery))
        }
        for p in parts.dropFirst() where p.columns != parts[0].columns {
            throw error(.syntax(.differentColumnsInUnion), "All sub queries in a UNION must have the same column names", body.range)
        }
        return BoundUnion(parts: parts, distinct: !(body.unionAll.first ?? true), columnSlots: unionColumnSlots(parts), columns: parts[0].columns)
    }

    /// The slots a UNION of `parts` writes its columns to: fresh ones for several parts, or for one
    /// part whose columns share a slot with a variable of `nullable` (the outer scope of an OPTIONAL
    /// CALL, which nulls its columns for a row it has no rows for); otherwise the part's own. (A part
    /// that renames an outer variable, `RETURN x AS y`, keeps `y` in `x`'s slot: copying another
    /// part's rows there, or nulling it, would change `x`.)
    func unionColumnSlots(_ parts: [BoundQuery], nullable: Scope? = nil) -> [Int] {
        if parts.count == 1 {
            let outer = Set(nullable.map { $0.variables.values.map(\.slot) } ?? [])
            if !parts[0].columnSlots.contains(where: outer.contains) { return parts[0].columnSlots }
        }
        return parts[0].columns.map { slots.allocate($0) }
    }
}
