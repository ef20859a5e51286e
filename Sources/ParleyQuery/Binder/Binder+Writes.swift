import ParleyGraph
import ParleyValues

/// Binding of CREATE, MERGE, SET, REMOVE and DELETE.
extension Binder {
    /// Builds the create action for patterns, declaring new variables in `scope`.
    func createAction(_ parts: [PatternPart], scope: inout Scope, merge: Bool) throws(QueryError) -> CreateAction {
        var nodes: [CreateNodeSpec] = []
        var rels: [CreateRelSpec] = []
        var paths: [(slot: Int, expression: BoundExpression)] = []
        let before = scope
        func props(_ e: Expression?, _ s: Scope) throws(QueryError) -> PropertySource {
            guard let e else { return .entries([]) }
            let ctx = BindingContext(scope: s, clause: merge ? "MERGE" : "CREATE")
            if case .map(let entries) = e.kind {
                var out: [(key: String, value: BoundExpression)] = []
                for (k, v) in entries { out.append((k, try bind(v, ctx))) }
                return .entries(out)
            }
            return .map(try bind(e, ctx))
        }
        for part in parts {
            try checkWritablePattern(part, clause: merge ? "MERGE" : "CREATE")
            var nodeSlots: [Int] = []
            for n in part.nodes {
                if let v = n.variable, let existing = scope[v] {
                    if existing.kind != .node && existing.kind != .value {
                        throw error(.syntax(.variableTypeConflict), "Type mismatch: `\(v)` is a \(existing.kind.displayName), expected Node", n.range)
                    }
                    if !n.labels.isEmpty || n.properties != nil || (part.chain.isEmpty && before[v] != nil) {
                        throw error(.syntax(.variableAlreadyBound), "Variable `\(v)` already declared", n.range)
                    }
                    nodeSlots.append(existing.slot)
                    continue
                }
                let slot = n.variable.map { slots.allocate($0) } ?? anonymousSlot("n")
                if let v = n.variable { scope.bind(v, Variable(slot: slot, kind: .node)) }
                nodes.append(CreateNodeSpec(slot: slot, create: true, labels: n.labels, properties: .entries([])))
                nodeSlots.append(slot)
                nodes[nodes.count - 1].properties = try props(n.properties, scope)
            }
            for (i, (r, _)) in part.chain.enumerated() {
                if let v = r.variable, scope[v] != nil {
                    throw error(.syntax(.variableAlreadyBound), "Variable `\(v)` already declared", r.range)
                }
                if r.types.count != 1 {
                    throw error(.syntax(.noSingleRelationshipType), "A single relationship type must be specified for \(merge ? "MERGE" : "CREATE")", r.range)
                }
                if r.direction == .both && !merge {
                    throw error(.syntax(.requiresDirectedRelationship), "Only directed relationships are supported in CREATE", r.range)
                }
                if r.length != nil {
                    throw error(.syntax(.creatingVarLength), "Variable length relationships cannot be used in \(merge ? "MERGE" : "CREATE")", r.range)
                }
                if let v = r.variable, scope[v] != nil {
                    throw error(.syntax(.variableAlreadyBound), "Variable `\(v)` already declared", r.range)
                }
                let slot = r.variable.map { slots.allocate($0) } ?? anonymousSlot("r")
                if let v = r.variable { scope.bind(v, Variable(slot: slot, kind: .relationship)) }
                let (from, to) = r.direction == .left ? (nodeSlots[i + 1], nodeSlots[i]) : (nodeSlots[i], nodeSlots[i + 1])
                rels.append(CreateRelSpec(slot: slot, type: r.types[0], from: from, to: to, properties: try props(r.properties, scope)))
            }
            if let p = part.pathVariable {
                if scope[p] != nil { throw error(.syntax(.variableAlreadyBound), "Variable `\(p)` already declared", part.range) }
                let slot = slots.allocate(p)
                scope.bind(p, Variable(slot: slot, kind: .path))
                let steps = rels.suffix(part.chain.count).enumerated().map { i, r in
                    BoundExpression.PathStep(relationshipSlot: r.slot, isVariableLength: false, nodeSlot: nodeSlots[i + 1])
                }
                paths.append((slot, .path(start: nodeSlots[0], steps: steps)))
            }
        }
        return CreateAction(nodes: nodes, rels: rels, paths: paths)
    }

    /// Binds MERGE: the pattern as a match, and what to create (in the same slots) when it has none.
    func bindMerge(_ part: PatternPart, onCreate: [SetItem], onMatch: [SetItem], scope inScope: Scope) throws(QueryError) -> (BoundMerge, Scope) {
        try checkWritablePattern(part, clause: "MERGE")
        var matchScope = inScope
        var newSlots: [Int] = []
        var seen = Set<String>()
        for r in part.chain.map(\.relationship) {
            if let v = r.variable, inScope[v] != nil {
                throw error(.syntax(.variableAlreadyBound), "Variable `\(v)` already declared", r.range)
            }
        }
        for r in part.chain.map(\.relationship) where r.types.count != 1 {
            throw error(.syntax(.noSingleRelationshipType), "A single relationship type must be specified for MERGE", r.range)
        }
        for props in part.nodes.compactMap(\.properties) + part.chain.compactMap(\.relationship.properties) {
            do {
                var hasNull = false
                if case .map(let entries) = props.kind {
                    for (_, v) in entries { if case .literal(.null) = v.kind { hasNull = true } }
                }
                if hasNull {
                    throw QueryError(.runtime, .semantic(.mergeReadOwnWrites), "Cannot merge using a null property value", at: props.range)
                }
            }
        }
        if part.chain.isEmpty, let v = part.first.variable, inScope[v] != nil {
            throw error(.syntax(.variableAlreadyBound), "Variable `\(v)` already declared", part.first.range)
        }
        try checkRelationshipCount([part])
        let resolved = try resolve(part, scope: &matchScope, newSlots: &newSlots, seenRels: &seen, allowNew: true)
        // The create side must reuse the very slots the match side allocated.
        var createScope = inScope
        var action = try createAction([part], scope: &createScope, merge: true)
        for (name, v) in createScope.variables where inScope[name] == nil {
            if let target = matchScope[name] {
                for i in action.nodes.indices where action.nodes[i].slot == v.slot { action.nodes[i].slot = target.slot }
                for i in action.rels.indices {
                    if action.rels[i].slot == v.slot { action.rels[i].slot = target.slot }
                    if action.rels[i].from == v.slot { action.rels[i].from = target.slot }
                    if action.rels[i].to == v.slot { action.rels[i].to = target.slot }
                }
                for i in action.paths.indices where action.paths[i].slot == v.slot { action.paths[i].slot = target.slot }
                action.paths = action.paths.map { p in
                    guard case .path(let start, let steps) = p.expression else { return p }
                    func m(_ s: Int) -> Int { s == v.slot ? target.slot : s }
                    return (p.slot, .path(start: m(start), steps: steps.map { .init(relationshipSlot: m($0.relationshipSlot), isVariableLength: false, nodeSlot: m($0.nodeSlot)) }))
                }
            }
        }
        let onM = try setActions(onMatch, scope: matchScope)
        let onC = try setActions(onCreate, scope: matchScope)
        let merge = BoundMerge(part: resolved, outerBound: Set(inScope.variables.values.map(\.slot)), create: action,
                               onMatch: onM, onCreate: onC, text: text(part.range))
        return (merge, matchScope)
    }

    /// Binds SET items (also ON MATCH / ON CREATE SET).
    func setActions(_ items: [SetItem], scope: Scope) throws(QueryError) -> [SetAction] {
        let ctx = BindingContext(scope: scope, clause: "SET")
        var out: [SetAction] = []
        for item in items {
            switch item {
            case .property(let target, let key, let value):
                out.append(.property(target: try bind(target, ctx), key: key, value: try bind(value, ctx)))
            case .properties(let variable, let value, let merge, let range):
                let t = try bind(Expression(.variable(variable), range), ctx)
                out.append(.replaceProperties(target: t, value: try bind(value, ctx), merge: merge))
            case .labels(let variable, let labels, let range):
                out.append(.labels(target: try bind(Expression(.variable(variable), range), ctx), labels: labels, add: true))
            }
        }
        return out
    }

    /// Binds REMOVE items.
    func removeActions(_ items: [RemoveItem], scope: Scope) throws(QueryError) -> [SetAction] {
        let ctx = BindingContext(scope: scope, clause: "REMOVE")
        var out: [SetAction] = []
        for item in items {
            switch item {
            case .property(let target, let key):
                out.append(.property(target: try bind(target, ctx), key: key, value: nil))
            case .labels(let variable, let labels, let range):
                out.append(.labels(target: try bind(Expression(.variable(variable), range), ctx), labels: labels, add: false))
            }
        }
        return out
    }

    /// Binds DELETE's expressions, refusing what cannot name a node, relationship or path.
    func bindDelete(_ exprs: [Expression], scope: Scope) throws(QueryError) -> [BoundExpression] {
        let ctx = BindingContext(scope: scope, clause: "DELETE")
        var bound: [BoundExpression] = []
        for e in exprs {
            switch e.kind {
            case .variable, .property, .index, .function, .list, .literal(.null), .parameter, .caseExpr: break
            case .hasLabels:
                throw error(.syntax(.invalidDelete), "DELETE expects a variable, not \(text(e.range)); use REMOVE to remove labels", e.range)
            default:
                throw error(.syntax(.invalidArgumentType), "DELETE expects a node, relationship or path, not \(text(e.range))", e.range)
            }
            bound.append(try bind(e, ctx))
        }
        return bound
    }
}
