import ParleyValues
import Testing
@testable import ParleyGraph

/// What a loader reading on two threads relies on: a large bulk append (its two directions
/// built on two threads) and joining another store's relationship properties.
@Suite struct BulkLoadJoinTests {
    @Test func aBulkAppendLargeEnoughForTwoThreadsEqualsOneByOneAppends() throws {
        var rng = SplitMix64(seed: 21)
        var single = GraphStore(), bulk = GraphStore()
        for _ in 0..<300 { _ = single.createNode(); _ = bulk.createNode() }
        for name in ["B", "A"] { _ = single.internType(name); _ = bulk.internType(name) }
        var types: [Int32] = [], starts: [Int32] = [], ends: [Int32] = []
        for i in 0..<70_000 {
            let t = Int32(rng.next() % 2), s = Int32(rng.next() % 300)
            let e = i % 50 == 0 ? s : Int32(rng.next() % 300)  // some self-loops
            _ = single.appendRelationship(type: t, from: Int(s), to: Int(e), sorted: true)
            types.append(t); starts.append(s); ends.append(e)
        }
        try bulk.appendRelationships(types: types, starts: starts, ends: ends)
        #expect(bulk.checkConsistency() == nil)
        for n in 0..<300 {
            #expect(Array(bulk.adjacency(of: n, .outgoing)) == Array(single.adjacency(of: n, .outgoing)))
            #expect(Array(bulk.adjacency(of: n, .incoming)) == Array(single.adjacency(of: n, .incoming)))
            #expect(bulk.degree(of: n, .both) == single.degree(of: n, .both))
        }
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
