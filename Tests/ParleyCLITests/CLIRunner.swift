import Foundation
import Testing

/// Runs the real `parley` binary and compares what it printed with golden files.
enum CLIRunner {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder of golden files.
    static let goldenFolder = packageRoot.appendingPathComponent("Tests/ParleyCLITests/Golden")

    /// The built `parley` executable (`swift build` puts it in .build/debug).
    static var binary: URL? {
        let candidates = [".build/debug/parley", ".build/x86_64-unknown-linux-gnu/debug/parley",
                          ".build/aarch64-unknown-linux-gnu/debug/parley", ".build/arm64-apple-macosx/debug/parley"]
        return candidates.map { packageRoot.appendingPathComponent($0) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// What a run printed and how it ended.
    struct Outcome: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The golden-file form: the arguments, the exit status, then both streams.
        func transcript(arguments: [String]) -> String {
            let shown = arguments.map { $0.contains(" ") || $0.isEmpty || $0.contains("'") || $0.contains("\n") ? "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" : $0 }
            return "$ parley " + shown.joined(separator: " ") + "\nexit \(status)\n--- stdout\n" + stdout + "--- stderr\n" + stderr
        }
    }

    /// A temporary folder for one test, used as HOME and working directory.
    static func makeTemporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `parley arguments` with `input` on standard input, in `folder` (HOME too).
    static func run(_ arguments: [String], input: String = "", in folder: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let binary = try #require(CLIRunner.binary, "build parley first: swift build")
        let folder = try folder ?? makeTemporaryFolder()
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = folder.path
        env["PARLEY_GRAPH"] = nil
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        return finish(process, stdout: stdout, stderr: stderr)
    }

    /// Reads both pipes of a started `process` to the end, then waits for it. Both are read
    /// before waiting, so a large output cannot block the child.
    static func finish(_ process: Process, stdout: Pipe, stderr: Pipe) -> Outcome {
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `parley arguments` and compares the transcript with `Golden/<name>.txt`; with
    /// `PARLEY_UPDATE_GOLDEN=1` the golden file is rewritten instead.
    @discardableResult
    static func expectGolden(_ name: String, _ arguments: [String], input: String = "", in folder: URL? = nil,
                             sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let folder = try folder ?? makeTemporaryFolder()
        let outcome = try run(arguments, input: input, in: folder)
        let transcript = outcome.transcript(arguments: arguments).replacingOccurrences(of: folder.path, with: "$TMP")
        let file = goldenFolder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["PARLEY_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try Data(transcript.utf8).write(to: file)
            return outcome
        }
        let expected = try String(decoding: Data(contentsOf: file), as: UTF8.self)
        #expect(transcript == expected, "golden \(name).txt differs (PARLEY_UPDATE_GOLDEN=1 rewrites it)", sourceLocation: sourceLocation)
        return outcome
    }
}
