import ParleyGraph
import ParleyQuery
import ParleyValues

/// Why a named graph could not be set up.
struct NamedGraphError: Error { var message: String }

/// Runs one scenario's steps against a fresh engine and decides its outcome.
///
/// Steps understood (matched on their text, whatever the keyword):
/// `an empty graph`, `any graph` (an empty graph), `the <name> graph`, `having executed:`,
/// `parameters are:`, `executing query:`, `executing control query:`, the four
/// `the result should be ...` forms, `no side effects`, `the side effects should be:`, and
/// `a <Type> should be raised at <phase>: <Detail>`, and `there exists a procedure <signature>:`
/// (registers a ``TableProcedure``; an engine without procedures skips the scenario with reason
/// `procedures`). Any other step skips it with `unknown step: ...`.
///
/// Expected errors are matched strictly: the error type and the detail code must both be
/// equal (`*` accepts any detail), and the phase must be `compile time` or `runtime` as
/// written (`any time` accepts both). A failed query must also leave the graph unchanged.
struct ScenarioRunner<Engine: TCKEngine> {
    /// Makes an engine on a graph.
    var makeEngine: (GraphStore) -> Engine
    /// The graph for `Given the <name> graph`, or a message saying why it is unavailable.
    var namedGraph: (String) -> Result<GraphStore, NamedGraphError>
    /// Guards every query with a timeout.
    var watchdog: Watchdog

    /// What the last `When executing ...` step produced.
    private struct LastQuery {
        var result: Result<QueryResult, QueryError>
        var timedOut: Bool
        var effects: SideEffects
        var graph: GraphStore
    }

    /// Runs every step; stops at the first failing or unsupported one. A failure's detail
    /// starts with the text of the last query run.
    func run(_ scenario: Scenario) -> ScenarioOutcome {
        var query = ""
        let outcome = runSteps(scenario, lastQuery: &query)
        if case .failed(let category, let reason, let detail) = outcome, !query.isEmpty {
            return .failed(category: category, reason: reason, detail: "query:\n\(query)" + (detail.isEmpty ? "" : "\n\(detail)"))
        }
        return outcome
    }

    private func runSteps(_ scenario: Scenario, lastQuery queryText: inout String) -> ScenarioOutcome {
        var engine: Engine?
        var parameters: [String: Value] = [:]
        var last: LastQuery?
        var errorExpected = false
        for step in scenario.steps {
            let text = step.text
            if text == "an empty graph" || text == "any graph" {
                engine = makeEngine(GraphStore())
            } else if text.hasPrefix("the "), text.hasSuffix(" graph") {
                let name = String(text.dropFirst(4).dropLast(6))
                switch namedGraph(name) {
                case .success(let graph): engine = makeEngine(graph)
                case .failure(let e): return .failure("named graph", "cannot set up the \(name) graph: \(e.message)")
                }
            } else if text.hasPrefix("there exists a procedure ") {
                guard engine != nil else { return .failure("runner", "procedure before `Given`") }
                switch TableProcedure.make(step: text, table: step.table ?? []) {
                case .success(let procedure):
                    if !engine!.register(procedure) { return .skipped(reason: "procedures") }
                case .failure(let problem):
                    return .failure("runner", problem.message)
                }
            } else if text == "having executed:" || text == "after having executed:" {
                guard engine != nil else { return .failure("runner", "`having executed` before `Given`") }
                let query = step.docString ?? ""
                queryText = query
                let (result, timedOut) = watchdog.guarded { engine!.execute(query, parameters: [:], cancellation: $0) }
                if timedOut { return .failure("timeout", "setup query timed out after \(watchdog.limit)") }
                if case .failure(let e) = result {
                    return .failure("setup query failed", "setup query failed with \(Self.describe(e))", "error: \(e.message)")
                }
            } else if text == "parameters are:" || text == "parameter values are:" {
                for row in step.table ?? [] {
                    guard row.count == 2 else { return .skipped(reason: "parameter table row with \(row.count) cells") }
                    do throws(TCKNotationError) {
                        guard let value = try TCKValueParser.parse(row[1]).parameterValue else {
                            return .skipped(reason: "graph element as a parameter")
                        }
                        parameters[row[0]] = value
                    } catch {
                        return .skipped(reason: "unreadable parameter value")
                    }
                }
            } else if text.hasPrefix("executing query:") || text.hasPrefix("executing control query:") {
                guard engine != nil else { return .failure("runner", "query before `Given`") }
                let inline = text.drop { $0 != ":" }.dropFirst()
                let query = step.docString ?? String(inline[...].trimmingWhitespace())
                queryText = query
                let before = engine!.graph
                let (result, timedOut) = watchdog.guarded { engine!.execute(query, parameters: parameters, cancellation: $0) }
                let after = engine!.graph
                let effects = SideEffects(from: GraphSnapshot(before), to: GraphSnapshot(after))
                last = LastQuery(result: result, timedOut: timedOut, effects: effects, graph: after)
                errorExpected = false
                if timedOut { return .failure("timeout", "query timed out after \(watchdog.limit)") }
            } else if text.hasPrefix("the result should be") {
                guard let last else { return .failure("runner", "result step before a query") }
                guard case .success(let result) = last.result else { return Self.unexpected(last.result) }
                if text == "the result should be empty" {
                    if !result.rows.isEmpty {
                        return .failure("result mismatch", "expected no rows, got \(result.rows.count)", Self.render(result, last.graph))
                    }
                    continue
                }
                let ordered = text.hasPrefix("the result should be, in order")
                let ignoreListOrder = text.contains("ignoring element order for lists")
                guard ordered || text.hasPrefix("the result should be, in any order") || text.hasPrefix("the result should be (ignoring") else {
                    return .skipped(reason: "unknown step: \(text)")
                }
                let check = ResultComparison.compare(expected: step.table ?? [], actual: result, graph: last.graph, ordered: ordered, ignoringListOrder: ignoreListOrder)
                if case .skipped = check { return check }
                if check != .passed { return check }
            } else if text == "no side effects" || text == "the side effects should be:" {
                guard let last else { return .failure("runner", "side-effects step before a query") }
                if case .failure = last.result, !errorExpected { return Self.unexpected(last.result) }
                var expected: [String: Int] = [:]
                for row in step.table ?? [] {
                    guard row.count == 2, SideEffects.keys.contains(row[0]), let n = Int(row[1]) else {
                        return .skipped(reason: "unknown side effect `\(row.joined(separator: " | "))`")
                    }
                    expected[row[0]] = n
                }
                let want = SideEffects(counts: expected)
                if want != last.effects {
                    return .failure("side effects", "side effects differ", "expected: \(want)\nactual:   \(last.effects)")
                }
            } else if let expectation = ErrorExpectation(step: text) {
                guard let last else { return .failure("runner", "error step before a query") }
                switch last.result {
                case .success(let result):
                    return .failure("expected an error", "expected \(expectation), but the query succeeded", Self.render(result, last.graph))
                case .failure(let error):
                    if !expectation.matches(error) {
                        return .failure("wrong error", "expected \(expectation), got \(Self.classify(error))", "error: \(error.message)")
                    }
                    if last.effects != .none {
                        return .failure("side effects", "the failed query changed the graph", "side effects: \(last.effects)")
                    }
                    errorExpected = true
                }
            } else {
                return .skipped(reason: "unknown step: \(text)")
            }
        }
        return .passed
    }

    /// The failure for a step that needed a result but the query threw.
    static func unexpected(_ result: Result<QueryResult, QueryError>) -> ScenarioOutcome {
        guard case .failure(let e) = result else { return .passed }
        return .failure("unexpected error", "unexpected \(describe(e))", "error: \(e.message)")
    }

    /// `SemanticError.UndefinedVariable at compile time`.
    static func classify(_ e: QueryError) -> String {
        "\(e.type)\(e.detail.map { ".\($0)" } ?? "") at \(e.phase.rawValue)"
    }

    /// `SemanticError.UndefinedVariable at compile time: message first line`.
    static func describe(_ e: QueryError) -> String {
        let firstLine = e.message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return "\(classify(e)): \(firstLine)"
    }

    /// The actual result as a table in TCK notation, for failure details.
    static func render(_ result: QueryResult, _ graph: GraphStore) -> String {
        ResultComparison.render(result, graph)
    }
}
