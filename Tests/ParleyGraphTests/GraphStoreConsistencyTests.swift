import Testing
@testable import ParleyGraph

/// One way to break a graph's invariants, and the words the check must report it with.
struct Corruption: Sendable, CustomTestStringConvertible {
    let name: String
    let expected: String
    let apply: @Sendable (inout GraphStore) -> Void

    var testDescription: String { name }

    init(_ name: String, _ expected: String, _ apply: @escaping @Sendable (inout GraphStore) -> Void) {
        self.name = name
        self.expected = expected
        self.apply = apply
    }
}

@Suite("GraphStore consistency check catches every kind of inconsistency")
struct GraphStoreConsistencyTests {
    /// a:N, b:N:M, c:M, d (deleted); a -KNOWS-> b, a -LIKES-> b, b -KNOWS-> c, c -KNOWS-> c,
    /// and one deleted relationship.
    static func sample() throws -> GraphStore {
        var g = GraphStore()
        try g.addNode(labels: ["N"], properties: ["id": "a", "score": 1])
        try g.addNode(labels: ["N", "M"], properties: ["id": "b"])
        try g.addNode(labels: ["M"], properties: ["id": "c"])
        let d = try g.addNode(labels: ["M"], properties: ["id": "d"])
        try g.addRelationship(type: "KNOWS", from: 0, to: 1)
        try g.addRelationship(type: "LIKES", from: 0, to: 1)
        try g.addRelationship(type: "KNOWS", from: 1, to: 2)
        try g.addRelationship(type: "KNOWS", from: 2, to: 2)
        let gone = try g.addRelationship(type: "LIKES", from: 2, to: 0)
        try g.removeRelationship(gone)
        try g.removeNode(d)
        return g
    }

    static let corruptions: [Corruption] = [
        Corruption("node count off", "nodeCount") { $0.nodeCount += 1 },
        Corruption("relationship count off", "relationshipCount") { $0.relationshipCount -= 1 },
        Corruption("type count off", "type counts") { $0.typeCounts[0] += 1 },
        Corruption("relationship type without a count", "has no count") { $0.relTypes[0] = 9 },
        Corruption("node arrays of different lengths", "node arrays disagree") { $0.incoming.append([]) },
        Corruption("relationship arrays of different lengths", "relationship arrays disagree") { $0.relEnds.removeLast() },
        Corruption("deleted node keeps a label", "deleted node 3 still has labels") { $0.nodeLabelSets[3] = [1] },
        Corruption("deleted node keeps an adjacency entry", "deleted node 3 still has adjacency") {
            $0.outgoing[3] = [AdjacencyEntry(type: 0, rel: 0, other: 1)]
        },
        Corruption("label set unsorted", "label set of node 1 unsorted") { $0.nodeLabelSets[1] = [1, 0] },
        Corruption("label set repeats a label", "label set of node 1 unsorted") { $0.nodeLabelSets[1] = [0, 0] },
        Corruption("node missing from its label index", "node 1 has label N but is missing") { $0.labelIndex[0] = [0] },
        Corruption("label index lists a node without the label", "label index N lists node 2 wrongly") { $0.labelIndex[0] = [0, 1, 2] },
        Corruption("label index lists a deleted node", "label index M lists node 3 wrongly") { $0.labelIndex[1].append(3) },
        Corruption("label index lists a node that does not exist", "label index M lists node 40 wrongly") { $0.labelIndex[1].append(40) },
        Corruption("label index unsorted", "label index N unsorted") { $0.labelIndex[0] = [1, 0] },
        Corruption("label index repeats a node", "label index N unsorted") { $0.labelIndex[0] = [0, 0, 1] },
        Corruption("outgoing entry with the wrong end", "outgoing entry") { $0.outgoing[0][0].other = 2 },
        Corruption("outgoing entry with the wrong type", "outgoing entry") { $0.outgoing[1][0].type = 1 },
        Corruption("outgoing entry of a deleted relationship", "outgoing entry") {
            $0.outgoing[2].append(AdjacencyEntry(type: 1, rel: 4, other: 0))
        },
        Corruption("outgoing entry of a relationship that does not exist", "outgoing entry") {
            $0.outgoing[2].append(AdjacencyEntry(type: 1, rel: 99, other: 0))
        },
        Corruption("incoming entry with the wrong start", "incoming entry") { $0.incoming[2][0].other = 0 },
        Corruption("incoming entry in the wrong node's list", "incoming entry") {
            $0.incoming[0].append(AdjacencyEntry(type: 0, rel: 0, other: 0))
        },
        Corruption("relationship missing from the outgoing list", "relationship 2 missing from outgoing of 1") { $0.outgoing[1] = [] },
        Corruption("relationship missing from the incoming list", "relationship 0 missing from incoming of 1") {
            $0.incoming[1].removeAll { $0.rel == 0 }
        },
        Corruption("adjacency unsorted", "adjacency of node 0 unsorted") { $0.outgoing[0].reverse() },
        Corruption("adjacency repeats an entry", "adjacency of node 0 unsorted") { $0.outgoing[0].insert($0.outgoing[0][0], at: 0) },
        Corruption("relationship to a deleted node", "relationship 2 dangles") {
            $0.relEnds[2] = 3
            $0.outgoing[1][0].other = 3
            $0.incoming[2] = [AdjacencyEntry(type: 0, rel: 3, other: 2)]
        },
        Corruption("node missing from a property index", "node 1 missing from index on id") {
            $0.propertyIndexes[$0.keys.id(of: "id")!]!.entries[.string("b")] = nil
        },
        Corruption("property index lists a node under the wrong value", "index on id lists node 2") {
            $0.propertyIndexes[$0.keys.id(of: "id")!]!.entries[.string("b")] = .many([1, 2])
        },
        Corruption("property index lists a deleted node", "index on id lists node 3") {
            $0.propertyIndexes[$0.keys.id(of: "id")!]!.entries[.string("d")] = .one(3)
        },
        Corruption("property index posting unsorted", "index on id unsorted") {
            $0.propertyIndexes[$0.keys.id(of: "id")!]!.entries[.string("b")] = .many([1, 1])
        },
        Corruption("property value changed without the index", "index on id lists node 0") {
            $0.nodeProperties.set(0, $0.keys.id(of: "id")!, .string("z"))
        },
    ]

    @Test("the untouched sample graph is consistent")
    func sampleIsConsistent() throws {
        #expect(try GraphStoreConsistencyTests.sample().checkConsistency() == nil)
    }

    @Test("each corruption is reported", arguments: corruptions)
    func reported(_ corruption: Corruption) throws {
        var g = try GraphStoreConsistencyTests.sample()
        corruption.apply(&g)
        let problem = g.checkConsistency()
        #expect(problem?.contains(corruption.expected) == true, "got: \(problem ?? "nil")")
    }

    @Test("a large graph built one mutation at a time and in bulk is consistent")
    func largeGraph() throws {
        var g = GraphStore()
        let label = g.internLabel("Person"), key = g.internKey("id")
        for i in 0..<20_000 {
            let n = g.createNode()
            g.addLabel(n, label)
            g.setNodeProperty(n, key, .string("p\(i)"))
        }
        let type = g.internType("KNOWS")
        let starts = (0..<40_000).map { Int32($0 % 20_000) }, ends = (0..<40_000).map { Int32(($0 * 7 + 1) % 20_000) }
        try g.appendRelationships(types: Array(repeating: type, count: 40_000), starts: starts, ends: ends)
        #expect(g.checkConsistency() == nil)
    }
}
