import ParleyGraph
import ParleyValues

/// Quantified path patterns and path selectors.
extension LogicalPlanner {
    /// Plans a quantified path pattern between `from` (bound) and `to`, walked left to right or,
    /// `reversed`, right to left.
    func planGroup(_ r: RelOccurrence, _ g: ResolvedGroup, from: NodeOccurrence, to: NodeOccurrence, reversed: Bool,
                   state: inout MatchState, plan: inout LogicalPlan) {
        var nodes = g.nodes
        var hops = g.rels.map { (rel: $0.slot, direction: direction($0.direction), types: $0.types) }
        if reversed {
            nodes.reverse()
            hops = hops.reversed().map { h in
                (h.rel, h.direction == .outgoing ? .incoming : (h.direction == .incoming ? .outgoing : .both), h.types)
            }
        }
        let into = state.bound.contains(to.slot)
        // In the order written, whichever end the walk starts from.
        let (left, right) = reversed ? (to, from) : (from, to)
        let text = nodeText(left) + " " + g.text + " " + nodeText(right) + (reversed ? " (walked from the right)" : "")
        let step = LogicalOperation.QuantifiedExpansion(
            from: from.slot, to: to.slot, into: into, toLabels: to.labels, relsSlot: r.slot, nodes: nodes.map(\.slot),
            nodeLabels: nodes.map(\.labels), hops: hops, predicates: g.predicates.map(\.expression), minCount: g.min,
            maxCount: g.max ?? Int.max, groupSlots: g.groupSlots, uniqueRels: state.singleRels, uniqueLists: state.relLists,
            reverseOutput: reversed, text: text)
        plan.add(.quantifiedExpand(step), range: r.range)
        state.relLists.append(r.slot)
        state.bound.insert(r.slot)
        state.bound.insert(to.slot)
        for (_, outer) in g.groupSlots { state.bound.insert(outer) }
        flush(&state, &plan)
    }

    /// Plans a pattern part with a selective path selector: the bidirectional shortest-path
    /// search when the pattern is one quantified relationship between two nodes and nothing
    /// but its ends is filtered; otherwise the pattern per row, then a PathSelection.
    func planSelected(_ part: ResolvedPart, _ selector: PathSelector, state: inout MatchState, plan: inout LogicalPlan) {
        var plain = part
        plain.selector = nil
        let path = part.pathSlot!
        if let search = fastShortest(part, selector, state) {
            state.pending += part.predicates
            for n in part.nodes { addPropertyPredicates(n.slot, n.name, n.properties, &state) }
            let a = part.nodes[0], b = part.nodes[1]
            for n in [a, b].sorted(by: { estimate($0, state) < estimate($1, state) }) {
                planStart(n, state: &state, plan: &plan)
            }
            plan.add(.shortestPath(search), range: part.rels[0].range)
            state.relLists.append(part.rels[0].slot)
            state.bound.insert(part.rels[0].slot)
            state.bound.insert(path)
            flush(&state, &plan)
            return
        }
        var inner = LogicalPlan.argument()
        planPart(plain, state: &state, plan: &inner)
        // The MATCH's WHERE filters the paths before the selector chooses: every predicate that
        // waits for no other part of the MATCH (a comprehension's own variable is never bound).
        var keep: [PendingPredicate] = []
        for p in state.pending {
            if p.slots.isDisjoint(with: state.laterSlots.subtracting(state.bound)) {
                inner.add(.filter(BoundPredicate(expression: p.expression, text: p.text, range: p.range)))
            } else {
                keep.append(p)
            }
        }
        state.pending = keep
        let first = part.nodes[0], last = part.nodes[part.nodes.count - 1]
        let selection = LogicalOperation.PathSelection(
            selector: selector.kind, start: first.slot, end: last.slot, path: path,
            text: "\(selector.text) \(slotNames[path].hasPrefix(" ") ? "" : slotNames[path] + " ")per \(nodeText(first)), \(nodeText(last))")
        plan.add(.selectPaths(inner: inner, selection), range: selector.range)
    }

    /// The shortest-path search for `SHORTEST 1`, `ANY SHORTEST` and `ALL SHORTEST` over one
    /// quantified relationship `(a)-[:R]-{0|1,n}(b)` with no filter on the relationships or the
    /// path (a filter that reads them must see every candidate path, not only the shortest).
    private func fastShortest(_ part: ResolvedPart, _ selector: PathSelector, _ state: MatchState) -> LogicalOperation.ShortestPathSearch? {
        guard part.rels.count == 1, let r = part.rels.first, r.group == nil, let length = r.length, (length.min ?? 1) <= 1, !r.boundBefore,
              part.listEqualities.isEmpty, state.singleRels.isEmpty, state.relLists.isEmpty, part.nodes[0].slot != part.nodes[1].slot, let path = part.pathSlot else { return nil }
        let all: Bool
        switch selector.kind {
        case .shortest(1): all = false
        case .allShortest, .shortestGroups(1): all = true
        default: return nil
        }
        let hidden: Set<Int> = [r.slot, path]
        if (state.pending + part.predicates).contains(where: { !$0.slots.isDisjoint(with: hidden) }) { return nil }
        if r.properties.contains(where: { !$0.value.slotsUsed.isDisjoint(with: hidden) }) { return nil }
        let a = part.nodes[0], b = part.nodes[1]
        return LogicalOperation.ShortestPathSearch(
            from: a.slot, to: b.slot, rel: r.slot, path: path, direction: direction(r.direction), types: r.types,
            minLength: length.min ?? 1, maxLength: length.max ?? Int.max, all: all, relProperties: r.properties, singleRelationship: false,
            text: selector.text + " " + nodeText(a) + (r.direction == .left ? "<-" : "-")
                + (r.name.isEmpty && typesText(r).isEmpty ? "" : "[" + r.name + typesText(r) + "]") + (r.direction == .right ? "->" : "-") + "{\(length.min ?? 1),\(length.max.map(String.init) ?? "")}" + nodeText(b),
            closedWalks: true)
    }
}
