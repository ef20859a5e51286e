import Testing


@Suite("TCK value notation")
struct TCKValueParserTests {
    private func parse(_ s: String) throws -> TCKValue { try TCKValueParser.parse(s) }

    @Test("primitives: integers, floats in every TCK form, strings, booleans, null")
    func primitives() throws {
        #expect(try parse("42") == .int(42))
        #expect(try parse("-9223372036854775808") == .int(.min))
        #expect(try parse("2.0") == .float(2.0))
        #expect(try parse("-1e-305") == .float(-1e-305))
        #expect(try parse("1.23456789e308") == .float(1.23456789e308))
        #expect(try parse(".5") == .float(0.5))
        #expect(try parse("Inf") == .float(.infinity))
        #expect(try parse("-Inf") == .float(-.infinity))
        guard case .float(let nan) = try parse("NaN") else { Issue.record("NaN is a float"); return }
        #expect(nan.isNaN)
        #expect(try parse("true") == .bool(true))
        #expect(try parse("false") == .bool(false))
        #expect(try parse("null") == .null)
        #expect(try parse("  'a b'  ") == .string("a b"))
        #expect(try parse("''") == .string(""))
    }

    @Test("string escapes: \\' and \\\\; a raw newline (from a \\n cell escape) is kept")
    func stringEscapes() throws {
        #expect(try parse("'\\''") == .string("'"))
        // Literals6 [5] after Gherkin cell unescaping:
        #expect(try parse("'a\\\\bcn5t\\'\"\\\\//\\\\\"\\''") == .string("a\\bcn5t'\"\\//\\\"'"))
        #expect(try parse("'\nFoo\n'") == .string("\nFoo\n"))
    }

    @Test("lists and maps, nested, with spacing as the TCK writes them")
    func containers() throws {
        #expect(try parse("[]") == .list([]))
        #expect(try parse("[1, [2, 'x'], {}]") == .list([.int(1), .list([.int(2), .string("x")]), .map([:])]))
        #expect(try parse("{name: 'A', num: 5, `odd key`: null}") == .map(["name": .string("A"), "num": .int(5), "odd key": .null]))
    }

    @Test("nodes, relationships and paths")
    func graphElements() throws {
        #expect(try parse("()") == .node(TCKNode(labels: [], properties: [:])))
        #expect(try parse("(:A:B {name: 'x'})") == .node(TCKNode(labels: ["A", "B"], properties: ["name": .string("x")])))
        #expect(try parse("({num: 1})") == .node(TCKNode(labels: [], properties: ["num": .int(1)])))
        #expect(try parse("[:T {k: 1}]") == .relationship(TCKRelationship(type: "T", properties: ["k": .int(1)])))
        #expect(try parse("[ :T ]") == .relationship(TCKRelationship(type: "T", properties: [:])))
        let path = try parse("<(:A)-[:T]->(:B)<-[:U {w: 2}]-(:C)>")
        #expect(path == .path(TCKPath(start: TCKNode(labels: ["A"], properties: [:]), hops: [
            .init(relationship: TCKRelationship(type: "T", properties: [:]), forward: true, node: TCKNode(labels: ["B"], properties: [:])),
            .init(relationship: TCKRelationship(type: "U", properties: ["w": .int(2)]), forward: false, node: TCKNode(labels: ["C"], properties: [:])),
        ])))
        #expect(try parse("<()>") == .path(TCKPath(start: TCKNode(labels: [], properties: [:]), hops: [])))
        #expect(try parse("[(:A), [:R]]") == .list([.node(TCKNode(labels: ["A"], properties: [:])), .relationship(TCKRelationship(type: "R", properties: [:]))]))
    }

    @Test("bad notation is an error, never a crash", arguments: ["", "'open", "[1, 2", "{a 1}", "(:A", "<(:A)-[:T]-(:B)>", "1 2", "99999999999999999999", "[:A:B]", "nope"])
    func errors(_ text: String) {
        #expect(throws: TCKNotationError.self) { try TCKValueParser.parse(text) }
    }

    @Test("rendering writes the notation back, floats distinguishable from integers")
    func rendering() throws {
        for text in ["1", "1.0", "'it\\'s'", "[1, 2.5, null]", "{a: 1, b: 'x'}", "(:A:B {name: 'x'})", "[:T {k: 1}]", "<(:A)-[:T]->(:B)<-[:U]-(:C)>", "NaN", "-Inf"] {
            #expect(try parse(text).description == text)
        }
    }
}
