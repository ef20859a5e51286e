import Testing
@testable import ParleyREPL

/// Long results are written in chunks that end at line ends, so Ctrl-C can stop the printing
/// between two lines.
@Suite("Result printing in chunks")
struct OutputChunkTests {
    @Test("the chunks put together are the text, and every chunk but the last ends a line")
    func chunksEndAtLines() {
        let line = String(repeating: "é", count: 700) + "|\n"
        let text = String(repeating: line, count: 100) + "tail without newline"
        let chunks = Session.chunks(of: text, size: 4096)
        #expect(chunks.count > 1)
        #expect(chunks.joined() == text)
        for chunk in chunks.dropLast() { #expect(chunk.hasSuffix("\n")) }
        #expect(chunks.dropLast().allSatisfy { $0.utf8.count >= 4096 })
    }

    @Test("short text is one chunk; empty text none; one long line stays whole")
    func edgeCases() {
        #expect(Session.chunks(of: "a\nb\n") == ["a\nb\n"])
        #expect(Session.chunks(of: "").isEmpty)
        let long = String(repeating: "x", count: 50_000)
        #expect(Session.chunks(of: long, size: 1000) == [Substring(long)])
    }
}
