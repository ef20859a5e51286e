import ParleyGraph

/// What a pattern says besides its shape: label and type expressions, and the WHERE written
/// inside a node or relationship pattern. Both become predicates of the pattern, planned like
/// the MATCH's WHERE (pushed down to the step that binds their variables).
extension Binder {
    /// A predicate's conjuncts, each bound with its slots, its text, and (for `n.key = value`)
    /// the equality an index could answer.
    func pendingPredicates(_ predicate: Expression, _ ctx: BindingContext) throws(QueryError) -> [PendingPredicate] {
        var predicates: [PendingPredicate] = []
        for c in Binder.conjuncts(predicate) {
            if let k = staticKind(c, ctx), k != .boolean {
                throw error(.syntax(.invalidArgumentType), "Type mismatch: WHERE expected Boolean but was \(k.displayName)", c.range)
            }
            let b = try bind(c, ctx)
            var eq: (slot: Int, key: String, value: BoundExpression)?
            if case .compare(.eq, let l, let r) = b {
                if case .property(.slot(let s), let k, _) = l, !r.slotsUsed.contains(s) { eq = (s, k, r) }
                else if case .property(.slot(let s), let k, _) = r, !l.slotsUsed.contains(s) { eq = (s, k, l) }
            }
            predicates.append(PendingPredicate(expression: b, slots: b.slotsUsed, text: text(c.range), range: c.range, equality: eq))
        }
        return predicates
    }

    /// A label expression as a check on `subject` (`%`: a label check with no names, true for a
    /// node with any label and for every relationship).
    func labelCheck(_ e: LabelExpression, on subject: BoundExpression) -> BoundExpression {
        switch e {
        case .name(let n): return .hasLabels(subject, [n])
        case .any: return .hasLabels(subject, [])
        case .not(let x): return .not(labelCheck(x, on: subject))
        case .and(let a, let b):
            if let names = e.conjunction { return .hasLabels(subject, names) }
            return .and(labelCheck(a, on: subject), labelCheck(b, on: subject))
        case .or(let a, let b): return .or(labelCheck(a, on: subject), labelCheck(b, on: subject))
        }
    }

    /// The relationship types a type expression allows, among the graph's (a relationship has
    /// one type, so any type expression allows a set of names or all names but a set). When it
    /// allows none, a name the graph does not have, so that the expansion finds nothing.
    func allowedTypes(_ e: LabelExpression) -> [String] {
        let allowed = graph.types.names.filter { e.matches(type: $0) }
        if !allowed.isEmpty { return allowed }
        var absent = "\u{1}none"
        while graph.types.id(of: absent) != nil { absent += "\u{1}" }
        return [absent]
    }

    /// Binds the WHERE inside a node or relationship pattern. It sees the variables bound before
    /// the clause (`outer`) and the pattern element's own variable, not the clause's others.
    func inlinePredicates(_ predicate: Expression, variable: String?, own: Variable, outer: Scope, full: Scope,
                          clause: String) throws(QueryError) -> [PendingPredicate] {
        var scope = outer
        if let variable { scope.bind(variable, own) }
        return try scopedPredicates(predicate, scope: scope, full: full, clause: clause)
    }

    /// Binds a WHERE written inside a pattern with the variables of `scope`; a variable of
    /// `full` (the clause's) that `scope` lacks gets a message saying why it cannot be used.
    func scopedPredicates(_ predicate: Expression, scope: Scope, full: Scope, clause: String,
                          own: String = "the pattern element's own variable") throws(QueryError) -> [PendingPredicate] {
        do {
            return try pendingPredicates(predicate, BindingContext(scope: scope, clause: "WHERE"))
        } catch let e where e.kind == .syntax(.undefinedVariable) {
            var culprit: Expression?
            predicate.visit { x in
                if culprit == nil, case .variable(let name) = x.kind, scope[name] == nil, full[name] != nil { culprit = x }
            }
            guard let culprit, case .variable(let name) = culprit.kind else { throw e }
            throw error(.syntax(.undefinedVariable),
                        "Variable `\(name)` cannot be used in a WHERE inside a pattern: it is declared by the same \(clause); "
                            + "only \(own) and variables bound before can be used (move the condition to the clause's WHERE)",
                        culprit.range)
        }
    }
}

extension Binder {
    /// Refuses in a CREATE or MERGE pattern what only matching can mean: label expressions other
    /// than a plain conjunction, type expressions, and WHERE inside the pattern.
    func checkWritablePattern(_ part: PatternPart, clause: String) throws(QueryError) {
        for n in part.nodes {
            if let e = n.labelExpression {
                throw error(.syntax(.invalidLabelExpression),
                            "Label expression :\(e.text) cannot be used in \(clause): a node is \(clause == "MERGE" ? "merged" : "created") with labels written :A:B or :A&B",
                            n.range)
            }
            if let p = n.predicate {
                throw error(.syntax(.unexpectedSyntax), "WHERE cannot be used inside a \(clause) pattern", p.range)
            }
        }
        if let q = part.chain.lazy.compactMap({ $0.relationship.quantifier?.range ?? $0.relationship.group?.range }).first {
            throw error(.syntax(.unexpectedSyntax), "A quantified relationship or path pattern cannot be used in \(clause)", q)
        }
        if let s = part.selector {
            throw error(.syntax(.unexpectedSyntax), "A path selector cannot be used in \(clause)", s.range)
        }
        for (r, _) in part.chain {
            if let e = r.typeExpression {
                throw error(.syntax(.noSingleRelationshipType),
                            "Type expression :\(e.text) cannot be used in \(clause): a single relationship type must be specified", r.range)
            }
            if let p = r.predicate {
                throw error(.syntax(.unexpectedSyntax), "WHERE cannot be used inside a \(clause) pattern", p.range)
            }
        }
    }
}
