import ParleyGraph

/// Sub-plans used inside expressions: pattern predicates and pattern comprehensions.
extension QueryCompiler {
    /// `[p = (a)-->(b) WHERE pred | expr]`: a sub-plan over the pattern, collecting `expr`.
    func patternComprehension(_ part: PatternPart, predicate: Expression?, projection: Expression, _ ctx: BindingContext) throws(QueryError) -> BoundExpression {
        var scope = ctx.scope
        for (name, slot) in ctx.locals { scope.bind(name, Variable(slot: slot, kind: .value)) }
        let outer = Set(scope.variables.values.map(\.slot))
        var newSlots: [Int] = []
        var seen = Set<String>()
        try checkRelationshipCount([part])
        let resolved = try resolve(part, scope: &scope, newSlots: &newSlots, seenRels: &seen, allowNew: true)
        var state = MatchState(bound: outer)
        var inner = BindingContext(scope: scope, clause: "WHERE")
        inner.locals = [:]
        if let predicate {
            for c in QueryCompiler.conjuncts(predicate) {
                let b = try bind(c, inner)
                state.pending.append(PendingPredicate(expression: b, slots: b.slotsUsed, text: text(c.range), equality: nil))
            }
        }
        let root = try planParts([resolved], state: &state, input: ArgumentOperator())
        inner.clause = "RETURN"
        let proj = try bind(projection, inner)
        return .patternComprehension(PlanBox(root, outerSlots: outer), projection: proj)
    }

    /// A pattern used as a predicate: a sub-plan that checks whether it has a match.
    func patternPredicate(_ part: PatternPart, _ ctx: BindingContext) throws(QueryError) -> BoundExpression {
        var scope = ctx.scope
        for (name, slot) in ctx.locals { scope.bind(name, Variable(slot: slot, kind: .value)) }
        var newSlots: [Int] = []
        var seen = Set<String>()
        try checkRelationshipCount([part])
        let resolved = try resolve(part, scope: &scope, newSlots: &newSlots, seenRels: &seen, allowNew: false)
        let outer = Set(scope.variables.values.map(\.slot))
        var state = MatchState(bound: outer)
        let root = try planParts([resolved], state: &state, input: ArgumentOperator())
        let used = Set(resolved.nodes.map(\.slot) + resolved.rels.map(\.slot)).intersection(outer)
        return .exists(PlanBox(root, outerSlots: used))
    }
}
