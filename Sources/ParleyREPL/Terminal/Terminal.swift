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
enum Pager {
    /// Shows `text` through the pager; returns false if it could not be started.
    static func show(_ text: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let pager = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 }
        if let pager, pager != "less" {
            process.arguments = ["sh", "-c", pager]
        } else {
            process.arguments = ["less", "-FRX"]
        }
        let pipe = Pipe()
        process.standardInput = pipe
        // The pager, not Parley, should get Ctrl-C while it runs.
        let old = signal(SIGINT, SIG_IGN)
        let oldPipe = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGINT, old); signal(SIGPIPE, oldPipe) }
        do { try process.run() } catch { return false }
        _ = FileOutput.writeAll(pipe.fileHandleForWriting.fileDescriptor, text)
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}
