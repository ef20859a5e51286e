import ParleyGraph
import Testing


@Suite("Side effects by diffing the graph")
struct SideEffectsTests {
    private func effects(_ graph: GraphStore, _ change: (inout GraphStore) throws -> Void) rethrows -> SideEffects {
        var after = graph
        try change(&after)
        return SideEffects(from: GraphSnapshot(graph), to: GraphSnapshot(after))
    }

    @Test("creating nodes counts nodes, distinct new labels and property triples")
    func create() throws {
        let e = try effects(GraphStore()) { g in
            try g.addNode(labels: ["B", "A", "D"], properties: ["num": 1])
            try g.addNode(labels: ["B", "C"])
            try g.addNode(labels: ["D", "E", "B"])
        }
        #expect(e == SideEffects(counts: ["+nodes": 3, "+labels": 5, "+properties": 1]))
        let twice = try effects(GraphStore()) { g in
            try g.addNode(labels: ["Label"])
            try g.addNode(labels: ["Label"])
        }
        #expect(twice == SideEffects(counts: ["+nodes": 2, "+labels": 1]), "CREATE (:Label), (:Label) is +labels 1")
    }

    @Test("changing a value is -1 and +1; setting the same value is nothing; removing is -1")
    func properties() throws {
        var g = GraphStore()
        let n = try g.addNode(labels: ["A"], properties: ["name": "Andres", "keep": 1])
        #expect(try effects(g) { try $0.setProperty(n, "name", "Michael") } == SideEffects(counts: ["+properties": 1, "-properties": 1]))
        #expect(try effects(g) { try $0.setProperty(n, "name", "Andres") } == .none)
        #expect(try effects(g) { try $0.setProperty(n, "name", .null) } == SideEffects(counts: ["-properties": 1]))
        #expect(try effects(g) { try $0.setProperty(n, "keep", 1.0) } == SideEffects(counts: ["+properties": 1, "-properties": 1]), "1 → 1.0 changes the value's type")
    }

    @Test("labels count distinct names in use: removing a label still on another node counts nothing")
    func labels() throws {
        var g = GraphStore()
        let a = try g.addNode(labels: ["N"]), b = try g.addNode(labels: ["N", "M"])
        #expect(effects(g) { $0.removeLabel(a, named: "N") } == .none)
        #expect(effects(g) { $0.removeLabel(b, named: "M") } == SideEffects(counts: ["-labels": 1]))
        #expect(effects(g) {
            $0.removeLabel(a, named: "N")
            $0.removeLabel(b, named: "N")
        } == SideEffects(counts: ["-labels": 1]))
    }

    @Test("detach delete counts the node, its relationships, its last label and its properties")
    func detachDelete() throws {
        var g = GraphStore()
        let x = try g.addNode(labels: ["X"], properties: ["num": 42])
        for _ in 0..<3 { try g.addRelationship(type: "R", from: x, to: try g.addNode(), properties: ["w": 1]) }
        let e = try effects(g) { try $0.removeNode(x, detach: true) }
        #expect(e == SideEffects(counts: ["-nodes": 1, "-relationships": 3, "-labels": 1, "-properties": 4]))
        #expect(e.description == "-nodes 1, -relationships 3, -labels 1, -properties 4")
    }

    @Test("no change is no side effects")
    func nothing() throws {
        var g = GraphStore()
        try g.addNode(labels: ["A"], properties: ["k": [1, 2]])
        #expect(effects(g) { _ in } == .none)
        #expect(SideEffects.none.description == "none")
    }
}
