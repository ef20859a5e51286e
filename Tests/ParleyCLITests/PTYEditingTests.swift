import Foundation
import Testing

/// A temporary directory with a small graph file and a history path for one PTY test.
struct PTYFixture {
    /// The directory (removed by `cleanUp`).
    let directory: String
    /// A JSON graph with a person, a state with a Cyrillic name, and a relationship.
    let graphPath: String
    /// The history file the sessions use (through PARLEY_HISTORY).
    let historyPath: String

    /// Creates the directory and the graph file.
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-pty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        graphPath = directory + "/graph.json"
        historyPath = directory + "/state/history"
        let graph = """
        {
          "nodes": [
            {"id": "mistura", "labels": ["Person"], "properties": {"name": "Staffan de Mistura", "role": "envoy"}},
            {"id": "kz", "labels": ["State"], "properties": {"name": "Астана"}}
          ],
          "edges": [
            {"source": "kz", "target": "mistura", "type": "HOSTED", "properties": {"evidence": "x"}}
          ]
        }
        """
        try graph.write(toFile: graphPath, atomically: true, encoding: .utf8)
    }

    /// Starts `parley` on the graph with the history in this fixture, ready for typing.
    func start() throws -> PTYSession {
        try start(graph: graphPath)
    }

    /// Starts `parley` on `graph`, with no ~/.parleyrc or ~/.editrc of the machine's user.
    func start(graph: String) throws -> PTYSession {
        let session = try PTYSession(executable: try PTYSession.parleyExecutable(), arguments: ["--no-rc", graph],
                                     environment: ["PARLEY_HISTORY": historyPath, "NO_COLOR": "1", "HOME": directory])
        try session.waitForRawMode()
        return session
    }

    /// The history entries, oldest first, as the history file stores them.
    func historyEntries() -> [String] {
        guard let text = try? String(contentsOfFile: historyPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// Waits until the history file's newest entry is `entry` (the statement was accepted).
    func waitForNewestHistory(_ entry: String, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if historyEntries().last == entry { return true }
            usleep(20_000)
        }
        return false
    }

    /// Removes the directory.
    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }
}

/// Ends a session with Ctrl-D on an empty line and returns its exit status.
func endWithCtrlD(_ session: PTYSession) throws -> Int32 {
    try session.waitForRawMode()
    session.send(PTYSession.Key.ctrlD)
    return try session.waitForExit()
}

@Suite("Terminal: the real parley on a pseudo-terminal", .serialized)
struct PTYEditingTests {
    @Test("Tab completes a label, a property key and a Cyrillic name in quotes")
    func completion() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        session.type("MATCH (p:Pe")
        session.send(PTYSession.Key.tab)
        try session.expect("rson")
        session.type(") WHERE p.na")
        session.send(PTYSession.Key.tab)
        try session.expect("me")
        session.type(" <> 'Аст")
        session.send(PTYSession.Key.tab)
        try session.expect("ана'")
        session.type(" RETURN p;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("MATCH (p:Person) WHERE p.name <> 'Астана' RETURN p;"))
        #expect(try endWithCtrlD(session) == 0)
    }

    @Test("Tab with several candidates lists them and the line stays as typed")
    func completionListing() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        session.type("MATCH (p:Person) RETURN p.")
        session.send(PTYSession.Key.tab)
        try session.expect("name")
        try session.expect("role")
        try session.waitForRawMode()
        session.type("role;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("MATCH (p:Person) RETURN p.role;"))
        #expect(try endWithCtrlD(session) == 0)
    }

    @Test("Tab completes a file path after :load")
    func pathCompletion() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        session.type(":load \(fixture.directory)/gra")
        session.send(PTYSession.Key.tab)
        try session.expect("ph.json")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory(":load \(fixture.directory)/graph.json"))
        #expect(try endWithCtrlD(session) == 0)
    }

    @Test("history persists across runs; Up and Ctrl-R bring entries back")
    func historyAcrossRuns() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        do {
            let first = try fixture.start()
            first.type("RETURN 'first run';")
            first.send(PTYSession.Key.enter)
            #expect(fixture.waitForNewestHistory("RETURN 'first run';"))
            try first.waitForRawMode()
            first.type("RETURN 'Астана' AS city;")
            first.send(PTYSession.Key.enter)
            #expect(fixture.waitForNewestHistory("RETURN 'Астана' AS city;"))
            #expect(try endWithCtrlD(first) == 0)
        }
        let second = try fixture.start()
        // Up twice: the older entry of the first run.
        second.send(PTYSession.Key.up)
        try second.expect("AS city;")
        second.send(PTYSession.Key.up)
        try second.expect("first run")
        second.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 'first run';"))
        #expect(fixture.historyEntries().count == 3)
        // Ctrl-R by a word of the older entry, Cyrillic included.
        try second.waitForRawMode()
        second.send(PTYSession.Key.ctrlR)
        second.type("Аст")
        try second.expect("city;")
        second.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 'Астана' AS city;"))
        #expect(try endWithCtrlD(second) == 0)
    }

    @Test("a multi-line statement is one history entry and comes back whole")
    func multiLineEntry() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        session.type("MATCH (n)")
        session.send(PTYSession.Key.enter)
        try session.waitForRawMode()
        session.type("RETURN n;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("MATCH (n)\\nRETURN n;"))
        try session.waitForRawMode()
        session.type("RETURN 1;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 1;"))
        try session.waitForRawMode()
        session.send(PTYSession.Key.up)
        session.send(PTYSession.Key.up)
        try session.expect("MATCH (n)")
        try session.expect("RETURN n;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("MATCH (n)\\nRETURN n;"))
        #expect(fixture.historyEntries() == ["MATCH (n)\\nRETURN n;", "RETURN 1;", "MATCH (n)\\nRETURN n;"])
        #expect(try endWithCtrlD(session) == 0)
    }

    @Test(":edit opens $EDITOR on the last statement and runs what it saved")
    func editWithFakeEditor() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        // A fake editor: replaces the file with another statement (after checking what it got).
        let editor = fixture.directory + "/fake-editor.sh"
        try "#!/bin/sh\ngrep -q 'RETURN 1 AS x' \"$1\" || exit 3\nprintf 'RETURN 6 * 7 AS answer;\\n' > \"$1\"\n"
            .write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let session = try PTYSession(executable: try PTYSession.parleyExecutable(), arguments: ["--no-rc", fixture.graphPath],
                                     environment: ["PARLEY_HISTORY": fixture.historyPath, "NO_COLOR": "1", "HOME": fixture.directory, "EDITOR": editor])
        try session.waitForRawMode()
        session.type("RETURN 1 AS x;")
        session.send(PTYSession.Key.enter)
        try session.expect("1 row")
        try session.waitForRawMode()
        session.type(":edit")
        session.send(PTYSession.Key.enter)
        try session.expect("answer")
        try session.expect("42")
        #expect(try endWithCtrlD(session) == 0)
    }

    @Test("bind -v in ~/.editrc gives vi mode: Escape, 0 and x edit the line in command mode")
    func viModeFromEditrc() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        try "bind -v\n".write(toFile: fixture.directory + "/.editrc", atomically: true, encoding: .utf8)
        let session = try fixture.start()
        session.type("XRETURN 5;")
        session.send("\u{1B}")  // to command mode
        usleep(100_000)
        session.type("0x")     // to the start of the line, delete the X
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 5;"), "history: \(fixture.historyEntries())")
        #expect(try endWithCtrlD(session) == 0)
    }

    @Test("Ctrl-C while editing drops the line and the session goes on")
    func ctrlCWhileEditing() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        session.type("MATCH (n")
        session.send(PTYSession.Key.ctrlC)
        try session.expect("^C")
        try session.waitForRawMode()
        session.type("RETURN 2;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 2;"))
        #expect(fixture.historyEntries() == ["RETURN 2;"])
        #expect(try endWithCtrlD(session) == 0)
    }

    @Test("Ctrl-C inside Ctrl-R search ends the search and drops the line")
    func ctrlCInSearch() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        session.type("RETURN 'needle';")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 'needle';"))
        try session.waitForRawMode()
        session.send(PTYSession.Key.ctrlR)
        session.type("need")
        try session.expect("needle")
        session.send(PTYSession.Key.ctrlC)
        try session.expect("^C")
        try session.waitForRawMode()
        session.type("RETURN 3;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 3;"))
        #expect(fixture.historyEntries() == ["RETURN 'needle';", "RETURN 3;"])
        #expect(try endWithCtrlD(session) == 0)
    }

    @Test("Ctrl-D on an empty line ends the session with status 0")
    func ctrlDExits() throws {
        let fixture = try PTYFixture()
        defer { fixture.cleanUp() }
        let session = try fixture.start()
        session.type("RETURN 4;")
        session.send(PTYSession.Key.enter)
        #expect(fixture.waitForNewestHistory("RETURN 4;"))
        #expect(try endWithCtrlD(session) == 0)
    }
}
