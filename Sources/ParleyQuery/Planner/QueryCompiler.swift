import ParleyGraph
import ParleyValues

/// A compiled single query: its operator tree and the slots of its result columns.
struct CompiledQuery {
    var root: Operator
    var columns: [String]
    var columnSlots: [Int]
    /// The slots this query (and its sub-plans) uses; the engine clears only these before running
    /// it, so a UNION of many parts costs no more than its parts.
    var slotRange: Range<Int> = 0..<0
}

/// A compiled statement: one or more single queries (UNION) and what the engine needs to run them.
struct CompiledStatement {
    var parts: [CompiledQuery]
    /// UNION (distinct) rather than UNION ALL.
    var distinctUnion: Bool
    var slotCount: Int
    var mode: Statement.Mode
    var slotNames: [String]
    /// Whether the statement writes (so it needs an eager read phase).
    var writes: Bool
}

/// Turns a parsed statement into operator trees: semantic checks, variable-to-slot binding,
/// and planning (see the Planner+*.swift and Semantic/ExpressionBinder.swift extensions).
final class QueryCompiler {
    let graph: GraphStore
    let parameters: [String: Value]
    let parser: Parser
    let slots = SlotAllocator()
    var anonymousCount = 0
    /// How deep binding may recurse on the thread compiling the query (``StackGuard``).
    let stackLimit = StackGuard.limit()
    /// The procedures CALL can use.
    var procedures = ProcedureRegistry.standard

    init(graph: GraphStore, parameters: [String: Value], parser: Parser) {
        self.graph = graph
        self.parameters = parameters
        self.parser = parser
    }

    /// The source text of a range.
    func text(_ r: SourceRange) -> String { parser.text(r) }

    /// A compile-time error.
    func error(_ type: String, _ detail: String, _ message: String, _ range: SourceRange?) -> QueryError {
        QueryError(.compileTime, type, detail: detail, message, at: range)
    }

    /// Compiles every single query of the statement and checks the UNION rules.
    func compile(_ statement: Statement) throws(QueryError) -> CompiledStatement {
        if statement.unionAll.count > 0 && Set(statement.unionAll).count > 1 {
            throw error("SyntaxError", "InvalidClauseComposition", "Invalid combination of UNION and UNION ALL", nil)
        }
        var parts: [CompiledQuery] = []
        var writes = false
        for clauses in statement.queries {
            writes = writes || clauses.contains { $0.isWrite }
            let first = slots.count
            var part = try compileSingle(clauses)
            part.slotRange = first..<slots.count
            parts.append(part)
        }
        if parts.count > 1 {
            for p in parts.dropFirst() where p.columns != parts[0].columns {
                throw error("SyntaxError", "DifferentColumnsInUnion", "All sub queries in a UNION must have the same column names", nil)
            }
        }
        return CompiledStatement(parts: parts, distinctUnion: !(statement.unionAll.first ?? true), slotCount: slots.count,
                                 mode: statement.mode, slotNames: slots.names, writes: writes)
    }

    /// Compiles one query (clauses up to UNION).
    func compileSingle(_ clauses: [Clause], initialScope: Scope = Scope(), subquery: Bool = false) throws(QueryError) -> CompiledQuery {
        var op: Operator = ArgumentOperator()
        var scope = initialScope
        var columns: [String] = []
        var columnSlots: [Int] = []
        var sawWrite = false
        for (i, clause) in clauses.enumerated() {
            let isLast = i == clauses.count - 1
            let below = op
            defer { Self.locate(op, down: below, at: clause.range) }
            switch clause {
            case .match(let optional, let patterns, let predicate, let range):
                if sawWrite && !optional {
                    _ = range  // reading after writing without WITH is allowed here; the eager write operators keep it correct.
                }
                (op, scope) = try planMatch(patterns, predicate: predicate, optional: optional, input: op, scope: scope)
            case .unwind(let e, let variable, let range):
                let bound = try bind(e, BindingContext(scope: scope, clause: "UNWIND"))
                if scope[variable] != nil {
                    throw error("SyntaxError", "VariableAlreadyBound", "Variable `\(variable)` already declared", range)
                }
                let slot = slots.allocate(variable)
                scope.bind(variable, Variable(slot: slot, kind: .value))
                op = UnwindOperator(input: op, expression: bound, slot: slot, text: "\(text(e.range)) AS \(variable)")
                op.sourceRange = e.range
            case .with(let projection, let predicate):
                let planned = try planProjection(projection, input: op, scope: scope, isReturn: false, predicate: predicate, afterWrite: sawWrite)
                sawWrite = false
                op = planned.op
                scope = planned.scope
            case .return(let projection):
                if !isLast {
                    throw error("SyntaxError", "InvalidClauseComposition", "RETURN can only be used at the end of the query", projection.range)
                }
                let planned = try planProjection(projection, input: op, scope: scope, isReturn: true, afterWrite: sawWrite)
                op = planned.op
                columns = planned.columns
                columnSlots = planned.columnSlots
            case .create(let parts, let range):
                sawWrite = true
                (op, scope) = try planCreate(parts, input: op, scope: scope)
                op.sourceRange = range
            case .merge(let part, let onCreate, let onMatch, let range):
                sawWrite = true
                (op, scope) = try planMerge(part, onCreate: onCreate, onMatch: onMatch, input: op, scope: scope)
                op.sourceRange = range
            case .set(let items, let range):
                sawWrite = true
                op = try planSet(items, input: op, scope: scope)
                op.sourceRange = range
            case .remove(let items, let range):
                sawWrite = true
                op = try planRemove(items, input: op, scope: scope)
                op.sourceRange = range
            case .delete(let exprs, let detach, let range):
                sawWrite = true
                op = try planDelete(exprs, detach: detach, input: op, scope: scope)
                op.sourceRange = range
            case .call(let call):
                let standalone = clauses.count == 1 && !subquery
                let planned = try planCall(call, input: op, scope: scope, standalone: standalone)
                (op, scope) = (planned.op, planned.scope)
                if standalone { (columns, columnSlots) = (planned.columns, planned.columnSlots) }
            }
            if isLast, !clause.isWrite, !subquery, !(clauses.count == 1 && clause.name == "CALL") {
                if case .return = clause {} else {
                    throw error("SyntaxError", "InvalidClauseComposition",
                                "Query cannot conclude with \(clause.name) (must be RETURN or an update clause)", nil)
                }
            }
        }
        return CompiledQuery(root: op, columns: columns, columnSlots: columnSlots)
    }

    /// Gives the steps a clause planned (from `top` down to `below`, and `below` itself if it
    /// has none: the pipeline's leaf) the clause's position where they have none, so that an
    /// error a step raises without a position (the stack guard's, when opening a long
    /// pipeline) still points into the query.
    static func locate(_ top: Operator, down below: Operator, at range: SourceRange) {
        var step: Operator? = top
        while let current = step {
            if current.sourceRange == nil { current.sourceRange = range }
            if current === below { break }
            step = current.input
        }
    }

    /// Evaluates a constant expression (SKIP/LIMIT, parameters) at compile time.
    func constant(_ e: BoundExpression) throws(QueryError) -> Value {
        let ctx = ExecutionContext(graph: graph, slotCount: slots.count, cancellation: nil, profiling: false)
        return try ctx.eval(e)
    }

    /// Interned label ids (nil for a label the graph has never seen).
    func labelIDs(_ names: [String]) -> [Int32?] { names.map { graph.labels.id(of: $0) } }

    /// Interned type ids, or nil when any type is allowed (unknown types are dropped).
    func typeIDs(_ names: [String]) -> [Int32]? {
        if names.isEmpty { return nil }
        var out: [Int32] = []
        for n in names { if let id = graph.types.id(of: n), !out.contains(id) { out.append(id) } }
        return out
    }

    /// A fresh slot for an anonymous pattern element.
    func anonymousSlot(_ prefix: String) -> Int {
        anonymousCount += 1
        return slots.allocate("  \(prefix)\(anonymousCount)")
    }
}
