import Testing
@testable import ParleyREPL

/// `:load` over a graph with unsaved changes: refused unless `:load!`, in scripts and
/// interactively, also from a `:source` file.
@Suite(":load and unsaved changes")
struct LoadUnsavedTests {
    /// A small graph file with one node, to load.
    private func oneNodeFile() throws -> String {
        let path = REPLFixture.temporaryPath("one-node-\(Int.random(in: 0..<1_000_000)).json")
        try #"{"nodes": [{"id": "only"}]}"#.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("in a script, :load after a write fails at :load and keeps the changed graph and its unsaved mark")
    func refusedInScript() throws {
        let (session, out, err) = try REPLFixture.session()
        let path = try oneNodeFile()
        #expect(REPLFixture.run(session, "CREATE (:Extra);\n:load \(path)\n", stopOnError: true) == 1)
        #expect(session.graph.nodeCount == 5)
        #expect(session.isModified)
        #expect(err.text == """
            test.cypher:2:1: error: The graph has unsaved changes that :load would discard; :save them first, or use :load! \(path) to discard them
            :load \(path)
            ^~~~~

            """)
        #expect(!out.text.contains("Loaded"))
    }

    @Test(":load! discards the unsaved changes and loads the file")
    func forced() throws {
        let (session, out, err) = try REPLFixture.session()
        let path = try oneNodeFile()
        #expect(REPLFixture.run(session, "CREATE (:Extra);\n:load! \(path)\n", stopOnError: true) == 0)
        #expect(session.graph.nodeCount == 1)
        #expect(!session.isModified)
        #expect(out.text.contains("Loaded \(path)"))
        #expect(err.text.isEmpty)
    }

    @Test("interactively, :load after a write is refused with the way out; without changes it loads")
    func refusedInteractively() throws {
        let (session, _, err) = try REPLFixture.session(interactive: true)
        let path = try oneNodeFile()
        #expect(REPLFixture.run(session, "CREATE (:Extra);\n:load \(path)", fileName: nil) == 1)
        #expect(err.text == "error: The graph has unsaved changes that :load would discard; :save them first, or use :load! \(path) to discard them\n")
        #expect(session.graph.nodeCount == 5 && session.isModified)
        let (clean, _, _) = try REPLFixture.session(interactive: true)
        #expect(REPLFixture.run(clean, ":load \(path)", fileName: nil) == 0)
        #expect(clean.graph.nodeCount == 1)
    }

    @Test("a :load inside a :source file is refused the same way")
    func refusedFromSource() throws {
        let (session, _, err) = try REPLFixture.session()
        let graph = try oneNodeFile()
        let script = REPLFixture.temporaryPath("loads-\(Int.random(in: 0..<1_000_000)).cypher")
        try ":load \(graph)\n".write(toFile: script, atomically: true, encoding: .utf8)
        #expect(REPLFixture.run(session, "CREATE (:Extra);\n:source \(script)\n") == 1)
        #expect(err.text.hasPrefix("\(script):1:1: error: The graph has unsaved changes"))
        #expect(session.graph.nodeCount == 5)
    }

    @Test(":load! is not a separate name (:loa completes to :load); other commands take no !")
    func bangNames() throws {
        #expect(!MetaCommands.names.contains(":load!"))
        #expect(MetaCommands.named("load")?.acceptsBang == true)
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":schema!") == 1)
        #expect(err.text.contains("Unknown command ':schema!'"))
    }
}
