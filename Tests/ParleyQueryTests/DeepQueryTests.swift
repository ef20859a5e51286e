import Foundation
import ParleyGraph
@testable import ParleyQuery
import Testing

/// What a thread hands back to the test that waits for it.
private final class ResultBox: @unchecked Sendable { var value: String? }

/// Deep and long queries inside the engine: balanced boolean chains, the expression height
/// bound, the value nesting bound, and the stack guard on a thread with a small stack.
@Suite("Deep and long queries")
struct DeepQueryTests {
    static func chain(_ n: Int, _ separator: String, _ term: String) -> String {
        Array(repeating: term, count: n).joined(separator: separator)
    }

    /// Runs `body` on a new thread with a `stackSize`-byte stack and waits for it.
    static func onSmallStack(_ stackSize: Int, _ body: @escaping @Sendable () -> String) -> String {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.value!
    }

    /// Runs `query` on an empty graph on a thread with a 1 MiB stack: "ran", or the error's
    /// message (with " (no position)" when it has none).
    static func runOnSmallStack(_ query: String) -> String {
        onSmallStack(1 << 20) {
            var engine = QueryEngine(graph: GraphStore())
            do {
                _ = try engine.run(query)
                return "ran"
            } catch let error as QueryError {
                return error.message + (error.range == nil ? " (no position)" : "")
            } catch {
                return "\(error)"
            }
        }
    }

    @Test("an AND chain of 50,000 terms parses into a tree about log2(50,000) levels tall")
    func balancedHeight() throws {
        var parser = try Parser("RETURN " + Self.chain(50_000, " AND ", "true") + " AS x")
        let statement = try parser.statement()
        guard case .return(let projection)? = statement.queries.first?.first else {
            Issue.record("no RETURN")
            return
        }
        let items = projection.items
        #expect(items[0].expression.height <= 20)
    }

    @Test("balanced chains keep three-valued logic and left-to-right short-circuiting")
    func balancedSemantics() throws {
        let g = GraphStore()
        #expect(column(try run("RETURN null OR false OR true OR null AS x", on: g)) == [.bool(true)])
        #expect(column(try run("RETURN false OR null OR false AS x", on: g)) == [.null])
        #expect(column(try run("RETURN true AND null AND true AND true AS x", on: g)) == [.null])
        #expect(column(try run("RETURN true AND true AND false AND null AS x", on: g)) == [.bool(false)])
        #expect(column(try run("RETURN true XOR true XOR true AS x", on: g)) == [.bool(true)])
        #expect(column(try run("RETURN 1 < 2 < 3 < 4 < 5 AS x", on: g)) == [.bool(true)])
        #expect(column(try run("RETURN 1 < 2 < 3 < 3 < 5 AS x", on: g)) == [.bool(false)])
        // The first false stops the chain before the division by zero further right.
        #expect(column(try run("UNWIND [0] AS z RETURN true AND false AND 1 / z = 1 AND true AS x", on: g)) == [.bool(false)])
    }

    @Test("a chain taller than the bound is a positioned error at the operator that crosses it")
    func heightBound() throws {
        let query = "RETURN " + Self.chain(Parser.maxHeight + 5, "+", "1") + " AS x"
        let error = try #require(failure(query))
        #expect(error.message.contains("nested too deeply"))
        let range = try #require(error.range)
        // The operator after the (maxHeight)th operand: "RETURN " is 7 columns, each "1+" 2.
        #expect(range.start.column == 7 + 2 * Parser.maxHeight)
    }

    @Test("a list nested deeper than 1,000 levels at run time is a ResourceLimit error")
    func valueNesting() throws {
        let error = try #require(failure("RETURN reduce(acc = [], i IN range(1, 5000) | [acc]) AS x"))
        #expect(error.type == "ResourceLimit" && error.detail == "NestedTooDeeply")
        #expect(error.range != nil)
        let ok = try run("RETURN size(reduce(acc = [], i IN range(1, 999) | [acc])) AS x", on: GraphStore())
        #expect(column(ok) == [.int(1)])
        #expect(failure("UNWIND [1, 2] AS i WITH reduce(acc = {}, j IN range(1, 1000) | {a: acc}) AS d RETURN collect(d) AS c")?.detail == "NestedTooDeeply")
        #expect(failure("RETURN [x IN [reduce(acc = [], j IN range(1, 1000) | [acc])] | [x]] AS c")?.detail == "NestedTooDeeply")
        // Appending a value to a list makes it one level deeper too.
        #expect(failure("RETURN [] + reduce(acc = {}, i IN range(1, 1000) | {a: acc}) AS x")?.detail == "NestedTooDeeply")
        #expect(failure("RETURN reduce(acc = {}, i IN range(1, 1000) | {a: acc}) + [] AS x")?.detail == "NestedTooDeeply")
    }

    @Test("adding a map 1,000 levels deep to a list is a ResourceLimit error, not a value 1,001 levels deep")
    func listConcatenationNesting() throws {
        // Found by the `deep` fuzz target: `+` put the map in a list without checking its depth.
        let deepMap = "reduce(acc = [1], i IN range(1, 999) | {a: acc, b: i})"
        #expect(failure("WITH \(deepMap) AS v RETURN v + [1] AS x")?.detail == "NestedTooDeeply")
        #expect(failure("WITH \(deepMap) AS v RETURN [1] + v AS x")?.detail == "NestedTooDeeply")
        #expect(failure("WITH \(deepMap) AS v RETURN [] + v AS x")?.range != nil)
        // One level less still fits.
        let fits = try run("WITH reduce(acc = [1], i IN range(1, 998) | {a: acc, b: i}) AS v RETURN size(v + [1]) AS x", on: GraphStore())
        #expect(column(fits) == [.int(2)])
        #expect(failure("WITH \(deepMap) AS v RETURN v + v AS x")?.type == "TypeError")
    }

    @Test("on a 1 MiB stack, a 9,000-term sum is an error, not a crash")
    func smallStackCompile() {
        let query = "RETURN " + Self.chain(9_000, "+", "1") + " AS x"
        let message = Self.runOnSmallStack(query)
        #expect(message.contains("nested too deeply") && !message.contains("no position"), "\(message)")
    }

    @Test("on a 1 MiB stack, a pipeline of 20,000 WITH clauses is an error, not a crash")
    func smallStackPipeline() {
        let query = "WITH 1 AS x " + String(repeating: "WITH x AS x ", count: 20_000) + "RETURN x"
        let message = Self.runOnSmallStack(query)
        #expect(message == "ran" || message.contains("too long") || message.contains("too deeply"), "\(message)")
    }

    @Test("on a 1 MiB stack, WITH pipelines of every length up to 12,000 run or stop with an error, never overflow")
    func smallStackPipelineSweep() {
        for n in stride(from: 500, through: 12_000, by: 500) {
            let query = "UNWIND [1, 2] AS x " + String(repeating: "WITH x AS x ", count: n) + "RETURN x"
            let message = Self.runOnSmallStack(query)
            #expect(message == "ran" || message.contains("too long"), "\(n): \(message)")
        }
    }

    @Test("on a 1 MiB stack, a pipeline of WITH, UNWIND or MATCH clauses too long to open is a positioned error")
    func smallStackPipelinePositioned() {
        // Found by the `deep` fuzz target: the step that ran out of stack had no position.
        let queries = [
            "WITH 0 AS x " + String(repeating: "WITH x + 1 AS x ", count: 20_000) + "RETURN x",
            "UNWIND [1] AS x0 " + (1..<20_000).map { "UNWIND [x\($0 - 1)] AS x\($0) " }.joined() + "RETURN x19999",
            "MATCH (n0) " + (1..<5_000).map { "OPTIONAL MATCH (n\($0 - 1))-->(n\($0)) " }.joined() + "RETURN count(*)",
        ]
        for query in queries {
            let outcome: String = Self.onSmallStack(1 << 20) {
                var engine = QueryEngine(graph: GraphStore())
                do {
                    _ = try engine.run(query)
                    return "ran"
                } catch let error as QueryError {
                    guard let range = error.range else { return "no position: \(error.message)" }
                    return range.start.offset < query.utf8.count ? "positioned" : "outside the query"
                } catch {
                    return "\(error)"
                }
            }
            #expect(outcome == "ran" || outcome == "positioned", "\(outcome): \(query.prefix(40))")
        }
    }

    @Test("on 1, 4 and 8 MiB stacks, rows pulled through 5,000 OPTIONAL MATCH clauses are an error, not a crash")
    func smallStackPull() throws {
        // Found by the `deep` fuzz target (a stack overflow in Operator.pull, release build with
        // AddressSanitizer, 8 MiB stack, 4,949 clauses): opening the steps fitted on the stack,
        // pulling a row through them did not. In a debug build opening already stops first, so
        // this test guards the outcome; scripts/fuzz/seeds/deep/24-optional-match-pull.bin
        // replays the crash itself in the fuzz build (`make fuzz-smoke` runs every seed).
        var graph = GraphStore()
        let a = try graph.addNode(labels: ["A"]), b = try graph.addNode(labels: ["B"])
        try graph.addRelationship(type: "R", from: a, to: b)
        let query = "MATCH (n0:A) " + (1..<5_000).map { "OPTIONAL MATCH (n\($0 - 1))-->(n\($0)) " }.joined() + "RETURN count(*) AS c"
        let g = graph
        for stack in [1 << 20, 4 << 20, 8 << 20] {
        let outcome: String = Self.onSmallStack(stack) {
            var engine = QueryEngine(graph: g)
            do {
                let result = try engine.run(query)
                return "ran: \(result.rows)"
            } catch let error as QueryError {
                return error.range == nil ? "no position: \(error.message)" : error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(outcome.hasPrefix("ran") || outcome.contains("too long"), "\(outcome)")
        }
    }

    @Test("nested list comprehensions, quantifiers and reduce are cancellable")
    func cancellableComprehensions() {
        // Found by the `deep` fuzz target: 65 nested `[x IN range(1, 2) | …]` (2^65 steps) ran
        // on after its token was cancelled, because only the plan's steps polled the token.
        let queries = [
            "RETURN size([a IN range(1, 3000) WHERE size([b IN range(1, 3000) | b]) > 0]) AS x",
            "RETURN size([a IN range(1, 3000) WHERE any(b IN range(1, 3000) WHERE b < 0) OR true]) AS x",
            "RETURN reduce(s = 0, a IN range(1, 3000) | s + reduce(t = 0, b IN range(1, 3000) | t + 1)) AS x",
        ]
        for query in queries {
            let token = CancellationToken()
            let thread = Thread {
                Thread.sleep(forTimeInterval: 0.05)
                token.cancel()
            }
            thread.start()
            var engine = QueryEngine(graph: GraphStore())
            let started = Date()
            let outcome: String
            do {
                _ = try engine.run(query, cancellation: token)
                outcome = "ran to the end"
            } catch {
                outcome = error.type
            }
            // Each query takes about 14 s in a debug build when it is not stopped.
            let elapsed = Date().timeIntervalSince(started)
            #expect(outcome == "Cancelled" && elapsed < 5, "\(outcome) after \(elapsed) s: \(query)")
        }
    }

    @Test("EXPLAIN of 5,000 chained WITH clauses prints every step without indenting past 64 levels")
    func explainDeepPlan() throws {
        let query = "EXPLAIN MATCH (n) " + (0..<5_000).map { "WITH n, \($0) AS k\($0) " }.joined() + "RETURN n"
        let result = try run(query, on: GraphStore())
        let plan = try #require(result.plan)
        let lines = plan.split(separator: "\n")
        #expect(lines.count > 5_000)
        #expect(lines.allSatisfy { $0.prefix { $0 == " " }.count <= 2 * PlanPrinter.maxIndent })
        #expect(lines.contains { $0.contains("(5000) ") })
    }

    @Test("a UNION past the row budget, and a result past the memory budget, are positioned errors")
    func resultBudgetsPositioned() throws {
        // Found by the `deep` fuzz target: the UNION's row count had no position.
        var engine = QueryEngine(graph: GraphStore())
        engine.budget = QueryBudget(maxRows: 10)
        let union = Self.chain(20, " UNION ALL ", "RETURN 1 AS x")
        do {
            _ = try engine.run(union)
            Issue.record("no error")
        } catch {
            #expect(error.detail == "TooManyRows")
            // The RETURN of the 11th part.
            #expect(error.range?.start.offset == 10 * "RETURN 1 AS x UNION ALL ".utf8.count)
        }
        engine.budget = QueryBudget(maxMemory: 1 << 10)
        do {
            _ = try engine.run("UNWIND range(1, 1000) AS x RETURN x")
            Issue.record("no error")
        } catch {
            #expect(error.detail == "MemoryBudgetExceeded")
            #expect(error.range != nil)
        }
    }

    @Test("a UNION of 20,000 parts runs")
    func longUnion() throws {
        let result = try run(Self.chain(20_000, " UNION ALL ", "RETURN 1 AS x"), on: GraphStore())
        #expect(result.rows.count == 20_000)
    }
}
