import Foundation
import Testing

/// `parley diff OLD NEW`: output on standard output, errors on standard error, and diff(1)'s
/// exit statuses (0 same, 1 different, 2 trouble).
@Suite("parley diff")
struct CLIDiffTests {
    static let old = """
        {"nodes": [
          {"id": "kazakhstan", "labels": ["State"], "properties": {"name": "Kazakhstan"}},
          {"id": "astana-talks-2015", "labels": ["Talk"]}
        ], "edges": [
          {"source": "kazakhstan", "target": "astana-talks-2015", "type": "HOSTED"}
        ]}
        """
    static let new = """
        {"nodes": [
          {"id": "kazakhstan", "labels": ["State"], "properties": {"name": "Republic of Kazakhstan"}},
          {"id": "astana-talks-2015", "labels": ["Talk"]},
          {"id": "saudi-arabia", "labels": ["State"]}
        ], "edges": []}
        """

    /// A folder with old.json, new.json and bad.json.
    static func folder() throws -> URL {
        let folder = try CLIRunner.makeTemporaryFolder()
        try old.write(to: folder.appendingPathComponent("old.json"), atomically: true, encoding: .utf8)
        try new.write(to: folder.appendingPathComponent("new.json"), atomically: true, encoding: .utf8)
        try "{\"nodes\": [\n  {\"id\": 1}\n]}".write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("equal graphs: 'no differences', exit 0")
    func same() throws {
        let outcome = try CLIRunner.run(["diff", "old.json", "old.json"], in: try Self.folder())
        #expect(outcome == CLIRunner.Outcome(status: 0, stdout: "no differences\n", stderr: ""))
    }

    @Test("different graphs: one line per change and a summary, exit 1")
    func different() throws {
        let outcome = try CLIRunner.run(["diff", "old.json", "new.json"], in: try Self.folder())
        #expect(outcome == CLIRunner.Outcome(status: 1, stdout: """
            + node saudi-arabia :State
            ~ node kazakhstan: name 'Kazakhstan' → 'Republic of Kazakhstan'
            - (kazakhstan)-[:HOSTED]->(astana-talks-2015)
            1 node added, 0 removed, 1 changed; 0 relationships added, 1 removed, 0 changed

            """, stderr: ""))
    }

    @Test("--format json and --format dot; exit 1 for a difference, 0 without")
    func formats() throws {
        let folder = try Self.folder()
        let json = try CLIRunner.run(["diff", "--format", "json", "old.json", "new.json"], in: folder)
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: [String: [Any]]]
        #expect(object?["added"]?["nodes"]?.count == 1 && object?["removed"]?["relationships"]?.count == 1)
        #expect(object?["changed"]?["nodes"]?.count == 1 && object?["changed"]?["relationships"]?.isEmpty == true)
        let dot = try CLIRunner.run(["diff", "old.json", "new.json", "--format", "dot"], in: folder)
        #expect(dot.status == 1 && dot.stderr.isEmpty)
        #expect(dot.stdout.hasPrefix("// Parley diff: 3 nodes, 1 relationship; "))
        #expect(dot.stdout.contains("\"n:kazakhstan\" -> \"n:astana-talks-2015\" [label=\"HOSTED\""))
        let same = try CLIRunner.run(["diff", "new.json", "new.json", "--format", "json"], in: folder)
        #expect(same.status == 0 && same.stdout.contains("\"added\": {\n    \"nodes\": [],"))
    }

    @Test("a missing file, a malformed file, a bad option: exit 2 with the error on standard error")
    func trouble() throws {
        let folder = try Self.folder()
        let missing = try CLIRunner.run(["diff", "old.json", "none.json"], in: folder)
        #expect(missing == CLIRunner.Outcome(status: 2, stdout: "", stderr: "none.json: error: cannot read the file: no such file or directory\n"))
        let malformed = try CLIRunner.run(["diff", "bad.json", "old.json", "--no-color"], in: folder)
        #expect(malformed.status == 2 && malformed.stdout.isEmpty)
        // The positioned error as `parley check` prints it.
        let check = try CLIRunner.run(["check", "bad.json"], in: folder)
        #expect(malformed.stderr == check.stderr)
        #expect(malformed.stderr.hasPrefix("bad.json:2:10: error: "))
        let format = try CLIRunner.run(["diff", "--format", "xml", "old.json", "new.json"], in: folder)
        #expect(format.status == 2 && format.stdout.isEmpty)
        #expect(format.stderr.hasPrefix("Error: Unknown format 'xml'. Use one of: text, json, dot.\n"))
        let one = try CLIRunner.run(["diff", "old.json"], in: folder)
        #expect(one.status == 2 && one.stderr.hasPrefix("Error: Missing expected argument '<new>'"))
    }
}
