@testable import ParleyREPL
import Testing

/// Feeds `text` to `search` key by key; returns the last outcome.
@discardableResult
private func type(_ text: String, into search: inout HistorySearch) -> HistorySearch.Outcome {
    var outcome = HistorySearch.Outcome.continueSearch
    for scalar in text.unicodeScalars { outcome = search.handle(scalar.value) }
    return outcome
}

@Suite("History search (Ctrl-R): incremental, backwards, any script")
struct HistorySearchTests {
    let entries = ["RETURN 1;", "MATCH (n)\nWHERE n.name = 'Астана'\nRETURN n;", "RETURN 'short';", "MATCH (m) RETURN m;"]

    @Test("typing finds the newest entry containing the pattern, Cyrillic included")
    func incremental() {
        var search = HistorySearch(entries: entries)
        type("RET", into: &search)
        #expect(search.match == "MATCH (m) RETURN m;")
        var cyrillic = HistorySearch(entries: entries)
        type("Аст", into: &cyrillic)
        #expect(cyrillic.match == entries[1])
        #expect(cyrillic.prompt == "(reverse-i-search)`Аст': ")
    }

    @Test("Ctrl-R again steps to older matches and stays on the oldest when there are no more")
    func older() {
        var search = HistorySearch(entries: entries)
        type("RETURN", into: &search)
        #expect(search.matchIndex == 3)
        #expect(search.handle(0x12) == .continueSearch)
        #expect(search.matchIndex == 2)
        _ = search.handle(0x12)
        _ = search.handle(0x12)
        #expect(search.matchIndex == 0)
        _ = search.handle(0x12)
        #expect(search.matchIndex == 0)
        #expect(search.failed)
    }

    @Test("a pattern that matches nothing keeps the last match and says it failed")
    func failing() {
        var search = HistorySearch(entries: entries)
        type("short", into: &search)
        #expect(search.match == "RETURN 'short';")
        type("x", into: &search)
        #expect(search.failed)
        #expect(search.match == "RETURN 'short';")
        #expect(search.prompt.hasPrefix("(failed reverse-i-search)"))
        _ = search.handle(0x7F)
        #expect(!search.failed)
        #expect(search.pattern == "short")
    }

    @Test("Enter accepts, Ctrl-G cancels, Ctrl-C interrupts, other keys finish")
    func endings() {
        var search = HistorySearch(entries: entries)
        #expect(search.handle(0x0D) == .accept)
        #expect(search.handle(0x07) == .cancel)
        #expect(search.handle(0x03) == .interrupt)
        #expect(search.handle(0x1B) == .finish)
        #expect(search.handle(0x01) == .finish)
    }

    @Test("Ctrl-R on an empty pattern reuses the previous search's pattern")
    func previousPattern() {
        var search = HistorySearch(entries: entries, previousPattern: "MATCH")
        _ = search.handle(0x12)
        #expect(search.pattern == "MATCH")
        #expect(search.match == "MATCH (m) RETURN m;")
    }
}
