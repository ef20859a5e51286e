import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import Testing

/// The golden answers of graphs/questions.expected: per question, its comment line, the column
/// header and the rows, each row a ` | `-separated list of Cypher literals.
func expectedAnswers(_ text: String) -> [(question: String, lines: [String])] {
    var blocks: [(String, [String])] = []
    for block in text.components(separatedBy: "\n\n") {
        let lines = block.split(separator: "\n").map(String.init)
        guard let first = lines.first, first.hasPrefix("//") else { continue }
        blocks.append((first, Array(lines.dropFirst())))
    }
    return blocks
}

@Suite("The bundled graph answers its questions")
struct QuestionsTests {
    @Test("every query in graphs/questions.cypher runs on the real engine and gives its golden answer")
    func questionsGiveTheirAnswers() throws {
        let graph = try GraphFile.load(path: BundledGraph.packageRoot.appendingPathComponent("graphs/astana-2015.json").path)
        let asked = questions(try BundledGraph.text("graphs/questions.cypher"))
        let answers = expectedAnswers(try BundledGraph.text("graphs/questions.expected"))
        #expect(asked.count == answers.count)
        var engine = QueryEngine(graph: graph)
        for (q, a) in zip(asked, answers) {
            #expect(q.question == a.question)
            let result: QueryResult
            do { result = try engine.run(q.query) } catch {
                Issue.record("\(q.question): \(error)")
                continue
            }
            var lines = [result.columns.joined(separator: " | ")]
            for row in result.rows {
                lines.append(row.map { $0.cypherLiteral(in: engine.graph) }.joined(separator: " | "))
            }
            #expect(lines == a.lines, "\(q.question)")
        }
        #expect(engine.graph.nodeCount == graph.nodeCount, "the questions only read")
    }
}
