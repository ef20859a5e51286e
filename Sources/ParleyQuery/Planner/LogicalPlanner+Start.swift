import ParleyGraph
import ParleyValues

/// Where a pattern starts, and shortestPath planning.
extension LogicalPlanner {
    /// Binds (or checks) the node a pattern starts from: index seek, label scan or all-nodes scan.
    func planStart(_ s: NodeOccurrence, state: inout MatchState, plan: inout LogicalPlan) {
        if state.bound.contains(s.slot) {
            plan.add(.boundNode(slot: s.slot, labels: s.labels, text: nodeText(s)), range: s.range)
        } else if let seek = indexSeek(s, state) {
            plan.add(.indexSeek(slot: s.slot, key: seek.key, value: seek.value, labels: s.labels, text: nodeText(s) + " WHERE \(seek.key) = …"),
                     range: s.range)
        } else {
            // Scan the smallest known label; the others are checked per node.
            var scanLabel: String?
            var best = Int.max
            for label in s.labels {
                guard let id = graph.labels.id(of: label) else { continue }
                let c = graph.count(ofLabel: id)
                if c < best { best = c; scanLabel = label }
            }
            var others = s.labels
            if let scanLabel, let i = others.firstIndex(of: scanLabel) { others.remove(at: i) }
            plan.add(.nodeScan(slot: s.slot, scanLabel: scanLabel, otherLabels: others, text: nodeText(s)), range: s.range)
        }
        state.bound.insert(s.slot)
        flush(&state, &plan)
    }

    /// `shortestPath((a)-[r*..n]-(b))`: binds both ends, then a breadth-first search.
    func planShortest(_ part: ResolvedPart, state: inout MatchState, plan: inout LogicalPlan) {
        state.pending += part.predicates
        for n in part.nodes { addPropertyPredicates(n.slot, n.name, n.properties, &state) }
        let a = part.nodes[0], b = part.nodes[1], r = part.rels[0]
        for n in [a, b].sorted(by: { estimate($0, state) < estimate($1, state) }) {
            planStart(n, state: &state, plan: &plan)
        }
        let search = LogicalOperation.ShortestPathSearch(
            from: a.slot, to: b.slot, rel: r.slot, path: part.pathSlot, direction: direction(r.direction), types: r.types,
            minLength: r.length?.min ?? 1, maxLength: r.length?.max ?? (r.length == nil ? 1 : Int.max), all: part.shortest == .allShortest,
            relProperties: r.properties, singleRelationship: r.length == nil,
            text: (part.shortest == .allShortest ? "allShortestPaths " : "shortestPath ") + nodeText(a) + "-[" + r.name
                + typesText(r) + "*]-" + nodeText(b))
        plan.add(.shortestPath(search), range: r.range)
        state.bound.insert(r.slot)
        if let p = part.pathSlot { state.bound.insert(p) }
        flush(&state, &plan)
    }
}
