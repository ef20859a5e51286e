import ParleyGraph

/// Node binding at the start of a pattern, and shortestPath planning.
extension QueryCompiler {
    /// Binds (or checks) the node a pattern starts from: index seek, label scan or all-nodes scan.
    func bindStart(_ s: NodeOccurrence, state: inout MatchState, input: Operator) -> Operator {
        var op = input
        if state.bound.contains(s.slot) {
            op = BoundNodeCheckOperator(input: op, slot: s.slot, labels: labelIDs(s.labels), text: nodeText(s))
        } else if let seek = indexSeek(s, state) {
            op = NodeIndexSeekOperator(input: op, slot: s.slot, key: seek.key, value: seek.value, labels: labelIDs(s.labels),
                                       text: nodeText(s) + " WHERE \(graph.keys.name(seek.key)) = …")
        } else {
            let ids = labelIDs(s.labels)
            var scanLabel: Int32?
            var best = Int.max
            for id in ids {
                guard let id else { continue }
                let c = graph.count(ofLabel: id)
                if c < best { best = c; scanLabel = id }
            }
            var others = ids
            if let scanLabel, let i = others.firstIndex(of: scanLabel) { others.remove(at: i) }
            op = NodeScanOperator(input: op, slot: s.slot, scanLabel: scanLabel, otherLabels: others, text: nodeText(s))
        }
        if op !== input { op.sourceRange = s.range }
        state.bound.insert(s.slot)
        return flush(&state, op)
    }

    /// `shortestPath((a)-[r*..n]-(b))`: binds both ends, then a breadth-first search.
    func planShortest(_ part: ResolvedPart, state: inout MatchState, input: Operator) throws(QueryError) -> Operator {
        var op = input
        for n in part.nodes { addPropertyPredicates(n.slot, n.name, n.properties, &state) }
        let a = part.nodes[0], b = part.nodes[1], r = part.rels[0]
        for n in [a, b].sorted(by: { estimate($0, state) < estimate($1, state) }) {
            op = bindStart(n, state: &state, input: op)
        }
        var dir: Direction
        switch r.direction {
        case .right: dir = .outgoing
        case .left: dir = .incoming
        case .both: dir = .both
        }
        let lo = r.length?.min ?? 1, hi = r.length?.max ?? (r.length == nil ? 1 : Int.max)
        if lo > 1 {
            throw error("SyntaxError", "UnexpectedSyntax", "shortestPath only supports a minimal length of 0 or 1", nil)
        }
        op = ShortestPathOperator(input: op, from: a.slot, to: b.slot, rel: r.slot, path: part.pathSlot, direction: dir, types: typeIDs(r.types),
                                  minLength: lo, maxLength: hi, all: part.shortest == .allShortest, relProperties: r.properties,
                                  singleRelationship: r.length == nil,
                                  text: (part.shortest == .allShortest ? "allShortestPaths " : "shortestPath ") + nodeText(a) + "-[" + r.name + r.types.map { ":" + $0 }.joined(separator: "|") + "*]-" + nodeText(b))
        op.sourceRange = r.range
        state.bound.insert(r.slot)
        if let p = part.pathSlot { state.bound.insert(p) }
        return flush(&state, op)
    }
}
