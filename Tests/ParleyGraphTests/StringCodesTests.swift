import ParleyValues
import Testing
@testable import ParleyGraph

/// What the codes of `key` say each node holds, decoded: the string, "absent" or "other".
private func decoded(_ codes: StringCodes, _ count: Int) -> [String] {
    (0..<count).map { n in
        let c = codes.code(of: n)
        if c == StringCodes.absent { return "absent" }
        if c == StringCodes.notString { return "other" }
        return "s:" + codes.strings[Int(c) - 1]
    }
}

/// What the store itself holds, in the same form.
private func expected(_ g: GraphStore, _ key: Int32, _ count: Int) -> [String] {
    (0..<count).map { n in
        switch g.property(of: n, key) {
        case .null: return "absent"
        case .string(let s): return "s:" + s
        default: return "other"
        }
    }
}

@Suite("Dictionary codes of node string columns")
struct StringCodesTests {
    @Test("codes follow UTF-8 byte order and tell strings, other values and absence apart")
    func codesAndOrder() throws {
        var g = GraphStore()
        // "é" precomposed and decomposed are two strings for Cypher (equal for Swift's ==).
        let values: [Value] = ["b", "a", "é", "e\u{301}", "b", 7, .null, "Z", 2.5, "a"]
        for v in values { _ = try g.addNode(labels: ["T"], properties: v.isNull ? [:] : ["k": v]) }
        let key = try #require(g.keys.id(of: "k"))
        let codes = try #require(g.nodeStringCodes(key))
        #expect(codes.strings == ["Z", "a", "b", "e\u{301}", "é"])
        #expect(codes.strings.map { Array($0.utf8) } == codes.strings.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(decoded(codes, values.count + 3) == expected(g, key, values.count + 3))
        #expect(codes.code(of: 1) == codes.code(of: 9))
        #expect(codes.code(of: 2) != codes.code(of: 3))
        #expect(codes.code(of: -1) == StringCodes.absent)
    }

    @Test("count(below:) counts the distinct strings below or at most a constant")
    func ranks() throws {
        var g = GraphStore()
        for s in ["2014-12-31", "2015-01-01", "2016-06-30", "2015-01-01"] { _ = try g.addNode(properties: ["d": .string(s)]) }
        let key = try #require(g.keys.id(of: "d"))
        let codes = try #require(g.nodeStringCodes(key))
        #expect(codes.count(below: "2015-01-01", inclusive: false) == 1)
        #expect(codes.count(below: "2015-01-01", inclusive: true) == 2)
        #expect(codes.count(below: "2015", inclusive: true) == 1)
        #expect(codes.count(below: "", inclusive: false) == 0)
        #expect(codes.count(below: "9", inclusive: false) == 3)
    }

    @Test("codes are built once and rebuilt after writes, deletes and in copies")
    func invalidation() throws {
        var g = GraphStore()
        var nodes: [NodeID] = []
        for i in 0..<40 { nodes.append(try g.addNode(properties: ["c": .string("c\(i % 5)")])) }
        let key = try #require(g.keys.id(of: "c"))
        #expect(g.nodeKeysTriedForCodes.isEmpty)
        let first = try #require(g.nodeStringCodes(key))
        #expect(g.nodeKeysTriedForCodes == [key])
        #expect(first.strings.count == 5)

        // A copy shares the codes until one of them writes.
        var copy = g
        copy.setNodeProperty(nodes[3], key, "new")
        copy.setNodeProperty(nodes[4], key, 12)
        let copied = try #require(copy.nodeStringCodes(key))
        #expect(decoded(copied, 41) == expected(copy, key, 41))
        #expect(copied.strings.contains("new"))
        let original = try #require(g.nodeStringCodes(key))
        #expect(decoded(original, 41) == expected(g, key, 41))
        #expect(!original.strings.contains("new"))

        // Writes in place, then a delete.
        g.setNodeProperty(nodes[0], key, "aa")
        g.setNodeProperty(nodes[1], key, .null)
        try g.removeNode(nodes[2])
        let later = try #require(g.nodeStringCodes(key))
        #expect(decoded(later, 41) == expected(g, key, 41))
        #expect(later.strings.first == "aa")
        _ = try g.addNode(properties: ["c": "zz"])
        let grown = try #require(g.nodeStringCodes(key))
        #expect(decoded(grown, 42) == expected(g, key, 42))
    }

    @Test("a thousand distinct strings (the table grows) keep their codes and byte order")
    func manyStrings() throws {
        var g = GraphStore()
        var random = SplitMix64(seed: 3)
        for _ in 0..<4 {
            for i in (0..<1000).shuffled(using: &random) { _ = try g.addNode(properties: ["k": .string("v\(i * 7919 % 1000)-\(i % 3 == 0 ? "é" : "e")")]) }
        }
        let key = try #require(g.keys.id(of: "k"))
        let codes = try #require(g.nodeStringCodes(key))
        #expect(codes.strings.count == 1000)
        #expect(codes.strings.map { Array($0.utf8) } == codes.strings.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(decoded(codes, g.nodeCapacity) == expected(g, key, g.nodeCapacity))
    }

    @Test("a column of mostly distinct strings is not coded, nor a key no node has")
    func notWorthCoding() throws {
        var g = GraphStore()
        for i in 0..<(StringCodesCache.maxDistinct(300) + 10) { _ = try g.addNode(properties: ["name": .string("n\(i)")]) }
        let name = try #require(g.keys.id(of: "name"))
        #expect(g.nodeStringCodes(name) == nil)
        #expect(g.nodeStringCodes(g.keys.intern("missing")) == nil)
    }

    @Test("random columns decode to what the store holds, after random writes")
    func randomColumns() throws {
        var random = SplitMix64(seed: 16)
        for round in 0..<20 {
            var g = GraphStore()
            let pool: [Value] = ["x", "y", "ÿ", "y\u{308}", "", "2015-01-01", 3, 1.5, true, ["x"]]
            var nodes: [NodeID] = []
            for _ in 0..<(10 + random.below(60)) {
                let v = random.pick(pool + [.null, .null])
                nodes.append(try g.addNode(properties: v.isNull ? [:] : ["k": v]))
            }
            let key = g.keys.intern("k")
            for _ in 0..<3 {
                if let codes = g.nodeStringCodes(key) {
                    #expect(decoded(codes, g.nodeCapacity + 1) == expected(g, key, g.nodeCapacity + 1), "round \(round)")
                }
                for _ in 0..<random.below(5) {
                    let n = random.pick(nodes)
                    guard g.contains(node: n) else { continue }
                    if random.below(6) == 0 { try g.removeNode(n) } else { g.setNodeProperty(n, key, random.pick(pool + [.null, .string("w\(round)")])) }
                }
            }
        }
    }
}
