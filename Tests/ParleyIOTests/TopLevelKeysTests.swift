import Testing
@testable import ParleyIO

/// The byte scan behind JSON shape detection: the keys of the top-level object only.
@Suite("GraphFormat.topLevelKeys finds the top-level keys of a JSON document")
struct TopLevelKeysTests {
    static func keys(_ text: String) -> [String] { GraphFormat.topLevelKeys(Array(text.utf8)) }

    @Test("keys at depth 1 only, not those of nested objects nor string values")
    func depthOne() {
        #expect(TopLevelKeysTests.keys(#"{"nodes": [{"id": "a", "links": 1}], "graph": {"edges": 2}, "x": "links"}"#)
            == ["nodes", "graph", "x"])
    }

    @Test("a backslash is dropped and the byte after it kept; a quote after a backslash does not end the key")
    func escapes() {
        #expect(TopLevelKeysTests.keys(#"{"li\nks": 1, "a\"b": 2, "c\\": 3}"#) == ["links", "a\"b", "c\\"])
    }

    @Test("non-ASCII keys come out whole")
    func unicode() {
        #expect(TopLevelKeysTests.keys(#"{"東京": 1, "é": {"x": 1}}"#) == ["東京", "é"])
    }

    @Test("a document cut short (the first 64 KiB of a large file) gives the keys seen so far")
    func cutShort() {
        #expect(TopLevelKeysTests.keys(#"{"directed": true, "nodes": [{"id": "a"#) == ["directed", "nodes"])
        #expect(TopLevelKeysTests.keys(#"{"nod"#) == ["nod"])
        #expect(TopLevelKeysTests.keys(#"{"a\"#) == ["a"])
    }

    @Test("no object, no keys")
    func none() {
        #expect(TopLevelKeysTests.keys("") == [])
        #expect(TopLevelKeysTests.keys(#""nodes""#) == [])
        #expect(TopLevelKeysTests.keys("42") == [])
    }
}
