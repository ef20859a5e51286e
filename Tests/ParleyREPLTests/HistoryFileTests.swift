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
