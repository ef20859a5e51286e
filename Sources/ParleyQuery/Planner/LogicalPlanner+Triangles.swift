import ParleyGraph
import ParleyValues

/// The triangle rewrite: `MATCH (a)-(b)-(c)-(a) WHERE a.k < b.k AND b.k < c.k` followed by a
/// DISTINCT of items over the three nodes only. Relationship uniqueness holds by itself (the
/// ordering makes the nodes distinct) and DISTINCT folds parallel relationships, so the
/// pattern's rows are replaced by one row per node triangle.
extension LogicalPlanner {
    /// `plan` with its pattern replaced by a ``LogicalOperation/TriangleJoin``, when it is
    /// exactly such a triangle at the start of the query and `used` (the slots read after it)
    /// are among its nodes; nil otherwise.
    func triangleJoin(_ plan: LogicalPlan, used: Set<Int>) -> LogicalPlan? {
        let steps = plan.steps
        guard steps.count >= 4, case .argument = steps[0].operation,
              case .nodeScan(let a, let scanLabel, let otherLabels, _) = steps[1].operation,
              case .expand(let e) = steps[2].operation, e.from == a, !e.into, !e.relBound
        else { return nil }
        var i = 3
        var filters: [BoundPredicate] = []
        while i < steps.count, case .filter(let f) = steps[i].operation { filters.append(f); i += 1 }
        guard i < steps.count, case .expandIntersect(let x) = steps[i].operation, x.b == e.to, x.a == a else { return nil }
        i += 1
        while i < steps.count, case .filter(let f) = steps[i].operation { filters.append(f); i += 1 }
        guard i == steps.count else { return nil }
        let nodes = [a, e.to, x.c]
        guard Set(nodes).count == 3, used.isSubset(of: Set(nodes)) else { return nil }
        // Every filter orders two of the nodes by one key (or reads only the nodes: kept after).
        var before: [(Int, Int)] = []
        var key: String?
        var residual: [BoundPredicate] = []
        for f in filters {
            if case .compare(let op, .property(.slot(let l), let k1, _), .property(.slot(let r), let k2, _)) = f.expression,
               op == .lt || op == .gt, k1 == k2, key == nil || key == k1,
               let li = nodes.firstIndex(of: l), let ri = nodes.firstIndex(of: r) {
                key = k1
                before.append(op == .lt ? (li, ri) : (ri, li))
            } else if f.expression.slotsUsed.isSubset(of: Set(nodes)) {
                residual.append(f)
            } else {
                return nil
            }
        }
        guard let key, let order = Self.chain(before) else { return nil }
        let join = LogicalOperation.TriangleJoin(
            nodes: nodes, labels: [(scanLabel.map { [$0] } ?? []) + otherLabels, e.toLabels, x.cLabels],
            edges: [(0, 1, e.direction, e.types), (1, 2, x.directionFromB, x.typesB), (0, 2, x.directionFromA, x.typesA)],
            order: order, key: key,
            text: "(\(slotNames[a]))-(\(slotNames[e.to]))-(\(slotNames[x.c]))-(\(slotNames[a])) WHERE "
                + order.map { "\(slotNames[nodes[$0]]).\(key)" }.joined(separator: " < "),
            fallback: LogicalPlan(steps: Array(steps)))
        var rewritten = LogicalPlan(steps: [steps[0]])
        rewritten.add(.triangles(join), range: steps[2].range)
        for f in residual { rewritten.add(.filter(f)) }
        return rewritten
    }

    /// The waiver of the DISTINCT over `distinctSlots` after `join`, when every column is one of
    /// the triangle's nodes or that node's key value and the columns cover all three nodes;
    /// nil when some column could repeat across node triangles.
    static func distinctWaiver(_ join: LogicalOperation.TriangleJoin, items: [(slot: Int, expression: BoundExpression)],
                               distinctSlots: [Int]) -> LogicalOperation.DistinctWaiver? {
        var covered = Set<Int>()
        var readsKey = false
        for s in distinctSlots {
            guard let item = items.first(where: { $0.slot == s }) else {
                // A column passed through unprojected: only a node of the triangle qualifies.
                guard join.nodes.contains(s) else { return nil }
                covered.insert(s)
                continue
            }
            switch item.expression {
            case .slot(let n) where join.nodes.contains(n):
                covered.insert(n)
            case .property(.slot(let n), let name, _) where join.nodes.contains(n) && name == join.key:
                covered.insert(n)
                readsKey = true
            default:
                return nil
            }
        }
        guard covered == Set(join.nodes) else { return nil }
        return LogicalOperation.DistinctWaiver(key: readsKey ? join.key : nil)
    }

    /// The node order `x < y < z` that the pairs `before` state, when they order all three.
    static func chain(_ before: [(Int, Int)]) -> [Int]? {
        for first in 0..<3 {
            for second in 0..<3 where second != first {
                let third = 3 - first - second
                let holds = { (x: Int, y: Int) in before.contains { $0 == (x, y) } }
                // Every stated pair agrees with the order, and the two links of the chain are stated.
                let order = [first, second, third]
                let agrees = before.allSatisfy { p in order.firstIndex(of: p.0)! < order.firstIndex(of: p.1)! }
                if agrees && holds(first, second) && holds(second, third) { return order }
            }
        }
        return nil
    }
}
