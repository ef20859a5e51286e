import ParleyGraph
import ParleyValues

extension LogicalOperation {
    /// The step's name in plans (EXPLAIN, PROFILE) and in errors that name a step.
    var name: String {
        switch self {
        case .argument: return "Argument"
        case .nodeScan(_, let scanLabel, _, _): return scanLabel == nil ? "AllNodesScan" : "NodeByLabelScan"
        case .indexSeek: return "NodeIndexSeek"
        case .boundNode: return "BoundNode"
        case .expand(let e): return e.into ? "ExpandInto" : "Expand"
        case .varExpand(let e): return e.into ? "VarLengthExpandInto" : "VarLengthExpand"
        case .expandIntersect: return "ExpandIntersect"
        case .shortestPath(let s): return s.all ? "AllShortestPaths" : "ShortestPath"
        case .quantifiedExpand(let q): return q.into ? "QuantifiedExpandInto" : "QuantifiedExpand"
        case .selectPaths: return "PathSelection"
        case .triangles: return "TriangleJoin"
        case .filter: return "Filter"
        case .project: return "Projection"
        case .unwind: return "Unwind"
        case .aggregate(let a):
            return (a.keys.isEmpty ? "Aggregation" : "GroupAggregation") + (a.degree == nil ? "" : "ByDegree")
                + (a.ofExpansion ? "OfExpansion" : "")
        case .distinct: return "Distinct"
        case .sort(_, _, let limit, _): return limit == nil ? "Sort" : "Top"
        case .skip: return "Skip"
        case .limit: return "Limit"
        case .eager: return "Eager"
        case .optional: return "OptionalApply"
        case .create: return "Create"
        case .merge: return "Merge"
        case .update(_, let name): return name
        case .delete(_, let detach, _): return detach ? "DetachDelete" : "Delete"
        case .procedureCall: return "ProcedureCall"
        case .foreach: return "Foreach"
        case .subqueryCall(_, _, let unit, let optional, _):
            return (optional ? "Optional" : "") + (unit ? "UnitSubqueryCall" : "SubqueryCall")
        case .union(let parts, _, _, let distinct): return parts.count == 1 ? "CopyColumns" : distinct ? "Union" : "UnionAll"
        }
    }

    /// What the step does, in the words of the query (empty when its name says it all).
    var details: String {
        switch self {
        case .distinct(_, let waiver?): return "unchecked after the join when " + (waiver.key.map { "\($0) identifies nodes" } ?? "always")
        case .argument, .distinct, .eager, .optional, .update, .union: return ""
        case .nodeScan(_, _, _, let text), .indexSeek(_, _, _, _, let text), .boundNode(_, _, let text),
             .project(_, _, let text), .unwind(_, _, let text), .create(_, let text), .merge(_, _, _, _, let text),
             .delete(_, _, let text), .foreach(_, _, _, _, let text), .subqueryCall(_, _, _, _, let text):
            return text
        case .expand(let e): return e.text
        case .varExpand(let e): return e.pathSlot == nil ? e.text : "\(e.pathName) = \(e.text)"
        case .expandIntersect(let i): return i.text
        case .shortestPath(let s): return s.text
        case .quantifiedExpand(let q): return q.text
        case .selectPaths(_, let s): return s.text
        case .triangles(let t): return t.text
        case .filter(let p): return p.text
        case .aggregate(let a): return a.text
        case .sort(_, _, let limit, let text): return text + (limit.map { " (keep \($0))" } ?? "")
        case .skip(let n), .limit(let n, _): return "\(n)"
        case .procedureCall(let call): return call.signature
        }
    }

    /// The plans the step runs per row (printed under it).
    var innerPlans: [LogicalPlan] {
        switch self {
        case .optional(let inner, _), .merge(let inner, _, _, _, _), .foreach(_, _, let inner, _, _),
             .subqueryCall(let inner, _, _, _, _), .selectPaths(let inner, _):
            return [inner]
        case .union(let parts, _, _, _): return parts
        default: return []
        }
    }
}
