import ParleyGraph
import ParleyValues

/// RETURN / WITH planning: projection or aggregation, DISTINCT, ORDER BY, SKIP, LIMIT, WHERE.
extension LogicalPlanner {
    /// Plans a bound projection on top of `plan`.
    func planProjection(_ p: BoundProjection, plan: inout LogicalPlan) {
        // Writes before a projection complete before anything is projected (LIMIT must not cut them short).
        if p.afterWrite { plan.add(.eager) }
        var waiver: LogicalOperation.DistinctWaiver?
        switch p.body {
        case .project(let items, let ranges, let text):
            if let distinctSlots = p.distinctSlots, !p.afterWrite,
               let joined = triangleJoin(plan, used: Set(items.flatMap { $0.expression.slotsUsed })
                                            .union(p.columnSlots.filter { s in !items.contains { $0.slot == s } })) {
                plan = joined
                for step in joined.steps {
                    if case .triangles(let join) = step.operation {
                        waiver = Self.distinctWaiver(join, items: items, distinctSlots: distinctSlots)
                    }
                }
            }
            if !items.isEmpty { plan.add(.project(items: items, ranges: ranges, text: text)) }
        case .aggregate(let aggregation):
            planAggregation(aggregation, plan: &plan)
        }
        if let slots = p.distinctSlots { plan.add(.distinct(slots: slots, waiver: waiver)) }
        if let order = p.order {
            let keep = p.limit.map { limit in
                let (sum, overflow) = limit.addingReportingOverflow(p.skip ?? 0)
                return overflow ? Int.max : sum
            }
            if let keep, let first = order.keys.first, !first.ascending,
               case .aggregate(var a) = plan.root.operation, a.degree != nil, a.keys.count == 1, a.aggregates.count == 1,
               case .slot(let s) = first.expression, s == a.aggregates[0].slot {
                // (Counts are never null: the first key's NULLS placement does not matter.)
                a.topByCount = keep
                plan.steps[plan.steps.count - 1].operation = .aggregate(a)
            }
            plan.add(.sort(keys: order.keys, keyRanges: order.keyRanges, limit: keep, text: order.text), range: order.keyRanges.first)
        }
        if let skip = p.skip, skip > 0 { plan.add(.skip(skip)) }
        if let limit = p.limit { plan.add(.limit(limit, drain: p.afterWrite)) }
        if let predicate = p.predicate { plan.add(.filter(predicate)) }
    }

    /// Plans an aggregation; counting the rows of an expansion needs no rows.
    private func planAggregation(_ a: BoundAggregation, plan: inout LogicalPlan) {
        var aggregates = a.aggregates
        var degree: (from: Int, direction: Direction, types: [String])?
        var ofExpansion = false
        if case .expand(let e) = plan.root.operation {
            func countsOnly(distinctAllowed: Bool) -> Bool {
                aggregates.allSatisfy { agg in
                    agg.name == "count" && (distinctAllowed || !agg.distinct) && (agg.star || agg.arguments.allSatisfy { arg in
                        if case .slot(let s) = arg { return s == e.rel || s == e.to } else { return false } })
                } && a.keys.allSatisfy { $0.expression.slotsUsed.isDisjoint(with: [e.rel, e.to]) }
            }
            if e.isPlain, countsOnly(distinctAllowed: false) {
                // Counting the rows of an expansion to an unconstrained node is counting degrees.
                degree = (e.from, e.direction, e.types)
                plan.steps.removeLast()
                for i in aggregates.indices {
                    aggregates[i].star = true
                    aggregates[i].arguments = []
                }
            } else if countsOnly(distinctAllowed: a.keys.isEmpty) {
                // Otherwise the aggregation counts the expansion's rows in batch, without producing them.
                ofExpansion = true
                for i in aggregates.indices where !aggregates[i].distinct {
                    aggregates[i].star = true
                    aggregates[i].arguments = []
                }
            }
        }
        plan.add(.aggregate(LogicalOperation.Aggregation(keys: a.keys, aggregates: aggregates, degree: degree, ofExpansion: ofExpansion, text: a.text)),
                 range: a.keysRange)
        if !a.post.isEmpty {
            plan.add(.project(items: a.post, ranges: a.postRanges, text: a.postText))
        }
    }
}
