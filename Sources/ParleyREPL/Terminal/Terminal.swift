#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Facts about the terminal: whether a descriptor is one, its size, whether to use colour.
enum Terminal {
    /// Whether `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The size of the terminal on `fd` (columns, rows), or nil for a pipe or file.
    static func size(of fd: Int32 = 1) -> (columns: Int, rows: Int)? {
        guard isTerminal(fd) else { return nil }
        var ws = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = UInt(TIOCGWINSZ)
        #endif
        guard ioctl(fd, request, &ws) == 0, ws.ws_col > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    /// Whether colours are allowed on `fd`: a terminal, `NO_COLOR` unset, `TERM` not `dumb`.
    static func colorAllowed(on fd: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        if env["TERM"] == "dumb" { return false }
        return isTerminal(fd)
    }
}

/// Pages long text through `less -FRX` (quits at once if the text fits, keeps colours).
///
/// The pager is started with `posix_spawn` in Parley's own process group: it must stay in the
/// terminal's foreground group to read keys and set terminal modes (Foundation's `Process`
/// puts children in a new group, where `less` would be stopped by SIGTTOU).
enum Pager {
    /// Shows `text` through the pager; returns false if it could not be started.
    static func show(_ text: String) -> Bool {
        let pager = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let arguments = pager.map { ["/bin/sh", "-c", $0] } ?? ["/bin/sh", "-c", "exec less -FRX"]
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        let readEnd = fds[0], writeEnd = fds[1]

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        // The pager, not Parley, should get Ctrl-C while it runs; a pager quitting early must
        // not kill Parley with SIGPIPE.
        let oldInterrupt = signal(SIGINT, SIG_IGN)
        let oldPipe = signal(SIGPIPE, SIG_IGN)
        defer {
            signal(SIGINT, oldInterrupt)
            signal(SIGPIPE, oldPipe)
        }
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        close(readEnd)
        guard status == 0 else {
            close(writeEnd)
            return false
        }
        FileOutput.writeAll(writeEnd, text)
        close(writeEnd)
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        return true
    }
}
