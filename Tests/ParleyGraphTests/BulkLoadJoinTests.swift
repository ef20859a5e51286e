import ParleyValues
import Testing
@testable import ParleyGraph

/// What a loader reading on two threads relies on: a large bulk append (its two directions
/// built on two threads) and joining another store's relationship properties.
@Suite struct BulkLoadJoinTests {
    @Test func aBulkAppendLargeEnoughForTwoThreadsEqualsOneByOneAppends() throws {
        let (single, bulk) = try GraphStoreAdjacencyTests.singleAndBulk(nodes: 300, relationships: 70_000, typeNames: ["B", "A"], seed: 21, selfLoopEvery: 50)
        #expect(bulk.checkConsistency() == nil)
        GraphStoreAdjacencyTests.expectSameAdjacency(bulk, single)
    }

    @Test func joinedPropertiesMatchKeysByNameAndAreMovedOut() {
        var here = GraphStore(), there = GraphStore()
        let w = here.keys.intern("w"), note = here.keys.intern("note")
        for r in 0..<3 { here.setRelationshipProperty(r, w, .double(Double(r))) }
        here.setRelationshipProperty(1, note, .string("first half"))
        // The other store knows the keys in another order, and one more.
        let late = there.keys.intern("late"), note2 = there.keys.intern("note"), w2 = there.keys.intern("w")
        let long = String(repeating: "a string long enough to live on the heap ", count: 3)
        for r in 0..<4 { there.setRelationshipProperty(r, w2, .double(Double(10 + r))) }
        there.setRelationshipProperty(0, note2, .string(long))
        there.setRelationshipProperty(3, late, .bool(true))
        here.appendRelationshipProperties(of: &there, at: 3)
        #expect(here.keys.names == ["id", "w", "note", "late"])  // "id" is every store's first key
        let lateHere = here.keys.id(of: "late")!
        #expect((0..<7).map { here.property(of: $0, relationshipKey: w) } == [0, 1, 2, 10, 11, 12, 13].map { Value.double($0) })
        #expect((0..<7).map { here.property(of: $0, relationshipKey: note) } == [.null, .string("first half"), .null, .string(long), .null, .null, .null])
        #expect((0..<7).map { here.property(of: $0, relationshipKey: lateHere) } == [.null, .null, .null, .null, .null, .null, .bool(true)])
        // The values were moved: the other store's columns hold nulls now.
        #expect((0..<4).allSatisfy { there.property(of: $0, relationshipKey: w2).isNull && there.property(of: $0, relationshipKey: note2).isNull })
    }
}
