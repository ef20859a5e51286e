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
    /// Why the history is not kept in the file, as a warning to show once (`history file
    /// 'PATH' is a folder: …`), or nil while the file works.
    public private(set) var problem: String?

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
    /// A missing file is an empty history. A path that cannot serve (a folder, a file that
    /// cannot be read or written, a folder that cannot be created or written) is an empty
    /// history kept in memory, with ``problem`` saying why.
    public init(path: String, limit: Int = 2_000) {
        self.path = path
        self.limit = max(1, limit)
        if let reason = HistoryFile.unusable(path) {
            problem = HistoryFile.warning(path, reason)
            return
        }
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
        if problem == nil {
            do { try append(trimmed) } catch { problem = HistoryFile.warning(path, "it cannot be written") }
        }
        return true
    }

    // MARK: - Checking the path

    /// The warning for `path`: `history file 'PATH' …: history is kept for this session only`.
    static func warning(_ path: String, _ reason: String) -> String {
        "history file '\(path)' cannot be used (\(reason)); history is kept for this session only"
    }

    /// Why `path` cannot hold the history, or nil when it can (or may: a missing file whose
    /// nearest existing folder is writable).
    static func unusable(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "it is a folder" }
            if access(path, R_OK) != 0 { return "it cannot be read: \(String(cString: strerror(errno)))" }
            if access(path, W_OK) != 0 { return "it cannot be written: \(String(cString: strerror(errno)))" }
            return nil
        }
        // Missing: the nearest existing ancestor must be a writable folder.
        var folder = (path as NSString).deletingLastPathComponent
        while true {
            if folder.isEmpty { folder = "." }
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { return "'\(folder)' is not a folder" }
                if access(folder, W_OK | X_OK) != 0 { return "the folder '\(folder)' cannot be written: \(String(cString: strerror(errno)))" }
                return nil
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || folder == "." { return nil }
            folder = parent
        }
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
