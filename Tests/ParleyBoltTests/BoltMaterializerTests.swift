import ParleyBolt
import ParleyGraph
import ParleyValues
import Testing

@Suite("Server values as Parley values over a scratch store")
struct BoltMaterializerTests {
    let ann = BoltNode(id: 0, labels: ["Person"], properties: ["name": "Ann"], elementID: "n0")
    let bo = BoltNode(id: 1, labels: ["Person"], properties: ["name": "Bo"], elementID: "n1")
    let knows = BoltRelationship(
        id: 5, startNodeID: 0, endNodeID: 1, type: "KNOWS", properties: ["since": 2001],
        elementID: "r5", startNodeElementID: "n0", endNodeElementID: "n1")

    @Test("scalars, lists, maps and temporal values map one to one")
    func scalars() throws {
        var m = BoltMaterializer()
        let date = try CypherDate(year: 2020, month: 1, day: 2)
        let row = try m.row([nil, true, 1, 2.5, "s", [1, "x"], .map(["k": 1]), .date(date)])
        #expect(row == [.null, .bool(true), .int(1), .double(2.5), .string("s"), .list([.int(1), .string("x")]), .map(["k": .int(1)]), .temporal(.date(date))])
    }

    @Test("a node and a relationship are copied once per element id and render as local ones")
    func elements() throws {
        var m = BoltMaterializer()
        let row = try m.row([.node(ann), .relationship(knows), .node(bo), .node(ann)])
        guard case .node(let a) = row[0], case .relationship(let r) = row[1], case .node(let b) = row[2], case .node(let a2) = row[3] else {
            Issue.record("wrong kinds: \(row)")
            return
        }
        #expect(a == a2)
        #expect(m.graph.nodeCount == 2 && m.graph.relationshipCount == 1)
        #expect(m.graph.startNode(of: r) == a && m.graph.endNode(of: r) == b)
        #expect(m.graph.labels(of: b) == ["Person"])  // the placeholder filled in when Bo came
        #expect(row[0].cypherLiteral(in: m.graph) == "(:Person {name: 'Ann'})")
        #expect(row[1].cypherLiteral(in: m.graph) == "[:KNOWS {since: 2001}]")
    }

    @Test("a path walked against a relationship keeps the relationship's own direction")
    func path() throws {
        var m = BoltMaterializer()
        let r = BoltUnboundRelationship(id: 5, type: "KNOWS", properties: [:], elementID: "r5")
        // (Bo)<-[:KNOWS]-(Ann), walked from Bo.
        let p = BoltPath(nodes: [bo, ann], relationships: [r], indices: [-1, 1])
        guard case .path(let path) = try m.value(.path(p)) else {
            Issue.record("not a path")
            return
        }
        #expect(path.nodes.count == 2 && path.relationships.count == 1)
        let rel = path.relationships[0]
        #expect(m.graph.startNode(of: rel) == path.nodes[1] && m.graph.endNode(of: rel) == path.nodes[0])
        #expect(m.graph.property(of: path.nodes[0], named: "name") == "Bo")
    }

    @Test("points become maps, byte arrays lists of integers; a point property its Cypher text")
    func pointsAndBytes() throws {
        var m = BoltMaterializer()
        let point = BoltValue.point(BoltPoint(srid: 4326, x: 2.5, y: 1.5))
        #expect(try m.value(point) == .map(["srid": .int(4326), "x": .double(2.5), "y": .double(1.5)]))
        #expect(try m.value(.bytes([0, 255])) == .list([.int(0), .int(255)]))
        let place = BoltNode(id: 9, labels: ["Place"], properties: ["at": point], elementID: "n9")
        guard case .node(let n) = try m.value(.node(place)) else {
            Issue.record("not a node")
            return
        }
        #expect(m.graph.property(of: n, named: "at") == .string("point({srid: 4326, x: 2.5, y: 1.5})"))
    }

    @Test("local parameters become PackStream values; graph elements are refused")
    func parameters() throws {
        #expect(try BoltValue(parameter: .map(["b": .int(1), "a": .list([.null, .double(1.5)])])) == .map(["a": [nil, 1.5], "b": 1]))
        #expect(throws: BoltError.self) { try BoltValue(parameter: .node(0)) }
    }
}
