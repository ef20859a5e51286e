import Foundation
import Testing

/// Runs every example of docs/errors.md with the real `parley` binary, so the catalogue of
/// bad-input messages cannot drift from what Parley prints.
///
/// A ```` ```console ```` block is `$ COMMAND`, the expected standard error, then `[exit N]`;
/// a last line `…` makes the expected lines a prefix. The ```` ```json file=NAME ````,
/// ```` ```text file=NAME ```` and ```` ```sh ```` blocks before it (since the previous console
/// block) set up its folder. ```` ```console unprivileged ```` runs as `nobody` when the tests
/// run as root.
@Suite("docs/errors.md catalogue")
struct ErrorCatalogTests {
    /// One example: its setup and the expected outcome.
    struct Example: CustomTestStringConvertible, Sendable {
        var line: Int
        var files: [(name: String, text: String)]
        var setup: [String]
        var command: String
        var unprivileged: Bool
        var expectedStderr: [String]
        var prefixOnly: Bool
        var status: Int32

        var testDescription: String { "docs/errors.md:\(line) \(command)" }
    }

    static let page = CLIRunner.packageRoot.appendingPathComponent("docs/errors.md")

    /// The examples of `text`.
    static func examples(in text: String) -> [Example] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [Example] = []
        var files: [(name: String, text: String)] = []
        var setup: [String] = []
        var i = 0
        func block(from start: Int) -> (body: [String], next: Int) {
            var j = start
            var body: [String] = []
            while j < lines.count && lines[j] != "```" { body.append(lines[j]); j += 1 }
            return (body, j + 1)
        }
        while i < lines.count {
            let fence = lines[i]
            guard fence.hasPrefix("```"), fence.count > 3 else { i += 1; continue }
            let info = fence.dropFirst(3).split(separator: " ").map(String.init)
            let (body, next) = block(from: i + 1)
            if let file = info.dropFirst().first(where: { $0.hasPrefix("file=") }) {
                files.append((String(file.dropFirst(5)), body.joined(separator: "\n") + "\n"))
            } else if info.first == "sh" {
                setup.append(body.joined(separator: "\n"))
            } else if info.first == "console", let first = body.first, first.hasPrefix("$ "),
                      let last = body.last, last.hasPrefix("[exit "), let status = Int32(last.dropFirst(6).dropLast())
            {
                var expected = Array(body.dropFirst().dropLast())
                let prefixOnly = expected.last == "…"
                if prefixOnly { expected.removeLast() }
                examples.append(Example(line: i + 1, files: files, setup: setup, command: String(first.dropFirst(2)),
                                        unprivileged: info.contains("unprivileged"), expectedStderr: expected,
                                        prefixOnly: prefixOnly, status: status))
                files = []
                setup = []
            }
            i = next
        }
        return examples
    }

    static let all: [Example] = {
        guard let data = FileManager.default.contents(atPath: page.path) else { return [] }
        return examples(in: String(decoding: data, as: UTF8.self))
    }()

    /// Runs `command` with /bin/sh in `folder`, `parley` first on PATH.
    static func shell(_ command: String, in folder: URL, asNobody: Bool = false) throws -> CLIRunner.Outcome {
        var binary = try #require(CLIRunner.binary, "build parley first: swift build")
        if asNobody {
            // `nobody` may not reach the build folder (a clone under a 0700 folder such as
            // mktemp -d's): run a copy from a folder every user can enter.
            let copies = FileManager.default.temporaryDirectory.appendingPathComponent("parley-nobody-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            let copy = copies.appendingPathComponent("parley")
            try FileManager.default.copyItem(at: binary, to: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
            binary = copy
        }
        let process = Process()
        if asNobody {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c", command]
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
        }
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = folder.path
        env["PARLEY_GRAPH"] = nil
        env["NO_COLOR"] = "1"
        env["PATH"] = binary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        process.environment = env
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return CLIRunner.finish(process, stdout: stdout, stderr: stderr)
    }

    /// Sets up `example`'s folder and runs its command.
    static func run(_ example: Example) throws -> CLIRunner.Outcome {
        let folder = try CLIRunner.makeTemporaryFolder()
        for file in example.files {
            try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name))
        }
        for script in example.setup {
            let outcome = try shell(script, in: folder)
            #expect(outcome.status == 0, "setup failed: \(script)\n\(outcome.stderr)")
        }
        let asNobody = example.unprivileged && getuid() == 0
        if asNobody { chmod(folder.path, 0o755) }
        return try shell(example.command, in: folder, asNobody: asNobody)
    }

    @Test("the page has a catalogue: files, setup, exit statuses 1 and 2")
    func pageHasExamples() {
        #expect(ErrorCatalogTests.all.count >= 35)
        #expect(ErrorCatalogTests.all.contains { $0.status == 2 })
        #expect(ErrorCatalogTests.all.contains { $0.unprivileged })
        #expect(ErrorCatalogTests.all.contains { !$0.setup.isEmpty })
    }

    @Test("each example prints exactly the documented message and exit status", arguments: ErrorCatalogTests.all)
    func example(_ example: Example) throws {
        let outcome = try Self.run(example)
        #expect(outcome.status == example.status, "stderr: \(outcome.stderr)")
        var actual = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if actual.last == "" { actual.removeLast() }
        if example.prefixOnly {
            #expect(Array(actual.prefix(example.expectedStderr.count)) == example.expectedStderr)
            #expect(actual.count > example.expectedStderr.count)
        } else {
            #expect(actual == example.expectedStderr)
        }
    }

    @Test(":load of a bad file keeps the graph: the next query still counts the old nodes")
    func loadKeepsGraph() throws {
        var example = try #require(ErrorCatalogTests.all.first { $0.command.contains(":load trailing-comma.json") })
        example.command = example.command.replacingOccurrences(of: " >/dev/null", with: "")
        let outcome = try Self.run(example)
        #expect(outcome.stdout.contains("|     2 |"), "stdout: \(outcome.stdout)")
    }

    @Test(":save over a device writes in place and leaves the device a device")
    func saveKeepsDevice() throws {
        let folder = try CLIRunner.makeTemporaryFolder()
        let outcome = try Self.shell("parley --empty -c ':save /dev/null'", in: folder)
        #expect(outcome.status == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect((info.st_mode & S_IFMT) == S_IFCHR)
    }
}
