import Foundation
@testable import ParleyREPL
import Testing

/// A fresh directory for one test's history file.
private func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-history-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("History file: persisted, bounded, one entry per statement")
struct HistoryFileTests {
    @Test("entries survive reopening, multi-line statements stay one entry")
    func roundTrip() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/nested/dir/history"
        var history = HistoryFile(path: path)
        history.add("MATCH (n)\nWHERE n.name = 'a\\b'\nRETURN n;")
        history.add(":schema")
        let reopened = HistoryFile(path: path)
        #expect(reopened.entries == ["MATCH (n)\nWHERE n.name = 'a\\b'\nRETURN n;", ":schema"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
    }

    @Test("each statement is appended at once (a killed session loses nothing)")
    func appendsImmediately() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/history"
        var history = HistoryFile(path: path)
        history.add("RETURN 1;")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "RETURN 1;\n")
        history.add("RETURN 'Астана';")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "RETURN 1;\nRETURN 'Астана';\n")
    }

    @Test("blank entries and repeats of the newest entry are not added")
    func deduplicatesNeighbours() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var history = HistoryFile(path: directory + "/history")
        let added = [
            history.add("RETURN 1;"), history.add("RETURN 1;"), history.add("  RETURN 1;\n"),
            history.add("   "), history.add("RETURN 2;"), history.add("RETURN 1;"),
        ]
        #expect(added == [true, false, false, false, true, true])
        #expect(history.entries == ["RETURN 1;", "RETURN 2;", "RETURN 1;"])
    }

    @Test("opening trims the file to the newest entries, rewriting it")
    func trimsOnOpen() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/history"
        var history = HistoryFile(path: path, limit: 100)
        for i in 1...30 { history.add("RETURN \(i);") }
        let trimmed = HistoryFile(path: path, limit: 10)
        #expect(trimmed.entries == (21...30).map { "RETURN \($0);" })
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.first == "RETURN 21;")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(leftovers == ["history"])
    }

    @Test("the path is PARLEY_HISTORY, else under XDG_STATE_HOME, else under ~/.local/state")
    func defaultPath() {
        #expect(HistoryFile.defaultPath(environment: ["PARLEY_HISTORY": "/tmp/h", "HOME": "/home/a"]) == "/tmp/h")
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == "/s/parley/history")
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"]) == "/home/a/.local/state/parley/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }

    @Test("an escaped entry decodes to itself")
    func encoding() {
        for entry in ["a\\nb", "line1\nline2", "back\\\\slash", "tab\tand\r"] {
            #expect(HistoryFile.decode(Substring(HistoryFile.encode(entry))) == entry)
            #expect(!HistoryFile.encode(entry).contains("\n"))
        }
    }
}

@Suite("History file paths that cannot be used: a warning, and history in memory")
struct HistoryFileProblemTests {
    @Test("a folder: the problem names the path and says it is a folder; entries still work in memory")
    func folder() throws {
        let directory = try temporaryDirectory()
        var history = HistoryFile(path: directory)
        #expect(history.problem == "history file '\(directory)' cannot be used (it is a folder); history is kept for this session only")
        let added = history.add("RETURN 1;")
        #expect(added && history.entries == ["RETURN 1;"])
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test("a path under a file: the problem says the parent is not a folder")
    func underAFile() throws {
        let directory = try temporaryDirectory()
        let file = directory + "/plain"
        try "x\n".write(toFile: file, atomically: true, encoding: .utf8)
        let history = HistoryFile(path: file + "/history")
        #expect(history.problem?.contains("'\(file)' is not a folder") == true)
    }

    @Test("a usable path, existing or not, has no problem")
    func usable() throws {
        let directory = try temporaryDirectory()
        #expect(HistoryFile(path: directory + "/new/deeper/history").problem == nil)
        var history = HistoryFile(path: directory + "/history")
        history.add("RETURN 1;")
        #expect(HistoryFile(path: directory + "/history").problem == nil)
    }

    @Test("unreadable and unwritable files and folders are problems (not checkable as root)", .enabled(if: geteuid() != 0))
    func permissions() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/history"
        try "RETURN 1;\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o200)
        #expect(HistoryFile(path: path).problem?.contains("it cannot be read") == true)
        chmod(path, 0o400)
        #expect(HistoryFile(path: path).problem?.contains("it cannot be written") == true)
        chmod(directory, 0o500)
        #expect(HistoryFile(path: directory + "/other").problem?.contains("cannot be written") == true)
        chmod(directory, 0o700)
    }
}
