import ParleyGraph
import ParleyValues

/// The operators built for one ``LogicalPlan``, step by step (PROFILE reads their counters).
struct PhysicalPipeline {
    /// One operator per step of the plan, in the same order; the last is the root.
    var operators: [Operator]
    /// The pipelines of steps that run a plan per row, by step index.
    var inner: [Int: PhysicalPipeline] = [:]
    /// The pipelines of a Union step's parts, by step index.
    var unionParts: [Int: [PhysicalPipeline]] = [:]

    /// The pipelines of the plans step `index` runs, in the order of its inner plans.
    func innerPipelines(of index: Int) -> [PhysicalPipeline] {
        if let parts = unionParts[index] { return parts }
        return inner[index].map { [$0] } ?? []
    }

    /// The operator rows are pulled from.
    var root: Operator { operators[operators.count - 1] }
}

/// One single query, ready to run: its operators and the slots of its result columns.
struct CompiledQuery {
    var pipeline: PhysicalPipeline
    var columns: [String]
    var columnSlots: [Int]
    /// The slots this query (and its sub-plans) uses; the engine clears only these before running it.
    var slotRange: Range<Int>

    var root: Operator { pipeline.root }
}

/// A statement ready to run: the operators of its parts and sub-plans, and the plan they came from.
struct CompiledStatement {
    var parts: [CompiledQuery]
    /// The operators of the sub-plans expressions run, by ``SubplanReference/index``.
    var subplans: [Operator]
    var plan: StatementPlan
    var distinctUnion: Bool { plan.distinctUnion }
    var slotCount: Int { plan.slotCount }
    var mode: Statement.Mode { plan.mode }
    var writes: Bool { plan.writes }
}

/// Turns a ``StatementPlan`` into operators: resolves labels, types, property keys and
/// procedures against the graph and the registry, and picks each step's operator.
struct PhysicalPlanner {
    let graph: GraphStore
    let procedures: ProcedureRegistry

    /// Builds the operators of every part and sub-plan.
    func compile(_ plan: StatementPlan) -> CompiledStatement {
        let parts = plan.parts.map { part in
            CompiledQuery(pipeline: build(part.plan), columns: part.columns, columnSlots: part.columnSlots, slotRange: part.slotRange)
        }
        return CompiledStatement(parts: parts, subplans: plan.subplans.map { build($0).root }, plan: plan)
    }

    /// Builds one pipeline, leaf first (a loop, not a recursion: pipelines can be thousands of steps long).
    func build(_ plan: LogicalPlan) -> PhysicalPipeline {
        var pipeline = PhysicalPipeline(operators: [])
        pipeline.operators.reserveCapacity(plan.steps.count)
        for (i, step) in plan.steps.enumerated() {
            let input = pipeline.operators.last
            let op: Operator
            switch step.operation {
            case .optional(let innerPlan, let nullSlots):
                let inner = build(innerPlan)
                pipeline.inner[i] = inner
                op = OptionalApplyOperator(input: input!, inner: inner.root, nullSlots: nullSlots)
            case .triangles(let t):
                let fallback = build(t.fallback)
                pipeline.inner[i] = fallback
                op = TriangleJoinOperator(input: input!, slots: t.nodes, labels: t.labels.map(labelIDs),
                                          edges: t.edges.map { .init(from: $0.from, to: $0.to, direction: $0.direction, types: typeIDs($0.types)) },
                                          order: t.order, key: graph.keys.id(of: t.key), fallback: fallback.root)
            case .merge(let innerPlan, let create, let onMatch, let onCreate, _):
                let inner = build(innerPlan)
                pipeline.inner[i] = inner
                op = MergeOperator(input: input!, inner: inner.root, create: create, onMatch: onMatch, onCreate: onCreate)
            case .foreach(let list, let slot, let bodyPlan, let listRange, _):
                let body = build(bodyPlan)
                pipeline.inner[i] = body
                op = ForeachOperator(input: input!, list: list, slot: slot, body: body.root, listRange: listRange)
            case .subqueryCall(let innerPlan, let nullSlots, let unit, let optional, _):
                let inner = build(innerPlan)
                pipeline.inner[i] = inner
                op = SubqueryCallOperator(input: input!, inner: inner.root, nullSlots: nullSlots, unit: unit, optional: optional)
            case .selectPaths(let innerPlan, let selection):
                let inner = build(innerPlan)
                pipeline.inner[i] = inner
                op = PathSelectionOperator(input: input!, inner: inner.root, selector: selection.selector, start: selection.start,
                                           end: selection.end, path: selection.path)
            case .union(let partPlans, let partSlots, let columnSlots, let distinct):
                let parts = partPlans.map { build($0) }
                pipeline.unionParts[i] = parts
                op = UnionOperator(input: input!, parts: parts.map(\.root), partSlots: partSlots, columnSlots: columnSlots, distinct: distinct)
            case .distinct(let slots, let waiver?):
                let distinct = DistinctOperator(input: input!, slots: slots)
                if let join = pipeline.operators.last(where: { $0 is TriangleJoinOperator }) as? TriangleJoinOperator {
                    let key = waiver.key.map { graph.keys.id(of: $0) }
                    if key != .some(nil) { distinct.waiver = .init(join: join, key: key ?? nil) }
                }
                op = distinct
            default:
                op = makeOperator(for: step.operation, input: input)
            }
            op.name = step.operation.name
            op.details = step.operation.details
            if op.sourceRange == nil { op.sourceRange = step.range }
            pipeline.operators.append(op)
        }
        return pipeline
    }

    /// The operator of a step without a plan of its own.
    private func makeOperator(for operation: LogicalOperation, input: Operator?) -> Operator {
        switch operation {
        case .argument:
            return ArgumentOperator()
        case .nodeScan(let slot, let scanLabel, let otherLabels, _):
            return NodeScanOperator(input: input!, slot: slot, scanLabel: scanLabel.flatMap { graph.labels.id(of: $0) },
                                    otherLabels: labelIDs(otherLabels))
        case .indexSeek(let slot, let key, let value, let labels, _):
            return NodeIndexSeekOperator(input: input!, slot: slot, key: graph.keys.id(of: key)!, value: value, labels: labelIDs(labels))
        case .boundNode(let slot, let labels, _):
            return BoundNodeCheckOperator(input: input!, slot: slot, labels: labelIDs(labels))
        case .expand(let e):
            return ExpandOperator(input: input!, from: e.from, rel: e.rel, to: e.to, direction: e.direction, types: typeIDs(e.types),
                                  toLabels: labelIDs(e.toLabels), into: e.into, relBound: e.relBound, uniqueRels: e.uniqueRels,
                                  uniqueLists: e.uniqueLists)
        case .varExpand(let e):
            let walk = VarExpandOperator(input: input!, from: e.from, rel: e.rel, to: e.to, direction: e.direction, types: typeIDs(e.types),
                                         toLabels: labelIDs(e.toLabels), minLength: e.minLength, maxLength: e.maxLength, into: e.into,
                                         uniqueRels: e.uniqueRels, uniqueLists: e.uniqueLists, relProperties: e.relProperties,
                                         reverseOutput: e.reverseOutput)
            walk.pathSlot = e.pathSlot
            return walk
        case .expandIntersect(let x):
            return ExpandIntersectOperator(input: input!, b: x.b, r1: x.r1, c: x.c, r2: x.r2, a: x.a, directionFromB: x.directionFromB,
                                           directionFromA: x.directionFromA, typesB: typeIDs(x.typesB), typesA: typeIDs(x.typesA),
                                           cLabels: labelIDs(x.cLabels), uniqueRels: x.uniqueRels, uniqueLists: x.uniqueLists)
        case .shortestPath(let s):
            return ShortestPathOperator(input: input!, from: s.from, to: s.to, rel: s.rel, path: s.path, direction: s.direction,
                                        types: typeIDs(s.types), minLength: s.minLength, maxLength: s.maxLength, all: s.all,
                                        relProperties: s.relProperties, singleRelationship: s.singleRelationship, closedWalks: s.closedWalks)
        case .quantifiedExpand(let q):
            return QuantifiedExpandOperator(input: input!, from: q.from, to: q.to, into: q.into, toLabels: labelIDs(q.toLabels), relsSlot: q.relsSlot,
                                            nodes: q.nodes, nodeLabels: q.nodeLabels.map(labelIDs),
                                            hops: q.hops.map { .init(rel: $0.rel, direction: $0.direction, types: typeIDs($0.types)) },
                                            predicates: q.predicates, minCount: q.minCount, maxCount: q.maxCount, groupSlots: q.groupSlots,
                                            uniqueRels: q.uniqueRels, uniqueLists: q.uniqueLists, reverseOutput: q.reverseOutput)
        case .filter(let p):
            return FilterOperator(input: input!, predicate: p.expression, range: p.range)
        case .project(let items, let ranges, _):
            return ProjectOperator(input: input!, items: items, ranges: ranges)
        case .unwind(let expression, let slot, _):
            return UnwindOperator(input: input!, expression: expression, slot: slot)
        case .aggregate(let a):
            let degree = a.degree.map { DegreeSpec(from: $0.from, direction: $0.direction, types: typeIDs($0.types)) }
            let aggregate = AggregateOperator(input: input!, keys: a.keys, aggregates: a.aggregates, degree: degree,
                                              expand: a.ofExpansion ? input as? ExpandOperator : nil)
            aggregate.topByCount = a.topByCount
            return aggregate
        case .distinct(let slots, _):
            return DistinctOperator(input: input!, slots: slots)
        case .sort(let keys, let keyRanges, let limit, _):
            let sort = SortOperator(input: input!, keys: keys, limit: limit)
            sort.keyRanges = keyRanges
            return sort
        case .skip(let count):
            return SkipOperator(input: input!, count: count)
        case .limit(let count, let drain):
            return LimitOperator(input: input!, count: count, drain: drain)
        case .eager:
            return EagerOperator(input: input)
        case .create(let action, _):
            return CreateOperator(input: input!, action: action)
        case .update(let actions, _):
            return SetOperator(input: input!, actions: actions)
        case .delete(let expressions, let detach, _):
            return DeleteOperator(input: input!, expressions: expressions, detach: detach)
        case .procedureCall(let call):
            return ProcedureCallOperator(input: input!, procedure: procedures.procedure(named: call.procedure)!, arguments: call.arguments,
                                         outputs: call.outputs, range: call.range, argumentRanges: call.argumentRanges)
        case .optional, .merge, .triangles, .foreach, .subqueryCall, .union, .selectPaths:
            preconditionFailure("steps with a plan of their own are built by build(_:)")
        }
    }

    /// Interned label ids (nil for a label the graph has never seen: nothing carries it).
    private func labelIDs(_ names: [String]) -> [Int32?] { names.map { graph.labels.id(of: $0) } }

    /// Interned type ids, or nil when any type is allowed (types the graph has never seen are dropped).
    private func typeIDs(_ names: [String]) -> [Int32]? {
        if names.isEmpty { return nil }
        var out: [Int32] = []
        for n in names { if let id = graph.types.id(of: n), !out.contains(id) { out.append(id) } }
        return out
    }
}
