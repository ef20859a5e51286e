import ParleyGraph
import ParleyQuery
import ParleyValues
import Testing


/// An engine that knows a few queries by heart, so the runner can be tested without the real one.
struct ScriptedEngine: TCKEngine {
    typealias Handler = @Sendable (inout GraphStore, [String: Value], CancellationToken) -> Result<QueryResult, QueryError>
    var graph: GraphStore
    var script: [String: Handler]

    mutating func execute(_ query: String, parameters: [String: Value], cancellation: CancellationToken) -> Result<QueryResult, QueryError> {
        guard let handler = script[query] else {
            return .failure(QueryError(.compileTime, .syntax(.unexpectedSyntax), "unknown query"))
        }
        return handler(&graph, parameters, cancellation)
    }
}

@Suite("Scenario runner with a scripted engine")
struct ScenarioRunnerTests {
    static let script: [String: ScriptedEngine.Handler] = [
        "CREATE (:A {name: 'x'})": { g, _, _ in
            _ = try? g.addNode(labels: ["A"], properties: ["name": "x"])
            return .success(QueryResult())
        },
        "MATCH (n) RETURN n": { g, _, _ in
            .success(QueryResult(columns: ["n"], rows: g.nodeIDs.map { [.node($0)] }))
        },
        "MATCH (n) SET n.name = 'y' RETURN n.name AS name": { g, _, _ in
            for n in Array(g.nodeIDs) { _ = try? g.setProperty(n, "name", "y") }
            return .success(QueryResult(columns: ["name"], rows: g.nodeIDs.map { _ in ["y"] }))
        },
        "RETURN $p AS p, 1 AS one": { _, params, _ in
            .success(QueryResult(columns: ["p", "one"], rows: [[params["p"] ?? .null, 1]]))
        },
        "UNWIND [3, 1, 2] AS x RETURN x": { _, _, _ in
            .success(QueryResult(columns: ["x"], rows: [[3], [1], [2]]))
        },
        "RETURN [2, 1] AS l": { _, _, _ in .success(QueryResult(columns: ["l"], rows: [[[2, 1]]])) },
        "RETURN x": { _, _, _ in .failure(QueryError(.compileTime, .syntax(.undefinedVariable), "x is not defined")) },
        "RETURN 1 / 0": { _, _, _ in .failure(QueryError(.runtime, .arithmetic(.divisionByZero), "division by zero")) },
        "CREATE () RETURN 1 / 0": { g, _, _ in
            _ = g.createNode()
            return .failure(QueryError(.runtime, .arithmetic(.divisionByZero), "division by zero"))
        },
        "SPIN": { _, _, token in
            while !token.isCancelled {}
            return .failure(QueryError(.runtime, .cancelled, "cancelled"))
        },
    ]

    private func run(_ body: String, timeout: Duration = .seconds(5)) throws -> ScenarioOutcome {
        let text = "Feature: F\n  Scenario: s\n" + body
        let scenario = try GherkinParser(path: "F.feature").parse(text).scenarios[0]
        let watchdog = Watchdog(limit: timeout)
        defer { watchdog.stop() }
        let runner = ScenarioRunner(
            makeEngine: { ScriptedEngine(graph: $0, script: Self.script) },
            namedGraph: { name in
                var g = GraphStore()
                _ = try? g.addNode(labels: [name])
                return name == "tiny" ? .success(g) : .failure(NamedGraphError(message: "unknown"))
            },
            watchdog: watchdog)
        return runner.run(scenario)
    }

    private static func query(_ q: String) -> String { "    When executing query:\n      \"\"\"\n      \(q)\n      \"\"\"\n" }

    @Test("setup, query, result in any order and side effects: a passing scenario")
    func passes() throws {
        let outcome = try run("""
                Given an empty graph
                And having executed:
                  \"\"\"
                  CREATE (:A {name: 'x'})
                  \"\"\"
            \(Self.query("MATCH (n) SET n.name = 'y' RETURN n.name AS name"))
                Then the result should be, in any order:
                  | name |
                  | 'y'  |
                And the side effects should be:
                  | +properties | 1 |
                  | -properties | 1 |
            """)
        #expect(outcome == .passed)
    }

    @Test("wrong side effects, wrong rows and wrong columns fail with a reason")
    func mismatches() throws {
        let setup = "    Given any graph\n    And having executed:\n      \"\"\"\n      CREATE (:A {name: 'x'})\n      \"\"\"\n"
        let effects = try run(setup + Self.query("MATCH (n) SET n.name = 'y' RETURN n.name AS name") + "    Then the result should be, in any order:\n      | name |\n      | 'y' |\n    And no side effects\n")
        guard case .failed(let category, _, let detail) = effects else { Issue.record("expected a failure"); return }
        #expect(category == "side effects")
        #expect(detail.contains("+properties 1, -properties 1"))

        let rows = try run(setup + Self.query("MATCH (n) RETURN n") + "    Then the result should be, in any order:\n      | n |\n      | (:B {name: 'x'}) |\n")
        guard case .failed(_, let reason, let rowsDetail) = rows else { Issue.record("expected a failure"); return }
        #expect(reason == "rows differ (any order)")
        #expect(rowsDetail.contains("(:A {name: 'x'})"))

        let columns = try run(setup + Self.query("MATCH (n) RETURN n") + "    Then the result should be, in any order:\n      | m |\n      | (:A {name: 'x'}) |\n")
        guard case .failed(_, let columnReason, _) = columns else { Issue.record("expected a failure"); return }
        #expect(columnReason == "columns differ: expected [\"m\"], got [\"n\"]")
    }

    @Test("in order checks the sequence; any order does not; parameters are passed in")
    func ordering() throws {
        let anyOrder = try run("    Given any graph\n" + Self.query("UNWIND [3, 1, 2] AS x RETURN x") + "    Then the result should be, in any order:\n      | x |\n      | 1 |\n      | 2 |\n      | 3 |\n")
        #expect(anyOrder == .passed)
        let inOrder = try run("    Given any graph\n" + Self.query("UNWIND [3, 1, 2] AS x RETURN x") + "    Then the result should be, in order:\n      | x |\n      | 1 |\n      | 2 |\n      | 3 |\n")
        #expect(inOrder != .passed)
        let lists = try run("    Given any graph\n" + Self.query("RETURN [2, 1] AS l") + "    Then the result should be (ignoring element order for lists):\n      | l |\n      | [1, 2] |\n")
        #expect(lists == .passed)
        let params = try run("    Given any graph\n    And parameters are:\n      | p | [1, 'a'] |\n" + Self.query("RETURN $p AS p, 1 AS one") + "    Then the result should be, in any order:\n      | one | p |\n      | 1 | [1, 'a'] |\n    And no side effects\n")
        #expect(params == .passed, "columns are matched by name, not position")
    }

    @Test("expected errors match type, detail and phase strictly; any time and * are wildcards")
    func errors() throws {
        let prefix = "    Given any graph\n"
        #expect(try run(prefix + Self.query("RETURN x") + "    Then a SyntaxError should be raised at compile time: UndefinedVariable\n") == .passed)
        #expect(try run(prefix + Self.query("RETURN x") + "    Then a SyntaxError should be raised at any time: *\n") == .passed)
        #expect(try run(prefix + Self.query("RETURN x") + "    Then a SyntaxError should be raised at runtime: UndefinedVariable\n") != .passed)
        #expect(try run(prefix + Self.query("RETURN x") + "    Then a SyntaxError should be raised at compile time: VariableTypeConflict\n") != .passed)
        #expect(try run(prefix + Self.query("RETURN x") + "    Then a SemanticError should be raised at compile time: UndefinedVariable\n") != .passed)
        #expect(try run(prefix + Self.query("RETURN 1 / 0") + "    Then a ArithmeticError should be raised at runtime: DivisionByZero\n") == .passed)
        let succeeded = try run(prefix + Self.query("UNWIND [3, 1, 2] AS x RETURN x") + "    Then a TypeError should be raised at runtime: InvalidArgumentType\n")
        guard case .failed(let category, _, _) = succeeded else { Issue.record("expected a failure"); return }
        #expect(category == "expected an error")
        let dirty = try run(prefix + Self.query("CREATE () RETURN 1 / 0") + "    Then a ArithmeticError should be raised at runtime: DivisionByZero\n")
        guard case .failed(_, let reason, _) = dirty else { Issue.record("expected a failure"); return }
        #expect(reason == "the failed query changed the graph")
    }

    @Test("an unexpected error fails a result step; a failing setup query fails the scenario")
    func unexpectedErrors() throws {
        let outcome = try run("    Given any graph\n" + Self.query("RETURN x") + "    Then the result should be empty\n")
        #expect(outcome == .failed(category: "unexpected error", reason: "unexpected SyntaxError.UndefinedVariable at compile time: x is not defined", detail: "query:\nRETURN x\nerror: x is not defined"))
        let setup = try run("    Given any graph\n    And having executed:\n      \"\"\"\n      BOGUS\n      \"\"\"\n" + Self.query("RETURN x") + "    Then the result should be empty\n")
        guard case .failed(let category, _, _) = setup else { Issue.record("expected a failure"); return }
        #expect(category == "setup query failed")
        let noResultStep = try run("    Given any graph\n" + Self.query("RETURN x") + "    And no side effects\n")
        #expect(noResultStep != .passed, "an error nobody expected cannot pass through a side-effects step")
    }

    @Test("named graphs, procedures and unknown steps")
    func givens() throws {
        #expect(try run("    Given the tiny graph\n" + Self.query("MATCH (n) RETURN n") + "    Then the result should be, in any order:\n      | n |\n      | (:tiny) |\n") == .passed)
        guard case .failed(let category, _, _) = try run("    Given the huge graph\n" + Self.query("MATCH (n) RETURN n") + "    Then the result should be empty\n") else {
            Issue.record("expected a failure"); return
        }
        #expect(category == "named graph")
        #expect(try run("    Given an empty graph\n    And there exists a procedure test.doNothing() :: ():\n      | |\n" + Self.query("RETURN x")) == .skipped(reason: "procedures"))
        #expect(try run("    Given an empty graph\n    And the moon is full\n") == .skipped(reason: "unknown step: the moon is full"))
    }

    @Test("a query that runs too long is cancelled by the watchdog and fails as a timeout")
    func timeout() throws {
        let clock = ContinuousClock()
        var outcome: ScenarioOutcome = .passed
        let elapsed = try clock.measure {
            outcome = try run("    Given any graph\n" + Self.query("SPIN") + "    Then the result should be empty\n", timeout: .milliseconds(200))
        }
        guard case .failed(let category, _, _) = outcome else { Issue.record("expected a failure"); return }
        #expect(category == "timeout")
        #expect(elapsed < .seconds(3))
    }
}
