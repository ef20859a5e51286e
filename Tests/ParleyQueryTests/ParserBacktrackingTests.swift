import ParleyGraph
import Testing
@testable import ParleyQuery

/// `(` starts either a pattern or a parenthesised expression; the parser tries the pattern
/// first. Each speculative attempt is remembered per position, so nested parentheses cost
/// linear, not exponential, time (found by the `exec` fuzz target: a 417-byte input took 15 s).
@Suite("Parser backtracking between patterns and parentheses")
struct ParserBacktrackingTests {
    @Test("40 nested '(a{i: ...})' levels give their error instead of backtracking 2^40 times")
    func nestedMapProjections() throws {
        let query = "RETURN " + String(repeating: "(a{i: ", count: 40) + "1" + String(repeating: " })", count: 40) + " AS x"
        var engine = QueryEngine(graph: GraphStore())
        do {
            _ = try engine.run(query)
            Issue.record("the query should fail: `a` is not defined")
        } catch {
            #expect(error.message == "Variable `a` not defined")
            #expect(error.range?.start.column == 9)
        }
    }

    @Test("a remembered pattern is still used: pattern predicates inside nested parentheses work")
    func patternsStillParse() throws {
        var engine = QueryEngine(graph: GraphStore())
        _ = try engine.run("CREATE (:A)-[:T]->(:B)")
        let result = try engine.run("MATCH (a:A) WHERE (((a)-[:T]->(:B))) AND ((a)) = a RETURN count(*) AS n")
        #expect(result.rows == [[.int(1)]])
        let none = try engine.run("MATCH (a:A) WHERE ((a)<-[:T]-(:B)) RETURN count(*) AS n")
        #expect(none.rows == [[.int(0)]])
    }
}
