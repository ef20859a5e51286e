import ParleyValues
import Testing
@testable import ParleyGraph

/// A small seeded generator (SplitMix64) for reproducible random tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// The simplest possible graph: dictionaries of nodes and relationships. The store must
/// always agree with it.
struct ReferenceGraph {
    var nodes: [NodeID: (labels: Set<String>, properties: [String: Value])] = [:]
    var rels: [RelID: (type: String, start: NodeID, end: NodeID, properties: [String: Value])] = [:]

    func relationships(of node: NodeID) -> [RelID] {
        rels.filter { $0.value.start == node || $0.value.end == node }.map(\.key)
    }

    /// The first disagreement between `g` and the model, or `nil`.
    func difference(from g: GraphStore) -> String? {
        if g.nodeCount != nodes.count { return "nodeCount \(g.nodeCount) vs \(nodes.count)" }
        if g.relationshipCount != rels.count { return "relationshipCount \(g.relationshipCount) vs \(rels.count)" }
        if Set(g.nodeIDs) != Set(nodes.keys) { return "node ids differ" }
        if Set(g.relationshipIDs) != Set(rels.keys) { return "relationship ids differ" }
        for (n, node) in nodes {
            if Set(g.labels(of: n)) != node.labels { return "labels of \(n): \(g.labels(of: n)) vs \(node.labels)" }
            if g.properties(of: n) != node.properties { return "properties of \(n): \(g.properties(of: n)) vs \(node.properties)" }
            for direction in [Direction.outgoing, .incoming] {
                let mine = rels.filter { direction == .outgoing ? $0.value.start == n : $0.value.end == n }
                let all = g.adjacency(of: n, direction)
                if Set(all.map { Int($0.rel) }) != Set(mine.keys) { return "\(direction) adjacency of \(n)" }
                for type in Set(mine.values.map(\.type)) {
                    guard let t = g.types.id(of: type) else { return "type \(type) not interned" }
                    let expected = mine.filter { $0.value.type == type }.map(\.key).sorted()
                    let found = g.adjacency(of: n, direction, type: t)
                    if found.map({ Int($0.rel) }) != expected { return "\(direction) \(type) adjacency of \(n): \(found.map(\.rel)) vs \(expected)" }
                    for e in found where Int(e.other) != (direction == .outgoing ? rels[Int(e.rel)]!.end : rels[Int(e.rel)]!.start) {
                        return "adjacency entry \(e) of \(n) has the wrong other end"
                    }
                }
            }
        }
        for (r, rel) in rels {
            if g.type(of: r) != rel.type || g.startNode(of: r) != rel.start || g.endNode(of: r) != rel.end { return "relationship \(r)" }
            if g.properties(ofRelationship: r) != rel.properties { return "properties of relationship \(r)" }
        }
        for label in Set(nodes.values.flatMap(\.labels)) {
            let expected = nodes.filter { $0.value.labels.contains(label) }.map(\.key).sorted()
            guard let l = g.labels.id(of: label) else { return "label \(label) not interned" }
            if g.nodes(withLabel: l).map(Int.init) != expected { return "label index \(label)" }
            if g.count(ofLabel: l) != expected.count { return "count of label \(label)" }
        }
        for type in Set(rels.values.map(\.type)) {
            if g.count(ofType: g.types.id(of: type)!) != rels.values.filter({ $0.type == type }).count { return "count of type \(type)" }
        }
        let idKey = g.keys.id(of: "id")!
        for id in Set(nodes.values.compactMap { $0.properties["id"] }) {
            let expected = nodes.filter { $0.value.properties["id"] == id }.map(\.key).sorted()
            if g.nodes(whereProperty: idKey, equals: id)?.map(Int.init) != expected { return "id index for \(id)" }
        }
        // Value's hashing is Cypher equivalence, as the index's: `1` and `1.0` are one id.
        let ids = nodes.values.compactMap { $0.properties["id"] }
        if g.isUniquelyIndexed(idKey) != (Set(ids).count == ids.count) { return "uniqueness of id (\(ids))" }
        if g.indexedNodeCount(idKey) != ids.count { return "indexed node count of id" }
        return nil
    }
}

@Suite("GraphStore under random mutation sequences")
struct GraphStoreMutationTests {
    static let labels = ["State", "Person", "Talk", "Org"]
    static let types = ["ATTENDED", "HOSTED", "MEMBER_OF"]
    static let keys = ["id", "name", "born", "weight"]

    static func value(_ rng: inout SplitMix64) -> Value {
        switch rng.below(6) {
        case 0: return .string(rng.pick(["kz", "ru", "cn", "us", "a b"]))  // few values: shared ids
        case 1: return .int(Int64(rng.below(5)))
        case 2: return .double(Double(rng.below(5)))  // 1.0 is equivalent to 1 in the index
        case 3: return .bool(rng.below(2) == 0)
        case 4: return .list([.int(1), .string("x")])
        default: return .null
        }
    }

    /// Runs `steps` random operations on a store and the model, checking after every step.
    func run(seed: UInt64, steps: Int) throws {
        var rng = SplitMix64(seed: seed)
        var g = GraphStore()
        var model = ReferenceGraph()
        for step in 0..<steps {
            let liveNodes = model.nodes.keys.sorted()
            let liveRels = model.rels.keys.sorted()
            let op = rng.below(10)
            switch op {
            case 0...1:
                var props: [String: Value] = [:]
                for k in GraphStoreMutationTests.keys where rng.below(2) == 0 { props[k] = GraphStoreMutationTests.value(&rng) }
                let labels = GraphStoreMutationTests.labels.filter { _ in rng.below(3) == 0 }
                let n = try g.addNode(labels: labels, properties: props)
                model.nodes[n] = (Set(labels), props.filter { !$0.value.isNull })
            case 2 where !liveNodes.isEmpty:
                let n = rng.pick(liveNodes)
                let detach = rng.below(2) == 0
                let attached = model.relationships(of: n)
                if !detach && !attached.isEmpty {
                    #expect(throws: GraphError.nodeHasRelationships(n, count: g.degree(of: n, .both))) { try g.removeNode(n) }
                } else {
                    try g.removeNode(n, detach: detach)
                    for r in attached { model.rels[r] = nil }
                    model.nodes[n] = nil
                }
            case 3...4 where !liveNodes.isEmpty:
                let type = rng.pick(GraphStoreMutationTests.types)
                let s = rng.pick(liveNodes), e = rng.pick(liveNodes)
                var props: [String: Value] = [:]
                if rng.below(2) == 0 { props["weight"] = GraphStoreMutationTests.value(&rng) }
                let r = try g.addRelationship(type: type, from: s, to: e, properties: props)
                model.rels[r] = (type, s, e, props.filter { !$0.value.isNull })
            case 5 where !liveRels.isEmpty:
                let r = rng.pick(liveRels)
                try g.removeRelationship(r)
                model.rels[r] = nil
            case 6 where !liveNodes.isEmpty:
                let n = rng.pick(liveNodes)
                let key = rng.pick(GraphStoreMutationTests.keys), v = GraphStoreMutationTests.value(&rng)
                try g.setProperty(n, key, v)
                if v.isNull { model.nodes[n]!.properties.removeValue(forKey: key) } else { model.nodes[n]!.properties[key] = v }
            case 7 where !liveRels.isEmpty:
                let r = rng.pick(liveRels)
                let key = rng.pick(GraphStoreMutationTests.keys), v = GraphStoreMutationTests.value(&rng)
                try g.setProperty(relationship: r, key, v)
                if v.isNull { model.rels[r]!.properties.removeValue(forKey: key) } else { model.rels[r]!.properties[key] = v }
            case 8 where !liveNodes.isEmpty:
                let n = rng.pick(liveNodes)
                let label = rng.pick(GraphStoreMutationTests.labels)
                if rng.below(2) == 0 {
                    #expect(g.addLabel(n, named: label) == !model.nodes[n]!.labels.contains(label))
                    model.nodes[n]!.labels.insert(label)
                } else {
                    #expect(g.removeLabel(n, named: label) == model.nodes[n]!.labels.contains(label))
                    model.nodes[n]!.labels.remove(label)
                }
            case 9 where liveNodes.count > 1:
                // Bulk append (the loader's path) interleaved with ordinary mutations.
                let count = 1 + rng.below(4)
                var types: [Int32] = [], starts: [Int32] = [], ends: [Int32] = []
                var names: [String] = []
                for _ in 0..<count {
                    let name = rng.pick(GraphStoreMutationTests.types)
                    names.append(name)
                    types.append(g.internType(name))
                    starts.append(Int32(rng.pick(liveNodes)))
                    ends.append(Int32(rng.pick(liveNodes)))
                }
                let base = g.relationshipCapacity
                try g.appendRelationships(types: types, starts: starts, ends: ends)
                for i in 0..<count { model.rels[base + i] = (names[i], Int(starts[i]), Int(ends[i]), [:]) }
            default:
                // Operations on ids that do not exist must fail without changing anything.
                let dead = g.nodeCapacity + 3
                #expect(throws: GraphError.noSuchNode(dead)) { try g.setProperty(dead, "x", 1) }
                #expect(throws: GraphError.noSuchRelationship(g.relationshipCapacity)) { try g.removeRelationship(g.relationshipCapacity) }
            }
            let problem = g.checkConsistency()
            #expect(problem == nil, "step \(step) (op \(op)): \(problem ?? "")")
            #expect(g.nodeCount == model.nodes.count && g.relationshipCount == model.rels.count, "step \(step)")
            if problem != nil { return }
            if step % 20 == 0 || step == steps - 1 {
                let diff = model.difference(from: g)
                #expect(diff == nil, "step \(step): \(diff ?? "")")
                if diff != nil { return }
            }
        }
    }

    @Test("index consistency and counts hold after every step (seeded)", arguments: [1, 2, 3, 42] as [UInt64])
    func randomSequence(seed: UInt64) throws {
        try run(seed: seed, steps: 400)
    }
}
