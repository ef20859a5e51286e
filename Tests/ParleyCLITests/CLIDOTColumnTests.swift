import Foundation
import Testing

/// `parley` drawing `CALL algo.*` results in DOT: `--format dot`, `--export dot`, `--color-by`,
/// `--size-by` and a style file's `colorBy`, on the bundled graph.
@Suite("parley command line: DOT colour and size by column")
struct CLIDOTColumnTests {
    static let graph = CLIRunner.packageRoot.appendingPathComponent("graphs/astana-2015.json").path
    static let camps = "CALL algo.louvain({seed: 42}) YIELD node, communityId RETURN node, communityId;"
    static let brokers = "CALL algo.betweenness() YIELD node, score RETURN node, score;"

    @Test("--format dot --induced colours the bundled graph's camps and draws their relationships")
    func camps() throws {
        let outcome = try CLIRunner.run([Self.graph, "--no-rc", "--format", "dot", "--induced", "-c", Self.camps])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("// Parley: 41 nodes, 66 relationships\n"))
        #expect(outcome.stdout.contains("\"legend_fill\" [label=\"fill: communityId\""))
        // Louvain with seed 42 finds five camps on the bundled graph.
        #expect(outcome.stdout.contains("\"legend_fill_4\"") && !outcome.stdout.contains("\"legend_fill_5\""))
    }

    @Test("--export dot collects every statement's columns: camps colour and betweenness sizes")
    func collected() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let outcome = try CLIRunner.run([Self.graph, "--no-rc", "--export", "dot", "-o", "out.dot", "-c", Self.camps, "-c", Self.brokers], in: folder)
        #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(outcome.stderr)")
        let dot = try String(contentsOf: folder.appendingPathComponent("out.dot"), encoding: .utf8)
        #expect(dot.contains("label=\"Colour and size\";"))
        #expect(dot.contains("\"legend_size\" [label=\"size: score\""))
        #expect(dot.contains("xlabel=\"Kazakhstan\""), "sized nodes carry their caption beside them")
    }

    @Test("--color-by and --size-by name the columns; none turns the automatic choice off")
    func explicit() throws {
        let query = "CALL algo.degree() YIELD node, degree MATCH (node:State) RETURN node, node.name AS country, degree AS links;"
        let outcome = try CLIRunner.run([Self.graph, "--no-rc", "--format", "dot", "--color-by", "country", "--size-by", "links", "-c", query])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("label=\"fill: country\"") && outcome.stdout.contains("label=\"size: links\""))
        let off = try CLIRunner.run([Self.graph, "--no-rc", "--format", "dot", "--color-by", "none", "--size-by", "none", "-c", Self.camps])
        #expect(off.status == 0)
        #expect(!off.stdout.contains("legend_fill") && !off.stdout.contains("fixedsize"))
    }

    @Test("a style file's colorBy chooses the column; --color-by wins over it")
    func styleFile() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        try #"{"colorBy": "country", "sizeBy": false}"#.write(to: folder.appendingPathComponent("style.json"), atomically: true, encoding: .utf8)
        let query = "CALL algo.louvain({seed: 42}) YIELD node, communityId MATCH (node:State) RETURN node, node.name AS country, communityId;"
        let styled = try CLIRunner.run([Self.graph, "--no-rc", "--format", "dot", "--style", "style.json", "-c", query], in: folder)
        #expect(styled.status == 0, "\(styled.stderr)")
        #expect(styled.stdout.contains("label=\"fill: country\""))
        let flag = try CLIRunner.run([Self.graph, "--no-rc", "--format", "dot", "--style", "style.json", "--color-by", "communityId", "-c", query], in: folder)
        #expect(flag.stdout.contains("label=\"fill: communityId\""))
    }

    @Test("a chosen column the result lacks: a positioned error with --format dot, a plain one with --export dot; exit 1")
    func errors() throws {
        let positioned = try CLIRunner.run([Self.graph, "--no-rc", "--format", "dot", "--size-by", "rank", "-c", Self.brokers])
        #expect(positioned.status == 1)
        #expect(positioned.stdout.isEmpty)
        #expect(positioned.stderr == """
            <command>:1:1: error: sizeBy names the column 'rank', which the query result does not have; its columns are: node, score
            \(Self.brokers)
            ^

            """)
        let folder = try CLIRunner.makeTemporaryFolder()
        let exported = try CLIRunner.run([Self.graph, "--no-rc", "--export", "dot", "-o", "out.dot", "--color-by", "score", "-c", Self.brokers], in: folder)
        #expect(exported.status == 1)
        #expect(exported.stderr == "error: colorBy needs a column of integers, strings or booleans, but 'score' holds floats; no column of the result does\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.dot").path))
    }

    @Test("--color-by and --size-by need DOT output and a column name (exit 2)")
    func usage() throws {
        let table = try CLIRunner.run(["--empty", "--no-rc", "--color-by", "x", "-c", "RETURN 1;"])
        #expect(table.status == 2)
        #expect(table.stderr.hasPrefix("Error: --induced, --style, --color-by and --size-by need --export dot or --format dot.\n"))
        let empty = try CLIRunner.run(["--empty", "--no-rc", "--format", "dot", "--size-by", "", "-c", "RETURN 1;"])
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("Error: --color-by and --size-by need a column name (or none).\n"))
    }
}
