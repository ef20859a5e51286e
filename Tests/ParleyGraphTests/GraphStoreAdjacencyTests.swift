import Testing
@testable import ParleyGraph

@Suite("GraphStore adjacency by type, bulk loading and copy-on-write snapshots")
struct GraphStoreAdjacencyTests {
    /// a -KNOWS-> b, a -LIKES-> b, a -KNOWS-> c, b -KNOWS-> a, a -LOOP-> a, in that order.
    func sample() throws -> GraphStore {
        var g = GraphStore()
        for id in ["a", "b", "c"] { try g.addNode(labels: ["N"], properties: ["id": .string(id)]) }
        try g.addRelationship(type: "KNOWS", from: 0, to: 1)
        try g.addRelationship(type: "LIKES", from: 0, to: 1)
        try g.addRelationship(type: "KNOWS", from: 0, to: 2)
        try g.addRelationship(type: "KNOWS", from: 1, to: 0)
        try g.addRelationship(type: "LOOP", from: 0, to: 0)
        return g
    }

    @Test("adjacency by type returns exactly that type's relationships, sorted by id")
    func byType() throws {
        let g = try sample()
        let knows = g.types.id(of: "KNOWS")!, likes = g.types.id(of: "LIKES")!, loop = g.types.id(of: "LOOP")!
        #expect(g.adjacency(of: 0, .outgoing, type: knows).map(\.rel) == [0, 2])
        #expect(g.adjacency(of: 0, .outgoing, type: knows).map(\.other) == [1, 2])
        #expect(g.adjacency(of: 0, .outgoing, type: likes).map(\.rel) == [1])
        #expect(g.adjacency(of: 0, .incoming, type: knows).map(\.rel) == [3])
        #expect(g.adjacency(of: 0, .incoming, type: likes).isEmpty)
        #expect(g.adjacency(of: 0, .outgoing, type: 99).isEmpty)
        #expect(g.adjacency(of: 0, .outgoing).map(\.rel) == [0, 2, 1, 4])  // sorted by (type, rel)
        #expect(g.degree(of: 0, .both) == 6)  // 4 out + 2 in (the loop counts in both)
        #expect(g.degree(of: 0, .both, type: loop) == 2)
        #expect(g.count(ofType: knows) == 3)
        #expect(g.checkConsistency() == nil)
    }

    @Test("removing a relationship updates both ends and the type count")
    func removal() throws {
        var g = try sample()
        try g.removeRelationship(2)
        let knows = g.types.id(of: "KNOWS")!
        #expect(g.adjacency(of: 0, .outgoing, type: knows).map(\.rel) == [0])
        #expect(g.adjacency(of: 2, .incoming).isEmpty)
        #expect(g.count(ofType: knows) == 2)
        try g.removeNode(0, detach: true)
        #expect(g.relationshipCount == 0 && g.nodeCount == 2)
        #expect(g.adjacency(of: 1, .outgoing).isEmpty && g.adjacency(of: 1, .incoming).isEmpty)
        #expect(g.checkConsistency() == nil)
    }

    @Test("degrees of all nodes equal each node's degree, with self-loops, removed relationships and a removed node")
    func allDegrees() throws {
        var g = try sample()
        #expect(g.degrees(.outgoing) == [4, 1, 0])
        #expect(g.degrees(.incoming) == [2, 2, 1])
        #expect(g.degrees(.both) == [5, 3, 1])  // the loop once, as (a)--() matches it once
        try g.addRelationship(type: "LOOP", from: 2, to: 2)
        try g.removeRelationship(1)
        try g.removeNode(1, detach: true)
        try g.addNode(labels: [], properties: [:])
        #expect(g.contains(node: 3) && !g.contains(node: 1))
        for direction in [Direction.outgoing, .incoming, .both] {
            let expected = (0..<g.nodeCapacity).map { n -> Int32 in
                guard g.contains(node: n) else { return 0 }
                let loops = direction == .both ? g.adjacency(of: n, .outgoing).filter { Int($0.other) == n }.count : 0
                return Int32(g.degree(of: n, direction) - loops)
            }
            #expect(g.degrees(direction) == expected, "\(direction)")
        }
        #expect(g.degrees(.both) == [2, 0, 2, 0])
        #expect(GraphStore().degrees(.both).isEmpty)
    }

    /// The same random relationships between `nodes` nodes added one by one to one store and
    /// in one bulk append to another; every `selfLoopEvery`-th relationship is a self-loop.
    static func singleAndBulk(nodes: Int, relationships: Int, typeNames: [String], seed: UInt64, selfLoopEvery: Int? = nil) throws -> (single: GraphStore, bulk: GraphStore) {
        var rng = SplitMix64(seed: seed)
        var single = GraphStore(), bulk = GraphStore()
        for _ in 0..<nodes { _ = single.createNode(); _ = bulk.createNode() }
        var types: [Int32] = [], starts: [Int32] = [], ends: [Int32] = []
        for name in typeNames { _ = single.internType(name); _ = bulk.internType(name) }
        for i in 0..<relationships {
            let t = Int32(rng.below(typeNames.count)), s = Int32(rng.below(nodes))
            let e = selfLoopEvery.map { i % $0 == 0 } == true ? s : Int32(rng.below(nodes))
            _ = single.appendRelationship(type: t, from: Int(s), to: Int(e), sorted: true)
            types.append(t); starts.append(s); ends.append(e)
        }
        try bulk.appendRelationships(types: types, starts: starts, ends: ends)
        return (single, bulk)
    }

    /// Expects every node's adjacency lists and degree to be the same in `a` and `b`.
    static func expectSameAdjacency(_ a: GraphStore, _ b: GraphStore) {
        for n in 0..<a.nodeCount {
            #expect(Array(a.adjacency(of: n, .outgoing)) == Array(b.adjacency(of: n, .outgoing)))
            #expect(Array(a.adjacency(of: n, .incoming)) == Array(b.adjacency(of: n, .incoming)))
            #expect(a.degree(of: n, .both) == b.degree(of: n, .both))
        }
    }

    @Test("bulk append gives the same store as one-by-one appends, whatever the order of types")
    func bulkMatchesSingle() throws {
        let built = try GraphStoreAdjacencyTests.singleAndBulk(nodes: 50, relationships: 2000, typeNames: ["C", "A", "B"], seed: 9)
        let single = built.single
        var bulk = built.bulk
        #expect(bulk.checkConsistency() == nil)
        GraphStoreAdjacencyTests.expectSameAdjacency(bulk, single)
        for t: Int32 in 0..<3 { #expect(bulk.count(ofType: t) == single.count(ofType: t)) }
        // A second bulk append extends the existing lists.
        try bulk.appendRelationships(types: [0, 1], starts: [0, 0], ends: [1, 1])
        #expect(bulk.relationshipCount == 2002 && bulk.checkConsistency() == nil)
        #expect(bulk.adjacency(of: 0, .outgoing, type: 0).last?.rel == 2000)
    }

    @Test("bulk append with an endpoint that is not a live node changes nothing")
    func bulkRejectsDeadNodes() throws {
        var g = GraphStore()
        _ = g.createNode()
        _ = g.createNode()
        try g.removeNode(1)
        #expect(throws: GraphError.noSuchNode(1)) { try g.appendRelationships(types: [0, 0], starts: [0, 0], ends: [0, 1]) }
        #expect(g.relationshipCount == 0 && g.relationshipCapacity == 0 && g.adjacency(of: 0, .outgoing).isEmpty)
    }

    @Test("finishBulkLoad sorts lists appended unsorted")
    func unsortedAppend() throws {
        var g = GraphStore()
        _ = g.createNode()
        _ = g.createNode()
        _ = g.appendRelationship(type: 2, from: 0, to: 1, sorted: false)
        _ = g.appendRelationship(type: 1, from: 0, to: 1, sorted: false)
        g.finishBulkLoad()
        #expect(g.adjacency(of: 0, .outgoing).map(\.type) == [1, 2])
    }

    @Test("a copy is a snapshot: mutating one leaves the other untouched")
    func copyOnWrite() throws {
        let original = try sample()
        var copy = original
        try copy.removeNode(0, detach: true)
        let d = try copy.addNode(labels: ["M"], properties: ["id": "d"])
        try copy.setProperty(1, "name", "Bea")
        try copy.addRelationship(type: "NEW", from: 1, to: d)
        copy.addLabel(2, named: "Extra")
        // The original still has everything it had.
        #expect(original.nodeCount == 3 && original.relationshipCount == 5)
        #expect(original.contains(node: 0) && !original.contains(node: 3))
        #expect(original.properties(of: 1) == ["id": "b"])
        #expect(original.labels(of: 2) == ["N"])
        #expect(original.types.id(of: "NEW") == nil && original.labels.id(of: "M") == nil)
        #expect(original.adjacency(of: 0, .outgoing).count == 4)
        #expect(original.node(withID: "a") == 0 && original.node(withID: "d") == nil)
        #expect(original.checkConsistency() == nil)
        // And the copy has the changes.
        #expect(copy.nodeCount == 3 && copy.relationshipCount == 1)
        #expect(copy.node(withID: "d") == d && copy.node(withID: "a") == nil)
        #expect(copy.checkConsistency() == nil)
    }

    @Test("the id index finds nodes by equivalent values and forgets removed ones")
    func idIndex() throws {
        var g = GraphStore()
        let a = try g.addNode(properties: ["id": "kz"])
        let b = try g.addNode(properties: ["id": 1])
        let c = try g.addNode(properties: ["id": 1.0])
        let idKey = g.keys.id(of: "id")!
        #expect(g.nodes(whereProperty: idKey, equals: "kz") == [Int32(a)])
        #expect(g.nodes(whereProperty: idKey, equals: 1) == [Int32(b), Int32(c)])
        #expect(g.node(withID: "kz") == a)
        try g.setProperty(a, "id", .null)
        #expect(g.nodes(whereProperty: idKey, equals: "kz") == [])
        try g.removeNode(b)
        #expect(g.nodes(whereProperty: idKey, equals: 1) == [Int32(c)])
        #expect(g.nodes(whereProperty: g.internKey("name"), equals: "x") == nil)  // no index on name
        #expect(g.checkConsistency() == nil)
    }

    @Test("filling a property column entity by entity is linear (regression: exact reserveCapacity)")
    func columnGrowth() {
        var columns = PropertyColumns()
        for i in 0..<200_000 { columns.set(i, 0, .int(Int64(i))) }
        #expect(columns.value(199_999, 0) == .int(199_999))
        #expect(columns.count(of: 0) == 200_000)
    }
}
