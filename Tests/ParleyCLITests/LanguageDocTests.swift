import Foundation
import Testing

/// Runs every example of docs/language.md with the real `parley` binary on the bundled graph, so
/// the language reference cannot drift from the engine.
///
/// A ```` ```cypher ```` block must run with exit status 0; a ```` ```cypher error ```` block must
/// fail with exit status 1. When a ```` ```text ```` block follows (after at most blank lines), it
/// must equal standard output (for `cypher`) or standard error (for `cypher error`) exactly.
@Suite("docs/language.md examples")
struct LanguageDocTests {
    /// One example of the page.
    struct Example: CustomTestStringConvertible, Sendable {
        /// The 1-based line of the example's opening fence.
        var line: Int
        /// The query text, run as `-c`.
        var query: String
        /// Whether the example is a deliberate error (` ```cypher error `).
        var isError: Bool
        /// The text block after it, if any, without its final newline.
        var expected: String?

        var testDescription: String { "docs/language.md:\(line)" }
    }

    /// The page.
    static let page = CLIRunner.packageRoot.appendingPathComponent("docs/language.md")

    /// The bundled graph every example runs on.
    static let graph = CLIRunner.packageRoot.appendingPathComponent("graphs/astana-2015.json")

    /// Every ```` ```cypher ```` block of `text`, with the ```` ```text ```` block after it.
    static func examples(in text: String) -> [Example] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [Example] = []
        var i = 0
        while i < lines.count {
            let fence = lines[i]
            guard fence == "```cypher" || fence == "```cypher error" else { i += 1; continue }
            let start = i
            var body: [String] = []
            i += 1
            while i < lines.count && lines[i] != "```" { body.append(lines[i]); i += 1 }
            i += 1
            var j = i
            while j < lines.count && lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
            var expected: String? = nil
            if j < lines.count && lines[j] == "```text" {
                var output: [String] = []
                j += 1
                while j < lines.count && lines[j] != "```" { output.append(lines[j]); j += 1 }
                expected = output.joined(separator: "\n")
                i = j + 1
            }
            examples.append(Example(line: start + 1, query: body.joined(separator: "\n"),
                                    isError: fence.hasSuffix("error"), expected: expected))
        }
        return examples
    }

    /// The examples of docs/language.md (empty when the page is missing, which a test reports).
    static let all: [Example] = {
        guard let data = FileManager.default.contents(atPath: page.path) else { return [] }
        return examples(in: String(decoding: data, as: UTF8.self))
    }()

    @Test("the page has examples, with outputs and deliberate errors")
    func pageHasExamples() {
        #expect(LanguageDocTests.all.count >= 50)
        #expect(LanguageDocTests.all.contains { $0.isError })
        #expect(LanguageDocTests.all.filter { $0.expected != nil }.count >= 40)
    }

    @Test("the example extractor pairs each query with the text block after it")
    func extractor() {
        let text = "intro\n```cypher\nRETURN 1\n```\n\n```text\nout\n```\n```cypher error\nRETUR\n```\n```cypher\nRETURN 2\n```\nend\n"
        let found = LanguageDocTests.examples(in: text)
        #expect(found.count == 3)
        #expect(found[0].query == "RETURN 1" && found[0].expected == "out" && !found[0].isError && found[0].line == 2)
        #expect(found[1].query == "RETUR" && found[1].isError && found[1].expected == nil)
        #expect(found[2].query == "RETURN 2" && found[2].expected == nil)
    }

    @Test("each example runs as documented", arguments: LanguageDocTests.all)
    func example(_ example: Example) throws {
        let outcome = try CLIRunner.run([LanguageDocTests.graph.path, "-c", example.query, "--no-rc"])
        if example.isError {
            #expect(outcome.status == 1, "expected an error; stdout:\n\(outcome.stdout)")
        } else {
            #expect(outcome.status == 0, "stderr:\n\(outcome.stderr)")
        }
        guard let expected = example.expected else { return }
        let printed = example.isError ? outcome.stderr : outcome.stdout
        let wanted = expected.isEmpty ? "" : expected + "\n"
        #expect(printed == wanted, "output differs from the text block after docs/language.md:\(example.line)")
    }
}
