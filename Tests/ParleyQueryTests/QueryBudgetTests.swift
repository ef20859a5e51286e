import ParleyGraph
import ParleyValues
import Testing

@testable import ParleyQuery

/// The row and memory budgets stop runaway queries with a `ResourceLimit` error that names
/// the step and points at its pattern; queries within budget are unaffected.
@Suite("Query budgets")
struct QueryBudgetTests {
    /// Runs `query` under `budget` on the social graph; returns the error, or nil on success.
    func budgetError(_ query: String, _ budget: QueryBudget, graph: GraphStore? = nil) throws -> QueryError? {
        var engine = QueryEngine(graph: try graph ?? socialGraph())
        engine.budget = budget
        do {
            _ = try engine.run(query)
            return nil
        } catch {
            return error
        }
    }

    @Test("a cartesian product stops at the step that passes the row budget, with its position")
    func cartesianProduct() throws {
        // 4 nodes: (a) 4 rows, (a),(b) 16, (a),(b),(c) 64; count(*) returns one row.
        let query = "MATCH (a), (b), (c) RETURN count(*) AS n"
        let error = try #require(try budgetError(query, QueryBudget(maxRows: 20)))
        #expect(error.type == "ResourceLimit" && error.detail == "TooManyRows")
        #expect(error.message.contains("AllNodesScan (c) produced more than 20 rows"), "\(error.message)")
        let range = try #require(error.range)
        #expect(range.start.column == 17)
        #expect(error.hint?.contains(":set maxRows") == true)
        #expect(try budgetError(query, QueryBudget(maxRows: 64)) == nil)
    }

    @Test("an intermediate step is bounded even when the result has one row")
    func variableLengthCount() throws {
        var g = try socialGraph()
        // A ring of 12 nodes, both ways round: many trails, one result row.
        var ring: [NodeID] = []
        for i in 0..<12 { ring.append(try g.addNode(labels: ["Ring"], properties: ["i": .int(Int64(i))])) }
        for i in 0..<12 { try g.addRelationship(type: "NEXT", from: ring[i], to: ring[(i + 1) % 12]) }
        let query = "MATCH p=(a:Ring)-[*]-(b) RETURN count(p) AS paths"
        var engine = QueryEngine(graph: g)
        let all = try engine.run(query)
        #expect(all.rows.count == 1)
        guard case .int(let paths) = all.rows[0][0] else { Issue.record("count is not an integer"); return }
        #expect(paths > 100)
        let error = try #require(try budgetError(query, QueryBudget(maxRows: 100), graph: g))
        #expect(error.message.contains("VarLengthExpand"), "\(error.message)")
        #expect(error.range?.start.column == 17)
        #expect(try budgetError(query, QueryBudget(maxRows: Int(paths)), graph: g) == nil)
    }

    @Test("LIMIT keeps a query under the row budget: steps produce only what is pulled")
    func limitStaysWithinBudget() throws {
        #expect(try budgetError("MATCH (a), (b) RETURN a, b LIMIT 3", QueryBudget(maxRows: 3)) == nil)
    }

    @Test("the result itself counts: more result rows than the budget is an error")
    func resultRows() throws {
        let error = try #require(try budgetError("UNWIND range(1, 10) AS i RETURN i", QueryBudget(maxRows: 5)))
        #expect(error.detail == "TooManyRows")
        #expect(error.message.contains("Unwind"), "\(error.message)")
    }

    @Test("collect() that outgrows the memory budget stops in the aggregation")
    func collectMemory() throws {
        let query = "UNWIND range(1, 20000) AS i RETURN collect('a value long enough to live on the heap ' + i) AS all"
        let error = try #require(try budgetError(query, QueryBudget(maxMemory: 256 << 10)))
        #expect(error.type == "ResourceLimit" && error.detail == "MemoryBudgetExceeded")
        #expect(error.message.contains("more than 256 KiB while Aggregation"), "\(error.message)")
        #expect(error.hint?.contains(":set maxMemory") == true)
        #expect(try budgetError(query, QueryBudget(maxMemory: 64 << 20)) == nil)
    }

    @Test("ORDER BY, DISTINCT and the result are weighed against the memory budget")
    func materialisingSteps() throws {
        let budget = QueryBudget(maxMemory: 256 << 10)
        let sort = try #require(try budgetError("UNWIND range(1, 20000) AS i WITH 'padding padding padding ' + i AS s ORDER BY s RETURN count(s)", budget))
        #expect(sort.message.contains("while Sort"), "\(sort.message)")
        let distinct = try #require(try budgetError("UNWIND range(1, 20000) AS i WITH DISTINCT 'padding padding padding ' + i AS s RETURN count(s)", budget))
        #expect(distinct.message.contains("while Distinct"), "\(distinct.message)")
        let result = try #require(try budgetError("UNWIND range(1, 20000) AS i RETURN 'padding padding padding ' + i AS s", budget))
        #expect(result.message.contains("in its result"), "\(result.message)")
    }

    @Test("a failed budget leaves the graph unchanged")
    func writesUndone() throws {
        var engine = QueryEngine(graph: try socialGraph())
        engine.budget = QueryBudget(maxRows: 10)
        #expect(throws: QueryError.self) { try engine.run("UNWIND range(1, 50) AS i CREATE (:Made {i: i})") }
        #expect(engine.graph.nodeCount == 4)
    }

    @Test("PROFILE counts rows the same with and without a row budget")
    func profileUnchanged() throws {
        var engine = QueryEngine(graph: try socialGraph())
        let plain = try engine.run("PROFILE MATCH (a)-->(b) RETURN a, b").plan
        engine.budget = QueryBudget(maxRows: 100)
        let budgeted = try engine.run("PROFILE MATCH (a)-->(b) RETURN a, b").plan
        func rows(_ plan: String?) -> [Substring] { (plan ?? "").split(separator: "\n").map { $0.split(separator: ",")[0] } }
        #expect(rows(plain) == rows(budgeted))
        #expect(plain?.contains("rows=4") == true)
    }

    @Test("steps re-run for each row (OPTIONAL MATCH, MERGE) count their rows per run")
    func perRun() throws {
        let budget = QueryBudget(maxRows: 300)
        var engine = QueryEngine(graph: try socialGraph())
        engine.budget = budget
        // MERGE scans the :X nodes once per UNWIND row: 200 runs of up to 200 rows each.
        let merged = try engine.run("UNWIND range(1, 200) AS i MERGE (n:X {name: i}) RETURN count(*) AS c")
        #expect(merged.rows == [[.int(200)]])
        let optional = try engine.run("MATCH (a:X) OPTIONAL MATCH (b:X) WHERE b.name = a.name RETURN count(b) AS c")
        #expect(optional.rows == [[.int(200)]])
    }

    @Test("only values an aggregate keeps weigh: repeated DISTINCT values and nulls do not")
    func keptValuesOnly() throws {
        let budget = QueryBudget(maxMemory: 64 << 10)
        #expect(try budgetError("UNWIND range(1, 100000) AS i RETURN collect(DISTINCT i % 3) AS c", budget) == nil)
        #expect(try budgetError("UNWIND range(1, 100000) AS i RETURN collect(CASE WHEN i < 3 THEN i END) AS c", budget) == nil)
        let distinct = try #require(try budgetError("UNWIND range(1, 100000) AS i RETURN count(DISTINCT 'value number ' + i) AS c", budget))
        #expect(distinct.detail == "MemoryBudgetExceeded")
    }

    @Test("ORDER BY with a large LIMIT is weighed too")
    func sortWithLargeLimit() throws {
        let error = try #require(try budgetError(
            "UNWIND range(1, 100000) AS i WITH 'padding padding padding ' + i AS s ORDER BY s LIMIT 1000000 RETURN count(*)",
            QueryBudget(maxMemory: 1 << 20)))
        #expect(error.message.contains("while Top s (keep 1000000)"), "\(error.message)")
    }

    @Test("sizes parse in powers of 1024 and print back")
    func sizes() {
        #expect(QueryBudget.parseBytes("0") == 0)
        #expect(QueryBudget.parseBytes("4096") == 4096)
        #expect(QueryBudget.parseBytes("512K") == 512 << 10)
        #expect(QueryBudget.parseBytes("512m") == 512 << 20)
        #expect(QueryBudget.parseBytes("2GiB") == 2 << 30)
        #expect(QueryBudget.parseBytes("1.5G") == 3 << 29)
        #expect(QueryBudget.parseBytes("4 GB") == 4 << 30)
        #expect(QueryBudget.parseBytes("lots") == nil)
        #expect(QueryBudget.parseBytes("-1G") == nil)
        #expect(QueryBudget.parseBytes("9999999T") == nil)
        #expect(QueryBudget.describe(bytes: 4 << 30) == "4 GiB")
        #expect(QueryBudget.describe(bytes: 3 << 29) == "1.5 GiB")
        #expect(QueryBudget.describe(bytes: 100) == "100 B")
    }
}
