import Foundation
import Testing

/// The script part of `-i` on a terminal, and the end of an interactive session with Ctrl-D.
@Suite("Terminal: Ctrl-C in the script part of -i, Ctrl-D on a continuation line", .serialized)
struct PTYScriptInterruptTests {
    @Test("-i: Ctrl-C during the script cancels the running statement, skips the rest and goes on to the prompt")
    func ctrlCDuringScriptPart() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        // 3,000 nodes: a three-way cartesian product is 2.7e10 rows, far more than the test waits.
        let nodes = (1...3_000).map { "{\"id\": \"n\($0)\", \"labels\": [\"N\"], \"properties\": {}}" }
        let graphPath = fixture.directory + "/big.json"
        try "{\"nodes\": [\(nodes.joined(separator: ",\n"))], \"edges\": []}".write(toFile: graphPath, atomically: true, encoding: .utf8)
        let session = try PTYSession(executable: try PTYSession.parleyExecutable(),
                                     arguments: ["--no-rc", graphPath, "-i", "-c", "MATCH (a), (b), (c) RETURN count(*);",
                                                 "-c", "RETURN 'zebra' AS skipped;"],
                                     environment: ["PARLEY_HISTORY": fixture.historyPath, "NO_COLOR": "1", "HOME": fixture.directory])
        // The script runs at once, before any prompt: the terminal stays in its normal mode.
        usleep(1_500_000)
        #expect(!session.hasExited, "parley ended before Ctrl-C was sent:\n\(session.screenText)")
        #expect(!session.isRawMode, "the script ended before Ctrl-C was sent")
        session.send(PTYSession.Key.ctrlC)
        try session.expect("Query cancelled; the graph is unchanged.", timeout: 15)
        try session.expect("note: Ctrl-C stopped the script; the rest of it was not run.")
        try session.waitForRawMode(timeout: 15)
        #expect(!session.hasExited)
        #expect(!session.screenText.contains("zebra"))
        session.type("MATCH (n) RETURN count(n) AS nodes;")
        session.send(PTYSession.Key.enter)
        let table = try session.expect("1 row")
        #expect(table.contains("3000"), "\(table)")
        // The script did not finish: status 1, as for a failed statement.
        #expect(try endWithCtrlD(session) == 1)
    }

    @Test("Ctrl-C during a :source file at the prompt stops the whole file, even with --continue-on-error")
    func ctrlCDuringSource() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let nodes = (1...3_000).map { "{\"id\": \"n\($0)\", \"labels\": [\"N\"], \"properties\": {}}" }
        let graphPath = fixture.directory + "/big.json"
        try "{\"nodes\": [\(nodes.joined(separator: ",\n"))], \"edges\": []}".write(toFile: graphPath, atomically: true, encoding: .utf8)
        let scriptPath = fixture.directory + "/slow.cypher"
        try "MATCH (a), (b), (c) RETURN count(*);\nRETURN 'zebra' AS skipped;\n".write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let session = try PTYSession(executable: try PTYSession.parleyExecutable(),
                                     arguments: ["--no-rc", "--continue-on-error", graphPath],
                                     environment: ["PARLEY_HISTORY": fixture.historyPath, "NO_COLOR": "1", "HOME": fixture.directory])
        try session.waitForRawMode()
        session.type(":source \(scriptPath)")
        session.send(PTYSession.Key.enter)
        try session.waitForCookedMode()
        usleep(800_000)
        #expect(!session.isRawMode, "the file ended before Ctrl-C was sent")
        session.send(PTYSession.Key.ctrlC)
        try session.expect("Query cancelled; the graph is unchanged.", timeout: 15)
        try session.expect("note: Ctrl-C stopped the script; the rest of it was not run.")
        try session.waitForRawMode(timeout: 15)
        #expect(!session.screenText.contains("zebra"))
        // The prompt goes on as usual: the next statement runs.
        session.type("RETURN 'giraffe' AS next;")
        session.send(PTYSession.Key.enter)
        try session.expect("| giraffe |")
        #expect(try endWithCtrlD(session) == 0)
    }

    @Test("Ctrl-D on an empty continuation line drops the unfinished statement with a note, keeps it in the history, and ends the line")
    func ctrlDOnContinuationLine() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        session.type("RETURN 'never run' AS x")
        session.send(PTYSession.Key.enter)
        try session.expect("...> ")
        try session.waitForRawMode()
        session.send(PTYSession.Key.ctrlD)
        #expect(try session.waitForExit() == 0)
        let screen = session.screenText
        #expect(!screen.contains("1 row"), "\(screen)")
        #expect(!screen.contains("| never run"), "\(screen)")
        // What follows the Ctrl-D starts on a new line (after the terminal's echo of it, if any).
        let note = "\nnote: the unfinished statement (no ';') was not run; it is in the history"
        #expect(screen.contains("   ...> " + note) || screen.contains("   ...> ^D" + note), "\(screen)")
        #expect(fixture.historyEntries().last == "RETURN 'never run' AS x")
    }

    @Test("Ctrl-D at an empty prompt ends the line and exits without a note")
    func ctrlDAtPrompt() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        #expect(try endWithCtrlD(session) == 0)
        let screen = session.screenText
        #expect(screen.hasSuffix("parley> \n") || screen.hasSuffix("parley> ^D\n"), "\(screen.suffix(200))")
        #expect(!screen.contains("note:"))
    }
}
