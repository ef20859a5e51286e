import ParleyGraph
import Testing
@testable import ParleyIO

@Suite("Loading valid graph files")
struct GraphFileLoadTests {
    @Test("the brief's example loads with labels, properties, ids and the edge")
    func example() throws {
        let g = try parse("""
            {"nodes": [{"id": "kz", "labels": ["State"], "properties": {"name": "Kazakhstan"}},
                       {"id": "astana-2015", "labels": ["Talk"]}],
             "edges": [{"source": "kz", "target": "astana-2015", "type": "HOSTED", "properties": {"date": "2015-05-25"}}]}
            """)
        #expect(g.nodeCount == 2)
        #expect(g.relationshipCount == 1)
        let kz = try #require(g.node(withID: "kz"))
        let talk = try #require(g.node(withID: "astana-2015"))
        #expect(g.labels(of: kz) == ["State"])
        #expect(g.property(of: kz, named: "name") == "Kazakhstan")
        #expect(g.property(of: kz, named: "id") == "kz")
        #expect(g.startNode(of: 0) == kz)
        #expect(g.endNode(of: 0) == talk)
        #expect(g.type(of: 0) == "HOSTED")
        #expect(g.property(of: 0, relationshipKeyNamed: "date") == "2015-05-25")
        #expect(g.checkConsistency() == nil)
    }

    @Test("the generator's compact layout loads as is (no spaces, empty properties, one record per line)")
    func generatorLayout() throws {
        let text = """
            {"nodes":[
            {"id":"s0","labels":["State"],"properties":{"name":"Kaloria 0","population":1234567}},
            {"id":"p0","labels":["Person"],"properties":{"name":"Anna Berg","born":1960,"role":"envoy"}},
            {"id":"t0","labels":["Talk"],"properties":{"name":"Kalo Talks #0","date":"2015-05-25","city":"Kalo City"}}
            ],"edges":[
            {"source":"p0","target":"t0","type":"ATTENDED","properties":{"weight":0.437}},
            {"source":"s0","target":"t0","type":"HOSTED","properties":{}},
            {"source":"p0","target":"s0","type":"MEMBER_OF","properties":{"since":1999}}
            ]}

            """
        let g = try parse(text)
        #expect(g.nodeCount == 3 && g.relationshipCount == 3)
        #expect(identical(g.property(of: 0, named: "population"), .int(1_234_567)))
        #expect(identical(g.property(of: 0, relationshipKeyNamed: "weight"), .double(0.437)))
        #expect(identical(g.property(of: 2, relationshipKeyNamed: "since"), .int(1999)))
        #expect(g.properties(ofRelationship: 1).isEmpty)
        let p0 = try #require(g.node(withID: "p0"))
        let attended = try #require(g.types.id(of: "ATTENDED"))
        #expect(g.adjacency(of: p0, .outgoing, type: attended).map(\.rel) == [0])
        #expect(g.degree(of: p0, .outgoing) == 2)
        #expect(g.checkConsistency() == nil)
    }

    @Test("property values keep their JSON types: ints stay ints, floats stay floats, null is skipped")
    func valueTypes() throws {
        let g = try parse("""
            {"nodes": [{"id": "a", "properties": {
              "i": 42, "neg": -7, "min": -9223372036854775808, "max": 9223372036854775807,
              "f": 1.0, "e": 2.5e3, "small": 1E-3, "negzero": -0.0, "long": 3.14159265358979323846,
              "t": true, "fa": false, "nothing": null, "s": "x",
              "list": [1, 2.5, "three", true, null], "empty": []}}]}
            """)
        let v = { (k: String) in g.property(of: 0, named: k) }
        #expect(identical(v("i"), .int(42)))
        #expect(identical(v("neg"), .int(-7)))
        #expect(identical(v("min"), .int(Int64.min)))
        #expect(identical(v("max"), .int(Int64.max)))
        #expect(identical(v("f"), .double(1.0)))
        #expect(identical(v("e"), .double(2500)))
        #expect(identical(v("small"), .double(0.001)))
        #expect(identical(v("negzero"), .double(-0.0)))
        #expect(identical(v("long"), .double(3.141592653589793)))
        #expect(identical(v("t"), .bool(true)))
        #expect(identical(v("fa"), .bool(false)))
        #expect(g.properties(of: 0)["nothing"] == nil)
        #expect(identical(v("list"), .list([.int(1), .double(2.5), .string("three"), .bool(true), .null])))
        #expect(identical(v("empty"), .list([])))
    }

    @Test("floats parse to the nearest double, on the fast path and off it")
    func floatAccuracy() throws {
        let cases = ["0.1", "0.437", "123456.789", "1e22", "1e23", "2.2250738585072014e-308", "4.9e-324",
                     "1.7976931348623157e308", "0.30000000000000004", "9007199254740993.0", "123456789012345678901234567890.0"]
        let text = "{\"nodes\": [{\"id\": \"a\", \"properties\": {" +
            cases.enumerated().map { "\"k\($0.offset)\": \($0.element)" }.joined(separator: ", ") + "}}]}"
        let g = try parse(text)
        for (i, c) in cases.enumerated() {
            #expect(identical(g.property(of: 0, named: "k\(i)"), .double(Double(c)!)), "\(c)")
        }
    }

    @Test("strings decode every escape, surrogate pairs and raw UTF-8")
    func strings() throws {
        let g = try parse(#"{"nodes": [{"id": "ü-\u00e9", "properties": {"s": "q\"b\\s\/n\nt\tr\rb\bf\f", "u": "\u0041\ud83d\ude00 ☃ 😀", "z": "\u0000"}}]}"#)
        #expect(g.node(withID: "ü-é") == 0)
        #expect(g.property(of: 0, named: "s") == .string("q\"b\\s/n\nt\tr\rb\u{8}f\u{C}"))
        #expect(g.property(of: 0, named: "u") == .string("A😀 ☃ 😀"))
        #expect(g.property(of: 0, named: "z") == .string("\u{0}"))
    }

    @Test("labels and properties may be absent; an empty object is an empty graph")
    func optionalParts() throws {
        let g = try parse(#"{"nodes": [{"id": "a"}, {"id": "b", "labels": [], "properties": {}}], "edges": []}"#)
        #expect(g.nodeCount == 2 && g.labels(of: 0).isEmpty && g.properties(of: 1) == ["id": "b"])
        let empty = try parse(" {} \n")
        #expect(empty.nodeCount == 0 && empty.relationshipCount == 0)
    }

    @Test("several labels keep their order; a repeated label counts once")
    func labels() throws {
        let g = try parse(#"{"nodes": [{"id": "a", "labels": ["Person", "Envoy", "Person"]}, {"id": "b", "labels": ["Envoy"]}]}"#)
        #expect(g.labels(of: 0) == ["Person", "Envoy"])
        #expect(g.nodes(withLabel: g.labels.id(of: "Envoy")!) == [0, 1])
    }

    @Test("an edge id is kept as the relationship property id")
    func edgeID() throws {
        let g = try parse(#"{"nodes": [{"id": "a"}], "edges": [{"id": "e1", "source": "a", "target": "a", "type": "SELF"}, {"source": "a", "target": "a", "type": "SELF", "id": 7}]}"#)
        #expect(g.property(of: 0, relationshipKeyNamed: "id") == "e1")
        #expect(identical(g.property(of: 1, relationshipKeyNamed: "id"), .int(7)))
        #expect(g.degree(of: 0, .both) == 4)
    }

    @Test("edges may come before nodes, and keys may come in any order")
    func edgesFirst() throws {
        let g = try parse(#"{"edges": [{"type": "KNOWS", "properties": {"w": 1}, "target": "b", "source": "a"}], "nodes": [{"properties": {"x": 1}, "id": "a"}, {"id": "b"}]}"#)
        #expect(g.relationshipCount == 1 && g.startNode(of: 0) == 0 && g.endNode(of: 0) == 1)
        #expect(identical(g.property(of: 0, relationshipKeyNamed: "w"), .int(1)))
        #expect(g.checkConsistency() == nil)
    }

    @Test("top-level meta and $schema are allowed and ignored, whatever they hold")
    func metaIgnored() throws {
        let g = try parse(#"{"$schema": "https://example.org/graph.schema.json", "meta": {"source": ["a", {"b": null}], "n": 1.5e2}, "nodes": [{"id": "a"}]}"#)
        #expect(g.nodeCount == 1)
    }

    @Test("a byte order mark and CRLF line ends are accepted")
    func bomAndCRLF() throws {
        let g = try GraphFile.parse([0xEF, 0xBB, 0xBF] + Array("{\r\n\"nodes\": [{\"id\": \"a\"}]\r\n}\r\n".utf8), name: "g.json")
        #expect(g.nodeCount == 1)
    }

    @Test("many nodes with long and short ids are all found from edges (the hash table grows)")
    func manyNodes() throws {
        let n = 5000
        var text = "{\"nodes\": ["
        for i in 0..<n { text += (i > 0 ? "," : "") + "{\"id\": \"\(i % 2 == 0 ? "n" : "a-rather-long-node-identifier-")\(i)\"}" }
        text += "], \"edges\": ["
        for i in 0..<n { text += (i > 0 ? "," : "") + "{\"source\": \"\(i % 2 == 0 ? "n" : "a-rather-long-node-identifier-")\(i)\", \"target\": \"n\((i * 7919 % n) / 2 * 2)\", \"type\": \"T\(i % 3)\"}" }
        text += "]}"
        let g = try parse(text)
        #expect(g.nodeCount == n && g.relationshipCount == n)
        // Target before source, in batches.
        var reversed = "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"edges\": ["
        for i in 0..<n { reversed += (i > 0 ? "," : "") + (i % 3 == 0 ? #"{"target": "b", "source": "a", "type": "T"}"# : #"{"source": "b", "target": "a", "type": "T"}"#) }
        let r = try parse(reversed + "]}")
        for i in [0, 1, 2, 3, 4095, 4096, 4097, 4998, 4999] {
            #expect(r.startNode(of: i) == (i % 3 == 0 ? 0 : 1) && r.endNode(of: i) == (i % 3 == 0 ? 1 : 0))
        }
        for i in stride(from: 0, to: n, by: 97) {
            #expect(g.startNode(of: i) == i)
            #expect(g.endNode(of: i) == (i * 7919 % n) / 2 * 2)
        }
        #expect(g.checkConsistency() == nil)
    }

    @Test("load(path:) reads a file from disk")
    func loadFromDisk() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        writeFile(folder + "/g.json", Array(#"{"nodes": [{"id": "a", "labels": ["X"]}]}"#.utf8))
        let g = try GraphFile.load(path: folder + "/g.json")
        #expect(g.nodeCount == 1 && g.labels(of: 0) == ["X"])
    }
}
