import ParleyGraph
import ParleyValues

/// Quantified relationships (`-[:R]->{1,3}`), quantified path patterns
/// (`((a)-[r]->(b) WHERE p){1,3}`) and path selectors (`SHORTEST 2`): their variables become
/// group variables (lists outside the pattern), and the rules the Cypher manual gives for them
/// are checked here.
extension Binder {
    /// Refuses a MATCH mixing variable-length relationships (`-[*]-`) with quantified ones or
    /// quantified path patterns (the manual does not allow the two notations in one clause).
    func checkQuantifierMix(_ patterns: [PatternPart]) throws(QueryError) {
        var varLength: RelationshipPattern?, quantified: SourceRange?
        for part in patterns {
            for step in part.chain {
                if step.relationship.length != nil, varLength == nil { varLength = step.relationship }
                if quantified == nil { quantified = step.relationship.quantifier?.range ?? step.relationship.group?.range }
            }
        }
        if let varLength, let quantified {
            throw error(.syntax(.unexpectedSyntax),
                        "Variable-length relationships (-[*]-) cannot be mixed with quantified relationships or quantified path patterns in one MATCH",
                        varLength.range.start.offset < quantified.start.offset ? quantified : varLength.range)
        }
    }

    /// The part with each quantified relationship rewritten: without a WHERE it is the
    /// variable-length relationship it means (`-[r:R]->{1,3}` is `-[r:R*1..3]->`); with one it
    /// is the quantified path pattern `(()-[r:R WHERE …]->()){1,3}`.
    func normalizingQuantifiedRelationships(_ part: PatternPart, scope: Scope) throws(QueryError) -> PatternPart {
        var part = part
        for i in part.chain.indices {
            var r = part.chain[i].relationship
            guard let q = r.quantifier else { continue }
            if let v = r.variable, scope[v] != nil {
                throw error(.syntax(.variableAlreadyBound),
                            "Variable `\(v)` is already declared: the variable of a quantified relationship is a new group variable", r.range)
            }
            r.quantifier = nil
            if r.predicate == nil {
                r.length = (q.min, q.max)
            } else {
                let anchor = SourceRange(start: r.range.start, end: r.range.start)
                let end = SourceRange(start: r.range.end, end: r.range.end)
                let inner = PatternPart(pathVariable: nil, first: NodePattern(variable: nil, labels: [], properties: nil, range: anchor),
                                        chain: [(r, NodePattern(variable: nil, labels: [], properties: nil, range: end))],
                                        range: SourceRange(start: r.range.start, end: q.range.end))
                var step = RelationshipPattern(variable: nil, types: [], properties: nil, direction: .right, length: nil, range: inner.range)
                step.group = QuantifiedGroup(path: inner, predicate: nil, quantifier: q, range: inner.range)
                r = step
            }
            part.chain[i].relationship = r
        }
        return part
    }

    /// Binds a quantified path pattern: each inner variable gets a slot one repetition binds and
    /// a group variable (a list) declared in `scope`; one repetition's checks see the variables
    /// bound before the clause (`outer`) and the inner variables.
    func resolveGroup(_ g: QuantifiedGroup, scope: inout Scope, newSlots: inout [Int], seenRels: inout Set<String>, allowNew: Bool,
                      outer: Scope, clause: String) throws(QueryError) -> ResolvedGroup {
        var inner = outer
        var declared: [String: (slot: Int, kind: VariableKind, node: Int?)] = [:]
        var groupSlots: [(inner: Int, outer: Int)] = []
        var groupVariables: [(String, Int)] = []
        func declare(_ v: String, _ kind: VariableKind, _ range: SourceRange) throws(QueryError) -> Int {
            if scope[v] != nil || inner[v] != nil && declared[v] == nil {
                throw error(.syntax(.variableAlreadyBound),
                            "Variable `\(v)` is already declared: a variable of a quantified path pattern is a new group variable (a list outside the pattern)",
                            range)
            }
            guard allowNew else { throw error(.syntax(.undefinedVariable), "Variable `\(v)` not defined", range) }
            let innerSlot = slots.allocate(v)
            let outerSlot = slots.allocate(v)
            newSlots += [innerSlot, outerSlot]
            inner.bind(v, Variable(slot: innerSlot, kind: kind))
            groupSlots.append((innerSlot, outerSlot))
            groupVariables.append((v, outerSlot))
            return innerSlot
        }
        var nodes: [NodeOccurrence] = []
        var aliases: [Int?] = []
        for (i, n) in g.path.nodes.enumerated() {
            var slot: Int
            var alias: Int?
            if let v = n.variable {
                if let d = declared[v] {
                    guard d.kind == .node else {
                        throw error(.syntax(.variableTypeConflict), "Type mismatch: `\(v)` defined with conflicting type Relationship (expected Node)", n.range)
                    }
                    slot = d.slot
                    alias = d.node
                } else {
                    slot = try declare(v, .node, n.range)
                    declared[v] = (slot, .node, i)
                }
            } else {
                slot = anonymousSlot("n")
                newSlots.append(slot)
            }
            aliases.append(alias)
            nodes.append(NodeOccurrence(slot: slot, name: n.variable ?? "", labels: n.labels, properties: [], range: n.range,
                                        labelExpression: n.labelExpression))
        }
        var rels: [RelOccurrence] = []
        for (r, _) in g.path.chain {
            if r.length != nil {
                throw error(.syntax(.unexpectedSyntax),
                            "A variable-length relationship (-[*]-) cannot be used inside a quantified path pattern", r.range)
            }
            var slot: Int
            if let v = r.variable {
                if declared[v] != nil || seenRels.contains(v) {
                    throw error(.syntax(.relationshipUniquenessViolation),
                                "Cannot use the same relationship variable `\(v)` for multiple relationships", r.range)
                }
                slot = try declare(v, .relationship, r.range)
                declared[v] = (slot, .relationship, nil)
                seenRels.insert(v)
            } else {
                slot = anonymousSlot("r")
                newSlots.append(slot)
            }
            var rel = RelOccurrence(slot: slot, name: r.variable ?? "", types: r.types, properties: [], direction: r.direction, length: nil,
                                    boundBefore: false, range: r.range)
            if let e = r.typeExpression {
                rel.types = allowedTypes(e)
                rel.typeExpression = e
            }
            rels.append(rel)
        }
        // One repetition's checks: labels, inline properties, WHEREs.
        let ctx = BindingContext(scope: inner, clause: "MATCH")
        let ownVariables = "the quantified path pattern's own variables"
        var predicates: [PendingPredicate] = []
        func propertyChecks(_ e: Expression?, slot: Int, name: String) throws(QueryError) {
            guard let e else { return }
            guard case .map(let entries) = e.kind else {
                throw error(.syntax(.invalidParameterUse), "Parameter maps cannot be used in MATCH patterns (use WHERE)", e.range)
            }
            for (k, v) in entries {
                let check = BoundExpression.compare(.eq, .property(.slot(slot), name: k, key: graph.keys.id(of: k)), try bind(v, ctx))
                predicates.append(PendingPredicate(expression: check, slots: check.slotsUsed, text: "\(name.isEmpty ? "_" : name).\(k) = …", range: v.range))
            }
        }
        for (i, n) in g.path.nodes.enumerated() {
            if let e = n.labelExpression {
                let check = labelCheck(e, on: .slot(nodes[i].slot))
                nodes[i].labels = e.impliedLabels
                predicates.append(PendingPredicate(expression: check, slots: check.slotsUsed, text: "\(n.variable ?? "_"):\(e.text)", range: n.range))
            }
            try propertyChecks(n.properties, slot: nodes[i].slot, name: n.variable ?? "")
            if let p = n.predicate { predicates += try scopedPredicates(p, scope: inner, full: scope, clause: clause, own: ownVariables) }
        }
        for (i, (r, _)) in g.path.chain.enumerated() {
            try propertyChecks(r.properties, slot: rels[i].slot, name: r.variable ?? "")
            if let p = r.predicate { predicates += try scopedPredicates(p, scope: inner, full: scope, clause: clause, own: ownVariables) }
        }
        if let p = g.predicate { predicates += try scopedPredicates(p, scope: inner, full: scope, clause: clause, own: ownVariables) }
        for (v, outerSlot) in groupVariables { scope.bind(v, Variable(slot: outerSlot, kind: .list)) }
        return ResolvedGroup(nodes: nodes, rels: rels, nodeAliases: aliases, predicates: predicates, min: g.quantifier.min, max: g.quantifier.max,
                             groupSlots: groupSlots, text: text(g.range))
    }

    /// Checks a path selector against its pattern: a selective one needs a quantified or
    /// variable-length part to choose among.
    func checkSelector(_ selector: PathSelector, _ part: PatternPart) throws(QueryError) {
        guard selector.isSelective else { return }
        if !part.chain.contains(where: { $0.relationship.length != nil || $0.relationship.group != nil || $0.relationship.quantifier != nil }) {
            throw error(.syntax(.unexpectedSyntax),
                        "The path selector \(selector.text) needs a path pattern with a quantified or variable-length part (e.g. -[:R]->+)",
                        selector.range)
        }
    }
}
