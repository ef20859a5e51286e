import Foundation
import Testing
import ParleyGraph
@testable import ParleyIO

/// JSON Graph Format v2: round trips, the written shape, reader errors and format detection.
@Suite("JSON Graph Format")
struct JGFTests {
    @Test("the bundled graph and a graph with every value type round-trip exactly, as strict JSON")
    func roundTrips() throws {
        for g in [try InterchangeSamples.bundled(), try InterchangeSamples.everyValue()] {
            let (bytes, _) = try JGFFormat.text(g)
            #expect(InterchangeSamples.isStrictJSON(bytes))
            let back = try JGFFormat.parse(bytes, name: "g.jgf")
            #expect(GraphFile.serialize(back) == GraphFile.serialize(g))
        }
    }

    @Test("nodes are an object keyed by id; label, relation and metadata carry labels, types and properties")
    func shape() throws {
        let (bytes, notes) = try JGFFormat.text(try InterchangeSamples.everyValue())
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let graph = try #require(doc["graph"] as? [String: Any])
        #expect(graph["directed"] as? Bool == true)
        let nodes = try #require(graph["nodes"] as? [String: [String: Any]])
        #expect(Set(nodes.keys) == ["a", "b 🎉", "c\"<&>", "n3"])
        #expect(nodes["b 🎉"]?["label"] as? String == "Bee")
        let meta = try #require(nodes["a"]?["metadata"] as? [String: Any])
        #expect(meta["labels"] as? [String] == ["Person", "Envoy"])
        #expect(meta["born"] as? String == "2015-05-25")
        #expect((nodes["c\"<&>"]?["metadata"] as? [String: Any])?["labels_"] as? String == "a property called labels")
        let edges = try #require(graph["edges"] as? [[String: Any]])
        #expect(edges[0]["relation"] as? String == "MET")
        #expect(edges[5]["id"] as? String == "e1" && edges[5]["label"] as? String == "L")
        #expect(notes.lines.contains("1 node properties named 'labels' written as 'labels_' (metadata.labels holds the labels; Parley reads them back by their name)"))
    }

    @Test("reads graphs with one graph, v1 node arrays, and edges without a relation")
    func variants() throws {
        let text = """
        {"graphs": [{"nodes": [{"id": "a", "label": "A"}, {"id": "b", "metadata": {"labels": ["L"], "w": 2}}], "edges": [{"source": "a", "target": "b", "directed": true}]}]}
        """
        let g = try JGFFormat.parse(Array(text.utf8), name: "g.jgf")
        #expect(g.nodeCount == 2 && g.relationshipCount == 1)
        #expect(identical(g.property(of: 0, named: "label"), .string("A")))
        #expect(g.labels(of: 1) == ["L"] && identical(g.property(of: 1, named: "w"), .int(2)))
        #expect(g.type(of: 0) == "RELATED")
    }

    @Test("reader errors carry FILE:LINE:COL and name the path", arguments: [
        ("{\"graph\": {\"nodes\": {\"a\": {}},\n  \"edges\": [{\"source\": \"a\", \"target\": \"zz\"}]}}", "g.jgf:2:39: error: graph.edges[0].target: no node has the id \"zz\""),
        ("{\"graph\": {\"nodes\": {\"a\": {}, \"a\": {}}}}", "g.jgf:1:31: error: graph.nodes.a: duplicate node id \"a\" (first defined on line 1)"),
        ("{\"graphs\": [{\"nodes\": {}}, {\"nodes\": {}}]}", "g.jgf:1:28: error: graphs[1]: Parley reads one graph per file"),
        ("{\"graph\": {\"nodes\": {\"a\": {\"kind\": 1}}}}", "g.jgf:1:28: error: graph.nodes.a: unknown key \"kind\": expected \"label\" or \"metadata\""),
        ("{\"graph\": {\"nodes\": {\"a\": {\"metadata\": {\"id\": 1}}}}}", "g.jgf:1:41: error: graph.nodes.a.metadata: \"id\" is the node's id"),
        ("{\"graph\": {\"nodes\": {\"a\": {\"label\": 5}}}}", "g.jgf:1:37: error: graph.nodes.a.label: expected a string but found a number"),
        ("{\"graph\": {\"hyperedges\": []}}", "g.jgf:1:12: error: graph.hyperedges: Parley's relationships join two nodes"),
        ("{\"nodes\": {}}", "g.jgf: error: missing \"graph\""),
    ])
    func errors(text: String, expected: String) {
        let message = InterchangeSamples.error { () throws(GraphFileError) -> GraphStore in try JGFFormat.parse(Array(text.utf8), name: "g.jgf") }
        #expect(message?.hasPrefix(expected) == true, "\(message ?? "no error")")
    }

    @Test("GraphFormat.detect tells node-link, JGF and Parley's JSON apart by shape")
    func detection() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let g = try InterchangeSamples.everyValue()
        let files: [(String, [UInt8], GraphFormat)] = [
            ("nl.json", try NodeLinkFormat.text(g).bytes, .nodeLink),
            ("old.json", Array("{\"nodes\": [], \"links\": []}".utf8), .nodeLink),
            ("jgf.json", try JGFFormat.text(g).bytes, .jgf),
            ("graphs.json", Array("{\"graphs\": []}".utf8), .jgf),
            ("parley.json", GraphFile.serialize(g), .json),
        ]
        for (name, bytes, format) in files {
            let path = folder + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(GraphFormat.detect(reading: path) == format, "\(name)")
        }
        // Interchange.load goes by the detected format.
        let loaded = try Interchange.load(path: folder + "/nl.json")
        #expect(GraphFile.serialize(loaded) == GraphFile.serialize(g))
    }
}
