import ParleyGraph
import ParleyValues

/// One occurrence of a node in a pattern, after variables got slots.
struct NodeOccurrence {
    var slot: Int
    var name: String
    var labels: [String]
    var properties: [(key: String, value: BoundExpression)]
    /// Where the node pattern is written.
    var range: SourceRange?
}

/// One relationship of a pattern, after variables got slots.
struct RelOccurrence {
    var slot: Int
    var name: String
    var types: [String]
    var properties: [(key: String, value: BoundExpression)]
    var direction: RelationshipPattern.Direction
    var length: (min: Int?, max: Int?)?
    var boundBefore: Bool
    /// Where the relationship pattern is written.
    var range: SourceRange?
}

/// A pattern part with resolved slots.
struct ResolvedPart {
    var nodes: [NodeOccurrence]
    var rels: [RelOccurrence]
    var pathSlot: Int?
    /// (fresh list slot, bound list slot) pairs that must be equal.
    var listEqualities: [(Int, Int)] = []
    /// shortestPath / allShortestPaths.
    var shortest: PatternPart.Shortest = .none
}

/// A WHERE conjunct waiting for its variables to be bound.
struct PendingPredicate {
    var expression: BoundExpression
    var slots: Set<Int>
    var text: String
    /// Where the predicate is written.
    var range: SourceRange? = nil
    /// For `n.key = value`: the node slot, key and value (index-seek candidates).
    var equality: (slot: Int, key: String, value: BoundExpression)?
}

/// The state of planning one MATCH: what is bound and which predicates still wait.
struct MatchState {
    var bound: Set<Int>
    var pending: [PendingPredicate] = []
    var singleRels: [Int] = []
    var relLists: [Int] = []
    /// The variable-length expansion planned last (it may bind a pattern's path itself).
    var lastVarExpand: VarExpandOperator?
}

/// MATCH planning: choose the start of each pattern, expand along typed adjacency, push
/// predicates down to the first point where their variables are bound.
extension QueryCompiler {
    /// Plans `MATCH`/`OPTIONAL MATCH` on top of `input`.
    func planMatch(_ patterns: [PatternPart], predicate: Expression?, optional: Bool, input: Operator, scope inScope: Scope) throws(QueryError) -> (Operator, Scope) {
        var scope = inScope
        let outerBound = Set(inScope.variables.values.map(\.slot))
        var newSlots: [Int] = []
        var resolved: [ResolvedPart] = []
        var seenRels = Set<String>()
        try checkRelationshipCount(patterns)
        for part in patterns {
            resolved.append(try resolve(part, scope: &scope, newSlots: &newSlots, seenRels: &seenRels, allowNew: true))
        }
        var state = MatchState(bound: outerBound)
        if let predicate {
            let ctx = BindingContext(scope: scope, clause: "WHERE")
            for c in QueryCompiler.conjuncts(predicate) {
                if let k = staticKind(c, ctx), k != .boolean {
                    throw error("SyntaxError", "InvalidArgumentType", "Type mismatch: WHERE expected Boolean but was \(k.displayName)", c.range)
                }
                let b = try bind(c, ctx)
                var eq: (slot: Int, key: String, value: BoundExpression)?
                if case .compare(.eq, let l, let r) = b {
                    if case .property(.slot(let s), let k, _) = l, !r.slotsUsed.contains(s) { eq = (s, k, r) }
                    else if case .property(.slot(let s), let k, _) = r, !l.slotsUsed.contains(s) { eq = (s, k, l) }
                }
                state.pending.append(PendingPredicate(expression: b, slots: b.slotsUsed, text: text(c.range), range: c.range, equality: eq))
            }
        }
        var op: Operator = optional ? ArgumentOperator() : input
        op = try planParts(resolved, state: &state, input: op)
        if optional {
            op = OptionalApplyOperator(input: input, inner: op, nullSlots: newSlots)
        }
        return (op, scope)
    }

    /// The most relationships one MATCH may name, and the most comma-separated patterns it may
    /// list: each relationship is checked against every earlier one (relationship uniqueness)
    /// and each pattern weighed against the others, so planning cost grows with their square.
    static let maxMatchRelationships = 1_000

    /// Refuses a MATCH naming more than ``maxMatchRelationships`` relationships or patterns, at the
    /// first one past the limit.
    func checkRelationshipCount(_ patterns: [PatternPart]) throws(QueryError) {
        if patterns.count > QueryCompiler.maxMatchRelationships {
            throw QueryError(.compileTime, "SyntaxError", detail: "UnexpectedSyntax",
                             "Pattern too long: a MATCH may list at most \(QueryCompiler.maxMatchRelationships) patterns",
                             at: patterns[QueryCompiler.maxMatchRelationships].range,
                             hint: "split it into several MATCH clauses")
        }
        var count = 0
        for part in patterns {
            for step in part.chain {
                count += 1
                if count > QueryCompiler.maxMatchRelationships {
                    throw QueryError(.compileTime, "SyntaxError", detail: "UnexpectedSyntax",
                                     "Pattern too long: a MATCH may name at most \(QueryCompiler.maxMatchRelationships) relationships",
                                     at: step.relationship.range,
                                     hint: "use a variable-length relationship such as -[:R*5]-> for long chains")
                }
            }
        }
    }

    /// Plans resolved parts in a good order, then any predicates left.
    func planParts(_ parts: [ResolvedPart], state: inout MatchState, input: Operator) throws(QueryError) -> Operator {
        var op = input
        // Inline properties and labels become predicates attached to occurrences.
        var remaining = parts
        while !remaining.isEmpty {
            var best = 0, bestCost = Int.max
            for (i, p) in remaining.enumerated() {
                let cost = p.nodes.map { estimate($0, state) }.min() ?? Int.max
                if cost < bestCost { best = i; bestCost = cost }
            }
            let part = remaining.remove(at: best)
            op = try planPart(part, state: &state, input: op)
        }
        for p in state.pending {
            op = FilterOperator(input: op, predicate: p.expression, text: p.text, range: p.range)
        }
        state.pending = []
        return op
    }

    /// Resolves variables of a pattern part to slots, declaring new ones in `scope`.
    func resolve(_ part: PatternPart, scope: inout Scope, newSlots: inout [Int], seenRels: inout Set<String>, allowNew: Bool) throws(QueryError) -> ResolvedPart {
        if part.shortest != .none && part.chain.count != 1 {
            throw error("SyntaxError", "UnexpectedSyntax", "shortestPath needs a pattern with exactly one relationship", part.range)
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
                    throw error("SyntaxError", "InvalidParameterUse", "Parameter maps cannot be used in MATCH patterns (use WHERE)", e.range)
                }
                guard case .map(let m) = try constant(try bind(e, ctx)) else {
                    throw error("SyntaxError", "InvalidParameterUse", "Pattern properties must be a map", e.range)
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
                        throw error("SyntaxError", "VariableTypeConflict", "Type mismatch: `\(v)` defined with conflicting type \(existing.kind.displayName) (expected Node)", n.range)
                    }
                    nodeSlots.append(existing.slot)
                } else {
                    guard allowNew else { throw error("SyntaxError", "UndefinedVariable", "Variable `\(v)` not defined", n.range) }
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
        for (r, _) in part.chain {
            let kind: VariableKind = r.length == nil ? .relationship : .relationshipList
            if let v = r.variable {
                if let existing = scope[v] {
                    if existing.kind != kind && existing.kind != .value && !(kind == .relationshipList && existing.kind == .list) {
                        throw error("SyntaxError", "VariableTypeConflict", "Type mismatch: `\(v)` defined with conflicting type \(existing.kind.displayName) (expected \(kind.displayName))", r.range)
                    }
                    if seenRels.contains(v) {
                        throw error("SyntaxError", "RelationshipUniquenessViolation", "Cannot use the same relationship variable `\(v)` for multiple relationships", r.range)
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
                    guard allowNew else { throw error("SyntaxError", "UndefinedVariable", "Variable `\(v)` not defined", r.range) }
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
            if scope[p] != nil { throw error("SyntaxError", "VariableAlreadyBound", "Variable `\(p)` already declared", part.range) }
            let s = slots.allocate(p)
            scope.bind(p, Variable(slot: s, kind: .path))
            newSlots.append(s)
            pathSlot = s
        }
        let ctx = BindingContext(scope: scope, clause: "MATCH")
        for (i, n) in part.nodes.enumerated() {
            nodes.append(NodeOccurrence(slot: nodeSlots[i], name: n.variable ?? "", labels: n.labels, properties: try properties(n.properties, ctx), range: n.range))
        }
        for (i, (r, _)) in part.chain.enumerated() {
            rels.append(RelOccurrence(slot: relSlots[i].0, name: r.variable ?? "", types: r.types, properties: try properties(r.properties, ctx),
                                      direction: r.direction, length: r.length, boundBefore: relSlots[i].1, range: r.range))
        }
        return ResolvedPart(nodes: nodes, rels: rels, pathSlot: pathSlot, listEqualities: boundListChecks, shortest: part.shortest)
    }

    /// A rough row count for starting a pattern at `n`.
    func estimate(_ n: NodeOccurrence, _ state: MatchState) -> Int {
        if state.bound.contains(n.slot) { return 0 }
        if indexSeek(n, state) != nil { return 1 }
        var best = graph.nodeCount
        for l in n.labels {
            guard let id = graph.labels.id(of: l) else { return 0 }
            best = min(best, graph.count(ofLabel: id))
        }
        if !n.properties.isEmpty { best = best / 4 + 1 }
        return best + 2
    }

    /// An index-usable equality on `n` (inline property or WHERE conjunct), if any.
    func indexSeek(_ n: NodeOccurrence, _ state: MatchState) -> (key: Int32, value: BoundExpression)? {
        for (k, v) in n.properties {
            if let key = graph.keys.id(of: k), graph.isIndexed(key), v.slotsUsed.isSubset(of: state.bound) { return (key, v) }
        }
        for p in state.pending {
            if let eq = p.equality, eq.slot == n.slot, let key = graph.keys.id(of: eq.key), graph.isIndexed(key),
               eq.value.slotsUsed.isSubset(of: state.bound) {
                return (key, eq.value)
            }
        }
        return nil
    }

    /// Adds the predicates for an occurrence's inline properties.
    func addPropertyPredicates(_ slot: Int, _ name: String, _ props: [(key: String, value: BoundExpression)], _ state: inout MatchState) {
        for (k, v) in props {
            let e = BoundExpression.compare(.eq, .property(.slot(slot), name: k, key: graph.keys.id(of: k)), v)
            state.pending.append(PendingPredicate(expression: e, slots: e.slotsUsed, text: "\(name.isEmpty ? "_" : name).\(k) = …", equality: nil))
        }
    }

    /// Emits filters for every pending predicate whose variables are bound.
    func flush(_ state: inout MatchState, _ op: Operator) -> Operator {
        var op = op
        var keep: [PendingPredicate] = []
        for p in state.pending {
            if p.slots.isSubset(of: state.bound) {
                op = FilterOperator(input: op, predicate: p.expression, text: p.text, range: p.range)
            } else {
                keep.append(p)
            }
        }
        state.pending = keep
        return op
    }

    func nodeText(_ n: NodeOccurrence) -> String {
        "(" + n.name + n.labels.map { ":" + $0 }.joined() + ")"
    }

    /// Plans one pattern part.
    func planPart(_ part: ResolvedPart, state: inout MatchState, input: Operator) throws(QueryError) -> Operator {
        if part.shortest != .none { return try planShortest(part, state: &state, input: input) }
        var op = input
        // Start at the cheapest node.
        var start = 0, bestCost = Int.max
        for (i, n) in part.nodes.enumerated() {
            let c = estimate(n, state)
            if c < bestCost { start = i; bestCost = c }
        }
        let s = part.nodes[start]
        for n in part.nodes { addPropertyPredicates(n.slot, n.name, n.properties, &state) }
        for (fresh, old) in part.listEqualities {
            let e = BoundExpression.compare(.eq, .slot(fresh), .slot(old))
            state.pending.append(PendingPredicate(expression: e, slots: e.slotsUsed, text: "\(slots.names[old]) = …", equality: nil))
        }
        op = bindStart(s, state: &state, input: op)
        // Rightwards, then leftwards.
        var j0 = start + 1
        while j0 < part.nodes.count {
            let j = j0
            // (x)-[r1]-(c)-[r2]-(bound) with c new: intersect neighbourhoods instead of expanding twice.
            if j + 1 < part.nodes.count, !state.bound.contains(part.nodes[j].slot), state.bound.contains(part.nodes[j + 1].slot),
               part.nodes[j + 1].slot != part.nodes[j - 1].slot, part.nodes[j].slot != part.nodes[j + 1].slot,
               part.rels[j - 1].length == nil, part.rels[j].length == nil, !part.rels[j - 1].boundBefore, !part.rels[j].boundBefore {
                op = intersect(part.rels[j - 1], part.rels[j], from: part.nodes[j - 1], via: part.nodes[j], to: part.nodes[j + 1], state: &state, input: op)
                j0 += 2
                continue
            }
            op = try expand(part.rels[j - 1], from: part.nodes[j - 1], to: part.nodes[j], reversed: false, state: &state, input: op)
            j0 += 1
        }
        var j = start - 1
        while j >= 0 {
            op = try expand(part.rels[j], from: part.nodes[j + 1], to: part.nodes[j], reversed: true, state: &state, input: op)
            j -= 1
        }
        if let p = part.pathSlot, part.rels.count == 1, let walk = state.lastVarExpand, walk.rel == part.rels[0].slot,
           walk.from == part.nodes[0].slot, !walk.reverseOutput {
            // `p = (a)-[*]-(b)`: the walk keeps the path itself.
            walk.pathSlot = p
            walk.pathName = slots.names[p]
            state.bound.insert(p)
            op = flush(&state, op)
        } else if let p = part.pathSlot {
            let steps = part.rels.enumerated().map { i, r in
                BoundExpression.PathStep(relationshipSlot: r.slot, isVariableLength: r.length != nil, nodeSlot: part.nodes[i + 1].slot)
            }
            op = ProjectOperator(input: op, items: [(p, .path(start: part.nodes[0].slot, steps: steps))], text: "path \(slots.names[p])")
            state.bound.insert(p)
            op = flush(&state, op)
        }
        return op
    }

    private func intersect(_ first: RelOccurrence, _ second: RelOccurrence, from: NodeOccurrence, via: NodeOccurrence, to: NodeOccurrence,
                           state: inout MatchState, input: Operator) -> Operator {
        func dir(_ d: RelationshipPattern.Direction) -> Direction { d == .right ? .outgoing : (d == .left ? .incoming : .both) }
        let fromB = dir(first.direction)
        let secondDir = dir(second.direction)  // seen from `via`
        let fromA: Direction = secondDir == .outgoing ? .incoming : (secondDir == .incoming ? .outgoing : .both)
        let text = nodeText(from) + "-[" + first.name + first.types.map { ":" + $0 }.joined(separator: "|") + "]-" + nodeText(via)
            + "-[" + second.name + second.types.map { ":" + $0 }.joined(separator: "|") + "]-" + nodeText(to)
        let op = ExpandIntersectOperator(input: input, b: from.slot, r1: first.slot, c: via.slot, r2: second.slot, a: to.slot,
                                         directionFromB: fromB, directionFromA: fromA, typesB: typeIDs(first.types), typesA: typeIDs(second.types),
                                         cLabels: labelIDs(via.labels), uniqueRels: state.singleRels, uniqueLists: state.relLists, text: text)
        op.sourceRange = first.range
        state.singleRels.append(first.slot)
        state.singleRels.append(second.slot)
        addPropertyPredicates(first.slot, first.name, first.properties, &state)
        addPropertyPredicates(second.slot, second.name, second.properties, &state)
        state.bound.insert(first.slot)
        state.bound.insert(via.slot)
        state.bound.insert(second.slot)
        return flush(&state, op)
    }

    private func expand(_ r: RelOccurrence, from: NodeOccurrence, to: NodeOccurrence, reversed: Bool, state: inout MatchState, input: Operator) throws(QueryError) -> Operator {
        var dir: Direction
        switch r.direction {
        case .right: dir = .outgoing
        case .left: dir = .incoming
        case .both: dir = .both
        }
        if reversed { dir = dir == .outgoing ? .incoming : (dir == .incoming ? .outgoing : .both) }
        let into = state.bound.contains(to.slot)
        let types = typeIDs(r.types)
        let arrowL = dir == .incoming ? "<-" : "-", arrowR = dir == .outgoing ? "->" : "-"
        var lengthText = ""
        if let l = r.length { lengthText = "*\(l.min.map(String.init) ?? "")..\(l.max.map(String.init) ?? "")" }
        let text = nodeText(from) + arrowL + "[" + r.name + r.types.map { ":" + $0 }.joined(separator: "|") + lengthText + "]" + arrowR + nodeText(to)
        var op: Operator
        if let l = r.length {
            let lo = l.min ?? 1, hi = l.max ?? Int.max
            op = VarExpandOperator(input: input, from: from.slot, rel: r.slot, to: to.slot, direction: dir, types: types,
                                   toLabels: labelIDs(to.labels), minLength: lo, maxLength: hi, into: into,
                                   uniqueRels: state.singleRels, uniqueLists: state.relLists, relProperties: r.properties,
                                   reverseOutput: reversed, text: text)
            state.relLists.append(r.slot)
            state.lastVarExpand = op as? VarExpandOperator
        } else {
            op = ExpandOperator(input: input, from: from.slot, rel: r.slot, to: to.slot, direction: dir, types: types,
                                toLabels: labelIDs(to.labels), into: into, relBound: r.boundBefore,
                                uniqueRels: state.singleRels, uniqueLists: state.relLists, text: text)
            state.singleRels.append(r.slot)
            addPropertyPredicates(r.slot, r.name, r.properties, &state)
        }
        op.sourceRange = r.range
        state.bound.insert(r.slot)
        state.bound.insert(to.slot)
        return flush(&state, op)
    }
}
