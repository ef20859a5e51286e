import ParleyGraph
import ParleyValues

/// `[OPTIONAL] CALL { ... }`: which outer variables the body sees (a scope clause or a leading
/// importing WITH), how its queries must end, and what its RETURN adds to the outer scope.
extension Binder {
    /// Binds a CALL subquery against the outer `scope`; returns the scope after it.
    func bindSubqueryCall(_ call: SubqueryCall, scope: Scope) throws(QueryError) -> (BoundSubqueryCall, Scope) {
        var queries = call.body.queries
        var inner = Scope()
        switch call.imports {
        case .all?:
            inner = scope
        case .names(let names)?:
            for (name, range) in names {
                guard let v = scope[name] else {
                    throw error(.syntax(.undefinedVariable), "Variable `\(name)` not defined", range)
                }
                if inner[name] != nil {
                    throw error(.syntax(.variableAlreadyBound), "Variable `\(name)` is imported twice", range)
                }
                inner.bind(name, v)
            }
        case nil:
            break
        }
        // Without a scope clause, each part may import with a leading `WITH a, b` (or `WITH *`).
        var partScopes: [Scope] = []
        for (i, clauses) in queries.enumerated() {
            guard call.imports == nil, case .with(let projection, let predicate)? = clauses.first, projection.origin == .with,
                  let imported = try importedScope(projection, predicate: predicate, outer: scope) else {
                partScopes.append(inner)
                continue
            }
            partScopes.append(imported)
            // The importing WITH only opens the scope; a `WITH *` importing nothing is dropped too.
            if projection.star || !projection.items.isEmpty { queries[i] = Array(clauses.dropFirst()) }
            if queries[i].isEmpty {
                throw error(.syntax(.invalidClauseComposition), "A CALL subquery needs a clause after its importing WITH", projection.range)
            }
        }
        // Every part ends with RETURN (a returning subquery) or with an update (a unit subquery).
        var returns: [Bool] = []
        for clauses in queries {
            let last = clauses[clauses.count - 1]
            if case .return = last { returns.append(true); continue }
            if last.isWrite { returns.append(false); continue }
            throw error(.syntax(.invalidClauseComposition),
                        "A CALL subquery cannot conclude with \(last.name) (must be RETURN or an update clause)", last.range)
        }
        if Set(returns).count > 1 {
            throw error(.syntax(.invalidClauseComposition),
                        "All parts of a UNION in a CALL subquery must either return or not", call.body.range)
        }
        if Set(call.body.unionAll).count > 1 {
            throw error(.syntax(.invalidClauseComposition), "Invalid combination of UNION and UNION ALL", call.body.range)
        }
        var parts: [BoundQuery] = []
        var firstScope = Scope()
        for (i, clauses) in queries.enumerated() {
            let first = slots.count
            var (part, partScope) = try bindSingleScoped(clauses, initialScope: partScopes[i], subquery: true)
            if i == 0 { firstScope = partScope }
            part.slotRange = first..<slots.count
            parts.append(part)
            // A returned name may not shadow an outer variable.
            if case .return(let projection) = clauses[clauses.count - 1] {
                for name in part.columns where scope[name] != nil {
                    throw error(.syntax(.variableAlreadyBound), "Variable `\(name)` already declared in outer scope", projection.range)
                }
            }
        }
        for p in parts.dropFirst() where p.columns != parts[0].columns {
            throw error(.syntax(.differentColumnsInUnion), "All sub queries in a UNION must have the same column names", call.body.range)
        }
        let body = BoundUnion(parts: parts, distinct: !(call.body.unionAll.first ?? true), columnSlots: unionColumnSlots(parts, nullable: call.optional ? scope : nil),
                              columns: parts[0].columns)
        var after = scope
        for (i, name) in body.columns.enumerated() {
            after.bind(name, Variable(slot: body.columnSlots[i], kind: firstScope[name]?.kind ?? .value))
        }
        let unit = !(returns.first ?? false)
        let bound = BoundSubqueryCall(body: body, unit: unit, optional: call.optional, writes: call.body.firstWrite != nil,
                                      text: unit ? "" : body.columns.joined(separator: ", "))
        return (bound, after)
    }

    /// The scope a leading `WITH` imports from `outer`, or nil when it reads no outer variable
    /// (then it is an ordinary WITH). An importing WITH may only name outer variables.
    private func importedScope(_ projection: Projection, predicate: Expression?, outer: Scope) throws(QueryError) -> Scope? {
        var usesOuter = projection.star
        for item in projection.items {
            item.expression.visit { e in
                if case .variable(let v) = e.kind, outer[v] != nil { usesOuter = true }
            }
        }
        guard usesOuter else { return nil }
        let notSimple = "Importing WITH should consist only of simple references to outside variables"
        if let predicate {
            throw error(.syntax(.invalidImportingWith), "\(notSimple). WHERE is not allowed.", predicate.range)
        }
        if projection.distinct || !projection.orderBy.isEmpty || projection.skip != nil || projection.limit != nil {
            throw error(.syntax(.invalidImportingWith), "\(notSimple). DISTINCT, ORDER BY, SKIP and LIMIT are not allowed.", projection.range)
        }
        if projection.star { return outer }
        var scope = Scope()
        for item in projection.items {
            guard case .variable(let v) = item.expression.kind, item.alias == nil || item.alias == v, let variable = outer[v] else {
                throw error(.syntax(.invalidImportingWith), "\(notSimple). Aliasing or expressions are not supported.", item.expression.range)
            }
            scope.bind(v, variable)
        }
        return scope
    }
}
