import ParleyGraph
import ParleyValues

/// Collects the label, relationship-type and property-key names a statement mentions, so a
/// writing statement can intern them before planning (its reads then see what it creates).
struct NameCollector {
    var labels = Set<String>()
    var types = Set<String>()
    var keys = Set<String>()

    /// Collects from every clause of `statement`.
    init(_ statement: Statement) {
        for clauses in statement.queries { for c in clauses { clause(c) } }
    }

    private mutating func clause(_ c: Clause) {
        switch c {
        case .match(_, let patterns, let predicate, _):
            for p in patterns { pattern(p) }
            if let predicate { expression(predicate) }
        case .unwind(let e, _, _): expression(e)
        case .with(let p, let predicate):
            projection(p)
            if let predicate { expression(predicate) }
        case .return(let p): projection(p)
        case .create(let patterns, _): for p in patterns { pattern(p) }
        case .merge(let p, let onCreate, let onMatch, _):
            pattern(p)
            for i in onCreate + onMatch { setItem(i) }
        case .set(let items, _): for i in items { setItem(i) }
        case .remove(let items, _):
            for i in items {
                switch i {
                case .property(let t, let k): expression(t); keys.insert(k)
                case .labels(_, let ls, _): labels.formUnion(ls)
                }
            }
        case .delete(let es, _, _): for e in es { expression(e) }
        case .call, .finish: break
        case .subqueryCall(let call): for q in call.body.queries { for c in q { clause(c) } }
        case .foreach(_, let list, let body, _):
            expression(list)
            for c in body { clause(c) }
        }
    }

    private mutating func setItem(_ i: SetItem) {
        switch i {
        case .property(let t, let k, let v): expression(t); keys.insert(k); expression(v)
        case .properties(_, let v, _, _): expression(v)
        case .labels(_, let ls, _): labels.formUnion(ls)
        }
    }

    private mutating func projection(_ p: Projection) {
        for i in p.items { expression(i.expression) }
        for s in p.orderBy { expression(s.expression) }
    }

    private mutating func pattern(_ p: PatternPart) {
        for n in p.nodes {
            labels.formUnion(n.labels)
            labels.formUnion(n.labelExpression?.names ?? [])
        }
        for (r, _) in p.chain {
            types.formUnion(r.types)
            types.formUnion(r.typeExpression?.names ?? [])
        }
        for e in p.inlineExpressions { expression(e) }
    }

    private mutating func expression(_ e: Expression) {
        e.visit { x in
            switch x.kind {
            case .property(_, let k): keys.insert(k)
            case .hasLabels(_, let ls): labels.formUnion(ls)
            case .map(let entries): for (k, _) in entries { keys.insert(k) }
            case .pattern(let p), .patternComprehension(let p, _, _): pattern(p)
            case .subquery(_, let body): for q in body.queries { for c in q { clause(c) } }
            default: break
            }
        }
    }

    /// Interns every collected name into `graph`.
    func intern(into graph: inout GraphStore) {
        for l in labels.sorted() { _ = graph.internLabel(l) }
        for t in types.sorted() { _ = graph.internType(t) }
        for k in keys.sorted() { _ = graph.internKey(k) }
    }
}
