#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ParleyIO

/// The persisted statement history: one entry per line, newest last, size-bounded.
///
/// An entry is a whole statement and may span several lines; inside the file a newline is
/// written as `\n` and a backslash as `\\`, so every entry is one line. Each statement is
/// appended as soon as it is entered (a killed session loses nothing); the file is rewritten,
/// atomically, only to trim it to `limit` entries when it is opened.
public struct HistoryFile: Sendable {
    /// Where the entries are stored.
    public let path: String
    /// The most entries kept.
    public let limit: Int
    /// The entries, oldest first.
    public private(set) var entries: [String] = []

    /// The default history path: `$PARLEY_HISTORY`, else `$XDG_STATE_HOME/parley/history`,
    /// else `~/.local/state/parley/history`; nil when none can be found.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["PARLEY_HISTORY"], !explicit.isEmpty { return explicit }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/parley/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/parley/history"
    }

    /// Opens the history at `path`, reading its entries and trimming it to `limit` entries.
    /// A missing file is an empty history; unreadable files are treated the same way.
    public init(path: String, limit: Int = 2_000) {
        self.path = path
        self.limit = max(1, limit)
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let text = String(decoding: data, as: UTF8.self)
        var loaded: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let entry = Self.decode(line)
            if entry.isEmpty || loaded.last == entry { continue }
            loaded.append(entry)
        }
        let needsRewrite = loaded.count > self.limit
        if needsRewrite { loaded.removeFirst(loaded.count - self.limit) }
        entries = loaded
        if needsRewrite { try? rewrite() }
    }

    /// Adds `entry` as the newest entry and appends it to the file, unless it is blank or
    /// equal to the newest entry. Returns whether it was added.
    @discardableResult
    public mutating func add(_ entry: String) -> Bool {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, entries.last != trimmed else { return false }
        entries.append(trimmed)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        try? append(trimmed)
        return true
    }

    // MARK: - File format

    /// `entry` as one line of the file (without the newline).
    static func encode(_ entry: String) -> String {
        var out = ""
        out.reserveCapacity(entry.utf8.count)
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The entry written as `line`.
    static func decode(_ line: Substring) -> String {
        var out = ""
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped {
                switch scalar {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - Writing

    /// Creates the directory that holds the file.
    private func makeDirectory() throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }

    /// Appends one encoded entry with a single `write`, so concurrent sessions interleave whole lines.
    private func append(_ entry: String) throws {
        try makeDirectory()
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HistoryFileError.cannotWrite(path) }
        defer { close(fd) }
        guard FileOutput.writeAll(fd, Self.encode(entry) + "\n") else { throw HistoryFileError.cannotWrite(path) }
    }

    /// Replaces the file with the current entries through ``AtomicFile`` (temporary file,
    /// fsync, rename); a new history file is private to the user (0600).
    private func rewrite() throws {
        try makeDirectory()
        var text = ""
        for entry in entries { text += Self.encode(entry) + "\n" }
        do {
            try AtomicFile.write(text, to: path, newFileMode: 0o600)
        } catch {
            throw HistoryFileError.cannotWrite(path)
        }
    }
}

/// Why the history file could not be written (history keeps working in memory).
enum HistoryFileError: Error {
    case cannotWrite(String)
}
