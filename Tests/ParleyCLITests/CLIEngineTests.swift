import Foundation
import Testing

/// The `parley` binary running real queries: these need the query engine (branch `engine`);
/// with the engine stub they fail. Their golden files were written by hand from the
/// renderers' rules.
@Suite("parley command line with the query engine")
struct CLIEngineTests {
    /// A query with a string, a number, a null and a CJK string, without loading a graph.
    static let query = "UNWIND [['Kazakhstan', 3, null], ['日本', 12, 'x']] AS r RETURN r[0] AS name, r[1] AS talks, r[2] AS note;"

    @Test("every --format prints the same result in its own way", arguments: ["table", "box", "csv", "tsv", "json", "jsonl", "markdown", "cypher"])
    func formats(format: String) throws {
        try CLIRunner.expectGolden("format-\(format)", ["--empty", "--no-rc", "--format", format, "-c", CLIEngineTests.query])
    }

    /// Three statements: two rows (a real newline and the text `\n`), no rows, one row with
    /// NaN and a date.
    static let script = """
        UNWIND ['a\\nb', 'a\\\\nb'] AS s RETURN s, size(s) AS n;
        UNWIND [] AS x RETURN x;
        RETURN 0.0 / 0.0 AS nan, -1.0 / 0.0 AS low, date('2015-07-21') AS day;

        """

    @Test("every --format keeps the results of a script apart in its documented way",
          arguments: ["table", "box", "vertical", "csv", "tsv", "json", "jsonl", "markdown", "cypher"])
    func scriptFormats(format: String) throws {
        try CLIRunner.expectGolden("script-format-\(format)", ["--empty", "--no-rc", "--format", format, "-c", CLIEngineTests.script])
    }

    @Test("a syntax error: FILE:LINE:COL, the line, a caret; later statements do not run; exit 1")
    func syntaxError() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        try "RETURN 1 AS one;\n\nMATCH (n) RETRUN n;\nRETURN 2 AS two;\n".write(to: folder.appendingPathComponent("weekly.cypher"), atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "--format", "csv", "-f", "weekly.cypher"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "one\r\n1\r\n")
        #expect(outcome.stderr.hasPrefix("weekly.cypher:3:11: error[SyntaxError.UnexpectedSyntax]: "))
        #expect(outcome.stderr.contains("\nMATCH (n) RETRUN n;\n          ^"))
    }

    @Test("-c errors are reported as <command>")
    func commandError() throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "-c", "RETURN 1 +;"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("<command>:1:"))
    }

    @Test("--param values are Cypher literals")
    func params() throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "--format", "csv", "--param", "city='Astana'", "--param", "n=[1, 2]",
                                         "-c", "RETURN $city AS city, $n AS n;"])
        #expect(outcome == .init(status: 0, stdout: "city,n\r\nAstana,\"[1, 2]\"\r\n", stderr: ""))
    }

    @Test("--timing prints one line per statement on standard error")
    func timing() throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "--format", "csv", "--timing", "-c", "RETURN 1 AS a; UNWIND [1, 2] AS x RETURN x;"])
        #expect(outcome.status == 0)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("-- 1 row, ") && lines[0].hasSuffix(" ms"))
        #expect(lines[1].hasPrefix("-- 2 rows, "))
    }

    @Test("writes print their statistics; a last statement without ; runs")
    func writes() throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "-c", "CREATE (:State {name: 'Kazakhstan'})"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("Created 1 node"))
    }

    @Test("--export dot without -o prints only the DOT of what the statements returned")
    func exportToStandardOutput() throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "--export", "dot", "-c",
                                         "CREATE (a:State {name: 'Kazakhstan'})-[r:HOSTED]->(t:Talk {name: 'Astana'}) RETURN a, r, t;"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("digraph"))
        #expect(outcome.stdout.contains("Kazakhstan"))
        #expect(!outcome.stdout.contains("+---"))
    }

    @Test("--format dot prints the DOT of each result")
    func formatDOT() throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "--format", "dot", "-c",
                                         "CREATE (a:State {name: 'Kazakhstan'}) RETURN a;"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("digraph"))
        #expect(outcome.stdout.contains("Kazakhstan"))
    }
}
