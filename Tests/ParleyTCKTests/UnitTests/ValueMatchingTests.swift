import ParleyGraph
import ParleyValues
import Testing


@Suite("Comparing actual values with the TCK notation")
struct ValueMatchingTests {
    private func expect(_ notation: String, matches actual: Value, in graph: GraphStore = GraphStore(), ignoringListOrder: Bool = false) throws -> Bool {
        try TCKValueParser.parse(notation).matches(TCKValue(actual, in: graph), ignoringListOrder: ignoringListOrder)
    }

    @Test("types are strict: 1 is not 1.0, '1' is not 1, null only matches null")
    func strictTypes() throws {
        #expect(try expect("1", matches: .int(1)))
        #expect(try !expect("1", matches: .double(1)))
        #expect(try !expect("1.0", matches: .int(1)))
        #expect(try !expect("'1'", matches: .int(1)))
        #expect(try expect("null", matches: .null))
        #expect(try !expect("null", matches: .list([])))
        #expect(try expect("true", matches: .bool(true)))
    }

    @Test("floats compare numerically: exact decimals, NaN, infinities, last-bit differences")
    func floats() throws {
        #expect(try expect("0.30000000000000004", matches: .double(0.1 + 0.2)))
        #expect(try !expect("0.3", matches: .double(0.1 + 0.2 + 1e-9)))
        #expect(try expect("NaN", matches: .double(.nan)))
        #expect(try expect("-Inf", matches: .double(-.infinity)))
        #expect(try !expect("Inf", matches: .double(.greatestFiniteMagnitude)))
        #expect(try expect("1e308", matches: .double(1e308)))
        #expect(try expect("2.0", matches: .double(2.0.nextUp)))
    }

    @Test("lists are ordered unless ignoring element order, which applies at every level")
    func listOrder() throws {
        #expect(try expect("[1, 2]", matches: [1, 2]))
        #expect(try !expect("[1, 2]", matches: [2, 1]))
        #expect(try expect("[1, 2]", matches: [2, 1], ignoringListOrder: true))
        #expect(try expect("[[1, 2], 3]", matches: [3, [2, 1]], ignoringListOrder: true))
        #expect(try !expect("[1, 1, 2]", matches: [1, 2, 2], ignoringListOrder: true))
        #expect(try !expect("[1]", matches: [1, 1]))
    }

    @Test("maps match by key set and values, whatever the order")
    func maps() throws {
        #expect(try expect("{a: 1, b: 'x'}", matches: ["b": "x", "a": 1]))
        #expect(try !expect("{a: 1}", matches: ["a": 1, "b": .null]))
        #expect(try !expect("{a: 1}", matches: ["a": 2]))
    }

    @Test("nodes are read from the graph: labels as a set, properties exactly")
    func nodes() throws {
        var g = GraphStore()
        let n = try g.addNode(labels: ["B", "A"], properties: ["name": "x", "num": 1])
        let empty = try g.addNode()
        #expect(try expect("(:A:B {name: 'x', num: 1})", matches: .node(n), in: g))
        #expect(try expect("(:B:A {num: 1, name: 'x'})", matches: .node(n), in: g))
        #expect(try !expect("(:A {name: 'x', num: 1})", matches: .node(n), in: g))
        #expect(try !expect("(:A:B {name: 'x'})", matches: .node(n), in: g))
        #expect(try expect("()", matches: .node(empty), in: g))
        #expect(try !expect("()", matches: .node(n), in: g))
        #expect(try !expect("()", matches: .node(999), in: g), "an id the graph never had matches nothing and does not trap")
    }

    @Test("relationships: type and properties")
    func relationships() throws {
        var g = GraphStore()
        let a = try g.addNode(), b = try g.addNode()
        let r = try g.addRelationship(type: "T", from: a, to: b, properties: ["k": 1.5])
        #expect(try expect("[:T {k: 1.5}]", matches: .relationship(r), in: g))
        #expect(try !expect("[:U {k: 1.5}]", matches: .relationship(r), in: g))
        #expect(try !expect("[:T]", matches: .relationship(r), in: g))
    }

    @Test("paths: nodes, relationships and the direction of every hop")
    func paths() throws {
        var g = GraphStore()
        let a = try g.addNode(labels: ["A"]), b = try g.addNode(labels: ["B"]), c = try g.addNode(labels: ["C"])
        let t = try g.addRelationship(type: "T", from: a, to: b)
        let u = try g.addRelationship(type: "U", from: c, to: b)
        let path = Value.path(Path(nodes: [a, b, c], relationships: [t, u]))
        #expect(try expect("<(:A)-[:T]->(:B)<-[:U]-(:C)>", matches: path, in: g))
        #expect(try !expect("<(:A)-[:T]->(:B)-[:U]->(:C)>", matches: path, in: g))
        #expect(try !expect("<(:A)-[:T]->(:B)>", matches: path, in: g))
        let reversed = Value.path(Path(nodes: [c, b, a], relationships: [u, t]))
        #expect(try expect("<(:C)-[:U]->(:B)<-[:T]-(:A)>", matches: reversed, in: g))
        #expect(try expect("<(:A)>", matches: .path(Path(nodes: [a], relationships: [])), in: g))
        let loop = try g.addRelationship(type: "L", from: a, to: a)
        #expect(try expect("<(:A)-[:L]->(:A)>", matches: .path(Path(nodes: [a, a], relationships: [loop])), in: g))
        #expect(try expect("<(:A)<-[:L]-(:A)>", matches: .path(Path(nodes: [a, a], relationships: [loop])), in: g), "a self-loop has no direction along the path")
    }

    @Test("actual values render in the notation used in failure messages")
    func rendering() throws {
        var g = GraphStore()
        let n = try g.addNode(labels: ["A"], properties: ["name": "it's"])
        #expect(TCKValue(.list([.node(n), 2.5, .null]), in: g).description == "[(:A {name: 'it\\'s'}), 2.5, null]")
    }
}
