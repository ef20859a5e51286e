import Foundation
import Testing

/// Runs every session example of docs/time.md with the real `parley` binary on the bundled
/// graph.
///
/// A ```` ```parley ARGS ```` block is a script (statements and meta-commands) piped to
/// `parley graphs/astana-2015.json ARGS`; it must exit 0, and the ```` ```text ```` block after
/// it must equal standard output exactly. A ```` ```parley error ARGS ```` block must exit 1, and
/// the text block must equal standard error.
@Suite("docs/time.md examples")
struct TimeDocTests {
    /// One example of the page.
    struct Example: CustomTestStringConvertible, Sendable {
        var line: Int
        var arguments: [String]
        var script: String
        var isError: Bool
        var expected: String?
        var testDescription: String { "docs/time.md:\(line)" }
    }

    static let page = CLIRunner.packageRoot.appendingPathComponent("docs/time.md")
    static let graph = CLIRunner.packageRoot.appendingPathComponent("graphs/astana-2015.json")

    /// Every ```` ```parley ```` block of `text`, with the ```` ```text ```` block after it.
    static func examples(in text: String) -> [Example] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [Example] = []
        var i = 0
        while i < lines.count {
            var words = lines[i].split(separator: " ").map(String.init)
            guard words.first == "```parley" else { i += 1; continue }
            words.removeFirst()
            let isError = words.first == "error"
            if isError { words.removeFirst() }
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
            examples.append(Example(line: start + 1, arguments: words, script: body.joined(separator: "\n") + "\n",
                                    isError: isError, expected: expected))
        }
        return examples
    }

    static let all: [Example] = {
        guard let data = FileManager.default.contents(atPath: page.path) else { return [] }
        return examples(in: String(decoding: data, as: UTF8.self))
    }()

    @Test("the page has session examples, with outputs and a deliberate error")
    func pageHasExamples() {
        #expect(TimeDocTests.all.count >= 5)
        #expect(TimeDocTests.all.contains { $0.isError && $0.expected != nil })
        #expect(TimeDocTests.all.allSatisfy { $0.expected != nil })
    }

    @Test("each example runs as documented", arguments: TimeDocTests.all)
    func example(_ example: Example) throws {
        let outcome = try CLIRunner.run([TimeDocTests.graph.path, "--no-rc"] + example.arguments, input: example.script)
        #expect(outcome.status == (example.isError ? 1 : 0), "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        guard let expected = example.expected else { return }
        let printed = example.isError ? outcome.stderr : outcome.stdout
        #expect(printed == expected + "\n", "output differs from the text block after docs/time.md:\(example.line)")
    }
}
