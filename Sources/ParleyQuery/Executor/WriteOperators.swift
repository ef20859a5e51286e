import ParleyGraph
import ParleyValues

extension PropertySource {
    /// Evaluates the properties (nulls dropped).
    func evaluate(_ ctx: ExecutionContext) throws(QueryError) -> [(String, Value)] {
        var out: [(String, Value)] = []
        switch self {
        case .entries(let entries):
            for (k, e) in entries {
                let v = try ctx.eval(e)
                if !v.isNull { out.append((k, v)) }
            }
        case .map(let e):
            switch try ctx.eval(e) {
            case .map(let m): for (k, v) in m.sorted(by: { $0.key < $1.key }) where !v.isNull { out.append((k, v)) }
            case .null: break
            case let v: throw RuntimeError.type(.invalidArgumentType, "Properties must be a map but got \(v.typeName)")
            }
        }
        for (k, v) in out where !v.isStorableProperty {
            throw RuntimeError.type(.invalidPropertyType, "Property '\(k)' cannot hold a value of type \(v.typeName)")
        }
        return out
    }
}

extension CreateAction {
    /// Creates the elements for the current row.
    func apply(_ ctx: ExecutionContext) throws(QueryError) {
        for n in nodes where n.create {
            let props = try n.properties.evaluate(ctx)
            let id = ctx.graph.createNode()
            for l in n.labels where ctx.graph.addLabel(id, named: l) { ctx.statistics.labelsAdded += 1 }
            for (k, v) in props {
                ctx.graph.setNodeProperty(id, ctx.graph.internKey(k), v)
                ctx.statistics.propertiesSet += 1
            }
            ctx.statistics.nodesCreated += 1
            ctx.row[n.slot] = .node(id)
        }
        for r in rels {
            guard case .node(let a) = ctx.row[r.from], case .node(let b) = ctx.row[r.to],
                  ctx.graph.contains(node: a), ctx.graph.contains(node: b) else {
                throw QueryError(.runtime, .semantic(.createOnNull), "Failed to create relationship: an endpoint is null or not a node")
            }
            let props = try r.properties.evaluate(ctx)
            let rel = ctx.graph.appendRelationship(type: ctx.graph.internType(r.type), from: a, to: b, sorted: true)
            for (k, v) in props {
                ctx.graph.setRelationshipProperty(rel, ctx.graph.internKey(k), v)
                ctx.statistics.propertiesSet += 1
            }
            ctx.statistics.relationshipsCreated += 1
            ctx.row[r.slot] = .relationship(rel)
        }
        for p in paths { ctx.row[p.slot] = try ctx.eval(p.expression) }
    }
}

/// CREATE as an operator.
final class CreateOperator: Operator {
    let action: CreateAction
    init(input: Operator, action: CreateAction) {
        self.action = action
        super.init(input: input)
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        guard try input!.pull(ctx) else { return false }
        try action.apply(ctx)
        return true
    }
}

extension SetAction {
    /// Applies the item to the current row.
    func apply(_ ctx: ExecutionContext) throws(QueryError) {
        switch self {
        case .property(let target, let key, let valueExpr):
            let t = try ctx.eval(target)
            let v = try valueExpr.map { (e) throws(QueryError) in try ctx.eval(e) } ?? .null
            try SetAction.setProperty(ctx, t, key, v, counting: valueExpr != nil)
        case .replaceProperties(let target, let valueExpr, let merge):
            let t = try ctx.eval(target)
            var props: [String: Value]
            switch try ctx.eval(valueExpr) {
            case .map(let m): props = m
            case .node(let n): props = ctx.graph.properties(of: n)
            case .relationship(let r): props = ctx.graph.properties(ofRelationship: r)
            case .null: props = [:]
            case let v: throw RuntimeError.type(.invalidArgumentType, "SET expects a map but got \(v.typeName)")
            }
            if !merge {
                var existing: [String] = []
                switch t {
                case .node(let n): existing = Array(ctx.graph.properties(of: n).keys)
                case .relationship(let r): existing = Array(ctx.graph.properties(ofRelationship: r).keys)
                default: break
                }
                for k in existing where props[k] == nil { try SetAction.setProperty(ctx, t, k, .null, counting: true) }
            }
            for (k, v) in props.sorted(by: { $0.key < $1.key }) { try SetAction.setProperty(ctx, t, k, v, counting: true) }
        case .labels(let target, let labels, let add):
            switch try ctx.eval(target) {
            case .null: return
            case .node(let n):
                guard ctx.graph.contains(node: n) else { return }
                for l in labels {
                    if add {
                        if ctx.graph.addLabel(n, named: l) { ctx.statistics.labelsAdded += 1 }
                    } else if ctx.graph.removeLabel(n, named: l) {
                        ctx.statistics.labelsRemoved += 1
                    }
                }
            case let v: throw RuntimeError.type(.invalidArgumentType, "Labels can only be set on nodes, not on \(v.typeName)")
            }
        }
    }

    /// Sets (or with null, removes) one property, counting it in the statistics.
    static func setProperty(_ ctx: ExecutionContext, _ target: Value, _ key: String, _ value: Value, counting: Bool) throws(QueryError) {
        guard value.isStorableProperty else {
            throw RuntimeError.type(.invalidPropertyType, "Property '\(key)' cannot hold a value of type \(value.typeName)")
        }
        let old: Value
        switch target {
        case .null: return
        case .node(let n):
            guard ctx.graph.contains(node: n) else { return }
            if value.isNull {
                guard let k = ctx.graph.keys.id(of: key) else { return }
                old = ctx.graph.setNodeProperty(n, k, .null)
            } else {
                old = ctx.graph.setNodeProperty(n, ctx.graph.internKey(key), value)
            }
        case .relationship(let r):
            guard ctx.graph.contains(relationship: r) else { return }
            if value.isNull {
                guard let k = ctx.graph.keys.id(of: key) else { return }
                old = ctx.graph.setRelationshipProperty(r, k, .null)
            } else {
                old = ctx.graph.setRelationshipProperty(r, ctx.graph.internKey(key), value)
            }
        default:
            throw RuntimeError.type(.invalidArgumentType, "Properties can only be set on nodes and relationships, not on \(target.typeName)")
        }
        if value.isNull {
            if !old.isNull { ctx.statistics.propertiesRemoved += 1 }
        } else if counting {
            ctx.statistics.propertiesSet += 1
        }
    }
}


/// SET / REMOVE as an operator.
final class SetOperator: Operator {
    let actions: [SetAction]
    init(input: Operator, actions: [SetAction]) {
        self.actions = actions
        super.init(input: input)
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        guard try input!.pull(ctx) else { return false }
        for a in actions { try a.apply(ctx) }
        return true
    }
}

/// DELETE / DETACH DELETE: collects every row's entities, deletes relationships first, then
/// nodes, then passes the rows on.
final class DeleteOperator: Operator {
    let expressions: [BoundExpression]
    let detach: Bool
    @exclusivity(unchecked) private var rows: [[Value]] = []
    @exclusivity(unchecked) private var index = -1
    init(input: Operator, expressions: [BoundExpression], detach: Bool) {
        self.expressions = expressions
        self.detach = detach
        super.init(input: input)
    }
    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        rows = []
        index = -1
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if index < 0 {
            var nodes: [NodeID] = [], rels: [RelID] = []
            func collect(_ v: Value) throws(QueryError) {
                switch v {
                case .null: break
                case .node(let n): nodes.append(n)
                case .relationship(let r): rels.append(r)
                case .path(let p): nodes += p.nodes; rels += p.relationships
                case .list(let items): for i in items { try collect(i) }
                default: throw RuntimeError.type(.invalidArgumentType, "DELETE expects a node, relationship or path but got \(v.typeName)")
                }
            }
            while try input!.pull(ctx) {
                for e in expressions { try collect(try ctx.eval(e)) }
                rows.append(ctx.row.snapshot())
            }
            for r in rels where ctx.graph.contains(relationship: r) {
                try? ctx.graph.removeRelationship(r)
                ctx.statistics.relationshipsDeleted += 1
            }
            for n in nodes where ctx.graph.contains(node: n) {
                let degree = ctx.graph.degree(of: n, .outgoing) + ctx.graph.degree(of: n, .incoming)
                if degree > 0 && !detach {
                    throw QueryError(.runtime, .constraintVerificationFailed(.deleteConnectedNode),
                                     "Cannot delete a node that still has relationships; use DETACH DELETE")
                }
                var rs = Set<Int32>()
                for e in ctx.graph.adjacency(of: n, .outgoing) { rs.insert(e.rel) }
                for e in ctx.graph.adjacency(of: n, .incoming) { rs.insert(e.rel) }
                ctx.statistics.relationshipsDeleted += rs.count
                try? ctx.graph.removeNode(n, detach: true)
                ctx.statistics.nodesDeleted += 1
            }
            ctx.deletedSomething = true
            index = 0
        }
        guard index < rows.count else { return false }
        ctx.row.load(rows[index])
        index += 1
        return true
    }
}

/// MERGE: for each input row, runs the match sub-plan; if it finds nothing, creates the
/// pattern. ON MATCH / ON CREATE items are applied accordingly.
final class MergeOperator: Operator {
    let inner: Operator
    let create: CreateAction
    let onMatch: [SetAction]
    let onCreate: [SetAction]
    @exclusivity(unchecked) private var innerActive = false
    @exclusivity(unchecked) private var matchedAny = false
    init(input: Operator, inner: Operator, create: CreateAction, onMatch: [SetAction], onCreate: [SetAction]) {
        self.inner = inner
        self.create = create
        self.onMatch = onMatch
        self.onCreate = onCreate
        super.init(input: input)
    }
    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        innerActive = false
    }
    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if innerActive {
                if try inner.pull(ctx) {
                    matchedAny = true
                    for a in onMatch { try a.apply(ctx) }
                    return true
                }
                innerActive = false
                if !matchedAny {
                    try create.apply(ctx)
                    for a in onCreate { try a.apply(ctx) }
                    return true
                }
            }
            guard try input!.pull(ctx) else { return false }
            try inner.open(ctx)
            innerActive = true
            matchedAny = false
        }
    }
}
