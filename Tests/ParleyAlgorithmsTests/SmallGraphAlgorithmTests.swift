import ParleyAlgorithms
import ParleyGraph
import ParleyValues
import Testing

/// A graph from `(start, end)` pairs of node names; nodes are made in the order of `names`.
private func graph(_ names: [String], _ pairs: [(String, String)]) throws -> GraphStore {
    var g = GraphStore()
    var ids: [String: NodeID] = [:]
    for name in names { ids[name] = try g.addNode(properties: ["id": .string(name)]) }
    for (a, b) in pairs { try g.addRelationship(type: "R", from: ids[a]!, to: ids[b]!) }
    return g
}

/// The neighbours of node `u` in `lists`.
private func neighbours(_ lists: Adjacency, _ u: Int) -> [Int32] {
    Array(lists.targets[lists.range(u)])
}

/// ParleyAlgorithms on small graphs whose answers are known by hand (NetworkX's definitions).
@Suite("ParleyAlgorithms on small graphs")
struct SmallGraphAlgorithmTests {
    @Test("the simple lists drop parallel relationships and self-loops; degree counts every end")
    func simpleLists() throws {
        // a→b twice, b→a, a→a, b→c
        let view = try GraphView(try graph(["a", "b", "c"], [("a", "b"), ("a", "b"), ("b", "a"), ("a", "a"), ("b", "c")]))
        let simple = view.simpleAdjacency(.both)
        #expect(neighbours(simple, 0) == [1])
        #expect(neighbours(simple, 1) == [0, 2])
        #expect(neighbours(simple, 2) == [1])
        #expect(neighbours(view.simpleAdjacency(.outgoing), 0) == [1])
        #expect(neighbours(view.simpleAdjacency(.incoming), 0) == [1])
        // G.degree() of the MultiDiGraph: the self-loop counts twice.
        #expect(Degree.counts(view, .both) == [5, 4, 1])
        #expect(Degree.counts(view, .outgoing) == [3, 2, 0])
        #expect(Degree.counts(view, .incoming) == [2, 2, 1])
    }

    @Test("betweenness on a path a–b–c–d: 2/3 normalised, 2 raw; 1/3 along the direction")
    func betweennessOnPath() throws {
        let view = try GraphView(try graph(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "d")]))
        let both = view.simpleAdjacency(.both)
        let normalized = try Betweenness.scores(forward: both, backward: both, directed: false, normalized: true)
        #expect(zip(normalized, [0, 2.0 / 3, 2.0 / 3, 0]).allSatisfy { abs($0 - $1) < 1e-15 })
        let raw = try Betweenness.scores(forward: both, backward: both, directed: false, normalized: false)
        #expect(raw == [0, 2, 2, 0])
        let out = view.simpleAdjacency(.outgoing), into = view.simpleAdjacency(.incoming)
        let directed = try Betweenness.scores(forward: out, backward: into, directed: true, normalized: true)
        #expect(zip(directed, [0, 1.0 / 3, 1.0 / 3, 0]).allSatisfy { abs($0 - $1) < 1e-15 })
        // Every node as a sample is the whole computation.
        let sampled = try Betweenness.scores(forward: both, backward: both, directed: false, normalized: true, sources: [3, 1, 0, 2])
        #expect(zip(sampled, normalized).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    @Test("closeness and harmonic on a star seen from its centre and from a leaf")
    func closenessOnStar() throws {
        // c→x, c→y, c→z: outward, the centre reaches three nodes at distance 1.
        let view = try GraphView(try graph(["c", "x", "y", "z"], [("c", "x"), ("c", "y"), ("c", "z")]))
        let both = try Closeness.closeness(view.simpleAdjacency(.both), wfImproved: true)
        #expect(both[0] == 1)
        #expect(abs(both[1] - 3.0 / 5) < 1e-15)  // distances 1, 2, 2
        let out = try Closeness.closeness(view.simpleAdjacency(.outgoing), wfImproved: true)
        #expect(out == [1, 0, 0, 0])
        // Reaching 1 of 3 other nodes at distance 1: 1/1 scaled by 1/3 (wfImproved), or not.
        let into = try Closeness.closeness(view.simpleAdjacency(.incoming), wfImproved: true)
        #expect(zip(into, [0, 1.0 / 3, 1.0 / 3, 1.0 / 3]).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(try Closeness.closeness(view.simpleAdjacency(.incoming), wfImproved: false) == [0, 1, 1, 1])
        #expect(try Closeness.harmonic(view.simpleAdjacency(.both), checkpoint: .never) == [3, 2, 2, 2])
    }

    @Test("core numbers: a 4-clique with a tail and an isolated node")
    func cores() throws {
        let pairs = [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("e", "e")]
        let view = try GraphView(try graph(["a", "b", "c", "d", "e", "f"], pairs))
        #expect(try KCore.coreNumbers(view.simpleAdjacency(.both)) == [3, 3, 3, 3, 1, 0])
        let simple = view.simpleAdjacency(.both)
        let triangles = try Triangles.counts(simple)
        #expect(triangles == [3, 3, 3, 3, 0, 0])
        #expect(Triangles.clustering(simple, triangles: triangles) == [1, 1, 1, 0.5, 0, 0])
    }

    @Test("bridges and cut points: a parallel pair is no bridge; a self-loop changes nothing")
    func biconnectivity() throws {
        // a–b once, b–c twice (one each way), c–c
        let view = try GraphView(try graph(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "b"), ("c", "c")]))
        let result = try Biconnectivity.run(view.adjacency(.both))
        #expect(result.bridges == [0])
        #expect(result.isArticulationPoint == [false, true, false])
    }

    @Test("components are numbered by their first node; SCCs follow directions")
    func components() throws {
        #expect(Components.numbered([3, 3, 1, 4, 1]) == [0, 0, 1, 2, 1])
        // a⇄b, b→c, d alone
        let view = try GraphView(try graph(["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("b", "c")]))
        #expect(try Components.weak(view) == [0, 0, 0, 1])
        #expect(try Components.strong(view) == [0, 0, 1, 2])
    }
}
