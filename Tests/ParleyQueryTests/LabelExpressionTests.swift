import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// Label and relationship-type expressions (`:A|B`, `:A&B`, `:!A`, `:%`, parentheses) in
/// patterns and in WHERE, on the social graph plus one node without labels.
@Suite("Label and relationship-type expressions")
struct LabelExpressionTests {
    /// The social graph with an extra node that has no label (`{name: 'Nobody'}`).
    private func graph() throws -> GraphStore {
        var g = try socialGraph()
        _ = try g.addNode(labels: [], properties: ["name": "Nobody"])
        return g
    }

    private func names(_ query: String) throws -> [Value] { column(try run(query, on: try graph())) }

    @Test("node label expressions in MATCH: disjunction, conjunction, negation, any label, parentheses")
    func nodeExpressions() throws {
        #expect(try names("MATCH (n:Person|Company) RETURN n.name ORDER BY n.name") == ["Acme", "Alice", "Bob", "Carol"])
        #expect(try names("MATCH (n:Person&Admin) RETURN n.name") == ["Carol"])
        #expect(try names("MATCH (n:Person&!Admin) RETURN n.name ORDER BY n.name") == ["Alice", "Bob"])
        #expect(try names("MATCH (n:!Person) RETURN n.name ORDER BY n.name") == ["Acme", "Nobody"])
        #expect(try names("MATCH (n:%) RETURN n.name ORDER BY n.name") == ["Acme", "Alice", "Bob", "Carol"])
        #expect(try names("MATCH (n:!%) RETURN n.name") == ["Nobody"])
        #expect(try names("MATCH (n:Person&(Admin|Company)) RETURN n.name") == ["Carol"])
        #expect(try names("MATCH (n:(Admin|Company)&!Person) RETURN n.name") == ["Acme"])
        #expect(try names("MATCH (n:!!Admin) RETURN n.name") == ["Carol"])
        // The older colon conjunction still works, and `&` means the same.
        #expect(try names("MATCH (n:Person:Admin) RETURN n.name") == ["Carol"])
        #expect(try names("MATCH (n:Missing|Company) RETURN n.name") == ["Acme"])
        #expect(try names("MATCH (n:Missing&Company) RETURN n.name") == [])
    }

    @Test("label expressions on the other nodes of a pattern, in OPTIONAL MATCH, pattern predicates and comprehensions")
    func inPatterns() throws {
        #expect(try names("MATCH (a:Person)-->(b:Admin|Company) RETURN a.name + '>' + b.name AS x ORDER BY x")
            == ["Alice>Acme", "Bob>Carol", "Carol>Acme"])
        #expect(try names("MATCH (a:Person) OPTIONAL MATCH (a)-->(b:!Person) RETURN a.name + ':' + coalesce(b.name, '-') AS x ORDER BY x")
            == ["Alice:Acme", "Bob:-", "Carol:Acme"])
        #expect(try names("MATCH (a:Person) WHERE (a)-->(:Admin|Company) RETURN a.name ORDER BY a.name") == ["Alice", "Bob", "Carol"])
        #expect(try names("MATCH (a:Person) WHERE (a)-->(:!Company) RETURN a.name ORDER BY a.name") == ["Alice", "Bob"])
        #expect(try names("MATCH (a {name: 'Alice'}) UNWIND [(a)-->(x:Person|Company) | x.name] AS x RETURN x ORDER BY x") == ["Acme", "Bob"])
        #expect(try names("MATCH (a {name: 'Alice'}) RETURN [(a)-->(x:Company) | x.name] AS xs") == [.list(["Acme"])])
        #expect(try names("MATCH (a {name: 'Alice'}) RETURN size([(a)-->(x:!%) | x]) AS n") == [0])
    }

    @Test("label expressions in WHERE and RETURN, on nodes and on relationships (their type)")
    func inExpressions() throws {
        #expect(try names("MATCH (n) WHERE n:Admin|Company RETURN n.name ORDER BY n.name") == ["Acme", "Carol"])
        #expect(try names("MATCH (n) WHERE n:!Person AND n:% RETURN n.name") == ["Acme"])
        #expect(try names("MATCH (n) WHERE n:(Person&!Admin)|Company RETURN n.name ORDER BY n.name") == ["Acme", "Alice", "Bob"])
        #expect(try names("MATCH (n {name: 'Carol'}) RETURN n:Person&Admin AS x") == [true])
        #expect(try names("MATCH ()-[r]->() WHERE r:KNOWS|OTHER RETURN r.since ORDER BY r.since") == [2001, 2005])
        #expect(try names("MATCH ()-[r]->() WHERE r:!KNOWS RETURN count(r)") == [2])
        #expect(try names("MATCH ()-[r]->() WHERE r:% RETURN count(r)") == [4])
        #expect(try names("MATCH ()-[r]->() WHERE r:KNOWS&WORKS_AT RETURN count(r)") == [0])
        // In a comprehension's WHERE, `|` still ends the predicate; parentheses make it a disjunction.
        #expect(try names("MATCH (n) WITH collect(n) AS ns RETURN [x IN ns WHERE x:Admin | x.name] AS xs") == [.list(["Carol"])])
        let both = try names("MATCH (n) WITH collect(n) AS ns RETURN size([x IN ns WHERE (x:Admin|Company) | x.name]) AS n")
        #expect(both == [2])
        #expect(try names("RETURN null:A|B AS x") == [nil])
    }

    @Test("relationship type expressions: negation, any type, parentheses, conjunction, variable length")
    func typeExpressions() throws {
        #expect(try names("MATCH ()-[r:!KNOWS]->() RETURN count(r)") == [2])
        #expect(try names("MATCH ()-[r:%]->() RETURN count(r)") == [4])
        #expect(try names("MATCH ()-[r:(KNOWS|WORKS_AT)]->() RETURN count(r)") == [4])
        #expect(try names("MATCH ()-[r:KNOWS&WORKS_AT]->() RETURN count(r)") == [0])
        #expect(try names("MATCH ()-[r:!(KNOWS|WORKS_AT)]->() RETURN count(r)") == [0])
        #expect(try names("MATCH ()-[r:KNOWS|:WORKS_AT]->() RETURN count(r)") == [4])
        #expect(try names("MATCH (a {name: 'Alice'})-[:!WORKS_AT*1..3]->(b) RETURN b.name ORDER BY b.name") == ["Bob", "Carol"])
        #expect(try names("MATCH (a {name: 'Alice'})-[:%*2]->(b) RETURN b.name ORDER BY b.name") == ["Carol"])
        #expect(try names("MATCH (a:Person)-[:!KNOWS]-(b) RETURN count(*)") == [2])
    }

    @Test("a type expression sees types the same statement creates")
    func createdTypes() throws {
        var engine = QueryEngine(graph: try graph())
        let r = try engine.run("CREATE (:X)-[:NEW]->(:Y) WITH 1 AS one MATCH ()-[r:!KNOWS]->() RETURN count(r) AS n")
        #expect(column(r) == [3])
    }

    @Test("EXPLAIN shows the expression; a disjunction scans all nodes and filters, a conjunction scans a label")
    func explain() throws {
        let g = try graph()
        let or = try #require(try run("EXPLAIN MATCH (n:Person|Company) RETURN n", on: g).plan)
        #expect(or.contains("AllNodesScan (n:Person|Company)"))
        #expect(or.contains("Filter n:Person|Company"))
        let mixed = try #require(try run("EXPLAIN MATCH (n:Person&!Admin)-[r:!KNOWS]->(m:%) RETURN n", on: g).plan)
        #expect(mixed.contains("NodeByLabelScan (n:Person&!Admin)"))
        #expect(mixed.contains("Filter n:Person&!Admin"))
        #expect(mixed.contains("(n:Person&!Admin)-[r:!KNOWS]->(m:%)"))
        // `:Person&Admin` scans the smaller label (Admin: one node) and checks Person per node.
        var parser = try Parser("MATCH (n:Person&Admin) RETURN n")
        let statement = try parser.statement()
        let bound = try Binder(graph: g, parameters: [:], parser: parser).bind(statement)
        let plan = LogicalPlanner(graph: g, slotNames: bound.slotNames).plan(bound)
        let scans = plan.parts[0].plan.steps.compactMap { step -> (String?, [String])? in
            if case .nodeScan(_, let label, let others, _) = step.operation { return (label, others) } else { return nil }
        }
        #expect(scans.count == 1 && scans.first?.0 == "Admin" && scans.first?.1 == ["Person"])
    }

    @Test("CREATE and MERGE refuse label and type expressions, with the pattern's position")
    func writesRefuse() throws {
        var e = try #require(failure("CREATE (n:A|B)"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 8)
        #expect(e.message.contains(":A|B"))
        e = try #require(failure("MERGE (n:!A)"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 7)
        e = try #require(failure("CREATE ()-[:!R]->()"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 10)
        e = try #require(failure("MERGE (a)-[:%]->(b)"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 10)
        // A plain conjunction is fine.
        var engine = QueryEngine(graph: GraphStore())
        let r = try engine.run("CREATE (n:A&B) RETURN labels(n) AS l")
        #expect(column(r) == [.list(["A", "B"])])
    }

    @Test("malformed label expressions are syntax errors with positions")
    func syntaxErrors() throws {
        var e = try #require(failure("MATCH (n:A:B|C) RETURN n"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 11)
        e = try #require(failure("MATCH (n:A|) RETURN n"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 12)
        e = try #require(failure("MATCH (n:(A|B) RETURN n"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 16)
        e = try #require(failure("MATCH ()-[r:R:S]->() RETURN r"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 14)
    }
}
