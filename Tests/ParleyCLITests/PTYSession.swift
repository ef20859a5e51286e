#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The real `parley` executable running on a pseudo-terminal, driven like a user at a keyboard.
///
/// The child is spawned (not forked: the test runner is multithreaded) in a new session whose
/// controlling terminal is the pseudo-terminal's slave side. The harness waits until the child
/// has put the terminal in raw mode before typing, reads with timeouts, and kills the child
/// when it is dropped.
final class PTYSession {
    /// Keys as the terminal sends them.
    enum Key {
        static let tab = "\t"
        static let enter = "\r"
        static let up = "\u{1B}[A"
        static let down = "\u{1B}[B"
        static let ctrlC = "\u{03}"
        static let ctrlD = "\u{04}"
        static let ctrlR = "\u{12}"
        static let ctrlA = "\u{01}"
        static let ctrlK = "\u{0B}"
    }

    /// Why the session could not start or a wait failed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let master: Int32
    private(set) var pid: pid_t
    private var exitStatus: Int32?
    /// Everything the child wrote, as received.
    private(set) var output: [UInt8] = []
    /// The position in `output` up to which `expect` has consumed.
    private var consumed = 0

    /// The `parley` executable built with the tests (next to the test bundle, else
    /// `<package>/.build/debug/parley`, found from this file's path).
    static func parleyExecutable(file: String = #filePath) throws -> String {
        var root = URL(fileURLWithPath: file)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        // Next to the test bundle first (the configuration being tested), then the debug build.
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("parley").path,
            root.appendingPathComponent(".build/debug/parley").path,
        ]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw Failure(description: "parley executable not found (looked at \(candidates)); run `swift build` first")
    }

    /// Starts `executable` with `arguments` on a new pseudo-terminal of `columns`×`rows`.
    /// `environment` is added to a minimal environment (TERM, HOME, LANG, PATH).
    init(executable: String, arguments: [String] = [], environment: [String: String] = [:],
         columns: UInt16 = 100, rows: UInt16 = 30) throws {
        let fd = PTYFunctions.openpt(O_RDWR | O_NOCTTY)
        guard fd >= 0 else { throw Failure(description: "posix_openpt failed: errno \(errno)") }
        guard PTYFunctions.grantpt(fd) == 0, PTYFunctions.unlockpt(fd) == 0 else {
            close(fd)
            throw Failure(description: "grantpt/unlockpt failed: errno \(errno)")
        }
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard PTYFunctions.ptsname_r(fd, &nameBuffer, nameBuffer.count) == 0 else {
            close(fd)
            throw Failure(description: "ptsname_r failed")
        }
        let slavePath = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
        master = fd
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)

        var base = [
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": NSTemporaryDirectory(),
        ]
        for (key, value) in environment { base[key] = value }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The slave is opened in the child after setsid, so it becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGINT)
        sigaddset(&defaultSignals, SIGPIPE)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = base.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(fd)
            throw Failure(description: "posix_spawn \(executable) failed: \(String(cString: strerror(status)))")
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// `POSIX_SPAWN_SETSID`, which Glibc only declares with _GNU_SOURCE.
    private static var spawnSetSID: Int32 {
        #if os(Linux)
        0x80
        #else
        0x400
        #endif
    }

    // MARK: - Typing

    /// Sends `text` as typed keys.
    func send(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    /// Sends `text` slowly, one character at a time, as a person types.
    func type(_ text: String) {
        for c in text {
            send(String(c))
            usleep(2_000)
        }
    }

    /// Waits until the terminal is in raw (non-canonical) mode: the editor is reading a line.
    func waitForRawMode(timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            drain(wait: 0.02)
            var attributes = termios()
            if tcgetattr(master, &attributes) == 0 && attributes.c_lflag & tcflag_t(ICANON) == 0 { return }
            if hasExited {
                drain(wait: 0.1)
                throw Failure(description: "parley exited (\(exitStatus ?? -1)) before reading input; output:\n\(screenText)")
            }
        }
        throw Failure(description: "the terminal never went into raw mode; output:\n\(screenText)")
    }

    /// Whether the terminal is in raw mode now (the editor is reading a line).
    var isRawMode: Bool {
        var attributes = termios()
        return tcgetattr(master, &attributes) == 0 && attributes.c_lflag & tcflag_t(ICANON) == 0
    }

    /// Waits until the terminal is back in canonical mode (a statement is running).
    func waitForCookedMode(timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            drain(wait: 0.02)
            var attributes = termios()
            if tcgetattr(master, &attributes) == 0 && attributes.c_lflag & tcflag_t(ICANON) != 0 { return }
        }
        throw Failure(description: "the terminal never left raw mode; output:\n\(screenText)")
    }

    // MARK: - Reading

    /// The output after the last `expect` match, with terminal escape sequences removed.
    var pendingText: String { Self.strip(Array(output[consumed...])) }

    /// All output, with terminal escape sequences removed.
    var screenText: String { Self.strip(output) }

    /// The most `drain` reads in one call. Without a bound, a child printing a long result
    /// faster than the harness reads would be read to its very end inside one `drain`, before
    /// `expect` looks at the text: Ctrl-C sent after a match would then come too late.
    static let drainLimit = 16_384

    /// Waits until `text` appears in the output after the previous match; consumes through it.
    ///
    /// Only the output that came since the last look is stripped and searched (with an overlap
    /// of the text's length), so waiting through megabytes of output stays linear; `drain`
    /// reads a bounded amount at a time, so the match is seen soon after it is written.
    @discardableResult
    func expect(_ text: String, timeout: Double = 10) throws -> String {
        try expect(anyOf: [text], timeout: timeout)
    }

    /// Waits until one of `texts` appears in the output after the previous match; consumes
    /// through the earliest that does (see ``expect(_:timeout:)``).
    @discardableResult
    func expect(anyOf texts: [String], timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        let needles = texts.map { Array($0.utf8) }
        let longest = needles.map(\.count).max() ?? 0
        let wanted = texts.count == 1 ? texts[0].debugDescription : "any of \(texts)"
        var stripper = IncrementalStripper(start: consumed)
        var searchFrom = 0
        while true {
            stripper.feed(output)
            if let end = needles.compactMap({ Self.find($0, in: stripper.kept, from: searchFrom) }).min() {
                let before = String(decoding: stripper.kept[..<end], as: UTF8.self)
                // Advance `consumed` by the raw bytes that produced `before`.
                consumed = Self.rawOffset(in: output, from: consumed, strippedLength: end)
                return before
            }
            searchFrom = max(0, stripper.kept.count - longest + 1)
            if Date() >= deadline {
                throw Failure(description: "timed out waiting for \(wanted); output since the last match:\n\(Self.abridged(stripper.kept))")
            }
            if hasExited && !drain(wait: 0) {
                stripper.feed(output)
                throw Failure(description: "parley exited (\(exitStatus ?? -1)) while waiting for \(wanted); output:\n\(Self.abridged(stripper.kept))")
            }
            drain(wait: 0.05)
        }
    }

    /// Reads whatever the child wrote within `wait` seconds, at most ``drainLimit`` bytes;
    /// returns whether anything came.
    @discardableResult
    func drain(wait: Double) -> Bool {
        var got = 0
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var timeout = Int32(wait * 1000)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while got < Self.drainLimit && poll(&descriptor, 1, timeout) > 0 {
            let n = read(master, &buffer, buffer.count)
            guard n > 0 else { break }
            output.append(contentsOf: buffer[0..<n])
            got += n
            timeout = 0
        }
        return got > 0
    }

    /// The end (exclusive) of the first occurrence of `needle` in `haystack` at or after `from`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first else { return from }
        guard haystack.count >= needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i + needle.count }
            }
            i += 1
        }
        return nil
    }

    /// `bytes` as text for a failure message: whole when short, else its start and its end.
    private static func abridged(_ bytes: [UInt8]) -> String {
        guard bytes.count > 8_000 else { return String(decoding: bytes, as: UTF8.self) }
        let head = String(decoding: bytes.prefix(2_000), as: UTF8.self)
        let tail = String(decoding: bytes.suffix(4_000), as: UTF8.self)
        return head + "\n… (\(bytes.count - 6_000) bytes left out) …\n" + tail
    }

    // MARK: - Exit

    /// Whether the child has ended (reaping it if so).
    var hasExited: Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = Self.decode(status)
            return true
        }
        return false
    }

    /// Waits for the child to end; returns its exit status (128+signal when killed).
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            drain(wait: 0.02)
            if hasExited, let exitStatus { return exitStatus }
        }
        throw Failure(description: "parley did not exit; output:\n\(screenText)")
    }

    /// The exit code for a `waitpid` status.
    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    // MARK: - Escape sequences

    /// `bytes` as text without CSI/OSC escape sequences, carriage returns and bells.
    static func strip(_ bytes: [UInt8]) -> String {
        String(decoding: stripBytes(bytes, limit: nil).bytes, as: UTF8.self)
    }

    /// The raw offset in `bytes` (from `start`) where `strippedLength` stripped bytes end.
    private static func rawOffset(in bytes: [UInt8], from start: Int, strippedLength: Int) -> Int {
        start + stripBytes(Array(bytes[start...]), limit: strippedLength).rawCount
    }

    /// Strips escape sequences; with `limit`, stops after that many kept bytes.
    private static func stripBytes(_ bytes: [UInt8], limit: Int?) -> (bytes: [UInt8], rawCount: Int) {
        var kept: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if let limit, kept.count >= limit { break }
            let b = bytes[i]
            if b == 0x1B, i + 1 < bytes.count {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "[") {
                    var j = i + 2
                    while j < bytes.count && !(0x40...0x7E).contains(bytes[j]) { j += 1 }
                    i = j + 1
                } else if next == UInt8(ascii: "]") {
                    var j = i + 2
                    while j < bytes.count && bytes[j] != 0x07 && bytes[j] != 0x1B { j += 1 }
                    i = j + 1
                } else {
                    i += 2
                }
                continue
            }
            if b == 0x0D || b == 0x07 || b == 0x08 {
                i += 1
                continue
            }
            kept.append(b)
            i += 1
        }
        return (kept, i)
    }
}

/// Strips escape sequences from a growing byte buffer a piece at a time: each `feed` looks
/// only at the bytes that came since the last one (an escape sequence cut off at the end waits
/// for the rest). Keeps what ``PTYSession/strip(_:)`` would keep.
struct IncrementalStripper {
    /// The kept bytes so far.
    private(set) var kept: [UInt8] = []
    /// Where in the buffer the next `feed` starts.
    private var position: Int

    /// Starts at `start` in the buffer.
    init(start: Int) { position = start }

    /// Strips `bytes[position...]` as far as it is complete.
    mutating func feed(_ bytes: [UInt8]) {
        var i = position
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B {
                guard i + 1 < bytes.count else { break }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "[") {
                    var j = i + 2
                    while j < bytes.count && !(0x40...0x7E).contains(bytes[j]) { j += 1 }
                    guard j < bytes.count else { break }
                    i = j + 1
                } else if next == UInt8(ascii: "]") {
                    var j = i + 2
                    while j < bytes.count && bytes[j] != 0x07 && bytes[j] != 0x1B { j += 1 }
                    guard j < bytes.count else { break }
                    i = j + 1
                } else {
                    i += 2
                }
                continue
            }
            if b != 0x0D && b != 0x07 && b != 0x08 { kept.append(b) }
            i += 1
        }
        position = i
    }
}

/// The pseudo-terminal functions, looked up at run time: Glibc declares them only with
/// _XOPEN_SOURCE, which Swift's Glibc module does not set.
enum PTYFunctions {
    typealias OpenPT = @convention(c) (Int32) -> Int32
    typealias IntOfFD = @convention(c) (Int32) -> Int32
    typealias PTSName = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    /// `dlsym` of `name` in the C library, as `T`.
    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: type)
    }

    /// posix_openpt(3).
    static func openpt(_ flags: Int32) -> Int32 { symbol("posix_openpt", as: OpenPT.self)?(flags) ?? -1 }
    /// grantpt(3).
    static func grantpt(_ fd: Int32) -> Int32 { symbol("grantpt", as: IntOfFD.self)?(fd) ?? -1 }
    /// unlockpt(3).
    static func unlockpt(_ fd: Int32) -> Int32 { symbol("unlockpt", as: IntOfFD.self)?(fd) ?? -1 }
    /// ptsname_r(3).
    static func ptsname_r(_ fd: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ size: Int) -> Int32 {
        symbol("ptsname_r", as: PTSName.self)?(fd, buffer, size) ?? -1
    }
}
