import ParleyGraph
import ParleyValues

/// MATCH binding: pattern variables to slots (declaring new ones), inline properties, WHERE
/// conjuncts (with the equalities an index could answer).
extension Binder {
    /// Binds `MATCH`/`OPTIONAL MATCH`; returns it with the scope after it.
    func bindMatch(_ patterns: [PatternPart], predicate: Expression?, optional: Bool, scope inScope: Scope) throws(QueryError) -> (BoundMatch, Scope) {
        var scope = inScope
        let outerBound = Set(inScope.variables.values.map(\.slot))
        var newSlots: [Int] = []
        var resolved: [ResolvedPart] = []
        var seenRels = Set<String>()
        try checkRelationshipCount(patterns)
        try checkQuantifierMix(patterns)
        for part in patterns {
            resolved.append(try resolve(part, scope: &scope, newSlots: &newSlots, seenRels: &seenRels, allowNew: true,
                                        outer: inScope, clause: optional ? "OPTIONAL MATCH" : "MATCH"))
        }
        var predicates: [PendingPredicate] = []
        if let predicate {
            predicates = try pendingPredicates(predicate, BindingContext(scope: scope, clause: "WHERE"))
        }
        let match = BoundMatch(parts: resolved, predicates: predicates, optional: optional, newSlots: newSlots, outerBound: outerBound)
        return (match, scope)
    }

    /// The most relationships one MATCH may name, and the most comma-separated patterns it may
    /// list: each relationship is checked against every earlier one (relationship uniqueness)
    /// and each pattern weighed against the others, so planning cost grows with their square.
    static let maxMatchRelationships = 1_000

    /// Refuses a MATCH naming more than ``maxMatchRelationships`` relationships or patterns, at the
    /// first one past the limit.
    func checkRelationshipCount(_ patterns: [PatternPart]) throws(QueryError) {
        if patterns.count > Binder.maxMatchRelationships {
            throw QueryError(.compileTime, .syntax(.unexpectedSyntax),
                             "Pattern too long: a MATCH may list at most \(Binder.maxMatchRelationships) patterns",
                             at: patterns[Binder.maxMatchRelationships].range,
                             hint: "split it into several MATCH clauses")
        }
        var count = 0
        for part in patterns {
            for step in part.chain {
                count += 1
                if count > Binder.maxMatchRelationships {
                    throw QueryError(.compileTime, .syntax(.unexpectedSyntax),
                                     "Pattern too long: a MATCH may name at most \(Binder.maxMatchRelationships) relationships",
                                     at: step.relationship.range,
                                     hint: "use a variable-length relationship such as -[:R*5]-> for long chains")
                }
            }
        }
    }

    /// Resolves variables of a pattern part to slots, declaring new ones in `scope`. A WHERE
    /// inside the pattern sees `outer` (the variables bound before the clause; by default the
    /// scope before this part) and its element's own variable.
    func resolve(_ written: PatternPart, scope: inout Scope, newSlots: inout [Int], seenRels: inout Set<String>, allowNew: Bool,
                 outer: Scope? = nil, clause: String = "pattern") throws(QueryError) -> ResolvedPart {
        let outer = outer ?? scope
        if let selector = written.selector { try checkSelector(selector, written) }
        let part = try normalizingQuantifiedRelationships(written, scope: scope)
        if part.shortest != .none && part.chain.count != 1 {
            throw error(.syntax(.unexpectedSyntax), "shortestPath needs a pattern with exactly one relationship", part.range)
        }
        if part.shortest != .none, let length = part.chain[0].relationship.length, (length.min ?? 1) > 1 {
            throw error(.syntax(.unexpectedSyntax), "shortestPath only supports a minimal length of 0 or 1", nil)
        }
        var nodes: [NodeOccurrence] = []
        var rels: [RelOccurrence] = []
        func properties(_ e: Expression?, _ ctx: BindingContext) throws(QueryError) -> [(key: String, value: BoundExpression)] {
            guard let e else { return [] }
            switch e.kind {
            case .map(let entries):
                var out: [(key: String, value: BoundExpression)] = []
                for (k, v) in entries { out.append((k, try bind(v, ctx))) }
                return out
            default:
                if case .parameter = e.kind, ctx.clause == "MATCH" {
                    throw error(.syntax(.invalidParameterUse), "Parameter maps cannot be used in MATCH patterns (use WHERE)", e.range)
                }
                guard case .map(let m) = try constant(try bind(e, ctx)) else {
                    throw error(.syntax(.invalidParameterUse), "Pattern properties must be a map", e.range)
                }
                return m.sorted { $0.key < $1.key }.map { ($0.key, BoundExpression.constant($0.value)) }
            }
        }
        // First declare every variable so that properties may refer to any of them.
        var nodeSlots: [Int] = []
        for n in part.nodes {
            if let v = n.variable {
                if let existing = scope[v] {
                    if existing.kind != .node && existing.kind != .value {
                        throw error(.syntax(.variableTypeConflict), "Type mismatch: `\(v)` defined with conflicting type \(existing.kind.displayName) (expected Node)", n.range)
                    }
                    nodeSlots.append(existing.slot)
                } else {
                    guard allowNew else { throw error(.syntax(.undefinedVariable), "Variable `\(v)` not defined", n.range) }
                    let s = slots.allocate(v)
                    scope.bind(v, Variable(slot: s, kind: .node))
                    newSlots.append(s)
                    nodeSlots.append(s)
                }
            } else {
                let s = anonymousSlot("n")
                newSlots.append(s)
                nodeSlots.append(s)
            }
        }
        var relSlots: [(Int, Bool)] = []
        var boundListChecks: [(Int, Int)] = []
        var groups: [Int: ResolvedGroup] = [:]
        for (i, (r, _)) in part.chain.enumerated() {
            if let g = r.group {
                groups[i] = try resolveGroup(g, scope: &scope, newSlots: &newSlots, seenRels: &seenRels, allowNew: allowNew, outer: outer, clause: clause)
                let s = anonymousSlot("qpp")
                newSlots.append(s)
                relSlots.append((s, false))
                continue
            }
            let kind: VariableKind = r.length == nil ? .relationship : .relationshipList
            if let v = r.variable {
                if let existing = scope[v] {
                    if existing.kind != kind && existing.kind != .value && !(kind == .relationshipList && existing.kind == .list) {
                        throw error(.syntax(.variableTypeConflict), "Type mismatch: `\(v)` defined with conflicting type \(existing.kind.displayName) (expected \(kind.displayName))", r.range)
                    }
                    if seenRels.contains(v) {
                        throw error(.syntax(.relationshipUniquenessViolation), "Cannot use the same relationship variable `\(v)` for multiple relationships", r.range)
                    }
                    if kind == .relationshipList {
                        // Match a fresh list and require it to equal the bound one.
                        let s = anonymousSlot("rs")
                        newSlots.append(s)
                        relSlots.append((s, false))
                        boundListChecks.append((s, existing.slot))
                    } else {
                        relSlots.append((existing.slot, true))
                    }
                } else {
                    guard allowNew else { throw error(.syntax(.undefinedVariable), "Variable `\(v)` not defined", r.range) }
                    let s = slots.allocate(v)
                    scope.bind(v, Variable(slot: s, kind: kind))
                    newSlots.append(s)
                    relSlots.append((s, false))
                }
                seenRels.insert(v)
            } else {
                let s = anonymousSlot("r")
                newSlots.append(s)
                relSlots.append((s, false))
            }
        }
        var pathSlot: Int?
        if let p = part.pathVariable {
            if scope[p] != nil { throw error(.syntax(.variableAlreadyBound), "Variable `\(p)` already declared", part.range) }
            let s = slots.allocate(p)
            scope.bind(p, Variable(slot: s, kind: .path))
            newSlots.append(s)
            pathSlot = s
        }
        let ctx = BindingContext(scope: scope, clause: "MATCH")
        var predicates: [PendingPredicate] = []
        for (i, n) in part.nodes.enumerated() {
            var node = NodeOccurrence(slot: nodeSlots[i], name: n.variable ?? "", labels: n.labels, properties: try properties(n.properties, ctx),
                                      range: n.range)
            if let e = n.labelExpression {
                node.labels = e.impliedLabels
                node.labelExpression = e
                let check = labelCheck(e, on: .slot(node.slot))
                predicates.append(PendingPredicate(expression: check, slots: [node.slot], text: "\(n.variable ?? "_"):\(e.text)", range: n.range))
            }
            if let p = n.predicate {
                predicates += try inlinePredicates(p, variable: n.variable, own: Variable(slot: node.slot, kind: .node), outer: outer,
                                                   full: scope, clause: clause)
            }
            nodes.append(node)
        }
        for (i, (r, _)) in part.chain.enumerated() {
            if let g = groups[i] {
                var rel = RelOccurrence(slot: relSlots[i].0, name: "", types: [], properties: [], direction: .right, length: (g.min, g.max),
                                        boundBefore: false, range: r.range)
                rel.group = g
                rels.append(rel)
                continue
            }
            var rel = RelOccurrence(slot: relSlots[i].0, name: r.variable ?? "", types: r.types, properties: try properties(r.properties, ctx),
                                    direction: r.direction, length: r.length, boundBefore: relSlots[i].1, range: r.range)
            if let e = r.typeExpression {
                rel.types = allowedTypes(e)
                rel.typeExpression = e
            }
            if let p = r.predicate {
                if r.length != nil {
                    throw error(.syntax(.unexpectedSyntax),
                                "WHERE is not allowed inside a variable-length relationship pattern (filter the relationships in the clause's WHERE, e.g. with all())",
                                p.range)
                }
                predicates += try inlinePredicates(p, variable: r.variable, own: Variable(slot: rel.slot, kind: .relationship), outer: outer,
                                                   full: scope, clause: clause)
            }
            rels.append(rel)
        }
        var resolved = ResolvedPart(nodes: nodes, rels: rels, pathSlot: pathSlot, listEqualities: boundListChecks, shortest: part.shortest)
        resolved.predicates = predicates
        if let selector = part.selector, selector.isSelective {
            resolved.selector = selector
            if resolved.pathSlot == nil {
                let s = anonymousSlot("p")
                newSlots.append(s)
                resolved.pathSlot = s
            }
        }
        return resolved
    }
}
