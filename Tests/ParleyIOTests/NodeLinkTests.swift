import Foundation
import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyIO

/// NetworkX node-link JSON: round trips, the written shape, escaping and reader errors.
@Suite("NetworkX node-link JSON")
struct NodeLinkTests {
    func roundTrip(_ g: GraphStore) throws -> (GraphStore, [UInt8], ExportNotes) {
        let (bytes, notes) = try NodeLinkFormat.text(g)
        return (try NodeLinkFormat.parse(bytes, name: "g.json"), bytes, notes)
    }

    @Test("the bundled graph round-trips exactly, and the text is strict JSON")
    func bundled() throws {
        let g = try InterchangeSamples.bundled()
        let (back, bytes, _) = try roundTrip(g)
        #expect(difference(g, back) == nil)
        #expect(InterchangeSamples.isStrictJSON(bytes))
        #expect(GraphFile.serialize(back) == GraphFile.serialize(g))
    }

    @Test("every value type, parallel relationships, self-loops and reserved names round-trip exactly")
    func everyValue() throws {
        let g = try InterchangeSamples.everyValue()
        let (back, bytes, notes) = try roundTrip(g)
        #expect(InterchangeSamples.isStrictJSON(bytes))
        // The node without an id gets one; everything else is as it was.
        #expect(GraphFile.serialize(back) == GraphFile.serialize(g))
        #expect(notes.lines.contains { $0.hasPrefix("1 nodes without a unique string id") })
        #expect(notes.lines.contains { $0.hasSuffix("properties named as node-link's own keys (labels, source, target, key, type) written with '_' appended (Parley reads them back by their names)") && $0.hasPrefix("5 ") })
        #expect(notes.lines.contains { $0.contains("temporal values written as ISO 8601 text") })
    }

    @Test("the document is what NetworkX reads by default: directed multigraph, edges with keys, marker in graph")
    func shape() throws {
        let (bytes, _) = try NodeLinkFormat.text(try InterchangeSamples.everyValue())
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(doc["directed"] as? Bool == true)
        #expect(doc["multigraph"] as? Bool == true)
        let edges = try #require(doc["edges"] as? [[String: Any]])
        #expect(doc["links"] == nil)
        #expect(edges.map { $0["key"] as? Int } == [0, 1, 2, 0, 0, 1, 0])
        #expect(edges[0]["type"] as? String == "MET")
        #expect(edges[4]["source_"] as? String == "s")
        let marker = try #require((doc["graph"] as? [String: Any])?["parley"] as? [String: Any])
        #expect((marker["propertyTypes"] as? [String: String])?["born"] == "date")
        #expect((marker["renamed"] as? [String: [String: String]])?["edges"]?["source_"] == "source")
        let nodes = try #require(doc["nodes"] as? [[String: Any]])
        #expect(nodes[0]["name"] as? String == InterchangeSamples.awkward)
        #expect(nodes[0]["labels"] as? [String] == ["Person", "Envoy"])
        #expect(nodes[1]["born"] as? String == "1980")
    }

    @Test("NetworkX's own output reads: number ids kept in nx_id, links, no type, integer keys dropped")
    func readsNetworkX() throws {
        let text = """
        {"directed": true, "multigraph": true, "graph": {"name": "g"}, "nodes": [{"w": 1.5, "id": 1}, {"id": "x", "labels": ["A"]}, {"id": -2}],
         "links": [{"k": [1, 2], "source": 1, "target": "x", "key": 0}, {"source": 1, "target": "x", "key": 1, "type": "T"}, {"source": -2, "target": -2, "key": "named"}]}
        """
        let g = try NodeLinkFormat.parse(Array(text.utf8), name: "g.json")
        #expect(g.nodeCount == 3 && g.relationshipCount == 3)
        #expect(identical(g.property(of: 0, named: "id"), .string("1")))
        #expect(identical(g.property(of: 0, named: "nx_id"), .int(1)))
        #expect(identical(g.property(of: 2, named: "nx_id"), .int(-2)))
        #expect(g.labels(of: 1) == ["A"])
        #expect(g.type(of: 0) == "RELATED" && g.type(of: 1) == "T")
        #expect(g.property(of: 0, relationshipKeyNamed: "key").isNull)
        #expect(identical(g.property(of: 2, relationshipKeyNamed: "key"), .string("named")))
        // Written again, the number ids are numbers.
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(try NodeLinkFormat.text(g).bytes)) as? [String: Any])
        let nodes = try #require(doc["nodes"] as? [[String: Any]])
        #expect(nodes[0]["id"] as? Int == 1 && nodes[0]["nx_id"] == nil && nodes[1]["id"] as? String == "x")
    }

    @Test("edges may come before nodes, and the marker after them")
    func anyOrder() throws {
        let text = """
        {"edges": [{"source": "a", "target": "b"}], "nodes": [{"id": "a", "d": "2015-05-25"}, {"id": "b"}], "graph": {"parley": {"propertyTypes": {"d": "date"}}}}
        """
        let g = try NodeLinkFormat.parse(Array(text.utf8), name: "g.json")
        #expect(g.relationshipCount == 1)
        #expect(identical(g.property(of: 0, named: "d"), .temporal(.date(try CypherDate(year: 2015, month: 5, day: 25)))))
    }

    @Test("reader errors carry FILE:LINE:COL and name the path", arguments: [
        ("{\"nodes\": [{\"id\": \"a\"}],\n \"links\": [{\"source\": \"a\",\n   \"target\": \"zz\"}]}", "g.json:3:14: error: links[0].target: no node has the id \"zz\""),
        ("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}", "g.json:1:32: error: nodes[1].id: duplicate node id \"a\" (first defined on line 1)"),
        ("{\"nodes\": [{\"id\": 1}, {\"id\": \"1\"}]}", "g.json:1:30: error: nodes[1].id: duplicate node id \"1\" (first defined on line 1)"),
        ("{\"nodes\": [{\"name\": \"a\"}]}", "g.json:1:12: error: nodes[0]: missing \"id\" (every node needs an id)"),
        ("{\"nodes\": [{\"id\": true}]}", "g.json:1:19: error: nodes[0].id: expected a string or a number (a node id) but found a boolean"),
        ("{\"nodes\": [{\"id\": \"a\", \"p\": {\"x\": 1}}]}", "g.json:1:29: error: nodes[0].p: expected a boolean, number, string, list or null but found an object (property values cannot be objects)"),
        ("{\"nodes\": [{\"id\": \"a\", \"labels\": \"A\"}]}", "g.json:1:34: error: nodes[0].labels: expected a list of label names but found a string"),
        ("{\"nodes\": [], \"edges\": [], \"links\": []}", "g.json:1:28: error: both \"edges\" and \"links\": expected one of them (\"links\" is the older name)"),
        ("{\"graph\": {\"parley\": {\"propertyTypes\": {\"d\": \"date\"}}}, \"nodes\": [{\"id\": \"a\", \"d\": \"May\"}]}", "g.json:1:84: error: nodes[0].d: invalid date 'May'"),
        ("{\"nodes\": [{\"id\": \"a\"}]", "g.json:1:24: error: expected ',' or '}' after a value in the top-level object but found end of file"),
        ("{\"directed\": true}", "g.json: error: missing \"nodes\""),
    ])
    func errors(text: String, expected: String) {
        let message = InterchangeSamples.error { () throws(GraphFileError) -> GraphStore in try NodeLinkFormat.parse(Array(text.utf8), name: "g.json") }
        #expect(message?.hasPrefix(expected) == true, "\(message ?? "no error")")
    }

    @Test("NaN cannot be written: an error naming the node, as for Parley's JSON")
    func nan() throws {
        var g = GraphStore()
        try g.addNode(properties: ["id": .string("kz"), "score": .double(.nan)])
        var message: String? = nil
        do throws(GraphFileError) {
            _ = try NodeLinkFormat.text(g)
        } catch {
            message = error.diagnostic.message
        }
        #expect(message == "cannot write: node 'kz' property 'score' is NaN, which JSON cannot hold")
    }
}
