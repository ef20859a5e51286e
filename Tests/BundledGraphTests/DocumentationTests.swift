import Foundation
import Testing

/// The count table in docs/astana-2015.md: `| `Name` | n |` rows after the `## Counts` heading.
func documentedCounts(_ markdown: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    var inCounts = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("## ") { inCounts = line.hasPrefix("## Counts") }
        guard inCounts, line.hasPrefix("| `") else { continue }
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count >= 2, let n = Int(cells[cells.count - 1]) else { continue }
        counts[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = n
    }
    return counts
}

/// The questions of a `.cypher` file: for each statement, the last `//` comment before it and the statement.
func questions(_ script: String) -> [(question: String, query: String)] {
    var result: [(String, String)] = []
    var comment = ""
    var query = ""
    for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
        let t = line.trimmingCharacters(in: .whitespaces)
        if query.isEmpty, t.hasPrefix("//") { comment = t; continue }
        if t.isEmpty, query.isEmpty { continue }
        query += (query.isEmpty ? "" : "\n") + line
        if t.hasSuffix(";") { result.append((comment, query)); comment = ""; query = "" }
    }
    return result
}

@Suite("The bundled graph's documentation and questions match the graph")
struct DocumentationTests {
    @Test("docs/astana-2015.md counts every label and relationship type correctly")
    func counts() throws {
        let g = try BundledGraph.load("astana-2015.json")
        var actual: [String: Int] = [:]
        for n in g.nodes { for l in n.labels { actual[l, default: 0] += 1 } }
        for e in g.edges { actual[e.type, default: 0] += 1 }
        let documented = documentedCounts(try BundledGraph.text("docs/astana-2015.md"))
        #expect(documented == actual)
    }

    @Test("docs/astana-2015.md documents every label, relationship type and property key")
    func vocabulary() throws {
        let g = try BundledGraph.load("astana-2015.json")
        let doc = try BundledGraph.text("docs/astana-2015.md")
        let tiny = try BundledGraph.load("tiny.json")
        let names = Set(g.nodes.flatMap(\.labels) + g.edges.map(\.type)
            + (g.propertyOwners + tiny.propertyOwners).flatMap { $0.1.keys })
        for name in names.sorted() { #expect(doc.contains("`\(name)`"), "docs/astana-2015.md does not mention `\(name)`") }
    }

    @Test("questions.cypher: at least 15 commented, ordered queries, each with a golden answer in order")
    func questionsHaveAnswers() throws {
        let qs = questions(try BundledGraph.text("graphs/questions.cypher"))
        #expect(qs.count >= 15)
        for q in qs {
            #expect(q.question.hasPrefix("// "), "a query has no question comment: \(q.query)")
            #expect(q.query.contains("ORDER BY"), "not deterministic (no ORDER BY): \(q.query)")
        }
        let expected = try BundledGraph.text("graphs/questions.expected")
        let golden = expected.split(separator: "\n").filter { $0.hasPrefix("// ") }.map(String.init)
        #expect(golden == qs.map(\.question))
    }
}
