import ParleyGraph

/// Binding of update clauses, FOREACH among them (whose body holds nothing else).
extension Binder {
    /// Binds CREATE, MERGE, SET, REMOVE, DELETE or FOREACH, declaring what it introduces in `scope`.
    func bindUpdate(_ clause: Clause, scope: inout Scope) throws(QueryError) -> BoundClause.Kind {
        switch clause {
        case .create(let parts, _):
            return .create(try createAction(parts, scope: &scope, merge: false), text: parts.map { text($0.range) }.joined(separator: ", "))
        case .merge(let part, let onCreate, let onMatch, _):
            let merge: BoundMerge
            (merge, scope) = try bindMerge(part, onCreate: onCreate, onMatch: onMatch, scope: scope)
            return .merge(merge)
        case .set(let items, _):
            return .update(try setActions(items, scope: scope), name: "SetProperties")
        case .remove(let items, _):
            return .update(try removeActions(items, scope: scope), name: "Remove")
        case .delete(let exprs, let detach, _):
            return .delete(try bindDelete(exprs, scope: scope), detach: detach, text: exprs.map { text($0.range) }.joined(separator: ", "))
        case .foreach(let variable, let list, let body, _):
            return .foreach(try bindForeach(variable: variable, list: list, body: body, scope: scope))
        default:
            throw error(.syntax(.invalidClauseComposition),
                        "Invalid use of \(clause.name) inside FOREACH: only CREATE, MERGE, SET, REMOVE, DELETE and FOREACH can be used", clause.range)
        }
    }

    /// Binds `FOREACH (variable IN list | body)`: the list in the enclosing scope, the body in
    /// a scope of its own (the variable and whatever the body creates end with it).
    func bindForeach(variable: String, list: Expression, body: [Clause], scope: Scope) throws(QueryError) -> BoundForeach {
        let ctx = BindingContext(scope: scope, clause: "FOREACH")
        if let k = staticKind(list, ctx), k != .list, k != .value {
            throw error(.syntax(.invalidArgumentType), "Type mismatch: FOREACH expected a list but was \(k.displayName)", list.range)
        }
        let expression = try bind(list, ctx)
        if scope[variable] != nil {
            throw error(.syntax(.variableAlreadyBound), "Variable `\(variable)` already declared", list.range)
        }
        var inner = scope
        let slot = slots.allocate(variable)
        inner.bind(variable, Variable(slot: slot, kind: .value))
        var clauses: [BoundClause] = []
        for c in body {
            guard StackGuard.hasRoom(below: stackLimit) else { throw QueryError.evaluationTooDeep }
            clauses.append(BoundClause(kind: try bindUpdate(c, scope: &inner), range: c.range))
        }
        return BoundForeach(expression: expression, slot: slot, body: clauses, text: "\(variable) IN \(text(list.range))", listRange: list.range)
    }
}
