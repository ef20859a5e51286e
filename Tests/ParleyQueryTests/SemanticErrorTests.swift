import Testing
import ParleyGraph
@testable import ParleyQuery

@Suite("Semantic errors at compile time")
struct SemanticErrorTests {
    func detail(_ q: String) -> String? {
        let e = failure(q)
        if let e { #expect(e.phase == .compileTime, "\(q): \(e)") }
        return e?.detail
    }

    @Test("undefined variables are reported with their position")
    func undefinedVariable() throws {
        let e = try #require(failure("MATCH (n)\nRETURN m"))
        #expect(e.detail == "UndefinedVariable")
        #expect(e.message == "Variable `m` not defined")
        #expect(e.range?.start.line == 2 && e.range?.start.column == 8)
    }

    @Test("variable type conflicts and rebinding")
    func conflicts() {
        #expect(detail("MATCH (n)-[r]->() MATCH (r) RETURN r") == "VariableTypeConflict")
        #expect(detail("MATCH (n) MATCH ()-[n]-() RETURN n") == "VariableTypeConflict")
        #expect(detail("MATCH p = ()-->() MATCH p = ()-->() RETURN p") == "VariableAlreadyBound")
        #expect(detail("MATCH (a) CREATE (a:Foo) RETURN a") == "VariableAlreadyBound")
        #expect(detail("CREATE (a)-[r:R]->(b) CREATE (a)-[r:R]->(b)") == "VariableAlreadyBound")
    }

    @Test("CREATE needs one type and a direction")
    func createRules() {
        #expect(detail("CREATE (a)-[:A|B]->(b)") == "NoSingleRelationshipType")
        #expect(detail("CREATE (a)-[]->(b)") == "NoSingleRelationshipType")
        #expect(detail("CREATE (a)-[:R]-(b)") == "RequiresDirectedRelationship")
        #expect(detail("CREATE (a)-[:R*2]->(b)") == "CreatingVarLength")
    }

    @Test("projection rules")
    func projectionRules() {
        #expect(detail("RETURN 1 AS a, 2 AS a") == "ColumnNameConflict")
        #expect(detail("RETURN *") == "NoVariablesInScope")
        #expect(detail("MATCH (n) WITH n.name RETURN 1") == "NoExpressionAlias")
        #expect(detail("MATCH (n) RETURN n RETURN n") == "InvalidClauseComposition")
        #expect(detail("MATCH (n)") == "InvalidClauseComposition")
    }

    @Test("missing parameters")
    func missingParameter() {
        #expect(failure("RETURN $x")?.type == "ParameterMissing")
    }

    @Test("graph functions applied to values of the wrong kind")
    func argumentKinds() {
        #expect(detail("MATCH (r) RETURN type(r)") == "InvalidArgumentType")
        #expect(detail("MATCH ()-[r]->() RETURN labels(r)") == "InvalidArgumentType")
    }

    @Test("operands of known wrong types are rejected before running")
    func staticTypes() {
        #expect(detail("RETURN 123 AND true") == "InvalidArgumentType")
        #expect(detail("RETURN 1 IN true") == "InvalidArgumentType")
        #expect(detail("RETURN none(x IN ['a', 'b'] WHERE x % 2 = 0)") == "InvalidArgumentType")
        #expect(detail("MATCH (n) WHERE (n) RETURN n") == "InvalidArgumentType")
        #expect(detail("WITH true AS n MATCH (n) RETURN n") == "VariableTypeConflict")
        #expect(detail("MATCH p = (a)-->(b) RETURN p.name") == "InvalidArgumentType")
        #expect(detail("RETURN count(rand())") == "NonConstantExpression")
        #expect(failure("RETURN [false] + true AS l") == nil)
    }

    @Test("unknown procedures")
    func procedures() {
        #expect(failure("CALL db.nope()")?.detail == "ProcedureNotFound")
    }
}

@Suite("Runtime errors")
struct RuntimeErrorTests {
    @Test("a runtime type error in WHERE points at the predicate")
    func wherePosition() throws {
        let e = try #require(failure("MATCH (n:Person)\nWHERE n.name.x = 1 RETURN n", on: try socialGraph()))
        #expect(e.phase == .runtime)
        #expect(e.type == "TypeError")
        #expect(e.range?.start.line == 2)
        #expect(e.range?.start.column == 7)
    }

    @Test("a runtime type error in RETURN points at the item")
    func returnPosition() throws {
        let e = try #require(failure("MATCH (n:Person) RETURN n.name, n.name.x AS bad", on: try socialGraph()))
        #expect(e.phase == .runtime)
        #expect(e.range?.start.column == 33)
    }

    @Test("non-boolean WHERE values and IN over a non-list are type errors")
    func typeErrors() throws {
        let g = try socialGraph()
        #expect(failure("MATCH (n) WHERE n.age RETURN n", on: g)?.type == "TypeError")
        #expect(failure("WITH 1 AS x, [1] AS l RETURN x IN l[0]", on: g)?.type == "TypeError")
    }
}
