import Foundation
import Testing

/// The `parley` binary in script mode: exit codes, error formats, flags. None of these need
/// the query engine or the JSON loader (they use `--empty` and meta-commands).
@Suite("parley command line")
struct CLITests {
    @Test("--version prints the version and the git revision the binary was built from")
    func version() throws {
        let outcome = try CLIRunner.run(["--version"])
        #expect(outcome.status == 0)
        let match = outcome.stdout.wholeMatch(of: /parley 0\.1\.0 \(([0-9a-f]{7,}(-dirty)?|unknown)\)\n/)
        #expect(match != nil, "\(outcome.stdout)")
        // In a git checkout, the revision names a commit of it (HEAD when the build is current).
        guard let rev = match?.1, rev != "unknown" else { return }
        let commit = rev.hasSuffix("-dirty") ? String(rev.dropLast(6)) : String(rev)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", CLIRunner.packageRoot.path, "cat-file", "-e", commit + "^{commit}"]
        git.standardOutput = FileHandle.nullDevice
        git.standardError = FileHandle.nullDevice
        if (try? git.run()) != nil {
            git.waitUntilExit()
            #expect(git.terminationStatus == 0, "\(commit) is not a commit of this checkout")
        }
    }

    @Test("-f reads a script from a pipe (/dev/stdin, <(...)), not only from a regular file")
    func scriptFromPipe() throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "-f", "/dev/stdin", "--format", "csv"], input: "RETURN 1 AS x;\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.replacingOccurrences(of: "\r\n", with: "\n") == "x\n1\n")
    }

    @Test("--help lists every flag")
    func help() throws {
        let outcome = try CLIRunner.expectGolden("help", ["--help"])
        for flag in ["-c", "-f", "--format", "--param", "--timing", "--continue-on-error", "-i", "--no-rc", "--max-rows", "--max-memory",
                     "--no-color", "--export", "--induced", "--style", "--color-by", "--size-by", "--empty", "--width"] {
            #expect(outcome.stdout.contains(flag + " "), "missing \(flag)")
        }
    }

    @Test("bad usage exits 2 with ArgumentParser's message")
    func badUsage() throws {
        try CLIRunner.expectGolden("usage-unknown-option", ["--bogus"])
        try CLIRunner.expectGolden("usage-bad-format", ["--empty", "--format", "xml", "-c", "RETURN 1;"])
        try CLIRunner.expectGolden("usage-bad-param", ["--empty", "--param", "novalue", "-c", "RETURN 1;"])
        try CLIRunner.expectGolden("usage-output-without-export", ["--empty", "-o", "x.dot"])
    }

    @Test("meta-commands run in -c scripts")
    func metaInCommand() throws {
        try CLIRunner.expectGolden("meta-commands", ["--empty", "--no-rc", "-c", ":mode\n:mode box\n:mode\n:set maxRows 3\n:set display 2\n:set"])
    }

    @Test("--max-rows stops a runaway query in a script: the step, a caret, exit 1")
    func rowBudget() throws {
        try CLIRunner.expectGolden("max-rows", ["--empty", "--no-rc", "--max-rows", "50", "-c",
                                                "RETURN 1 AS ok;\nUNWIND range(1, 10) AS i UNWIND range(1, 10) AS j RETURN count(*) AS n;"])
    }

    @Test("--max-memory stops a query whose result outgrows it; a bad size is a usage error")
    func memoryBudget() throws {
        try CLIRunner.expectGolden("max-memory", ["--empty", "--no-rc", "--max-memory", "64K", "-c",
                                                  "UNWIND range(1, 5000) AS i RETURN 'a value that needs heap storage ' + i AS s;"])
        try CLIRunner.expectGolden("usage-bad-max-memory", ["--empty", "--max-memory", "lots", "-c", "RETURN 1;"])
    }

    @Test(":output FILE in a script: the file appears, complete, when the script ends")
    func outputAtScriptEnd() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let file = folder.appendingPathComponent("out.csv")
        try "old\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "-c", ":output out.csv\n:mode csv\nRETURN 1 AS x;"], in: folder)
        #expect(outcome.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "x\r\n1\r\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["out.csv"], "\(names)")
    }

    @Test("an unknown command is an error at <command>:LINE:COL with a suggestion, exit 1")
    func unknownCommand() throws {
        try CLIRunner.expectGolden("unknown-command", ["--empty", "--no-rc", "-c", ":mode csv\n  :shema"])
    }

    @Test("a -f script stops at its first error, reported as FILE:LINE:COL")
    func scriptStops() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        try ":mode csv\n:mode\n// the next line is wrong\n:mode xml\n:mode\n".write(to: folder.appendingPathComponent("weekly.cypher"), atomically: true, encoding: .utf8)
        try CLIRunner.expectGolden("script-stops", ["--empty", "--no-rc", "-f", "weekly.cypher"], in: folder)
    }

    @Test("--continue-on-error runs the rest, and still exits 1")
    func continueOnError() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        try ":mode csv\n:mode xml\n:mode\n:timing sometimes\n:timing\n".write(to: folder.appendingPathComponent("weekly.cypher"), atomically: true, encoding: .utf8)
        try CLIRunner.expectGolden("script-continues", ["--empty", "--no-rc", "--continue-on-error", "-f", "weekly.cypher"], in: folder)
    }

    @Test("statements piped to standard input run as a script named <stdin>")
    func standardInput() throws {
        try CLIRunner.expectGolden("stdin-script", ["--empty", "--no-rc"], input: ":mode json\n:mode\n:nope\n")
    }

    @Test("a missing script file is an error, exit 1")
    func missingScript() throws {
        try CLIRunner.expectGolden("missing-script", ["--empty", "--no-rc", "-f", "nope.cypher"])
    }

    @Test("a graph file that cannot be loaded is an error naming the file, exit 1")
    func missingGraph() throws {
        let outcome = try CLIRunner.run(["--no-rc", "missing.json", "-c", ":stats"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("missing.json"))
        #expect(outcome.stderr.contains("error: "))
    }

    @Test("parley check: exit 1 with the error for a bad file, exit 2 without an argument")
    func check() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        try "{\"nodes\": [,]}".write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run(["check", "bad.json"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("bad.json:"))
        #expect(try CLIRunner.run(["check"]).status == 2)
    }

    @Test("~/.parleyrc runs first; --no-rc skips it")
    func rcFile() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        try ":mode markdown\n".write(to: folder.appendingPathComponent(".parleyrc"), atomically: true, encoding: .utf8)
        let with = try CLIRunner.run(["--empty", "-c", ":mode"], in: folder)
        #expect(with == .init(status: 0, stdout: "mode: markdown\n", stderr: ""))
        let without = try CLIRunner.run(["--empty", "--no-rc", "-c", ":mode"], in: folder)
        #expect(without == .init(status: 0, stdout: "mode: table\n", stderr: ""))
    }

    @Test("the rc file: $XDG_CONFIG_HOME/parley/parleyrc, else ~/.config/parley/parleyrc before ~/.parleyrc; --init FILE instead")
    func xdgRCFile() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let fm = FileManager.default
        try ":mode markdown\n".write(to: folder.appendingPathComponent(".parleyrc"), atomically: true, encoding: .utf8)
        try fm.createDirectory(at: folder.appendingPathComponent(".config/parley"), withIntermediateDirectories: true)
        try ":mode csv\n".write(to: folder.appendingPathComponent(".config/parley/parleyrc"), atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["--empty", "-c", ":mode"], in: folder).stdout == "mode: csv\n")
        try fm.createDirectory(at: folder.appendingPathComponent("xdg/parley"), withIntermediateDirectories: true)
        try ":mode json\nRETURN nope;\n".write(to: folder.appendingPathComponent("xdg/parley/parleyrc"), atomically: true, encoding: .utf8)
        let xdg = try CLIRunner.run(["--empty", "-c", ":mode"], in: folder, environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("xdg").path])
        #expect(xdg.status == 0 && xdg.stdout == "mode: json\n", "an error in the rc file does not stop the session")
        // The rc file switched to JSON: its error is a JSON line too.
        #expect(xdg.stderr.hasPrefix(#"{"error":{"code":"SyntaxError.UndefinedVariable","#), "\(xdg.stderr)")
        #expect(xdg.stderr.contains(#""file":"$XDG_CONFIG_HOME/parley/parleyrc","line":2,"column":8,"#), "\(xdg.stderr)")
        try ":mode vertical\n".write(to: folder.appendingPathComponent("start.cypher"), atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["--empty", "--init", "start.cypher", "-c", ":mode"], in: folder).stdout == "mode: vertical\n")
        #expect(try CLIRunner.run(["--empty", "--no-rc", "--init", "start.cypher", "-c", ":mode"], in: folder).stdout == "mode: vertical\n")
        let missing = try CLIRunner.run(["--empty", "--init", "nope.cypher", "-c", ":mode"], in: folder)
        #expect(missing.status == 2 && missing.stderr.contains("--init: cannot read 'nope.cypher'."))
    }

    @Test(":last shows the last result again, in another mode this once, uncut")
    func lastResult() throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "--width", "20"], input: "RETURN 'a rather long value indeed' AS v;\n:last tsv\n:mode\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("v\na rather long value indeed\n"))
        #expect(outcome.stdout.hasSuffix("mode: table\n"))
        let none = try CLIRunner.run(["--empty", "--no-rc", "-c", ":last"])
        #expect(none.status == 1 && none.stderr.contains("No result yet"))
    }

    @Test("--format sets the mode; :schema of an empty graph")
    func formatFlag() throws {
        try CLIRunner.expectGolden("format-flag-schema", ["--empty", "--no-rc", "--format", "tsv", "-c", ":mode\n:schema"])
    }

    @Test("--export dot -o FILE without statements writes the whole graph")
    func exportWholeGraph() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "--export", "dot", "-o", "g.dot"], in: folder)
        #expect(outcome == .init(status: 0, stdout: "", stderr: ""))
        let dot = try String(contentsOf: folder.appendingPathComponent("g.dot"), encoding: .utf8)
        #expect(dot.contains("digraph"))
    }

    @Test("no graph argument and no bundled graph: a note, then an empty graph")
    func noBundledGraph() throws {
        let outcome = try CLIRunner.run(["--no-rc", "-c", ":stats"], environment: ["PARLEY_GRAPH": "/nonexistent/g.json"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("/nonexistent/g.json"))
    }
}
