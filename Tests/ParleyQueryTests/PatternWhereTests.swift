import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// `WHERE` inside node and relationship patterns: results, pushed-down filters, and the scope
/// rule (the pattern element's own variable and variables bound before the clause only).
@Suite("WHERE inside node and relationship patterns")
struct PatternWhereTests {
    private func names(_ query: String) throws -> [Value] { column(try run(query, on: try socialGraph())) }

    @Test("a node pattern's WHERE filters its node")
    func nodeWhere() throws {
        #expect(try names("MATCH (n:Person WHERE n.age > 28) RETURN n.name ORDER BY n.name") == ["Alice", "Carol"])
        #expect(try names("MATCH (n:Person {name: 'Bob'} WHERE n.age < 30) RETURN n.name") == ["Bob"])
        #expect(try names("MATCH (a:Person WHERE a.age < 30)-->(b WHERE b:Admin) RETURN b.name") == ["Carol"])
        #expect(try names("MATCH (n:Person WHERE n.age > 28 AND n:Admin) RETURN n.name") == ["Carol"])
    }

    @Test("a relationship pattern's WHERE filters its relationship")
    func relationshipWhere() throws {
        #expect(try names("MATCH (a)-[r:KNOWS WHERE r.since < 2003]->(b) RETURN b.name") == ["Bob"])
        #expect(try names("MATCH (a)<-[r WHERE r.since > 2003]-(b) RETURN a.name") == ["Carol"])
    }

    @Test("the predicate may use variables bound before the clause")
    func outerVariables() throws {
        #expect(try names("WITH 30 AS min MATCH (n:Person WHERE n.age >= min) RETURN n.name ORDER BY n.name") == ["Alice", "Carol"])
        #expect(try names("MATCH (a {name: 'Alice'}) MATCH (a)-->(b WHERE b.age < a.age) RETURN b.name") == ["Bob"])
        #expect(try names("MATCH (a:Person) OPTIONAL MATCH (a)-[r WHERE r.since > 2003]->(b) RETURN a.name + ':' + coalesce(b.name, '-') AS x ORDER BY x")
            == ["Alice:-", "Bob:Carol", "Carol:-"])
    }

    @Test("in pattern predicates and pattern comprehensions")
    func inExpressions() throws {
        #expect(try names("MATCH (a:Person) WHERE (a)-[:KNOWS WHERE false]->() RETURN a.name") == [])
        // The pattern predicate waits for `b`, which only its inner WHERE reads.
        #expect(try names("MATCH (a:Person {name: 'Alice'}), (b:Person) WHERE (a)-[:KNOWS WHERE b.age < 30]->() RETURN b.name") == ["Bob"])
        #expect(try names("MATCH (a:Person {name: 'Alice'}), (b:Person) WHERE (a)-[:KNOWS]->({name: b.name}) RETURN b.name") == ["Bob"])
        #expect(try names("MATCH (a:Person) RETURN a.name AS n, [(a)-[r WHERE r.since > 2003]->(b) | b.name] AS bs ORDER BY n")
            == ["Alice", "Bob", "Carol"])
        let r = try run("MATCH (a {name: 'Bob'}) RETURN [(a)-[r WHERE r.since > 2003]->(b) | b.name] AS bs", on: try socialGraph())
        #expect(column(r) == [.list(["Carol"])])
    }

    @Test("EXPLAIN shows the pattern's predicate as a filter")
    func explain() throws {
        let plan = try #require(try run("EXPLAIN MATCH (n:Person WHERE n.age > 28) RETURN n", on: try socialGraph()).plan)
        #expect(plan.contains("Filter n.age > 28"))
        #expect(plan.contains("NodeByLabelScan (n:Person)"))
    }

    @Test("a variable declared elsewhere in the same clause is refused, at its position")
    func scopeErrors() throws {
        var e = try #require(failure("MATCH (a:Person), (b WHERE b.age > a.age) RETURN b", on: try socialGraph()))
        #expect(e.type == "SyntaxError" && e.detail == "UndefinedVariable")
        #expect(e.range?.start.column == 36)
        #expect(e.message.contains("`a`"))
        e = try #require(failure("MATCH (a WHERE a.age > b.age)-->(b) RETURN b"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 24)
        e = try #require(failure("MATCH (a)-[r WHERE r.since > b.since]->(b) RETURN b"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 30)
        e = try #require(failure("MATCH (a WHERE a.x = nowhere) RETURN a"))
        #expect(e.type == "SyntaxError" && e.detail == "UndefinedVariable" && e.range?.start.column == 22)
    }

    @Test("refused: WHERE in a variable-length relationship, in CREATE and MERGE, a non-boolean predicate")
    func otherErrors() throws {
        var e = try #require(failure("MATCH (a)-[r*1..2 WHERE true]->(b) RETURN b"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 25)
        e = try #require(failure("CREATE (n:A WHERE n.x = 1)"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 19)
        e = try #require(failure("MERGE (a)-[r:R WHERE r.x = 1]->(b)"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 22)
        e = try #require(failure("MATCH (n WHERE 1) RETURN n"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 16)
    }
}
