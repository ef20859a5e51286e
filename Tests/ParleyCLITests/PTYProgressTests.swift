import Foundation
import Testing

/// The progress line of a long load: on a terminal only, never in a pipe or with --quiet.
@Suite("Terminal: the progress line of a long load", .serialized)
struct PTYProgressTests {
    /// A graph file of about 40 MB (long property values), so its load takes more than a tick.
    static func bigGraph(in directory: String) throws -> String {
        let path = directory + "/big.json"
        var text = "{\"nodes\": [\n"
        let filler = String(repeating: "x", count: 400)
        for i in 0..<100_000 {
            text += "{\"id\": \"n\(i)\", \"labels\": [\"N\"], \"properties\": {\"text\": \"\(filler)\"}}\(i < 99_999 ? "," : "")\n"
        }
        text += "], \"edges\": []}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("loading on a terminal shows 'Loading FILE: … MB' on standard error, then erases it; --quiet and pipes show none")
    func progressLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-progress-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let graph = try Self.bigGraph(in: directory)
        let environment = ["NO_COLOR": "1", "HOME": directory, "PARLEY_PROGRESS_AFTER": "0", "PARLEY_HISTORY": directory + "/h"]
        let session = try PTYSession(executable: try PTYSession.parleyExecutable(), arguments: ["--no-rc", graph], environment: environment)
        try session.expect("Loading \(graph): ")
        try session.expect(" MB")
        try session.waitForRawMode()
        #expect(try endWithCtrlD(session) == 0)

        let quiet = try PTYSession(executable: try PTYSession.parleyExecutable(), arguments: ["--no-rc", "--quiet", graph], environment: environment)
        let banner = try quiet.expect("Type :help")
        #expect(!banner.contains("Loading"))
        try quiet.waitForRawMode()
        #expect(try endWithCtrlD(quiet) == 0)

        let piped = try CLIRunner.run(["--no-rc", graph, "-c", "RETURN 1"], environment: ["PARLEY_PROGRESS_AFTER": "0"])
        #expect(piped.status == 0 && piped.stderr.isEmpty)
    }
}
