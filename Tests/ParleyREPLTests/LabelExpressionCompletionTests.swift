import ParleyGraph
@testable import ParleyREPL
import Testing

/// Completion inside label and type expressions (`:A|B`, `:A&!B`, `:(R|S)`) and FOREACH.
@Suite("Completer: label expressions and FOREACH")
struct LabelExpressionCompletionTests {
    private func completer() throws -> Completer {
        var graph = GraphStore()
        let kz = try graph.addNode(labels: ["State"], properties: ["name": .string("Kazakhstan")])
        let p = try graph.addNode(labels: ["Person"], properties: ["name": .string("Ann")])
        _ = try graph.addNode(labels: ["Process"], properties: [:])
        _ = try graph.addRelationship(type: "VISITED", from: p, to: kz)
        _ = try graph.addRelationship(type: "VETOED", from: p, to: kz)
        let context = CompletionContext(graph: graph, parameterNames: [], metaCommands: [":help"], pendingText: "")
        return Completer(context: context, workingDirectory: nil)
    }

    @Test("labels after |, & and ! in a node pattern and in WHERE")
    func labels() throws {
        #expect(try completer().complete("MATCH (n:State|P").candidates == ["Person", "Process"])
        #expect(try completer().complete("MATCH (n:State&!P").candidates == ["Person", "Process"])
        #expect(try completer().complete("MATCH (n:(State|Pe").candidates == ["Person"])
        #expect(try completer().complete("MATCH (n) WHERE n:State|Pr").candidates == ["Process"])
    }

    @Test("types after !, & and ( in a relationship pattern")
    func types() throws {
        #expect(try completer().complete("MATCH ()-[r:!V").candidates == ["VETOED", "VISITED"])
        #expect(try completer().complete("MATCH ()-[r:(VISITED|VE").candidates == ["VETOED"])
    }

    @Test("FOREACH is offered, and its variable completes in the body; its | is not a label position")
    func foreach() throws {
        #expect(try completer().complete("FORE").candidates == ["FOREACH"])
        #expect(try completer().complete("FOREACH (item IN [1] | CREATE (:State {v: it").candidates == ["item"])
        #expect(!(try completer().complete("FOREACH (x IN [1] | P").candidates.contains("Person")))
    }
}
