import ParleyGraph
import ParleyValues

/// Semantic analysis: turns a parsed ``Statement`` into a ``BoundStatement``. Resolves every
/// variable to a row slot through the scopes clauses open and close, binds expressions,
/// evaluates constants (SKIP, LIMIT, parameter maps), looks procedures up, and raises every
/// semantic error the openCypher TCK expects at compile time. It plans nothing.
final class Binder {
    let graph: GraphStore
    let parameters: [String: Value]
    let parser: Parser
    let slots = SlotAllocator()
    var anonymousCount = 0
    /// How deep binding may recurse on the thread compiling the query (``StackGuard``).
    let stackLimit = StackGuard.limit()
    /// The procedures CALL can use.
    var procedures = ProcedureRegistry.standard
    /// The sub-queries expressions use, in the order they were bound.
    var subqueries: [BoundSubquery] = []

    init(graph: GraphStore, parameters: [String: Value], parser: Parser) {
        self.graph = graph
        self.parameters = parameters
        self.parser = parser
    }

    /// The source text of a range.
    func text(_ r: SourceRange) -> String { parser.text(r) }

    /// A compile-time error.
    func error(_ kind: QueryError.Kind, _ message: String, _ range: SourceRange?) -> QueryError {
        QueryError(.compileTime, kind, message, at: range)
    }

    /// Binds every single query of the statement and checks the UNION rules.
    func bind(_ statement: Statement) throws(QueryError) -> BoundStatement {
        if statement.unionAll.count > 0 && Set(statement.unionAll).count > 1 {
            throw error(.syntax(.invalidClauseComposition), "Invalid combination of UNION and UNION ALL", nil)
        }
        var parts: [BoundQuery] = []
        var writes = false
        for clauses in statement.queries {
            writes = writes || clauses.contains { $0.isWrite }
            let first = slots.count
            var part = try bindSingle(clauses)
            part.slotRange = first..<slots.count
            parts.append(part)
        }
        if parts.count > 1 {
            for p in parts.dropFirst() where p.columns != parts[0].columns {
                throw error(.syntax(.differentColumnsInUnion), "All sub queries in a UNION must have the same column names", nil)
            }
        }
        return BoundStatement(parts: parts, distinctUnion: !(statement.unionAll.first ?? true), subqueries: subqueries,
                              slotCount: slots.count, slotNames: slots.names, mode: statement.mode, writes: writes)
    }

    /// Binds one query (clauses up to UNION), or the body of a subquery.
    func bindSingle(_ clauses: [Clause], initialScope: Scope = Scope(), subquery: Bool = false) throws(QueryError) -> BoundQuery {
        try bindSingleScoped(clauses, initialScope: initialScope, subquery: subquery).query
    }

    /// Binds one query and also returns the scope after its last clause (what a CALL subquery's
    /// RETURN hands to the outer query).
    func bindSingleScoped(_ clauses: [Clause], initialScope: Scope, subquery: Bool) throws(QueryError) -> (query: BoundQuery, scope: Scope) {
        var scope = initialScope
        var bound: [BoundClause] = []
        var columns: [String] = []
        var columnSlots: [Int] = []
        var sawWrite = false
        for (i, clause) in clauses.enumerated() {
            let isLast = i == clauses.count - 1
            let kind: BoundClause.Kind
            switch clause {
            case .match(let optional, let patterns, let predicate, _):
                // Reading after writing without WITH is allowed: the eager write steps keep it correct.
                let match: BoundMatch
                (match, scope) = try bindMatch(patterns, predicate: predicate, optional: optional, scope: scope)
                kind = .match(match)
            case .unwind(let e, let variable, let range):
                let expression = try bind(e, BindingContext(scope: scope, clause: "UNWIND"))
                if scope[variable] != nil {
                    throw error(.syntax(.variableAlreadyBound), "Variable `\(variable)` already declared", range)
                }
                let slot = slots.allocate(variable)
                scope.bind(variable, Variable(slot: slot, kind: .value))
                kind = .unwind(BoundUnwind(expression: expression, slot: slot, text: "\(text(e.range)) AS \(variable)", range: e.range))
            case .finish(let range):
                if !isLast {
                    throw error(.syntax(.invalidClauseComposition), "FINISH can only be used at the end of the query", range)
                }
                if sawWrite {
                    // Writes before FINISH complete, as before the end of any query.
                    bound.append(BoundClause(kind: .projection(try bindProjection(Projection(distinct: false, star: true, items: [], orderBy: [], skip: nil, limit: nil, range: range), scope: scope, isReturn: false, afterWrite: true).0), range: range))
                }
                continue
            case .with(let projection, let predicate) where projection.origin == .let:
                // Each binding sees the ones before it: one `WITH *, e AS x` per binding.
                var last: BoundProjection?
                for item in projection.items {
                    if scope[item.name] != nil {
                        throw error(.syntax(.variableAlreadyBound), "Variable `\(item.name)` already declared", item.expression.range)
                    }
                    if item.expression.containsAggregate {
                        throw error(.syntax(.invalidAggregation), "LET cannot aggregate; use WITH", item.expression.range)
                    }
                    var one = projection
                    one.items = [item]
                    if let last { bound.append(BoundClause(kind: .projection(last), range: clause.range)) }
                    let b: BoundProjection
                    (b, scope) = try bindProjection(one, scope: scope, isReturn: false, predicate: predicate, afterWrite: sawWrite && last == nil)
                    last = b
                }
                sawWrite = false
                kind = .projection(last!)
            case .with(let projection, let predicate):
                let bound: BoundProjection
                (bound, scope) = try bindProjection(projection, scope: scope, isReturn: false, predicate: predicate, afterWrite: sawWrite)
                sawWrite = false
                kind = .projection(bound)
            case .return(let projection):
                if !isLast {
                    throw error(.syntax(.invalidClauseComposition), "RETURN can only be used at the end of the query", projection.range)
                }
                let bound: BoundProjection
                (bound, scope) = try bindProjection(projection, scope: scope, isReturn: true, afterWrite: sawWrite)
                (columns, columnSlots) = (bound.columns, bound.columnSlots)
                kind = .projection(bound)
            case .create, .merge, .set, .remove, .delete, .foreach:
                sawWrite = true
                kind = try bindUpdate(clause, scope: &scope)
            case .call(let call):
                let standalone = clauses.count == 1 && !subquery
                let bound: BoundCall
                (bound, scope) = try bindCall(call, scope: scope, standalone: standalone)
                if standalone { (columns, columnSlots) = (bound.columns, bound.columnSlots) }
                kind = .call(bound)
            case .subqueryCall(let call):
                let bound: BoundSubqueryCall
                (bound, scope) = try bindSubqueryCall(call, scope: scope)
                sawWrite = sawWrite || bound.writes
                kind = .subqueryCall(bound)
            }
            bound.append(BoundClause(kind: kind, range: clause.range))
            if isLast, !clause.isWrite, !subquery, !(clauses.count == 1 && clause.isProcedureCall) {
                // (A query ending in FINISH never gets here.)
                if case .return = clause {} else {
                    throw error(.syntax(.invalidClauseComposition),
                                "Query cannot conclude with \(clause.name) (must be RETURN or an update clause)", nil)
                }
            }
        }
        return (BoundQuery(clauses: bound, columns: columns, columnSlots: columnSlots), scope)
    }

    /// Evaluates a constant expression (SKIP/LIMIT, parameter maps) at compile time.
    func constant(_ e: BoundExpression) throws(QueryError) -> Value {
        let ctx = ExecutionContext(graph: graph, slotCount: slots.count, cancellation: nil, profiling: false)
        return try ctx.eval(e)
    }

    /// A fresh slot for an anonymous pattern element.
    func anonymousSlot(_ prefix: String) -> Int {
        anonymousCount += 1
        return slots.allocate("  \(prefix)\(anonymousCount)")
    }

    /// Registers a sub-query an expression runs per row; `outerSlots` are the enclosing row's
    /// slots it reads.
    func subplan(_ subquery: BoundSubquery, outerSlots: Set<Int>) -> SubplanReference {
        subqueries.append(subquery)
        return SubplanReference(index: subqueries.count - 1, outerSlots: outerSlots)
    }
}
