import Foundation
import Testing

/// The `parley` binary on real graph files: these need the JSON loader (branch `io`); with
/// the loader stub they fail.
@Suite("parley command line with the JSON loader")
struct CLILoaderTests {
    /// A two-node graph in JSON graph format v1.
    static let graph = """
        {"nodes": [
          {"id": "kz", "labels": ["State"], "properties": {"name": "Kazakhstan"}},
          {"id": "astana", "labels": ["Talk"], "properties": {"name": "Astana talks", "days": 3}}
        ],
         "edges": [{"source": "kz", "target": "astana", "type": "HOSTED", "properties": {"evidence": "will host"}}]}

        """

    /// A folder holding `g.json` (the graph above) and `bad.json` (a trailing comma on line 2).
    static func folder() throws -> URL {
        let folder = try CLIRunner.makeTemporaryFolder()
        try graph.write(to: folder.appendingPathComponent("g.json"), atomically: true, encoding: .utf8)
        try "{\"nodes\": [\n  {\"id\": \"a\"},\n]}\n".write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("parley check prints counts by label and type for a valid file")
    func checkValid() throws {
        let outcome = try CLIRunner.run(["check", "g.json"], in: try CLILoaderTests.folder())
        #expect(outcome == .init(status: 0, stdout: "g.json: ok — 2 nodes, 1 relationship\n  :State     1\n  :Talk      1\n  [:HOSTED]  1\n", stderr: ""))
    }

    @Test("parley check on a bad file: FILE:LINE:COL, the line and a caret, exit 1")
    func checkInvalid() throws {
        let outcome = try CLIRunner.run(["check", "bad.json"], in: try CLILoaderTests.folder())
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("bad.json:3:1: error: "))
        #expect(outcome.stderr.contains("\n]}\n^"))
    }

    @Test(":schema of a loaded graph")
    func schema() throws {
        try CLIRunner.expectGolden("loaded-schema", ["g.json", "--no-rc", "-c", ":schema"], in: try CLILoaderTests.folder())
    }

    @Test(":load of a bad file keeps the loaded graph; :save writes a file that checks")
    func loadAndSave() throws {
        let folder = try CLILoaderTests.folder()
        let outcome = try CLIRunner.run(["g.json", "--no-rc", "--continue-on-error", "-c", ":load bad.json\n:save copy.json\n:load copy.json"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("bad.json:3:1: error: "))
        #expect(outcome.stderr.contains("The current graph stays loaded."))
        #expect(outcome.stdout == "Saved 2 nodes (1 State, 1 Talk), 1 relationship to copy.json.\nLoaded copy.json: 2 nodes (1 State, 1 Talk), 1 relationship.\n")
        #expect(try CLIRunner.run(["check", "copy.json"], in: folder).status == 0)
    }

    @Test("PARLEY_GRAPH names the graph to open when none is given")
    func environmentGraph() throws {
        let folder = try CLILoaderTests.folder()
        let outcome = try CLIRunner.run(["--no-rc", "-c", ":stats"], in: folder, environment: ["PARLEY_GRAPH": "g.json"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("graph       g.json\nnodes       2\n"))
    }
}
