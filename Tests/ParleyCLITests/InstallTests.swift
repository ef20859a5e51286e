import Foundation
import Testing

/// `make install` (scripts/install.sh) into a temporary prefix, the man page and completions.
@Suite("make install, the man page and shell completions")
struct InstallTests {
    /// Runs `command` with `arguments`; returns the status and standard output.
    static func shell(_ command: String, _ arguments: [String], in folder: URL? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("install puts the binary, man page, completions and bundled graph under PREFIX; the installed parley opens the graph; uninstall removes them")
    func installAndUninstall() throws {
        let binary = try #require(CLIRunner.binary)
        let prefix = try CLIRunner.makeTemporaryFolder().appendingPathComponent("prefix")
        let script = CLIRunner.packageRoot.appendingPathComponent("scripts/install.sh").path
        let (status, _) = try Self.shell(script, [binary.path, prefix.path])
        #expect(status == 0)
        let files = ["bin/parley", "share/man/man1/parley.1", "share/bash-completion/completions/parley",
                     "share/zsh/site-functions/_parley", "share/fish/vendor_completions.d/parley.fish",
                     "share/parley/graphs/astana-2015.json"]
        for f in files { #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(f).path), "\(f)") }
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/parley"), encoding: .utf8)
        #expect(bash.contains("--as-of") && bash.contains("--format"))
        // From a folder without graphs/, with no PARLEY_GRAPH: the installed copy of the bundled graph.
        let (runStatus, output) = try Self.shell(prefix.appendingPathComponent("bin/parley").path,
                                                 ["--no-rc", "--format", "csv", "-c", "MATCH (n) RETURN count(*) AS n"],
                                                 in: URL(fileURLWithPath: "/"))
        #expect(runStatus == 0 && output.hasSuffix("41\r\n"), "\(output)")
        let (removed, _) = try Self.shell(script, ["--uninstall", prefix.path])
        #expect(removed == 0)
        for f in files { #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(f).path), "\(f)") }
    }

    @Test("the man page documents every option --help lists (make man regenerates it)")
    func manPageCurrent() throws {
        let help = try CLIRunner.run(["--help"]).stdout
        let man = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("docs/man/parley.1"), encoding: .utf8)
        let options = help.split(separator: "\n").compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("--") else { return nil }
            return String(t.dropFirst(2).prefix { $0.isLetter || $0 == "-" })
        }
        #expect(options.count > 15)
        for option in options where option != "help" && option != "version" {
            #expect(man.contains("Fl -\(option)"), "docs/man/parley.1 lacks --\(option): run make man")
        }
    }
}
