import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// The query pipeline's stages one at a time: the binder's bound statement, the logical
/// planner's plan (compared as text), and the physical planner's operators.
@Suite("Binder, logical planner and physical planner")
struct PlannerStageTests {
    /// Parses and binds `query` on `graph`.
    private func bind(_ query: String, on graph: GraphStore, _ parameters: [String: Value] = [:]) throws(QueryError) -> BoundStatement {
        var parser = try Parser(query)
        let statement = try parser.statement()
        return try Binder(graph: graph, parameters: parameters, parser: parser).bind(statement)
    }

    /// The logical plan of `query`, as EXPLAIN prints it.
    private func plan(_ query: String, on graph: GraphStore) throws -> (StatementPlan, String) {
        let bound = try bind(query, on: graph)
        let plan = LogicalPlanner(graph: graph, slotNames: bound.slotNames).plan(bound)
        return (plan, PlanPrinter.render(plan))
    }

    @Test("the binder resolves variables to slots and keeps WHERE's index-usable equality, planning nothing")
    func binderOutput() throws {
        let bound = try bind("MATCH (a:Person)-[:KNOWS]->(b) WHERE a.id = 'a' RETURN b.name AS name", on: try socialGraph())
        #expect(bound.parts.count == 1 && bound.subqueries.isEmpty && !bound.writes)
        let query = bound.parts[0]
        #expect(query.columns == ["name"])
        #expect(query.clauses.count == 2)
        guard case .match(let match) = query.clauses[0].kind else { Issue.record("first clause is not a MATCH"); return }
        #expect(!match.optional && match.outerBound.isEmpty)
        #expect(match.parts.count == 1 && match.parts[0].nodes.map(\.name) == ["a", "b"])
        #expect(match.parts[0].rels[0].types == ["KNOWS"])
        let a = match.parts[0].nodes[0].slot
        #expect(match.predicates.count == 1)
        #expect(match.predicates[0].equality?.slot == a && match.predicates[0].equality?.key == "id")
        #expect(bound.slotNames[a] == "a")
        guard case .projection(let projection) = query.clauses[1].kind, case .project(let items, _, _) = projection.body else {
            Issue.record("second clause is not a plain projection"); return
        }
        #expect(items.count == 1 && projection.columnSlots == [items[0].slot])
    }

    @Test("the binder raises semantic errors before anything is planned")
    func binderErrors() throws {
        #expect(throws: QueryError.self) { try bind("MATCH (a) RETURN b", on: GraphStore()) }
        #expect(throws: QueryError.self) { try bind("MATCH p = shortestPath((a)-[*2..3]-(b)) RETURN p", on: GraphStore()) }
        do {
            _ = try bind("RETURN 1 SKIP size([()-->() | 1])", on: GraphStore())
            Issue.record("a pattern in SKIP must be refused")
        } catch {
            #expect(error.detail == "NonConstantExpression" && error.range != nil)
        }
    }

    @Test("the logical plan of an indexed lookup and an expansion prints as EXPLAIN shows it")
    func indexSeekPlan() throws {
        let g = try socialGraph()
        let (_, text) = try plan("MATCH (p:Person {id: 'a'})-[:KNOWS]->(f) WHERE f.age > 20 RETURN f.name", on: g)
        #expect(text == """
            ProduceResults f.name
              Projection f.name
                Filter f.age > 20
                  Expand (p:Person)-[:KNOWS]->(f)
                    Filter p.id = …
                      NodeIndexSeek (p:Person) WHERE id = …
                        Argument
            """)
    }

    @Test("counting an expansion per node becomes a degree count: the Expand step is gone")
    func degreePlan() throws {
        let (plan, text) = try plan("MATCH (n:Person)-[r]->() RETURN n.name AS name, count(r) AS degree", on: try socialGraph())
        #expect(text.contains("GroupAggregationByDegree"))
        #expect(!plan.parts[0].plan.steps.contains { if case .expand = $0.operation { return true } else { return false } })
        let (_, batch) = try self.plan("MATCH (n:Person)-[r]->(m:Person) RETURN count(*) AS c", on: try socialGraph())
        #expect(batch.contains("AggregationOfExpansion"))
    }

    @Test("a closed two-hop pattern intersects neighbourhoods; a named variable-length path is bound by the walk")
    func intersectAndPath() throws {
        let g = try socialGraph()
        let (_, triangle) = try plan("MATCH (a)-->(b)-->(c)-->(a) RETURN a", on: g)
        #expect(triangle.contains("ExpandIntersect"))
        let (_, path) = try plan("MATCH p = (a:Person)-[:KNOWS*]->(b) RETURN p", on: g)
        #expect(path.contains("VarLengthExpand p = (a:Person)-[:KNOWS*..]->(b)"))
        #expect(!path.contains("path p"))
    }

    @Test("OPTIONAL MATCH and MERGE hold the plan they run per row; writes get an Eager barrier")
    func innerPlans() throws {
        let g = try socialGraph()
        let (plan, text) = try plan("MATCH (a:Person) OPTIONAL MATCH (a)-[:WORKS_AT]->(c) RETURN a, c", on: g)
        #expect(text.contains("  OptionalApply\n    (per row)\n      Expand (a)-[:WORKS_AT]->(c)\n        BoundNode (a)\n          Argument\n    NodeByLabelScan (a:Person)"))
        guard case .optional(let inner, let nullSlots) = plan.parts[0].plan.steps.first(where: { $0.operation.name == "OptionalApply" })?.operation else {
            Issue.record("no OptionalApply step"); return
        }
        #expect(inner.steps.first.map { $0.operation.name } == "Argument" && nullSlots.count == 2)
        let (_, merge) = try self.plan("MATCH (a:Person) MERGE (a)-[:LIKES]->(b:Thing) RETURN b", on: g)
        #expect(merge.contains("Merge (a)-[:LIKES]->(b:Thing)") && merge.contains("Eager"))
    }

    @Test("the physical planner builds one operator per step, named by it, and the sub-plans expressions use")
    func physicalPlan() throws {
        let g = try socialGraph()
        let bound = try bind("MATCH (a:Person) WHERE exists((a)-[:KNOWS]->()) OPTIONAL MATCH (a)-->(c:Company) RETURN a.name, [(a)-->(x) | x.name] AS out", on: g)
        #expect(bound.subqueries.count == 2)
        let plan = LogicalPlanner(graph: g, slotNames: bound.slotNames).plan(bound)
        #expect(plan.subplans.count == 2)
        let compiled = PhysicalPlanner(graph: g, procedures: .standard).compile(plan)
        let pipeline = compiled.parts[0].pipeline
        #expect(pipeline.operators.count == plan.parts[0].plan.steps.count)
        #expect(pipeline.operators.map(\.name) == plan.parts[0].plan.steps.map(\.operation.name))
        #expect(pipeline.operators.first is ArgumentOperator)
        let optional = try #require(plan.parts[0].plan.steps.firstIndex { $0.operation.name == "OptionalApply" })
        #expect(pipeline.inner[optional] != nil)
        #expect(compiled.subplans.count == 2)
        let r = try run("MATCH (a:Person) WHERE exists((a)-[:KNOWS]->()) RETURN a.name AS name, [(a)-->(x) | x.name] AS out ORDER BY name", on: g)
        #expect(r.rows == [[.string("Alice"), .list([.string("Bob"), .string("Acme")])], [.string("Bob"), .list([.string("Carol")])]])
    }

    @Test("PROFILE prints the logical plan with each step's operator counters")
    func profileCounters() throws {
        let r = try run("PROFILE MATCH (a:Person) OPTIONAL MATCH (a)-[:WORKS_AT]->(c) RETURN a.name", on: try socialGraph())
        let plan = try #require(r.plan)
        #expect(plan.contains("NodeByLabelScan (a:Person)  [rows=3, time="))
        #expect(plan.contains("OptionalApply  [rows=3, time="))
        #expect(plan.contains("Expand (a)-[:WORKS_AT]->(c)  [rows=2, time="))
    }
}
