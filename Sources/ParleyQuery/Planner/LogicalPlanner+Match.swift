import ParleyGraph
import ParleyValues

/// The state of planning one MATCH: what is bound and which predicates still wait.
struct MatchState {
    var bound: Set<Int>
    var pending: [PendingPredicate] = []
    var singleRels: [Int] = []
    var relLists: [Int] = []
    /// The step of the variable-length expansion planned last (it may bind a pattern's path itself).
    var lastVarExpand: Int?
    /// The slots the parts not planned yet will bind (a path selector applies the predicates
    /// that need none of them before it selects).
    var laterSlots: Set<Int> = []
}

/// MATCH planning: choose the start of each pattern, expand along typed adjacency, push
/// predicates down to the first point where their variables are bound.
extension LogicalPlanner {
    /// Plans `MATCH`/`OPTIONAL MATCH` on top of `plan`.
    func planMatch(_ match: BoundMatch, plan: inout LogicalPlan) {
        var state = MatchState(bound: match.outerBound, pending: match.predicates)
        if match.optional {
            let inner = planParts(match.parts, state: &state, input: .argument())
            plan.add(.optional(inner: inner, nullSlots: match.newSlots))
        } else {
            plan = planParts(match.parts, state: &state, input: plan)
        }
    }

    /// Plans resolved parts in a good order, then any predicates left.
    func planParts(_ parts: [ResolvedPart], state: inout MatchState, input: LogicalPlan) -> LogicalPlan {
        var plan = input
        var remaining = parts
        while !remaining.isEmpty {
            var best = 0, bestCost = Int.max
            for (i, p) in remaining.enumerated() {
                let cost = p.nodes.map { estimate($0, state) }.min() ?? Int.max
                if cost < bestCost { best = i; bestCost = cost }
            }
            let part = remaining.remove(at: best)
            state.laterSlots = Set(remaining.flatMap(\.boundSlots))
            planPart(part, state: &state, plan: &plan)
        }
        for p in state.pending {
            plan.add(.filter(BoundPredicate(expression: p.expression, text: p.text, range: p.range)))
        }
        state.pending = []
        return plan
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
    func indexSeek(_ n: NodeOccurrence, _ state: MatchState) -> (key: String, value: BoundExpression)? {
        for (k, v) in n.properties {
            if let key = graph.keys.id(of: k), graph.isIndexed(key), v.slotsUsed.isSubset(of: state.bound) { return (k, v) }
        }
        for p in state.pending {
            if let eq = p.equality, eq.slot == n.slot, let key = graph.keys.id(of: eq.key), graph.isIndexed(key),
               eq.value.slotsUsed.isSubset(of: state.bound) {
                return (eq.key, eq.value)
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

    /// Adds a filter for every pending predicate whose variables are bound.
    func flush(_ state: inout MatchState, _ plan: inout LogicalPlan) {
        var keep: [PendingPredicate] = []
        for p in state.pending {
            if p.slots.isSubset(of: state.bound) {
                plan.add(.filter(BoundPredicate(expression: p.expression, text: p.text, range: p.range)))
            } else {
                keep.append(p)
            }
        }
        state.pending = keep
    }

    /// `(n:Label)` as plans show a node.
    func nodeText(_ n: NodeOccurrence) -> String {
        "(" + n.name + (n.labelExpression.map { ":" + $0.text } ?? n.labels.map { ":" + $0 }.joined()) + ")"
    }

    /// `:T|U` (or the type expression) as plans show a relationship's types.
    func typesText(_ r: RelOccurrence) -> String {
        r.typeExpression.map { ":" + $0.text } ?? r.types.map { ":" + $0 }.joined(separator: "|")
    }

    /// Plans one pattern part.
    func planPart(_ part: ResolvedPart, state: inout MatchState, plan: inout LogicalPlan) {
        if part.shortest != .none { return planShortest(part, state: &state, plan: &plan) }
        if let selector = part.selector { return planSelected(part, selector, state: &state, plan: &plan) }
        // Start at the cheapest node.
        var start = 0, bestCost = Int.max
        for (i, n) in part.nodes.enumerated() {
            let c = estimate(n, state)
            if c < bestCost { start = i; bestCost = c }
        }
        let s = part.nodes[start]
        state.pending += part.predicates
        for n in part.nodes { addPropertyPredicates(n.slot, n.name, n.properties, &state) }
        for (fresh, old) in part.listEqualities {
            let e = BoundExpression.compare(.eq, .slot(fresh), .slot(old))
            state.pending.append(PendingPredicate(expression: e, slots: e.slotsUsed, text: "\(slotNames[old]) = …", equality: nil))
        }
        planStart(s, state: &state, plan: &plan)
        // Rightwards, then leftwards.
        var j0 = start + 1
        while j0 < part.nodes.count {
            let j = j0
            // (x)-[r1]-(c)-[r2]-(bound) with c new: intersect neighbourhoods instead of expanding twice.
            if j + 1 < part.nodes.count, !state.bound.contains(part.nodes[j].slot), state.bound.contains(part.nodes[j + 1].slot),
               part.nodes[j + 1].slot != part.nodes[j - 1].slot, part.nodes[j].slot != part.nodes[j + 1].slot,
               part.rels[j - 1].length == nil, part.rels[j].length == nil, !part.rels[j - 1].boundBefore, !part.rels[j].boundBefore {
                intersect(part.rels[j - 1], part.rels[j], from: part.nodes[j - 1], via: part.nodes[j], to: part.nodes[j + 1], state: &state, plan: &plan)
                j0 += 2
                continue
            }
            expand(part.rels[j - 1], from: part.nodes[j - 1], to: part.nodes[j], reversed: false, state: &state, plan: &plan)
            j0 += 1
        }
        var j = start - 1
        while j >= 0 {
            expand(part.rels[j], from: part.nodes[j + 1], to: part.nodes[j], reversed: true, state: &state, plan: &plan)
            j -= 1
        }
        if let p = part.pathSlot, part.rels.count == 1, let i = state.lastVarExpand, case .varExpand(var walk) = plan.steps[i].operation,
           walk.rel == part.rels[0].slot, walk.from == part.nodes[0].slot, !walk.reverseOutput {
            // `p = (a)-[*]-(b)`: the walk keeps the path itself.
            walk.pathSlot = p
            walk.pathName = slotNames[p]
            plan.steps[i].operation = .varExpand(walk)
            state.bound.insert(p)
            flush(&state, &plan)
        } else if let p = part.pathSlot {
            let steps = part.rels.enumerated().map { i, r in
                BoundExpression.PathStep(relationshipSlot: r.slot, isVariableLength: r.length != nil, nodeSlot: part.nodes[i + 1].slot)
            }
            plan.add(.project(items: [(p, .path(start: part.nodes[0].slot, steps: steps))], ranges: [], text: "path \(slotNames[p])"))
            state.bound.insert(p)
            flush(&state, &plan)
        }
    }

    /// A pattern direction as seen from the node the step starts at.
    func direction(_ d: RelationshipPattern.Direction) -> Direction {
        d == .right ? .outgoing : (d == .left ? .incoming : .both)
    }

    private func intersect(_ first: RelOccurrence, _ second: RelOccurrence, from: NodeOccurrence, via: NodeOccurrence, to: NodeOccurrence,
                           state: inout MatchState, plan: inout LogicalPlan) {
        let fromB = direction(first.direction)
        let secondDir = direction(second.direction)  // seen from `via`
        let fromA: Direction = secondDir == .outgoing ? .incoming : (secondDir == .incoming ? .outgoing : .both)
        let text = nodeText(from) + "-[" + first.name + typesText(first) + "]-" + nodeText(via)
            + "-[" + second.name + typesText(second) + "]-" + nodeText(to)
        let step = LogicalOperation.Intersection(b: from.slot, r1: first.slot, c: via.slot, r2: second.slot, a: to.slot,
                                                 directionFromB: fromB, directionFromA: fromA, typesB: first.types, typesA: second.types,
                                                 cLabels: via.labels, uniqueRels: state.singleRels, uniqueLists: state.relLists, text: text)
        plan.add(.expandIntersect(step), range: first.range)
        state.singleRels.append(first.slot)
        state.singleRels.append(second.slot)
        addPropertyPredicates(first.slot, first.name, first.properties, &state)
        addPropertyPredicates(second.slot, second.name, second.properties, &state)
        state.bound.insert(first.slot)
        state.bound.insert(via.slot)
        state.bound.insert(second.slot)
        flush(&state, &plan)
    }

    private func expand(_ r: RelOccurrence, from: NodeOccurrence, to: NodeOccurrence, reversed: Bool, state: inout MatchState, plan: inout LogicalPlan) {
        if let g = r.group { return planGroup(r, g, from: from, to: to, reversed: reversed, state: &state, plan: &plan) }
        var dir = direction(r.direction)
        if reversed { dir = dir == .outgoing ? .incoming : (dir == .incoming ? .outgoing : .both) }
        let into = state.bound.contains(to.slot)
        let arrowL = dir == .incoming ? "<-" : "-", arrowR = dir == .outgoing ? "->" : "-"
        var lengthText = ""
        if let l = r.length { lengthText = "*\(l.min.map(String.init) ?? "")..\(l.max.map(String.init) ?? "")" }
        let text = nodeText(from) + arrowL + "[" + r.name + typesText(r) + lengthText + "]" + arrowR + nodeText(to)
        if let l = r.length {
            let walk = LogicalOperation.VariableExpansion(from: from.slot, rel: r.slot, to: to.slot, direction: dir, types: r.types,
                                                          toLabels: to.labels, minLength: l.min ?? 1, maxLength: l.max ?? Int.max, into: into,
                                                          uniqueRels: state.singleRels, uniqueLists: state.relLists, relProperties: r.properties,
                                                          reverseOutput: reversed, text: text)
            plan.add(.varExpand(walk), range: r.range)
            state.relLists.append(r.slot)
            state.lastVarExpand = plan.steps.count - 1
        } else {
            let step = LogicalOperation.Expansion(from: from.slot, rel: r.slot, to: to.slot, direction: dir, types: r.types, toLabels: to.labels,
                                                  into: into, relBound: r.boundBefore, uniqueRels: state.singleRels, uniqueLists: state.relLists,
                                                  text: text)
            plan.add(.expand(step), range: r.range)
            state.singleRels.append(r.slot)
            addPropertyPredicates(r.slot, r.name, r.properties, &state)
        }
        state.bound.insert(r.slot)
        state.bound.insert(to.slot)
        flush(&state, &plan)
    }
}
