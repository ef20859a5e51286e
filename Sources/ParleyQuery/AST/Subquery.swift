import ParleyGraph
import ParleyValues

/// The body of a subquery between braces: single queries joined by UNION [ALL].
struct SubqueryBody: Sendable {
    var queries: [[Clause]]
    /// `unionAll[i]` says whether the union between query i and i+1 is UNION ALL.
    var unionAll: [Bool]
    /// From the opening brace to the closing one.
    var range: SourceRange

    /// The first clause of the body that writes to the graph, if any.
    var firstWrite: Clause? {
        for q in queries { if let c = q.first(where: { $0.isWrite }) { return c } }
        return nil
    }
}

/// Which subquery expression: `EXISTS { }`, `COUNT { }` or `COLLECT { }`.
enum SubqueryExpressionKind: String, Sendable {
    case exists = "EXISTS"
    case count = "COUNT"
    case collect = "COLLECT"
}

/// `[OPTIONAL] CALL [(variables) | (*)] { body }`: a subquery run once per incoming row.
struct SubqueryCall: Sendable {
    /// The variable scope clause: which outer variables the body sees.
    enum Imports: Sendable {
        /// `CALL (*)`: every variable in scope.
        case all
        /// `CALL (a, b)` (possibly empty: `CALL ()`).
        case names([(name: String, range: SourceRange)])
    }

    /// The scope clause, or nil when none is written (the body may import with a leading WITH).
    var imports: Imports?
    var body: SubqueryBody
    var optional: Bool
    /// From `CALL` (or `OPTIONAL`) to the closing brace.
    var range: SourceRange
}
