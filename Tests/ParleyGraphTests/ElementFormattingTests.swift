import Foundation
import ParleyValues
import Testing
@testable import ParleyGraph

/// (:State {id: 'kz', name: 'Kazakhstan'})-[:HOSTED {year: 2015}]->(:Talk)<-[:ATTENDED]-(:Person:Envoy {name: 'Staffan'})
struct ValueFormattingGraph {
    var graph = GraphStore()
    var kz = 0, talk = 0, envoy = 0, hosted = 0, attended = 0

    init() throws {
        kz = try graph.addNode(labels: ["State"], properties: ["id": "kz", "name": "Kazakhstan"])
        talk = try graph.addNode(labels: ["Talk"])
        envoy = try graph.addNode(labels: ["Person", "Envoy"], properties: ["name": "Staffan"])
        hosted = try graph.addRelationship(type: "HOSTED", from: kz, to: talk, properties: ["year": 2015])
        attended = try graph.addRelationship(type: "ATTENDED", from: envoy, to: talk)
    }
}

@Suite("Nodes, relationships and paths printed with the store they belong to")
struct ElementFormattingTests {
    /// Parses JSON text with Foundation, to check it is valid JSON.
    func parse(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    @Test("nodes print labels in stored order and sorted properties, no empty braces")
    func nodes() throws {
        var f = try ValueFormattingGraph()
        #expect(Value.node(f.kz).cypherLiteral(in: f.graph) == "(:State {id: 'kz', name: 'Kazakhstan'})")
        #expect(Value.node(f.talk).cypherLiteral(in: f.graph) == "(:Talk)")
        #expect(Value.node(f.envoy).cypherLiteral(in: f.graph) == "(:Person:Envoy {name: 'Staffan'})")
        let bare = f.graph.createNode()
        #expect(Value.node(bare).cypherLiteral(in: f.graph) == "()")
        let unlabelled = try f.graph.addNode(properties: ["num": 42, "my key": "v"])
        #expect(Value.node(unlabelled).cypherLiteral(in: f.graph) == "({`my key`: 'v', num: 42})")
        let odd = try f.graph.addNode(labels: ["Multi Word"])
        #expect(Value.node(odd).cypherLiteral(in: f.graph) == "(:`Multi Word`)")
    }

    @Test("relationships print type and sorted properties")
    func relationships() throws {
        let f = try ValueFormattingGraph()
        #expect(Value.relationship(f.hosted).cypherLiteral(in: f.graph) == "[:HOSTED {year: 2015}]")
        #expect(Value.relationship(f.attended).cypherLiteral(in: f.graph) == "[:ATTENDED]")
        #expect(Value.list([.node(f.talk), .relationship(f.attended)]).cypherLiteral(in: f.graph) == "[(:Talk), [:ATTENDED]]")
    }

    @Test("paths show each relationship's direction as traversed")
    func paths() throws {
        let f = try ValueFormattingGraph()
        let forward = Path(nodes: [f.kz, f.talk], relationships: [f.hosted])
        #expect(Value.path(forward).cypherLiteral(in: f.graph)
            == "<(:State {id: 'kz', name: 'Kazakhstan'})-[:HOSTED {year: 2015}]->(:Talk)>")
        let mixed = Path(nodes: [f.envoy, f.talk, f.kz], relationships: [f.attended, f.hosted])
        #expect(Value.path(mixed).cypherLiteral(in: f.graph)
            == "<(:Person:Envoy {name: 'Staffan'})-[:ATTENDED]->(:Talk)<-[:HOSTED {year: 2015}]-(:State {id: 'kz', name: 'Kazakhstan'})>")
        #expect(Value.path(Path(nodes: [f.talk], relationships: [])).cypherLiteral(in: f.graph) == "<(:Talk)>")
    }

    @Test("a self-loop in a path prints forward")
    func selfLoop() throws {
        var graph = GraphStore()
        let n = try graph.addNode(labels: ["N"])
        let r = try graph.addRelationship(type: "SELF", from: n, to: n)
        #expect(Value.path(Path(nodes: [n, n], relationships: [r])).cypherLiteral(in: graph) == "<(:N)-[:SELF]->(:N)>")
    }

    @Test("an id the store does not hold prints as an internal id")
    func unknownID() {
        #expect(Value.node(99).cypherLiteral(in: GraphStore()) == "(#99)")
    }

    @Test("JSON: nodes use their id property when present, else the internal id")
    func jsonNodes() throws {
        let f = try ValueFormattingGraph()
        #expect(Value.node(f.kz).jsonText(in: f.graph)
            == #"{"id":"kz","labels":["State"],"properties":{"id":"kz","name":"Kazakhstan"}}"#)
        #expect(Value.node(f.talk).jsonText(in: f.graph) == #"{"id":\#(f.talk),"labels":["Talk"],"properties":{}}"#)
    }

    @Test("JSON: relationships and paths")
    func jsonRelationshipsAndPaths() throws {
        let f = try ValueFormattingGraph()
        let rel = Value.relationship(f.hosted).jsonText(in: f.graph)
        #expect(rel == #"{"id":\#(f.hosted),"type":"HOSTED","start":"kz","end":\#(f.talk),"properties":{"year":2015}}"#)
        let path = Value.path(Path(nodes: [f.kz, f.talk], relationships: [f.hosted])).jsonText(in: f.graph)
        #expect(path.hasPrefix(#"{"nodes":[{"id":"kz","#))
        guard let object = parse(path) as? [String: Any] else { Issue.record("invalid JSON: \(path)"); return }
        #expect((object["nodes"] as? [Any])?.count == 2)
        #expect((object["relationships"] as? [Any])?.count == 1)
    }
}
