import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyQuery

@Suite("Graph element and path functions (TCK Graph3, Graph4, Graph8, Graph9)")
struct FunctionsGraphTests {
    let g = FunctionsTestGraph()

    @Test("labels, type, id, startNode, endNode read the store")
    func elementFunctions() throws {
        #expect(sameValue(try fcall("labels", .node(g.envoy), graph: g.graph), ["Person", "Envoy"]))
        #expect(sameValue(try fcall("labels", .node(g.talk), graph: g.graph), ["Talk"]))
        #expect(sameValue(try fcall("type", .relationship(g.hosted), graph: g.graph), "HOSTED"))
        #expect(sameValue(try fcall("id", .node(g.envoy), graph: g.graph), .int(Int64(g.envoy))))
        #expect(sameValue(try fcall("id", .relationship(g.attended), graph: g.graph), .int(Int64(g.attended))))
        #expect(sameValue(try fcall("startNode", .relationship(g.hosted), graph: g.graph), .node(g.kz)))
        #expect(sameValue(try fcall("endNode", .relationship(g.hosted), graph: g.graph), .node(g.talk)))
    }

    @Test("graph functions of null are null (Graph3 [7], Graph4 [3], Graph9 [3])")
    func nulls() throws {
        for name in ["labels", "type", "id", "keys", "properties", "startNode", "endNode", "nodes", "relationships", "length"] {
            #expect(sameValue(try fcall(name, .null, graph: g.graph), .null), "\(name)(null)")
        }
    }

    @Test("labels and type of a non-element are TypeError: InvalidArgumentValue (Graph3 [9], Graph4 [6])")
    func invalidArguments() {
        for v: Value in [0, 1.0, true, "", []] {
            expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("type", v, graph: g.graph) }
            expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("labels", v, graph: g.graph) }
        }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("type", .node(g.kz), graph: g.graph) }
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("labels", .relationship(g.hosted), graph: g.graph) }
        for v: Value in [1, "Cypher", [true, false]] {
            expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("properties", v, graph: g.graph) }
            expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("keys", v, graph: g.graph) }
        }
    }

    @Test("keys and properties of nodes, relationships and maps")
    func keysAndProperties() throws {
        let keys = try fcall("keys", .node(g.kz), graph: g.graph)
        guard case .list(let names) = keys else { Issue.record("keys() gave \(keys)"); return }
        #expect(Set(names) == ["id", "name"])
        #expect(sameValue(try fcall("keys", .node(g.talk), graph: g.graph), []))
        #expect(sameValue(try fcall("keys", .relationship(g.hosted), graph: g.graph), ["year"]))
        #expect(sameValue(try fcall("keys", ["b": 1, "a": .null]), ["a", "b"]))
        #expect(sameValue(try fcall("properties", .node(g.kz), graph: g.graph), ["id": "kz", "name": "Kazakhstan"]))
        #expect(sameValue(try fcall("properties", .relationship(g.hosted), graph: g.graph), ["year": 2015]))
        #expect(sameValue(try fcall("properties", ["name": "Popeye", "level": 9001]), ["name": "Popeye", "level": 9001]))
    }

    @Test("labels of a deleted node is EntityNotFound; type of a deleted relationship still works (Return2)")
    func deletedElements() throws {
        var graph = g.graph
        try graph.removeRelationship(g.hosted)
        try graph.removeNode(g.kz)
        expectFunctionError("EntityNotFound", "DeletedEntityAccess") { () throws(QueryError) in try fcall("labels", .node(g.kz), graph: graph) }
        expectFunctionError("EntityNotFound", "DeletedEntityAccess") { () throws(QueryError) in try fcall("properties", .node(g.kz), graph: graph) }
        #expect(sameValue(try fcall("type", .relationship(g.hosted), graph: graph), "HOSTED"))
    }

    @Test("nodes, relationships and length of a path")
    func paths() throws {
        let p = Value.path(Path(nodes: [g.kz, g.talk, g.envoy], relationships: [g.hosted, g.attended]))
        #expect(sameValue(try fcall("nodes", p, graph: g.graph), [.node(g.kz), .node(g.talk), .node(g.envoy)]))
        #expect(sameValue(try fcall("relationships", p, graph: g.graph), [.relationship(g.hosted), .relationship(g.attended)]))
        #expect(sameValue(try fcall("length", p, graph: g.graph), 2))
        #expect(sameValue(try fcall("length", .path(Path(nodes: [g.kz], relationships: [])), graph: g.graph), 0))
        let e = functionError { () throws(QueryError) in try fcall("length", "abc") }
        #expect(e?.type == "TypeError")
        #expect(e?.hint == "use size() for the length of a string")
    }
}

@Suite("List functions (TCK List6, List9, List11)")
struct FunctionsListTests {
    @Test("size counts list elements and string code points; size(null) is null")
    func size() throws {
        #expect(sameValue(try fcall("size", [1, 2, 3]), 3))
        #expect(sameValue(try fcall("size", [[], []]), 2))
        #expect(sameValue(try fcall("size", "héllo"), 5))
        #expect(sameValue(try fcall("size", "e\u{301}"), 2))
        #expect(sameValue(try fcall("size", .null), .null))
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("size", 12) }
        let p = functionError { () throws(QueryError) in try fcall("size", .path(Path(nodes: [0], relationships: []))) }
        #expect(p?.hint == "use length() for the length of a path")
    }

    @Test("head, last, tail")
    func headLastTail() throws {
        #expect(sameValue(try fcall("head", [1, 2, 3]), 1))
        #expect(sameValue(try fcall("last", [1, 2, 3]), 3))
        #expect(sameValue(try fcall("head", []), .null))
        #expect(sameValue(try fcall("last", []), .null))
        #expect(sameValue(try fcall("tail", try fcall("tail", [1, 2, 3, 4, 5])), [3, 4, 5]))
        #expect(sameValue(try fcall("tail", []), []))
        #expect(sameValue(try fcall("head", .null), .null))
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("head", "abc") }
    }

    @Test("range with default step (List11 [1])")
    func rangeDefaultStep() throws {
        #expect(sameValue(try fcall("range", -1236, -1234), [-1236, -1235, -1234]))
        #expect(sameValue(try fcall("range", -1234, -1234), [-1234]))
        #expect(sameValue(try fcall("range", 0, -123), []))
        #expect(sameValue(try fcall("range", -1, 1), [-1, 0, 1]))
        #expect(sameValue(try fcall("range", 0, 10), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
    }

    @Test("range with explicit step (List11 [2])")
    func rangeStep() throws {
        #expect(sameValue(try fcall("range", 1381, -3412, -1298), [1381, 83, -1215, -2513]))
        #expect(sameValue(try fcall("range", 10, -10, -3), [10, 7, 4, 1, -2, -5, -8]))
        #expect(sameValue(try fcall("range", 0, 1, -123), []))
        #expect(sameValue(try fcall("range", 0, 0, -1), [0]))
        #expect(sameValue(try fcall("range", 0, 1, 2), [0]))
        #expect(sameValue(try fcall("range", -3412, 1381, 1298), [-3412, -2114, -816, 482]))
        #expect(sameValue(try fcall("range", .int(.max - 1), .int(.max), 5), [.int(.max - 1)]))
        #expect(sameValue(try fcall("range", .int(.min), .int(.min + 2), .int(.max)), [.int(.min)]))
    }

    @Test("range is empty exactly when direction and step disagree (List11 [3])")
    func rangeDirection() throws {
        for stop: Int64 in [1, 2, 500, 1000, 1500] {
            for step: Int64 in [-1000, -3, -2, -1, 1, 2, 3, 1000] {
                guard case .list(let items) = try fcall("range", 0, .int(stop), .int(step)) else { Issue.record("not a list"); return }
                #expect(items.isEmpty == (stop.signum() != step.signum()))
            }
        }
    }

    @Test("range errors: zero step, non-integers, too many elements (List11 [4], [5])")
    func rangeErrors() {
        expectFunctionError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fcall("range", 2, 8, 0) }
        expectFunctionError("ArgumentError", "NumberOutOfRange") { () throws(QueryError) in try fcall("range", 0, 0, 0) }
        let bad: [Value] = [true, -1.1, -0.0, 0.0, 1.1, "xyz", [0], ["start": 0]]
        for b in bad {
            expectFunctionError("ArgumentError", "InvalidArgumentType") { () throws(QueryError) in try fcall("range", b, 1, 1) }
            expectFunctionError("ArgumentError", "InvalidArgumentType") { () throws(QueryError) in try fcall("range", 0, b, 1) }
            expectFunctionError("ArgumentError", "InvalidArgumentType") { () throws(QueryError) in try fcall("range", 0, 1, b) }
        }
        expectFunctionError("ResourceLimit", "RangeTooLarge") { () throws(QueryError) in try fcall("range", 0, .int(.max)) }
    }

    @Test("reverse of lists and strings; isEmpty; coalesce")
    func reverseIsEmptyCoalesce() throws {
        #expect(sameValue(try fcall("reverse", "raksO"), "Oskar"))
        #expect(sameValue(try fcall("reverse", [1, "a", .null]), [.null, "a", 1]))
        #expect(sameValue(try fcall("reverse", "e\u{301}a"), "ae\u{301}"))
        #expect(sameValue(try fcall("isEmpty", []), true))
        #expect(sameValue(try fcall("isEmpty", ""), true))
        #expect(sameValue(try fcall("isEmpty", ["a": 1]), false))
        #expect(sameValue(try fcall("isEmpty", .null), .null))
        expectFunctionError("TypeError", "InvalidArgumentValue") { () throws(QueryError) in try fcall("isEmpty", 1) }
        #expect(sameValue(try fcall("coalesce", .null, .null, 3, 4), 3))
        #expect(sameValue(try fcall("coalesce", .null), .null))
    }
}

@Suite("Function table: names, arity, dispatch")
struct FunctionsTableTests {
    @Test("arity is known for every function and nil for unknown names")
    func arity() {
        #expect(BuiltinFunctions.arity(of: "size") == 1...1)
        #expect(BuiltinFunctions.arity(of: "range") == 2...3)
        #expect(BuiltinFunctions.arity(of: "round") == 1...3)
        #expect(BuiltinFunctions.arity(of: "pi") == 0...0)
        #expect(BuiltinFunctions.arity(of: "coalesce")?.lowerBound == 1)
        #expect(BuiltinFunctions.arity(of: "touppercase") == nil)
        #expect(BuiltinFunctions.arity(of: "count") == nil, "aggregates are not scalar functions")
        #expect(BuiltinFunctions.arity(of: "TOUPPER") == 1...1)
    }

    @Test("unknown names and wrong argument counts are errors, not crashes")
    func dispatchErrors() {
        expectFunctionError("SyntaxError", "UnknownFunction") { () throws(QueryError) in try fcall("nosuch", 1) }
        expectFunctionError("SyntaxError", "InvalidNumberOfArguments") { () throws(QueryError) in try fcall("size") }
        expectFunctionError("SyntaxError", "InvalidNumberOfArguments") { () throws(QueryError) in try fcall("left", "a") }
    }

    @Test("calling an aggregate as a scalar function is InvalidAggregation")
    func aggregateAsScalar() {
        expectFunctionError("SyntaxError", "InvalidAggregation") { () throws(QueryError) in try fcall("count", 1) }
    }

    @Test("misspelt function names get a suggestion")
    func suggestions() {
        #expect(BuiltinFunctions.suggestion(for: "toUppercase") == "toUpper")
        #expect(BuiltinFunctions.suggestion(for: "lenght") == "length")
        #expect(BuiltinFunctions.suggestion(for: "tostring") == "toString")
        #expect(BuiltinFunctions.suggestion(for: "colect") == "collect")
        #expect(BuiltinFunctions.suggestion(for: "substr") == "substring")
        #expect(BuiltinFunctions.suggestion(for: "frobnicate") == nil)
        #expect(BuiltinFunctions.suggestion(for: "x") == nil)
        let e = functionError { () throws(QueryError) in try fcall("toUppercase", "a") }
        #expect(e?.hint == "did you mean toUpper?")
    }

    @Test("allNames lists scalar and aggregate functions in canonical spelling")
    func allNames() {
        let names = BuiltinFunctions.allNames
        for n in ["toUpper", "toInteger", "percentileDisc", "count", "collect", "startNode", "coalesce", "atan2"] {
            #expect(names.contains(n), "\(n)")
        }
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        for n in names where !Aggregator.isAggregate(n.lowercased()) {
            #expect(BuiltinFunctions.arity(of: n.lowercased()) != nil, "\(n)")
        }
    }
}
