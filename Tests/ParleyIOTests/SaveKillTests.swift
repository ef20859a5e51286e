import Foundation
import ParleyGraph
import Testing
@testable import ParleyIO

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `parley-bench` executable built next to the test binary (`swift build --build-tests`
/// builds it), if it is there.
let parleyBench: String? = {
    var folder = Bundle.main.bundleURL.deletingLastPathComponent().path
    #if os(Linux)
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        folder = URL(fileURLWithPath: exe).deletingLastPathComponent().path
    }
    #endif
    let path = folder + "/parley-bench"
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

/// A graph file of `count` people and `2 × count` relationships (about 300 bytes per person).
func peopleGraphJSON(count: Int) -> [UInt8] {
    var text = "{\"nodes\": [\n"
    for i in 0..<count {
        text += "{\"id\": \"n\(i)\", \"labels\": [\"Person\"], \"properties\": {\"name\": \"Person number \(i), Астана\", \"age\": \(i % 90), \"score\": \(Double(i) / 7)}}"
        text += i < count - 1 ? ",\n" : "\n"
    }
    text += "], \"edges\": [\n"
    for i in 0..<2 * count {
        text += "{\"source\": \"n\(i % count)\", \"target\": \"n\((i * 7 + 1) % count)\", \"type\": \"KNOWS\", \"properties\": {\"since\": \(2000 + i % 20)}}"
        text += i < 2 * count - 1 ? ",\n" : "\n"
    }
    return Array((text + "]}\n").utf8)
}

/// When ``runSave(_:_:_:kill:)`` kills the child.
enum KillPlan {
    /// Let it finish.
    case never
    /// This many seconds after it announced the save.
    case after(Double)
    /// This many seconds after the file system shows the write starting (a temporary file
    /// appears in the folder, or the target changes size): aims at the short write window.
    case afterWriteStarts(Double)
}

/// Whether a save into `folder` has visibly started writing: a `.tmp` file exists or the
/// target no longer has `oldSize` bytes.
func writeStarted(_ folder: String, _ target: String, oldSize: Int) -> Bool {
    var info = stat()
    if stat(target, &info) != 0 || Int(info.st_size) != oldSize { return true }
    return listFolder(folder).contains { $0.hasSuffix(".tmp") }
}

/// A child process started with `posix_spawn`, its stdout on a pipe (waited for with
/// `waitpid`, so that nothing else reaps it behind the test's back).
struct Child {
    var pid: pid_t = 0
    var output: Int32 = -1

    /// Starts `path` with `arguments`.
    init(_ path: String, _ arguments: [String]) throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw ChildError(message: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let result = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(fds[1])
        output = fds[0]
        guard result == 0 else { close(output); throw ChildError(message: "cannot start \(path): \(result)") }
    }

    /// Reads stdout until it contains `text` or ends; returns what was read.
    func waitForOutput(_ text: String) -> String {
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while !String(decoding: seen, as: UTF8.self).contains(text) {
            let n = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            seen += buffer[0..<n]
        }
        return String(decoding: seen, as: UTF8.self)
    }

    /// The exit status if the child has ended (it is then reaped), else `nil`.
    func poll() -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        close(output)
        return status
    }

    /// Waits for the end of the child; returns its wait status.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        close(output)
        return status
    }
}

/// A child process that could not be started.
struct ChildError: Error { var message: String }

/// Runs `parley-bench save --announce input target` and kills it with SIGKILL as `plan`
/// says. Returns the seconds from the announcement to the end of the process.
func runSave(_ bench: String, _ input: String, _ target: String, kill plan: KillPlan) throws -> Double {
    let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
    var info = stat()
    let oldSize = stat(target, &info) == 0 ? Int(info.st_size) : -1
    let child = try Child(bench, ["save", "--announce", input, target])
    let said = child.waitForOutput("saving")
    let start = Date()
    var ended: Int32? = nil
    switch plan {
    case .never:
        break
    case .after(let seconds):
        usleep(UInt32(seconds * 1e6))
        kill(child.pid, SIGKILL)
    case .afterWriteStarts(let seconds):
        while !writeStarted(folder, target, oldSize: oldSize) {
            ended = child.poll()
            if ended != nil { break }
            usleep(100)
        }
        if ended == nil {
            usleep(UInt32(seconds * 1e6))
            kill(child.pid, SIGKILL)
        }
    }
    let status = ended ?? child.wait()
    if case .never = plan, status != 0 {
        throw ChildError(message: "parley-bench save failed (status \(status)): \(said)")
    }
    return Date().timeIntervalSince(start)
}

@Suite("Saving never loses the file")
struct SaveKillTests {
    @Test("SIGKILL at a random moment of a save leaves the old file or the complete new one, and no pile of temporary files")
    func killDuringSave() throws {
        let bench = try #require(parleyBench, "parley-bench is not built next to the tests (run swift build --build-tests)")
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let input = folder + "/people.json", target = folder + "/graph.json"
        writeFile(input, peopleGraphJSON(count: 3_000))
        let newGraph = try GraphFile.load(path: input)
        let newBytes = GraphFile.serialize(newGraph)
        let oldBytes = GraphFile.serialize(try parse(#"{"nodes": [{"id": "kz", "labels": ["State"], "properties": {"name": "Kazakhstan"}}]}"#))

        // One save to the end, to learn how long a save takes here.
        writeFile(target, oldBytes)
        let saveSeconds = try runSave(bench, input, target, kill: .never)
        #expect(readFile(target) == newBytes)

        var rng = SeededRandom(state: 0x5AFE)
        var keptOld = 0, completedNew = 0, leftTemporary = 0, rounds = 0
        // 30 rounds, or fewer on a busy machine: the test stays within about 15 s.
        let started = Date()
        for round in 0..<30 where Date().timeIntervalSince(started) < 14 {
            rounds += 1
            writeFile(target, oldBytes)
            // Even rounds: anywhere from the start of the save to a little past its usual end.
            // Odd rounds: within 2 ms of the first written bytes (the window is short).
            let plan: KillPlan = round % 2 == 0
                ? .after(Double.random(in: 0...(saveSeconds * 1.3), using: &rng))
                : .afterWriteStarts(Double.random(in: 0...0.002, using: &rng))
            _ = try runSave(bench, input, target, kill: plan)
            let bytes = try #require(readFile(target), "round \(round): \(target) is gone")
            if bytes == oldBytes {
                keptOld += 1
            } else {
                #expect(bytes == newBytes, "round \(round): the file is neither the old one nor the complete new one (\(bytes.count) bytes)")
                let loaded = try GraphFile.parse(bytes, name: target)
                #expect(difference(loaded, newGraph) == nil, "round \(round)")
                completedNew += 1
            }
            // A kill leaves at most its own temporary file: the next save removes it.
            let temporaries = listFolder(folder).filter { $0.hasSuffix(".tmp") }
            #expect(temporaries.count <= 1, "round \(round): \(temporaries)")
            leftTemporary += temporaries.isEmpty ? 0 : 1
        }
        // A last complete save tidies up after the killed ones.
        _ = try runSave(bench, input, target, kill: .never)
        #expect(readFile(target) == newBytes)
        #expect(listFolder(folder).filter { $0.hasSuffix(".tmp") }.isEmpty, "\(listFolder(folder))")
        print("save killed \(rounds) times (save takes \(Int(saveSeconds * 1000)) ms): old file kept \(keptOld), new file complete \(completedNew), temporary file left behind \(leftTemporary)")
        // Some kills must land before the rename, or the test proves nothing.
        #expect(rounds >= 5)
        #expect(keptOld > 0)
    }

    @Test("a save removes temporary files of processes that no longer run, and keeps those of running ones")
    func staleTemporaries() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        // A child that has exited: its PID is free (until reused, which is unlikely this soon).
        let child = try Child("/bin/true", [])
        _ = child.wait()
        let dead = child.pid
        let stale = ".g.json.\(dead).0.tmp", live = ".g.json.\(getppid()).3.tmp"
        let others = [".g.json.tmp", ".g.json.x.0.tmp", ".other.json.\(dead).0.tmp", "g.json.\(dead).0.tmp"]
        for name in [stale, live] + others { writeFile(folder + "/" + name, [1]) }
        try GraphFile.save(GraphStore(), to: folder + "/g.json")
        let names = listFolder(folder)
        #expect(!names.contains(stale))
        #expect(names.contains(live))
        for name in others { #expect(names.contains(name), "\(name) is not a temporary file of g.json and must stay") }
    }
}
