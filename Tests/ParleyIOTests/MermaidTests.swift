import Testing
import ParleyGraph
@testable import ParleyIO

/// Mermaid diagrams: shapes, escaping and the size notes.
@Suite("Mermaid")
struct MermaidTests {
    @Test("a small graph: header, shapes by label, safe ids, escaped captions, typed edges")
    func small() throws {
        var g = GraphStore()
        let a = try g.addNode(labels: ["State"], properties: ["id": .string("kz"), "name": .string("Kazakhstan")])
        let t = try g.addNode(labels: ["Talk"], properties: ["id": .string("end"), "name": .string(InterchangeSamples.awkward)])
        let x = try g.addNode(properties: ["id": .string("x y")])
        _ = try g.addRelationship(type: "HOSTED", from: a, to: t)
        _ = try g.addRelationship(type: "a|b", from: x, to: x)
        let text = String(decoding: MermaidWriter.text(g).bytes, as: UTF8.self)
        #expect(text == """
        %% Parley: 3 nodes, 2 relationships
        %% shapes: State rounded, Talk hexagon
        graph LR
          n0("Kazakhstan")
          n1{{"quote #quot; apostrophe ' backslash \\ newline<br> tab  #lt;tag#gt; #38; amp #35;hash #124;bar#124; é Ω 中 🎉"}}
          n2["x y"]
          n0 -->|"HOSTED"| n1
          n2 -->|"a#124;b"| n2

        """)
    }

    @Test("a big graph is written whole, with notes about Mermaid's limits")
    func big() throws {
        var g = GraphStore()
        for i in 0..<400 { try g.addNode(labels: ["N"], properties: ["id": .string("n\(i)")]) }
        for i in 0..<600 { _ = try g.addRelationship(type: "R", from: i % 400, to: (i * 7) % 400) }
        let (bytes, notes) = MermaidWriter.text(g)
        #expect(String(decoding: bytes, as: UTF8.self).components(separatedBy: "-->").count == 601)
        #expect(notes.lines.contains("400 nodes in one diagram: Mermaid lays out more than a few hundred poorly (export a query's result instead)"))
        #expect(notes.lines.contains("600 relationships, above Mermaid's default limit of 500 (maxEdges): GitHub shows an error instead of the diagram"))
    }
}
