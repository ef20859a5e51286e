import Foundation
import Testing

/// `parley check` on files the loader refuses: the same positioned message, line and marker a
/// load prints, on standard error, nothing on standard output, exit 1.
@Suite("parley check reports a bad file as a load does")
struct CLICheckTests {
    /// Runs `parley check NAME` on `text` written to NAME in a fresh folder.
    static func check(_ name: String, _ text: String) throws -> CLIRunner.Outcome {
        let folder = try CLIRunner.makeTemporaryFolder()
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return try CLIRunner.run(["check", "--no-color", name], in: folder)
    }

    @Test("a relationship to an id no node has: its position, the line and a marker under the id")
    func danglingEdge() throws {
        let outcome = try CLICheckTests.check("dangling.json", """
            {"nodes": [{"id": "a"}, {"id": "b"}],
             "edges": [{"source": "a", "target": "zz", "type": "R"}]}

            """)
        #expect(outcome == .init(status: 1, stdout: "", stderr: """
            dangling.json:2:38: error: edges[0].target: no node has the id "zz"
             "edges": [{"source": "a", "target": "zz", "type": "R"}]}
                                                 ^~~~

            """))
    }

    @Test("a node id used twice: the second one's position and the line of the first")
    func duplicateID() throws {
        let outcome = try CLICheckTests.check("dup.json", """
            {"nodes": [{"id": "a"},
              {"id": "a"}], "edges": []}

            """)
        #expect(outcome == .init(status: 1, stdout: "", stderr: """
            dup.json:2:10: error: nodes[1].id: duplicate node id "a" (first defined on line 1)
              {"id": "a"}], "edges": []}
                     ^~~

            """))
    }

    @Test("malformed JSON: the position of the bad byte and a caret")
    func malformed() throws {
        let outcome = try CLICheckTests.check("bad.json", "{\"nodes\": [\n  {\"id\": \"a\"},\n]}\n")
        #expect(outcome == .init(status: 1, stdout: "", stderr: "bad.json:3:1: error: expected '{' after ',' but found ']'\n]}\n^\n"))
    }

    @Test("an empty graph is valid: the counts line and no rows")
    func emptyGraph() throws {
        let outcome = try CLICheckTests.check("empty.json", "{\"nodes\": [], \"edges\": []}\n")
        #expect(outcome == .init(status: 0, stdout: "empty.json: ok — 0 nodes, 0 relationships\n", stderr: ""))
    }

    @Test("--deep audits the loaded graph too: the same counts on a valid file, the same error on a bad one")
    func deepAudit() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let valid = """
            {"nodes": [{"id": "a", "labels": ["P"]}, {"id": "b", "labels": ["P", "Q"]}],
             "edges": [{"source": "a", "target": "b", "type": "R"}, {"source": "b", "target": "b", "type": "R"}]}

            """
        try Data(valid.utf8).write(to: folder.appendingPathComponent("g.json"))
        try Data("{\"nodes\": [{\"id\": 1}]}\n".utf8).write(to: folder.appendingPathComponent("bad.json"))
        let plain = try CLIRunner.run(["check", "--no-color", "g.json"], in: folder)
        let deep = try CLIRunner.run(["check", "--deep", "--no-color", "g.json"], in: folder)
        #expect(plain.status == 0 && plain.stderr.isEmpty)
        #expect(plain.stdout.hasPrefix("g.json: ok — 2 nodes"))
        #expect(deep == plain)
        let badPlain = try CLIRunner.run(["check", "--no-color", "bad.json"], in: folder)
        let badDeep = try CLIRunner.run(["check", "--no-color", "--deep", "bad.json"], in: folder)
        #expect(badPlain.status == 1 && badPlain.stderr.hasPrefix("bad.json:1:19: error:"))
        #expect(badDeep == badPlain)
    }
}
