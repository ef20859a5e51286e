import Foundation
import Testing

/// Generated extremes run by the real `parley`: for every operator chain, postfix chain,
/// nesting form, pattern length and clause chain, a query of up to 100,000 elements either
/// gives a result or one positioned error — never a crash (a crash would be a signal, not an
/// exit status of 0 or 1).
@Suite("Stress: generated extremes give a result or a positioned error")
struct StressExtremesTests {
    /// One generated query and what it must give.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var query: String
        /// A line of the result (nil: the query must fail with a positioned error).
        var expected: String?
        var testDescription: String { name }
    }

    static func chain(_ n: Int, _ separator: String, _ term: String) -> String {
        Array(repeating: term, count: n).joined(separator: separator)
    }

    /// Chains that the parser balances (AND, OR, XOR, comparisons): any length runs.
    static let running: [Case] = [
        Case(name: "100,000 ANDs", query: "RETURN " + chain(100_000, " AND ", "true") + " AS x;", expected: "| true |"),
        Case(name: "100,000 ORs", query: "RETURN " + chain(100_000, " OR ", "false") + " AS x;", expected: "| false |"),
        Case(name: "100,000 XORs", query: "RETURN " + chain(100_000, " XOR ", "false") + " AS x;", expected: "| false |"),
        Case(name: "100,000 chained <", query: "RETURN " + chain(100_000, " < ", "1") + " AS x;", expected: "| false |"),
        Case(name: "100,000 chained =", query: "RETURN " + chain(100_000, " = ", "1") + " AS x;", expected: "| true |"),
        Case(name: "a generated WHERE of 20,000 OR terms",
             query: "UNWIND range(1, 3) AS i WITH toString(i) AS id WHERE " + (0..<20_000).map { "id = '\($0)'" }.joined(separator: " OR ") + " RETURN count(*) AS n;",
             expected: "| 3 |"),
        Case(name: "an IN list of 100,000 strings",
             query: "UNWIND ['5', 'x'] AS id WITH id WHERE id IN [" + (0..<100_000).map { "'\($0)'" }.joined(separator: ",") + "] RETURN count(*) AS n;",
             expected: "| 1 |"),
        Case(name: "2,000 additions", query: "RETURN " + chain(2_000, "+", "1") + " AS x;", expected: "| 2000 |"),
        Case(name: "2,000 string concatenations", query: "RETURN size(" + chain(2_000, "+", "'a'") + ") AS x;", expected: "| 2000 |"),
        Case(name: "2,000 parameter additions", query: "RETURN " + chain(2_000, "+", "$p") + " AS x;", expected: "| 2000 |"),
        Case(name: "2,000 property reads", query: "WITH {a: 1} AS m RETURN " + chain(2_000, " + ", "m.a") + " AS x;", expected: "| 2000 |"),
        Case(name: "100,000 label checks", query: "CREATE (n:A) RETURN n" + String(repeating: ":A", count: 100_000) + " AS x;", expected: "| true |"),
        Case(name: "9,000 powers", query: "RETURN " + chain(9_000, "^", "1") + " AS x;", expected: "| 1.0 |"),
        Case(name: "5,000 IS NULL", query: "RETURN 1" + String(repeating: " IS NULL", count: 5_000) + " AS x;", expected: "| false |"),
        Case(name: "a RETURN of 10,000 columns", query: "RETURN " + (0..<10_000).map { "\($0) AS c\($0)" }.joined(separator: ", ") + ";", expected: "| 9999 |"),
        Case(name: "coalesce of 100,000 arguments", query: "RETURN coalesce(" + chain(100_000, ",", "1") + ") AS x;", expected: "| 1 |"),
        Case(name: "10,000 WITH clauses", query: "WITH 1 AS x " + String(repeating: "WITH x ", count: 10_000) + "RETURN x;", expected: "| 1 |"),
        Case(name: "a UNION of 10,000 queries", query: chain(10_000, " UNION ", "RETURN 1 AS x") + ";", expected: "| 1 |"),
        Case(name: "a CREATE of 20,000 relationships", query: "CREATE (a)" + String(repeating: "-[:R]->()", count: 20_000) + ";", expected: "Created 20001 nodes, created 20000 relationships"),
        Case(name: "a MATCH of 1,000 relationships", query: "MATCH (a)" + String(repeating: "-->()", count: 1_000) + " RETURN count(*) AS n;", expected: "| 0 |"),
        Case(name: "a list nested 999 deep by reduce", query: "RETURN size(reduce(acc = [], i IN range(1, 999) | [acc])) AS x;", expected: "| 1 |"),
    ]

    /// Chains and nestings past Parley's bounds: one positioned error each.
    static let refused: [Case] = [
        Case(name: "100,000 additions", query: "RETURN " + chain(100_000, "+", "1") + " AS x;", expected: nil),
        Case(name: "100,000 subtractions", query: "RETURN " + chain(100_000, "-", "1") + " AS x;", expected: nil),
        Case(name: "100,000 multiplications", query: "RETURN " + chain(100_000, "*", "1") + " AS x;", expected: nil),
        Case(name: "100,000 divisions", query: "RETURN " + chain(100_000, "/", "1") + " AS x;", expected: nil),
        Case(name: "100,000 modulos", query: "RETURN " + chain(100_000, "%", "1") + " AS x;", expected: nil),
        Case(name: "100,000 powers", query: "RETURN " + chain(100_000, "^", "1") + " AS x;", expected: nil),
        Case(name: "100,000 string concatenations", query: "RETURN " + chain(100_000, "+", "'a'") + " AS x;", expected: nil),
        Case(name: "100,000 CONTAINS", query: "RETURN " + chain(100_000, " CONTAINS ", "'a'") + " AS x;", expected: nil),
        Case(name: "100,000 STARTS WITH", query: "RETURN " + chain(100_000, " STARTS WITH ", "'a'") + " AS x;", expected: nil),
        Case(name: "100,000 IN", query: "RETURN " + chain(100_000, " IN ", "[1]") + " AS x;", expected: nil),
        Case(name: "100,000 =~", query: "RETURN " + chain(100_000, " =~ ", "'a'") + " AS x;", expected: nil),
        Case(name: "100,000 property reads", query: "WITH {a: 1} AS m RETURN m" + String(repeating: ".a", count: 100_000) + " AS x;", expected: nil),
        Case(name: "100,000 indexes", query: "WITH [1] AS l RETURN l" + String(repeating: "[0]", count: 100_000) + " AS x;", expected: nil),
        Case(name: "100,000 slices", query: "WITH [1] AS l RETURN l" + String(repeating: "[0..1]", count: 100_000) + " AS x;", expected: nil),
        Case(name: "100,000 IS NULL", query: "RETURN 1" + String(repeating: " IS NULL", count: 100_000) + " AS x;", expected: nil),
        Case(name: "100,000 NOTs", query: "RETURN " + String(repeating: "NOT ", count: 100_000) + "true AS x;", expected: nil),
        Case(name: "100,000 minus signs", query: "RETURN " + String(repeating: "- ", count: 100_000) + "1 AS x;", expected: nil),
        Case(name: "100,000 parentheses", query: "RETURN " + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000) + " AS x;", expected: nil),
        Case(name: "lists nested 100,000 deep", query: "RETURN " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + " AS x;", expected: nil),
        Case(name: "maps nested 100,000 deep", query: "RETURN " + String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000) + " AS x;", expected: nil),
        Case(name: "CASE nested 100,000 deep", query: "RETURN " + String(repeating: "CASE WHEN true THEN ", count: 100_000) + "1" + String(repeating: " END", count: 100_000) + " AS x;", expected: nil),
        Case(name: "function calls nested 100,000 deep", query: "RETURN " + String(repeating: "abs(", count: 100_000) + "1" + String(repeating: ")", count: 100_000) + " AS x;", expected: nil),
        Case(name: "list comprehensions nested 100,000 deep", query: "RETURN " + String(repeating: "[x IN ", count: 100_000) + "[1]" + String(repeating: " | x]", count: 100_000) + " AS y;", expected: nil),
        Case(name: "a MATCH of 100,000 relationships", query: "MATCH (a)" + String(repeating: "-->()", count: 100_000) + " RETURN count(*);", expected: nil),
        Case(name: "a MATCH of 100,000 patterns", query: "MATCH " + (0..<100_000).map { "(a\($0))" }.joined(separator: ", ") + " RETURN count(*);", expected: nil),
        Case(name: "a list nested 100,000 deep by reduce", query: "RETURN reduce(acc = [], i IN range(1, 100000) | [acc]) AS x;", expected: nil),
        Case(name: "a map nested 100,000 deep by reduce", query: "RETURN reduce(acc = {}, i IN range(1, 100000) | {a: acc}) AS x;", expected: nil),
        Case(name: "collect of a list nested 1,000 deep", query: "UNWIND [1, 2] AS i WITH reduce(acc = [], j IN range(1, 1000) | [acc]) AS d RETURN collect(d) AS c;", expected: nil),
    ]

    /// Runs `c` as a script file and checks its outcome.
    static func check(_ c: Case) throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let file = folder.appendingPathComponent("stress.cypher")
        try c.query.write(to: file, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["--empty", "--param", "p=1", "--width", "0", "-f", file.path], in: folder)
        if let expected = c.expected {
            #expect(out.status == 0, "\(c.name): \(out.stderr.prefix(300))")
            let lines = out.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            let wanted = expected.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            #expect(lines.contains { $0.contains(wanted) }, "\(c.name): \(out.stdout.prefix(300))")
        } else {
            #expect(out.status == 1, "\(c.name) ended with status \(out.status): \(out.stderr.prefix(300))")
            // FILE:LINE:COL: error[CLASS.DETAIL]: ..., then the source line and a caret.
            let first = out.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix(file.path + ":1:") && first.contains(": error["), "\(c.name): \(first.prefix(300))")
            #expect(out.stderr.contains("^"), "\(c.name): no caret in \(out.stderr.prefix(300))")
        }
    }

    @Test("long chains of balanced operators and moderate chains of the others run", arguments: running)
    func runs(_ c: Case) throws {
        try Self.check(c)
    }

    @Test("chains and nestings past the bounds get one positioned error", arguments: refused)
    func refuses(_ c: Case) throws {
        try Self.check(c)
    }

    @Test("in the REPL, :source of a too-deep query reports the error and the session goes on")
    func sourceInSession() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let file = folder.appendingPathComponent("deep.cypher")
        try ("RETURN " + Self.chain(100_000, "+", "1") + " AS x;\n").write(to: file, atomically: true, encoding: .utf8)
        let big = folder.appendingPathComponent("wide.cypher")
        try ("RETURN " + Self.chain(50_000, " OR ", "false") + " AS x;\n").write(to: big, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["--empty", "--continue-on-error"], input: ":source deep.cypher\n:source wide.cypher\nRETURN 41 + 1 AS answer;\n", in: folder)
        #expect(out.status == 1)
        #expect(out.stderr.contains("deep.cypher:1:") && out.stderr.contains("nested too deeply"), "\(out.stderr.prefix(400))")
        #expect(out.stdout.contains("| false |"), "\(out.stdout.prefix(400))")
        #expect(out.stdout.contains("|     42 |"), "\(out.stdout.prefix(400))")
    }
}
