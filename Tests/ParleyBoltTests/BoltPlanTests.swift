import ParleyBolt
import Testing

@Suite("A server's plan as text")
struct BoltPlanTests {
    /// Neo4j 5's EXPLAIN of `MATCH (p:Person) WHERE p.age > $a RETURN p.name`, as its summary
    /// carries it.
    static let explain: BoltMap = [
        "operatorType": "ProduceResults@neo4j",
        "identifiers": ["p", "p.name"],
        "arguments": .map(["Details": "`p.name`", "EstimatedRows": 3.3, "planner": "COST", "runtime": "PIPELINED", "runtime-version": "5.13"]),
        "children": [.map([
            "operatorType": "Projection@neo4j",
            "identifiers": ["p", "p.name"],
            "arguments": .map(["Details": "p.name AS `p.name`", "EstimatedRows": 3.3]),
            "children": [.map([
                "operatorType": "Filter@neo4j",
                "identifiers": ["p"],
                "arguments": .map(["Details": "p.age > $a", "EstimatedRows": 3.3]),
                "children": [.map([
                    "operatorType": "NodeByLabelScan@neo4j",
                    "identifiers": ["p"],
                    "arguments": .map(["Details": "p:Person", "EstimatedRows": 10.0]),
                    "children": [],
                ])],
            ])],
        ])],
    ]

    @Test("EXPLAIN: root first, two spaces a level, details and estimated rows; runtime and planner first")
    func explainTree() throws {
        let plan = try #require(BoltPlan(summary: ["plan": .map(Self.explain), "type": "r"]))
        #expect(!plan.isProfile)
        #expect(plan.render() == """
            Runtime PIPELINED, planner COST
            ProduceResults `p.name`  [estimated rows=3.3]
              Projection p.name AS `p.name`  [estimated rows=3.3]
                Filter p.age > $a  [estimated rows=3.3]
                  NodeByLabelScan p:Person  [estimated rows=10]
            """)
    }

    @Test("PROFILE: rows and db hits per operator, two children in order, the total last")
    func profileTree() throws {
        let leaf = { (name: String, rows: Int64, hits: Int64) -> BoltValue in
            .map(["operatorType": .string(name), "identifiers": ["n"], "arguments": .map([:]), "children": [], "rows": .int(rows), "dbHits": .int(hits)])
        }
        let profile: BoltMap = [
            "operatorType": "ProduceResults", "identifiers": ["n"], "arguments": .map([:]), "rows": 2, "dbHits": 0,
            "children": [.map([
                "operatorType": "CartesianProduct", "identifiers": ["a", "b"], "arguments": .map([:]), "rows": 2, "dbHits": 0,
                "pageCacheHits": 5, "pageCacheMisses": 1,
                "children": [leaf("AllNodesScan", 1, 2), leaf("NodeByLabelScan", 2, 3)],
            ])],
        ]
        // The plan may come in RUN's metadata too; PULL's summary wins.
        let plan = try #require(BoltPlan(summary: ["profile": .map(profile)], runMetadata: ["plan": .map(Self.explain)]))
        #expect(plan.isProfile)
        #expect(plan.render() == """
            ProduceResults n  [rows=2, dbHits=0]
              CartesianProduct a, b  [rows=2, dbHits=0, pageCacheHits=5, pageCacheMisses=1]
                AllNodesScan n  [rows=1, dbHits=2]
                NodeByLabelScan n  [rows=2, dbHits=3]
            Total database accesses: 5
            """)
    }

    @Test("no plan in the summary or RUN's metadata: nil (FalkorDB 4.16 sends none)")
    func none() {
        #expect(BoltPlan(summary: ["t_last": 1], runMetadata: ["fields": ["x"], "qid": 0]) == nil)
        #expect(BoltPlan(summary: nil) == nil)
        #expect(BoltPlan(summary: nil, runMetadata: ["plan": .map(["operatorType": "ProduceResults"])]) != nil)
    }

    @Test("a plan thousands of operators deep renders without recursion, its indent capped")
    func deep() throws {
        var node: BoltMap = ["operatorType": "Leaf", "children": []]
        for i in 0..<3000 { node = ["operatorType": .string("Op\(i % 10)"), "children": [.map(node)]] }
        let text = try #require(BoltPlan(summary: ["plan": .map(node)])).render()
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3001)
        #expect(lines.last == Substring(String(repeating: "  ", count: 64) + "(3000) Leaf"))
    }
}
