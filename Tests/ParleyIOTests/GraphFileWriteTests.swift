import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyIO

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Writing graph files: format, round trips, atomic save")
struct GraphFileWriteTests {
    static let sample = #"""
        {"meta": {"note": "ignored"},
         "nodes": [
          {"id": "kz", "labels": ["State"], "properties": {"name": "Kazakhstan", "population": 19000000, "area": 2724900.0}},
          {"id": "astana-2015", "labels": ["Talk", "Postponed"], "properties": {"date": "2015-05-25", "tags": ["a", 1, 2.5, true]}},
          {"id": "q\"uote\\d\n\u0001", "properties": {"zeta": false, "alpha": -0.0, "mid": 1e300}},
          {"id": "bare"}
         ],
         "edges": [
          {"source": "kz", "target": "astana-2015", "type": "HOSTED", "properties": {"date": "2015-05-25"}},
          {"id": "e2", "source": "astana-2015", "target": "kz", "type": "ABOUT"},
          {"source": "bare", "target": "bare", "type": "SELF", "properties": {"w": 1.0, "n": 1}}
         ]}
        """#

    @Test("the output is one node or edge per line, keys sorted, floats with a point")
    func format() throws {
        let g = try parse(GraphFileWriteTests.sample)
        let text = String(decoding: GraphFile.serialize(g), as: UTF8.self)
        #expect(text == #"""
            {
              "nodes": [
                {"id": "kz", "labels": ["State"], "properties": {"area": 2724900.0, "name": "Kazakhstan", "population": 19000000}},
                {"id": "astana-2015", "labels": ["Talk", "Postponed"], "properties": {"date": "2015-05-25", "tags": ["a", 1, 2.5, true]}},
                {"id": "q\"uote\\d\n\u0001", "properties": {"alpha": -0.0, "mid": 1e+300, "zeta": false}},
                {"id": "bare"}
              ],
              "edges": [
                {"source": "kz", "target": "astana-2015", "type": "HOSTED", "properties": {"date": "2015-05-25"}},
                {"source": "astana-2015", "target": "kz", "type": "ABOUT", "id": "e2"},
                {"source": "bare", "target": "bare", "type": "SELF", "properties": {"n": 1, "w": 1.0}}
              ]
            }

            """#)
    }

    @Test("load → serialize → load gives the same graph, and serializing again gives the same bytes")
    func roundTrip() throws {
        let g1 = try parse(GraphFileWriteTests.sample)
        let bytes1 = GraphFile.serialize(g1)
        let g2 = try GraphFile.parse(bytes1, name: "round.json")
        #expect(difference(g1, g2) == nil)
        #expect(GraphFile.serialize(g2) == bytes1)
    }

    @Test("an empty graph round-trips")
    func emptyGraph() throws {
        let bytes = GraphFile.serialize(GraphStore())
        #expect(String(decoding: bytes, as: UTF8.self) == "{\n  \"nodes\": [],\n  \"edges\": []\n}\n")
        #expect(try GraphFile.parse(bytes, name: "e.json").nodeCount == 0)
    }

    @Test("a random graph built through the store API round-trips exactly")
    func randomRoundTrip() throws {
        var rng = SplitMix64(seed: 7)
        var g = GraphStore()
        let labels = ["A", "B", "C", "Ünï", "with space"]
        let keys = ["k1", "k2", "name", "émoji😀", "x\"y"]
        for i in 0..<300 {
            var props: [String: Value] = ["id": .string("n\(i)")]
            for k in keys where rng.next() % 3 == 0 { props[k] = randomValue(&rng) }
            let chosen = labels.filter { _ in rng.next() % 4 == 0 }
            try g.addNode(labels: chosen, properties: props)
        }
        for _ in 0..<1000 {
            var props: [String: Value] = [:]
            for k in keys where rng.next() % 4 == 0 { props[k] = randomValue(&rng) }
            try g.addRelationship(type: ["R", "S", "T"][Int(rng.next() % 3)], from: Int(rng.next() % 300), to: Int(rng.next() % 300), properties: props)
        }
        for r in stride(from: 0, to: 1000, by: 7) { try g.removeRelationship(r) }
        let bytes = GraphFile.serialize(g)
        let g2 = try GraphFile.parse(bytes, name: "r.json")
        #expect(g2.nodeCount == g.nodeCount && g2.relationshipCount == g.relationshipCount)
        #expect(GraphFile.serialize(g2) == bytes)
        // Relationship ids are renumbered on reload (deleted ones leave no gap); compare in order.
        let rels1 = Array(g.relationshipIDs), rels2 = Array(g2.relationshipIDs)
        for (a, b) in zip(rels1, rels2) {
            #expect(g.type(of: a) == g2.type(of: b) && g.startNode(of: a) == g2.startNode(of: b) && g.endNode(of: a) == g2.endNode(of: b))
            let p1 = g.properties(ofRelationship: a), p2 = g2.properties(ofRelationship: b)
            #expect(p1.count == p2.count && p1.allSatisfy { identical($0.value, p2[$0.key] ?? .null) })
        }
        for n in g.nodeIDs {
            let p1 = g.properties(of: n), p2 = g2.properties(of: n)
            #expect(p1.count == p2.count && p1.allSatisfy { identical($0.value, p2[$0.key] ?? .null) })
            #expect(Set(g.labels(of: n)) == Set(g2.labels(of: n)))
        }
    }

    @Test("nodes without a usable string id get a fresh one; the original non-string id is not kept")
    func generatedIDs() throws {
        var g = GraphStore()
        try g.addNode(properties: ["id": "n1"])  // internal 0
        try g.addNode()  // internal 1: no id -> "n1" is taken, so "n1_"
        try g.addNode(properties: ["id": 5])  // internal 2: non-string id -> "n2"
        try g.addNode(properties: ["id": "n1"])  // internal 3: duplicate -> "n3"
        try g.addRelationship(type: "T", from: 1, to: 3)
        let text = String(decoding: GraphFile.serialize(g), as: UTF8.self)
        #expect(text.contains(#"{"id": "n1_"}"#))
        #expect(text.contains(#"{"id": "n2"}"#))
        #expect(text.contains(#"{"source": "n1_", "target": "n3", "type": "T"}"#))
        let g2 = try GraphFile.parse(Array(text.utf8), name: "g.json")
        #expect(g2.nodeCount == 4 && g2.startNode(of: 0) == 1 && g2.endNode(of: 0) == 3)
    }

    @Test("save writes the file atomically and leaves no temporary file; saving again is byte-stable")
    func save() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let path = folder + "/kz.json"
        let g = try parse(GraphFileWriteTests.sample)
        try GraphFile.save(g, to: path)
        let first = try #require(readFile(path))
        #expect(first == GraphFile.serialize(g))
        let reloaded = try GraphFile.load(path: path)
        #expect(difference(g, reloaded) == nil)
        try GraphFile.save(reloaded, to: path)
        #expect(readFile(path) == first)
        #expect(listFolder(folder) == ["kz.json"])
    }

    @Test("save keeps the existing file's permissions")
    func keepsMode() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let path = folder + "/kz.json"
        writeFile(path, Array("old".utf8))
        chmod(path, 0o600)
        try GraphFile.save(GraphStore(), to: path)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test("a failed save leaves the old file untouched")
    func failedSave() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let path = folder + "/kz.json"
        writeFile(path, Array("old contents".utf8))
        var g = GraphStore()
        let n = try g.addNode(properties: ["id": "a"])
        try g.setProperty(n, "bad", .double(.nan))
        do {
            try GraphFile.save(g, to: path)
            Issue.record("saved a NaN")
        } catch {
            #expect(error.description == "\(path): error: cannot save: node 'a' property 'bad' is NaN, which JSON cannot hold")
        }
        #expect(readFile(path) == Array("old contents".utf8))
        #expect(listFolder(folder) == ["kz.json"])
    }

    @Test("saving into a missing folder or onto a directory fails with a clear message")
    func saveErrors() throws {
        do {
            try GraphFile.save(GraphStore(), to: "/nonexistent-folder/kz.json")
            Issue.record("saved into a missing folder")
        } catch {
            #expect(error.description == "/nonexistent-folder/kz.json: error: cannot write the file: no such file or directory (creating a temporary file in /nonexistent-folder)")
        }
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        do {
            try GraphFile.save(GraphStore(), to: folder)
            Issue.record("saved onto a directory")
        } catch {
            #expect(error.description == "\(folder): error: cannot write the file: it is a directory")
        }
    }

    @Test("floats are printed so they reload as the same float")
    func floatFormatting() throws {
        for d in [1.0, -2.0, 0.1, 1e16, 1.5e-7, 123456789.125, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude] {
            let text = GraphWriter.format(d)
            #expect(text.contains(".") || text.contains("e"), "\(text)")
            let g = try parse("{\"nodes\": [{\"id\": \"a\", \"properties\": {\"f\": \(text)}}]}")
            #expect(identical(g.property(of: 0, named: "f"), .double(d)), "\(text)")
        }
    }
}

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
}

/// A random storable property value.
func randomValue(_ rng: inout SplitMix64) -> Value {
    switch rng.next() % 6 {
    case 0: return .int(Int64(bitPattern: rng.next()))
    case 1: return .double(Double(Int64(bitPattern: rng.next() % 2_000_000) - 1_000_000) / 1024)
    case 2: return .bool(rng.next() % 2 == 0)
    case 3: return .string(["", "a", "ü", "line\nbreak", "tab\t\"q\"", "😀 emoji", "\u{1}"][Int(rng.next() % 7)])
    case 4: return .list([.int(1), .string("x"), .double(0.5)])
    default: return .double(Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF))
    }
}
