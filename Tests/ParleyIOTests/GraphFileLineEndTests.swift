import ParleyGraph
import ParleyREPL
import Testing
@testable import ParleyIO

@Suite("Graph file positions with CRLF and CR line ends and a byte order mark")
struct GraphFileLineEndTests {
    @Test("the same error is at the same line and column whatever the line ends", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(end: String) {
        let text = "{\"nodes\": [" + end + "{\"id\": \"a\"}," + end + "{\"id\": 5}]}"
        #expect(loadError(text) == "g.json:3:8: error: nodes[1].id: expected a string but found a number")
    }

    @Test("a byte order mark at the start takes no column")
    func byteOrderMark() {
        #expect(loadError([0xEF, 0xBB, 0xBF] + Array("{\"nodes\": [{\"id\": 5}]}".utf8))
            == "g.json:1:19: error: nodes[0].id: expected a string but found a number")
        #expect(loadError([0xEF, 0xBB, 0xBF] + Array("{\r\n\"nodes\": [{\"id\": 5}]}".utf8))
            == "g.json:2:18: error: nodes[0].id: expected a string but found a number")
    }

    @Test("the rendered error shows the CRLF file's line and the caret under the offending value")
    func rendered() throws {
        let text = "{\"nodes\": [\r\n{\"id\": \"a\"},\r\n{\"id\": 5}]}"
        do {
            _ = try GraphFile.parse(Array(text.utf8), name: "x.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.render(source: text, fileName: "x.json")
                == "x.json:3:8: error: nodes[1].id: expected a string but found a number\n{\"id\": 5}]}\n       ^")
        }
    }
}

@Suite("Saving graphs JSON cannot hold: messages name nodes and relationships as the user knows them")
struct GraphFileUnwritableTests {
    func saveError(_ graph: GraphStore, to path: String = "/tmp/parley-unwritable-never-written.json") -> String? {
        do {
            try GraphFile.save(graph, to: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("a NaN property of a node names the node's id and the key, and says NaN (never -nan)")
    func nodeNaN() throws {
        var g = GraphStore()
        try g.addNode(labels: ["State"], properties: ["id": "kz"])
        try g.addNode(labels: ["State"], properties: ["id": "ru", "score": .double(-Double.nan)])
        #expect(saveError(g) == "/tmp/parley-unwritable-never-written.json: error: cannot save: node 'ru' property 'score' is NaN, which JSON cannot hold")
    }

    @Test("infinities, lists holding them, and nodes without a string id")
    func otherNodes() throws {
        var g = GraphStore()
        try g.addNode(labels: ["P"], properties: ["id": 7, "w": .double(.infinity)])
        #expect(saveError(g)?.hasSuffix("error: cannot save: node with id 7 property 'w' is Infinity, which JSON cannot hold") == true)
        g = GraphStore()
        try g.addNode(labels: ["P", "Q"], properties: ["w": .list([1, .double(-.infinity)])])
        #expect(saveError(g)?.hasSuffix("error: cannot save: :P:Q node without an id property 'w' holds -Infinity in a list, which JSON cannot hold") == true)
        g = GraphStore()
        try g.addNode(properties: ["w": .double(.nan)])
        #expect(saveError(g)?.hasSuffix("error: cannot save: a node without an id or labels property 'w' is NaN, which JSON cannot hold") == true)
    }

    @Test("a relationship is named by its type and its ends' ids, never by internal id")
    func relationship() throws {
        var g = GraphStore()
        let kz = try g.addNode(properties: ["id": "kz"]), ru = try g.addNode(properties: ["id": "ru"])
        try g.addRelationship(type: "MET", from: kz, to: ru)
        try g.addRelationship(type: "MET", from: kz, to: ru, properties: ["weight": .double(.infinity)])
        #expect(saveError(g)?.hasSuffix("error: cannot save: relationship 'kz'-[:MET]->'ru' property 'weight' is Infinity, which JSON cannot hold") == true)
        g = GraphStore()
        let a = try g.addNode(properties: ["id": "kz"]), b = try g.addNode(labels: ["T"])
        try g.addRelationship(type: "AT", from: a, to: b, properties: ["w": .double(.nan)])
        #expect(saveError(g)?.hasSuffix("error: cannot save: relationship 'kz'-[:AT]->(:T node without an id) property 'w' is NaN, which JSON cannot hold") == true)
    }

    @Test("an empty file name is refused with a message, without a ': error:' prefix, by every reader and writer")
    func emptyPath() throws {
        #expect(saveError(GraphStore(), to: "") == "error: cannot save: the file name is empty")
        #expect(throws: (any Error).self) { try GraphFile.load(path: "") }
        do { _ = try GraphFile.load(path: "") } catch { #expect(error.description == "error: cannot read the file: the file name is empty") }
        do { _ = try DOTStyle.load(path: "") } catch { #expect(error.description == "error: cannot read the style file: the file name is empty") }
        do { try AtomicFile.write("x", to: "") } catch { #expect(error.description == "error: cannot write the file: the file name is empty") }
        do { try DOTExporter.save("x", to: "") } catch { #expect(error.description == "error: cannot write the DOT file: cannot write the file: the file name is empty") }
    }
}
