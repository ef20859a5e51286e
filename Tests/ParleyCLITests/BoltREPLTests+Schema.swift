import Foundation
import Testing

/// The REPL on a Bolt server, over a pseudo-terminal: Tab offers the server's labels and keys
/// (and a label a statement just created), `:render` draws a server query's graph, and a
/// local-only command says so. Needs PARLEY_BOLT_URI.
///
/// In the REPL suite, so that it does not run beside its long query; the server may still be
/// finishing that query (FalkorDB completes a query a closed connection started), hence the
/// long waits.
extension BoltREPLTests {
    /// A stand-in for Graphviz's `dot` that copies the DOT file it is given to the `-o` file,
    /// so the test reads exactly what Parley drew.
    static func fakeDot(in directory: String) throws -> String {
        let folder = directory + "/bin"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = """
            #!/bin/sh
            out=""; in=""
            while [ $# -gt 0 ]; do
              case "$1" in
                -o) out="$2"; shift 2 ;;
                -*) shift ;;
                *) in="$1"; shift ;;
              esac
            done
            cp "$in" "$out"

            """
        try script.write(toFile: folder + "/dot", atomically: true, encoding: .utf8)
        chmod(folder + "/dot", 0o755)
        return folder
    }

    @Test(
        "Tab offers a label and a key only the server has, then a label a CREATE just made; :render writes the server result's DOT; :asof points at :pull",
        .enabled(if: BoltScriptTests.uri != nil, BoltScriptTests.noServer))
    func completionAndRender() throws {
        let wait = 120.0
        let uri = BoltScriptTests.uri!
        let shown = uri.hasSuffix("/") ? String(uri.dropLast()) : uri
        let setup = try CLIRunner.run([uri, "-c", "MATCH (n) WHERE n:BoltTabServerOnly OR n:BoltTabFresh DETACH DELETE n",
                                       "-c", "CREATE (:BoltTabServerOnly {boltTabKey: 'a'})-[:BOLT_TAB_LINK]->(:BoltTabEnd {boltTabKey: 'b'})"])
        #expect(setup.status == 0, "\(setup.stderr)")
        let fixture = try PTYFixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        let bin = try BoltREPLTests.fakeDot(in: fixture.directory)
        let session = try PTYSession(
            executable: try PTYSession.parleyExecutable(), arguments: ["--no-rc", uri],
            environment: ["PARLEY_HISTORY": fixture.historyPath, "NO_COLOR": "1", "HOME": fixture.directory,
                          "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")])
        try session.waitForRawMode(timeout: wait)
        try session.expect("parley@\(shown)> ", timeout: wait)

        // The local graph (empty here) has no such label: it comes from db.labels().
        session.type("MATCH (n:BoltTabSe")
        session.send(PTYSession.Key.tab)
        try session.expect("rverOnly", timeout: wait)
        session.type(") RETURN n.boltTab")
        session.send(PTYSession.Key.tab)
        try session.expect("Key", timeout: wait)
        session.type(" AS k;")
        session.send(PTYSession.Key.enter)
        try session.expect("1 row", timeout: wait)

        // A write marks the cached names stale: the next Tab asks the server again.
        try session.waitForRawMode(timeout: wait)
        session.type("CREATE (:BoltTabFresh);")
        session.send(PTYSession.Key.enter)
        try session.expect("Created 1 node", timeout: wait)
        try session.waitForRawMode(timeout: wait)
        session.type("MATCH (m:BoltTabFr")
        session.send(PTYSession.Key.tab)
        try session.expect("esh", timeout: wait)
        session.type(") RETURN count(m) AS fresh;")
        session.send(PTYSession.Key.enter)
        try session.expect("1 row", timeout: wait)

        // :render draws what the server returned (the relationship's far end fetched too).
        let image = fixture.directory + "/drawn.svg"
        try session.waitForRawMode(timeout: wait)
        session.type(":render \(image) MATCH (a:BoltTabServerOnly)-[r]->() RETURN r")
        session.send(PTYSession.Key.enter)
        try session.expect("Wrote \(image)", timeout: wait)
        let dot = try String(contentsOfFile: image, encoding: .utf8)
        #expect(dot.hasPrefix("// Parley: 2 nodes, 1 relationship\ndigraph \"parley\" {"), "\(dot)")
        #expect(dot.contains("tooltip=\":BoltTabServerOnly\\nboltTabKey: a\""), "\(dot)")
        #expect(dot.contains("tooltip=\":BoltTabEnd\\nboltTabKey: b\""), "\(dot)")
        #expect(dot.contains("\"n0\" -> \"n1\" [label=\"BOLT_TAB_LINK\""), "\(dot)")

        try session.waitForRawMode(timeout: wait)
        session.type(":asof 2015")
        session.send(PTYSession.Key.enter)
        try session.expect("error: :asof works on the local graph; :pull \(shown) brings the server's graph here", timeout: wait)

        try session.waitForRawMode(timeout: wait)
        session.type(":quit")
        session.send(PTYSession.Key.enter)
        #expect(try session.waitForExit(timeout: wait) == 0)
        _ = try CLIRunner.run([uri, "-c", "MATCH (n) WHERE n:BoltTabServerOnly OR n:BoltTabFresh OR n:BoltTabEnd DETACH DELETE n"])
    }
}
