import ParleyGraph
import ParleyValues

/// The public entry point of the query language: compiles and runs openCypher text on a graph.
///
/// ```swift
/// var engine = QueryEngine(graph: store)
/// let result = try engine.run("MATCH (s:State)-[:HOSTED]->(t:Talk) RETURN s.name, t.name")
/// ```
///
/// A query that fails leaves ``graph`` exactly as it was before the query.
public struct QueryEngine: Sendable {
    /// The graph queries read and write.
    public var graph: GraphStore
    /// Limits that stop runaway queries: rows per step and memory held (unlimited by default).
    public var budget = QueryBudget()
    /// The row budget: the most rows any step may produce, the result included (0 = unlimited).
    public var maxRows: Int {
        get { budget.maxRows }
        set { budget.maxRows = newValue }
    }
    /// The procedures `CALL` can use: the built-ins (`db.labels()`, ...) plus any registered.
    public var procedures = ProcedureRegistry.standard
    /// When set, statements that write are refused before they run, with this reason
    /// (e.g. "the graph is an as-of view of 2015-04-30; :asof off ends it").
    public var readOnlyReason: String?

    /// Creates an engine over `graph`.
    public init(graph: GraphStore) {
        self.graph = graph
    }

    /// Compiles and runs one statement (a trailing `;` is allowed).
    ///
    /// - Parameters:
    ///   - query: the openCypher text; `EXPLAIN` and `PROFILE` prefixes are understood.
    ///   - parameters: values for `$name` parameters.
    ///   - cancellation: polled during execution; when cancelled the query throws a
    ///     `Cancelled` error and the graph is left unchanged.
    ///   - mode: `.explain` or `.profile` to show the plan (as if the text began with
    ///     `EXPLAIN`/`PROFILE`, which positions stay unaffected by); nil for what the text says.
    public mutating func run(_ query: String, parameters: [String: Value] = [:], cancellation: CancellationToken? = nil,
                             mode: PlanMode? = nil) throws(QueryError) -> QueryResult {
        var parser = try Parser(query)
        var statement = try parser.statement()
        switch mode {
        case .explain?: statement.mode = .explain
        case .profile?: statement.mode = .profile
        case nil: break
        }
        return try execute(statement, parser: parser, parameters: parameters, cancellation: cancellation)
    }

    /// Asks for the plan instead of (`explain`) or beside (`profile`) the result.
    public enum PlanMode: Sendable { case explain, profile }

    /// Evaluates one Cypher expression (a literal, `[1, 2]`, `$x + 1`, `date('2015-05-08')`)
    /// with no graph variables in scope; errors are positioned in `text`.
    public mutating func evaluate(expression text: String, parameters: [String: Value] = [:]) throws(QueryError) -> Value {
        var parser = try Parser(text)
        let start = parser.current.range.start
        let expression = try parser.expression()
        if parser.current.kind != .end {
            throw parser.unexpected(expected: "the end of the value (one expression, without AS, commas or clauses)")
        }
        let range = SourceRange(start: start, end: parser.current.range.start)
        let item = ProjectionItem(expression: expression, alias: "value", name: "value")
        let projection = Projection(distinct: false, star: false, items: [item], orderBy: [], skip: nil, limit: nil, range: range)
        let result = try execute(Statement(mode: .run, queries: [[.return(projection)]], unionAll: []), parser: parser,
                                 parameters: parameters, cancellation: nil)
        return result.rows.first?.first ?? .null
    }

    /// Plans and runs a parsed statement; one statement sees one clock (every `date()`,
    /// `datetime()`, ... in it gets the same instant).
    private mutating func execute(_ statement: Statement, parser: Parser, parameters: [String: Value],
                                  cancellation: CancellationToken?) throws(QueryError) -> QueryResult {
        try StatementClock.statement { () throws(QueryError) -> QueryResult in
            try runStatement(statement, parser: parser, parameters: parameters, cancellation: cancellation)
        }
    }

    /// Plans and runs one statement.
    private mutating func runStatement(_ statement: Statement, parser: Parser, parameters: [String: Value], cancellation: CancellationToken?) throws(QueryError) -> QueryResult {
        if let readOnlyReason {
            for query in statement.queries {
                if let clause = query.first(where: { $0.isWrite }) {
                    throw QueryError(.compileTime, .readOnly, "\(clause.name) cannot run: \(readOnlyReason)", at: clause.range)
                }
            }
        }
        var working = graph
        if statement.queries.contains(where: { $0.contains { $0.isWrite } }) {
            // A writing statement may read what it creates: give new names ids before planning.
            NameCollector(statement).intern(into: &working)
        }
        // Binder → bound statement → logical plan → operators.
        let binder = Binder(graph: working, parameters: parameters, parser: parser)
        binder.procedures = procedures
        let bound = try binder.bind(statement)
        let plan = LogicalPlanner(graph: working, slotNames: bound.slotNames).plan(bound)
        if plan.mode == .explain {
            return QueryResult(columns: plan.parts.first?.columns ?? [], rows: [], plan: PlanPrinter.render(plan))
        }
        let compiled = PhysicalPlanner(graph: working, procedures: procedures).compile(plan)
        let ctx = ExecutionContext(graph: working, slotCount: compiled.slotCount, cancellation: cancellation, profiling: compiled.mode == .profile, budget: budget)
        ctx.subplans = compiled.subplans
        ctx.readOnly = !compiled.writes
        try ctx.checkCancelled()
        var rows: [[Value]] = []
        var seen = Set<[Value]>()
        for part in compiled.parts {
            ctx.row.clear(part.slotRange)
            try part.root.open(ctx)
            while try part.root.pull(ctx) {
                if part.columnSlots.isEmpty { continue }
                var out: [Value] = []
                out.reserveCapacity(part.columnSlots.count)
                for s in part.columnSlots { out.append(ctx.row[s]) }
                if compiled.distinctUnion && compiled.parts.count > 1 && !seen.insert(out).inserted { continue }
                // The result's own limits point at the RETURN of the part that passed them.
                if ctx.tracksMemory {
                    do {
                        try ctx.charge(Value.estimatedBytes(ofRow: out), by: nil)
                    } catch {
                        var located = error
                        located.range = located.range ?? part.root.sourceRange
                        throw located
                    }
                }
                rows.append(out)
                if maxRows > 0 && rows.count > maxRows {
                    // Each part's steps are counted as they run; this is the parts' union.
                    throw QueryError(.runtime, .resourceLimit(.tooManyRows),
                                     "The query stopped: its UNION produced more than \(maxRows) rows (the row budget); add LIMIT or narrow the patterns",
                                     at: part.root.sourceRange, hint: QueryBudget.rowBudgetHint)
                }
            }
        }
        try ctx.checkCancelled()
        graph = ctx.graph
        let profile = compiled.mode == .profile ? PlanPrinter.render(plan, profile: compiled.parts.map(\.pipeline)) : nil
        return QueryResult(columns: compiled.parts.first?.columns ?? [], rows: rows, statistics: ctx.statistics, plan: profile)
    }
}
