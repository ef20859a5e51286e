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

    /// `EXISTS { ... }`: a read-only query run per row, true when it produces a row.
    func existsSubquery(_ clauses: [Clause], _ e: Expression, _ ctx: BindingContext) throws(QueryError) -> BoundExpression {
        var scope = ctx.scope
        for (name, slot) in ctx.locals { scope.bind(name, Variable(slot: slot, kind: .value)) }
        if clauses.contains(where: { $0.isWrite }) {
            throw error("SyntaxError", "InvalidClauseComposition", "An EXISTS subquery cannot write to the graph", e.range)
        }
        let query = try bindSingle(clauses, initialScope: scope, subquery: true)
        return .exists(subplan(.query(query), outerSlots: Set(scope.variables.values.map(\.slot))))
    }
}
