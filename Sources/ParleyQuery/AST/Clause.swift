import ParleyGraph
import ParleyValues

/// One `expr [AS alias]` item of RETURN or WITH.
struct ProjectionItem: Sendable {
    var expression: Expression
    var alias: String?
    /// The column name: the alias, or the expression's text as written.
    var name: String
}

/// One ORDER BY key.
struct SortItem: Sendable {
    var expression: Expression
    var ascending: Bool
    /// `NULLS FIRST` (true) or `NULLS LAST` (false) when written; by default nulls sort as the
    /// largest values (last ascending, first descending).
    var nullsFirst: Bool? = nil
    /// What EXPLAIN shows after the key's text: `DESC` and the null placement when written.
    var textSuffix: String {
        (ascending ? "" : " DESC") + (nullsFirst.map { $0 ? " NULLS FIRST" : " NULLS LAST" } ?? "")
    }
}

/// The body shared by RETURN and WITH (and by the clauses that stand for a `WITH *`).
struct Projection: Sendable {
    /// The clause a projection was written as: WITH, or a Cypher 25 clause that means a `WITH *`
    /// with something more (`LET x = e`, `FILTER p`, a standalone `ORDER BY`/`OFFSET`/`LIMIT`).
    enum Origin: Sendable, Equatable {
        case with, `let`, filter, standalone(String)

        /// The keyword, for messages and plans.
        var keyword: String {
            switch self {
            case .with: return "WITH"
            case .let: return "LET"
            case .filter: return "FILTER"
            case .standalone(let k): return k
            }
        }
    }


    var distinct: Bool
    var star: Bool
    var items: [ProjectionItem]
    var orderBy: [SortItem]
    var skip: Expression?
    var limit: Expression?
    var range: SourceRange
    /// The first WITH item that is an expression without AS (an error reported by the planner).
    var unaliased: SourceRange? = nil
    /// How the skip was written, `SKIP` or its synonym `OFFSET`, for error messages.
    var skipKeyword = "SKIP"
    /// The clause this projection was written as (WITH for RETURN too).
    var origin = Origin.with
}

/// One item of SET.
enum SetItem: Sendable {
    /// `n.key = value` (target is any expression yielding a node/relationship).
    case property(target: Expression, key: String, value: Expression)
    /// `n = {map}` (replace) or `n += {map}` (merge).
    case properties(variable: String, value: Expression, merge: Bool, range: SourceRange)
    /// `n:Label:Other`.
    case labels(variable: String, labels: [String], range: SourceRange)
}

/// One item of REMOVE.
enum RemoveItem: Sendable {
    case property(target: Expression, key: String)
    case labels(variable: String, labels: [String], range: SourceRange)
}

/// A clause of a single query.
enum Clause: Sendable {
    case match(optional: Bool, patterns: [PatternPart], predicate: Expression?, range: SourceRange)
    case unwind(Expression, variable: String, range: SourceRange)
    case with(Projection, predicate: Expression?)
    case `return`(Projection)
    case create([PatternPart], range: SourceRange)
    case merge(PatternPart, onCreate: [SetItem], onMatch: [SetItem], range: SourceRange)
    case set([SetItem], range: SourceRange)
    case remove([RemoveItem], range: SourceRange)
    case delete([Expression], detach: Bool, range: SourceRange)
    case call(ProcedureCall)
    /// `FOREACH (variable IN list | body)`: update clauses run per element.
    case foreach(variable: String, list: Expression, body: [Clause], range: SourceRange)
    /// `[OPTIONAL] CALL [(scope)] { ... }`: a subquery run per row.
    case subqueryCall(SubqueryCall)
    /// `FINISH`: the query ends here and returns nothing (its writes still happen).
    case finish(range: SourceRange)

    /// The clause keyword, for messages and plans.
    var name: String {
        switch self {
        case .match(let o, _, _, _): return o ? "OPTIONAL MATCH" : "MATCH"
        case .unwind: return "UNWIND"
        case .with(let p, _): return p.origin.keyword
        case .finish: return "FINISH"
        case .return: return "RETURN"
        case .create: return "CREATE"
        case .merge: return "MERGE"
        case .set: return "SET"
        case .remove: return "REMOVE"
        case .delete(_, let d, _): return d ? "DETACH DELETE" : "DELETE"
        case .call: return "CALL"
        case .foreach: return "FOREACH"
        case .subqueryCall(let c): return c.optional ? "OPTIONAL CALL" : "CALL"
        }
    }

    /// Where the clause is written (for a CALL, its procedure name).
    var range: SourceRange {
        switch self {
        case .match(_, _, _, let r), .unwind(_, _, let r), .create(_, let r), .merge(_, _, _, let r),
             .set(_, let r), .remove(_, let r), .delete(_, _, let r), .foreach(_, _, _, let r), .finish(let r):
            return r
        case .with(let p, _), .return(let p): return p.range
        case .call(let c): return c.nameRange
        case .subqueryCall(let c): return c.range
        }
    }

    /// Whether the clause calls a procedure (`CALL name(...)`, not a CALL subquery).
    var isProcedureCall: Bool {
        if case .call = self { return true }
        return false
    }

    /// Whether the clause writes to the graph.
    var isWrite: Bool {
        switch self {
        case .create, .merge, .set, .remove, .delete, .foreach: return true
        case .subqueryCall(let c): return c.body.firstWrite != nil
        default: return false
        }
    }
}

/// A whole statement: one or more single queries joined by UNION [ALL].
struct Statement: Sendable {
    /// EXPLAIN / PROFILE / plain execution.
    enum Mode: Sendable { case run, explain, profile }

    var mode: Mode
    var queries: [[Clause]]
    /// `unionAll[i]` says whether the union between query i and i+1 is UNION ALL.
    var unionAll: [Bool]
}
