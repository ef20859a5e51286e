import ParleyGraph
import ParleyValues

/// Turns a ``BoundStatement`` into a ``StatementPlan``: chooses where each pattern starts
/// (index seek, label scan), the order of expansions, where each predicate is checked, and
/// the shortcuts counting queries allow (degrees, batch counts). It consults the graph's
/// statistics; it raises no errors (the binder checked everything).
final class LogicalPlanner {
    let graph: GraphStore
    /// A readable name per slot, for the texts plans show.
    let slotNames: [String]

    init(graph: GraphStore, slotNames: [String]) {
        self.graph = graph
        self.slotNames = slotNames
    }

    /// Plans every part and every sub-query of `statement`.
    func plan(_ statement: BoundStatement) -> StatementPlan {
        let parts = statement.parts.map { query in
            StatementPlan.Part(plan: plan(query), columns: query.columns, columnSlots: query.columnSlots, slotRange: query.slotRange)
        }
        let subplans = statement.subqueries.map { subquery -> LogicalPlan in
            switch subquery {
            case .pattern(let part, let predicates, let outerBound):
                var state = MatchState(bound: outerBound, pending: predicates)
                return planParts([part], state: &state, input: .argument())
            case .query(let union, _):
                return plan(union)
            }
        }
        let labels = statement.subqueries.map { subquery -> String? in
            if case .query(_, let kind) = subquery { return kind.rawValue }
            return nil
        }
        return StatementPlan(parts: parts, distinctUnion: statement.distinctUnion, subplans: subplans, subplanLabels: labels,
                             slotCount: statement.slotCount,
                             slotNames: statement.slotNames, mode: statement.mode, writes: statement.writes)
    }

    /// Plans one single query: its clauses in order, each on top of the one before.
    func plan(_ query: BoundQuery) -> LogicalPlan {
        var plan = LogicalPlan.argument()
        for clause in query.clauses {
            let below = plan.steps.count - 1
            switch clause.kind {
            case .match(let match): planMatch(match, plan: &plan)
            case .unwind(let unwind):
                plan.add(.unwind(expression: unwind.expression, slot: unwind.slot, text: unwind.text), range: unwind.range)
            case .projection(let projection): planProjection(projection, plan: &plan)
            case .create(let action, let text):
                eager(&plan)
                plan.add(.create(action, text: text), range: clause.range)
            case .merge(let merge):
                var state = MatchState(bound: merge.outerBound)
                let inner = planParts([merge.part], state: &state, input: .argument())
                eager(&plan)
                plan.add(.merge(inner: inner, create: merge.create, onMatch: merge.onMatch, onCreate: merge.onCreate, text: merge.text),
                         range: clause.range)
            case .update(let actions, let name):
                eager(&plan)
                plan.add(.update(actions, name: name), range: clause.range)
            case .delete(let expressions, let detach, let text):
                eager(&plan)
                plan.add(.delete(expressions, detach: detach, text: text), range: clause.range)
            case .call(let call):
                plan.add(.procedureCall(call), range: clause.range)
                if let predicate = call.predicate { plan.add(.filter(predicate)) }
            case .foreach(let foreach):
                let body = self.plan(BoundQuery(clauses: foreach.body, columns: [], columnSlots: []))
                eager(&plan)
                plan.add(.foreach(list: foreach.expression, slot: foreach.slot, body: body, listRange: foreach.listRange, text: foreach.text),
                         range: clause.range)
            case .subqueryCall(let call):
                let inner = self.plan(call.body)
                if call.writes { eager(&plan) }
                plan.add(.subqueryCall(inner: inner, nullSlots: call.body.columnSlots, unit: call.unit, optional: call.optional, text: call.text),
                         range: clause.range)
            }
            // The steps the clause planned (and the step below, when it is the pipeline's
            // leaf without a position) take the clause's position where they have none, so an
            // error a step raises without one (the stack guard's) still points into the query.
            for i in max(0, min(below, plan.steps.count - 1))..<plan.steps.count where plan.steps[i].range == nil {
                plan.steps[i].range = clause.range
            }
        }
        return plan
    }

    /// Plans a subquery body: its one query, or a Union step over its parts (also over a single
    /// part whose columns the binder moved to slots of their own).
    func plan(_ union: BoundUnion) -> LogicalPlan {
        if union.parts.count == 1, union.columnSlots == union.parts[0].columnSlots { return plan(union.parts[0]) }
        var plan = LogicalPlan.argument()
        plan.add(.union(parts: union.parts.map { self.plan($0) }, partSlots: union.parts.map(\.columnSlots),
                        columnSlots: union.columnSlots, distinct: union.distinct))
        return plan
    }

    /// Adds an Eager barrier before a write, unless the plan is the bare start row or ends in one.
    func eager(_ plan: inout LogicalPlan) {
        switch plan.root.operation {
        case .argument where plan.steps.count == 1, .eager: return
        default: plan.add(.eager)
        }
    }
}
