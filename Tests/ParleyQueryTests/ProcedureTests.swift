import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// An engine on the social graph with `test.city(name :: STRING?, id :: INTEGER?) :: (city :: STRING?, code :: INTEGER?)`
/// and the void `test.nothing()` registered.
private func engineWithProcedures() throws -> QueryEngine {
    var engine = QueryEngine(graph: try socialGraph())
    let signature = try #require(ProcedureSignature(parsing: "test.city(name :: STRING?, id :: INTEGER?) :: (city :: STRING?, code :: INTEGER?)"))
    engine.procedures.register(Procedure(signature) { args, _ in
        switch (args[0], args[1]) {
        case (.string("Stefan"), .int(1)): return [[.string("Berlin"), .int(49)]]
        case (.string("Stefan"), .int(2)): return [[.string("München"), .int(49)], [.string("Bonn"), .int(49)]]
        default: return []
        }
    })
    engine.procedures.register(Procedure(ProcedureSignature(name: "test.nothing")) { _, _ in [] })
    return engine
}

/// The error a query throws on `engine`, or nil.
private func failure(_ query: String, engine: QueryEngine, _ parameters: [String: Value] = [:]) -> QueryError? {
    var e = engine
    do {
        _ = try e.run(query, parameters: parameters)
        return nil
    } catch {
        return error
    }
}

@Suite("CALL and procedures")
struct ProcedureTests {
    @Test("db.labels() lists the labels in use, in the column `label`")
    func labels() throws {
        let r = try run("CALL db.labels()", on: try socialGraph())
        #expect(r.columns == ["label"])
        #expect(Set(column(r)) == ["Person", "Admin", "Company"])
        #expect(r.rows.count == 3)
        let after = try run("MATCH (n:Admin) REMOVE n:Admin WITH count(*) AS c CALL db.labels() YIELD label RETURN label", on: try socialGraph())
        #expect(Set(column(after)) == ["Person", "Company"], "a label no node carries any more is not listed")
    }

    @Test("db.relationshipTypes() and db.propertyKeys() name their columns like Neo4j")
    func typesAndKeys() throws {
        let g = try socialGraph()
        let types = try run("CALL db.relationshipTypes()", on: g)
        #expect(types.columns == ["relationshipType"])
        #expect(Set(column(types)) == ["KNOWS", "WORKS_AT"])
        let keys = try run("CALL db.propertyKeys()", on: g)
        #expect(keys.columns == ["propertyKey"])
        #expect(Set(column(keys)) == ["id", "name", "age", "since"])
        #expect(try run("CALL db.labels", on: GraphStore()).rows.isEmpty, "implicit call without parentheses, empty graph")
    }

    @Test("in-query CALL with YIELD, WHERE, aliasing and RETURN")
    func yieldForms() throws {
        let g = try socialGraph()
        let r = try run("CALL db.labels() YIELD label WHERE label STARTS WITH 'P' OR label = 'Admin' RETURN label ORDER BY label", on: g)
        #expect(column(r) == ["Admin", "Person"])
        let aliased = try run("CALL db.labels() YIELD label AS l MATCH (n) WHERE l IN labels(n) RETURN l, count(n) AS c ORDER BY l", on: g)
        #expect(aliased.columns == ["l", "c"])
        #expect(aliased.rows == [["Admin", 1], ["Company", 1], ["Person", 3]])
        let star = try run("CALL db.relationshipTypes() YIELD *", on: g)
        #expect(star.columns == ["relationshipType"])
        let perRow = try run("MATCH (p:Person) CALL db.relationshipTypes() YIELD relationshipType AS t RETURN p.name, t", on: g)
        #expect(perRow.rows.count == 6, "the call runs once per input row")
        let plan = try run("EXPLAIN CALL db.labels() YIELD label RETURN label", on: g).plan ?? ""
        #expect(plan.contains("ProcedureCall db.labels() :: (label :: STRING)"))
    }

    @Test("a registered procedure: explicit and implicit arguments, outputs in any YIELD order")
    func custom() throws {
        var engine = try engineWithProcedures()
        #expect(try engine.run("CALL test.city('Stefan', 1)").rows == [["Berlin", 49]])
        #expect(try engine.run("CALL test.city", parameters: ["name": "Stefan", "id": 2]).rows == [["München", 49], ["Bonn", 49]])
        let r = try engine.run("UNWIND [1, 2] AS i CALL test.city('Stefan', i) YIELD code AS c, city RETURN i, city, c")
        #expect(r.columns == ["i", "city", "c"])
        #expect(r.rows == [[1, "Berlin", 49], [2, "München", 49], [2, "Bonn", 49]])
        let void = try engine.run("MATCH (p:Person) CALL test.nothing() RETURN p.name AS n ORDER BY n")
        #expect(void.rows == [["Alice"], ["Bob"], ["Carol"]], "a void procedure passes each row through once")
        #expect(try engine.run("CALL test.nothing()").rows.isEmpty)
        let removed = engine.procedures.unregister("test.nothing")
        #expect(removed)
        #expect(failure("CALL test.nothing()", engine: engine)?.detail == "ProcedureNotFound")
    }

    @Test("types: FLOAT takes integers (widened), NUMBER takes both, non-nullable rejects null")
    func argumentTypes() throws {
        var engine = QueryEngine(graph: GraphStore())
        engine.procedures.register(Procedure(try #require(ProcedureSignature(parsing: "t.f(x :: FLOAT?) :: (y :: ANY?)"))) { a, _ in [[a[0]]] })
        engine.procedures.register(Procedure(try #require(ProcedureSignature(parsing: "t.n(x :: NUMBER) :: (y :: ANY?)"))) { a, _ in [[a[0]]] })
        #expect(try engine.run("CALL t.f(42)").rows == [[.double(42)]])
        #expect(try engine.run("CALL t.n(42)").rows == [[.int(42)]])
        #expect(try engine.run("CALL t.n(4.5)").rows == [[.double(4.5)]])
        #expect(failure("CALL t.n(null)", engine: engine)?.detail == "InvalidArgumentType")
        let runtime = failure("UNWIND ['x'] AS v CALL t.f(v) YIELD y RETURN y", engine: engine)
        #expect(runtime?.detail == "InvalidArgumentType")
        #expect(runtime?.phase == .runtime)
        #expect(ProcedureType(parsing: "LIST? OF INTEGER?") == .nullable(.list(.nullable(.integer))))
        #expect(ProcedureSignature(parsing: "broken(x ::) :: ()") == nil)
    }

    @Test("errors carry their TCK class and point at the call")
    func errors() throws {
        let engine = try engineWithProcedures()
        let notFound = try #require(failure("MATCH (n)\nCALL db.lables() YIELD label RETURN label", engine: engine))
        #expect(notFound.type == "ProcedureError" && notFound.detail == "ProcedureNotFound")
        #expect(notFound.range?.start.line == 2 && notFound.range?.start.column == 6)
        #expect(notFound.hint == "did you mean db.labels?")
        let count = try #require(failure("CALL test.city('Stefan')", engine: engine))
        #expect(count.detail == "InvalidNumberOfArguments" && count.phase == .compileTime)
        #expect(count.message.contains("takes 2 arguments, got 1"))
        #expect(count.range?.start.column == 1)
        let type = try #require(failure("CALL test.city('Stefan', true)", engine: engine))
        #expect(type.detail == "InvalidArgumentType")
        #expect(type.range?.start.column == 26)
        #expect(type.message.contains("expected INTEGER? but was BOOLEAN"))
        #expect(failure("CALL test.city", engine: engine, ["name": "Stefan"])?.detail == "MissingParameter")
        #expect(failure("CALL test.city YIELD city RETURN city", engine: engine)?.detail == "InvalidArgumentPassingMode")
        #expect(failure("WITH 1 AS label CALL db.labels() YIELD label RETURN label", engine: engine)?.detail == "VariableAlreadyBound")
        #expect(failure("CALL test.city('a', 1) YIELD city AS c, code AS c RETURN c", engine: engine)?.detail == "VariableAlreadyBound")
        #expect(failure("CALL test.city('a', 1) RETURN city", engine: engine)?.detail == "UndefinedVariable")
        #expect(failure("CALL test.city('a', 1) YIELD * RETURN city", engine: engine)?.detail == "UnexpectedSyntax")
        #expect(failure("CALL db.labels() YIELD lable RETURN lable", engine: engine)?.detail == "UnknownProcedureOutput")
        #expect(failure("MATCH (n) CALL test.city('a', count(n)) YIELD city RETURN city", engine: engine)?.detail == "InvalidAggregation")
    }

    @Test("an unaliased WITH expression is reported, after ORDER BY's aggregation errors")
    func withAlias() throws {
        let g = try socialGraph()
        #expect(failure("MATCH (a) WITH a, count(*) RETURN a", on: g)?.detail == "NoExpressionAlias")
        let ambiguous = failure("MATCH (me:Person)--(you:Person) WITH me.age + you.age, count(*) AS cnt ORDER BY me.age + you.age + count(*) RETURN *", on: g)
        #expect(ambiguous?.detail == "AmbiguousAggregationExpression")
    }
}
