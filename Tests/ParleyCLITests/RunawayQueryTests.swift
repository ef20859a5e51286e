import Foundation
import Testing
import ParleyGraph
import ParleyQuery
import Synchronization

/// Runaway queries stay bounded: a variable-length expansion over a dense graph can be
/// cancelled from another thread, a row budget stops it before memory runs out, and absurdly
/// deep or large query text is an error or a result, never a crash.
@Suite("Runaway queries")
struct RunawayQueryTests {
    /// 2,000 nodes `(:N {id: i})`, each with 10 `:R` edges to pseudo-random others.
    static let denseGraph: GraphStore = {
        var engine = QueryEngine(graph: GraphStore())
        do {
            _ = try engine.run("UNWIND range(1, 2000) AS i CREATE (:N {id: i})")
            _ = try engine.run("""
                MATCH (a:N) UNWIND range(1, 10) AS k
                MATCH (b:N {id: (a.id * 31 + k * 977) % 2000 + 1})
                CREATE (a)-[:R]->(b)
                """)
        } catch {
            Issue.record("building the graph failed: \(error)")
        }
        return engine.graph
    }()

    @Test("the generated graph has 2,000 nodes and 20,000 relationships")
    func graphShape() {
        #expect(Self.denseGraph.nodeCount == 2000)
        #expect(Self.denseGraph.relationshipCount == 20_000)
    }

    @Test("MATCH p=(a)-[*]-(b) RETURN count(p) stops with Cancelled soon after the token is cancelled")
    func cancelLatency() throws {
        let token = CancellationToken()
        let cancelledAt = CancelInstant()
        let clock = ContinuousClock()
        let canceller = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            cancelledAt.instant.withLock { $0 = clock.now }
            token.cancel()
        }
        var engine = QueryEngine(graph: Self.denseGraph)
        let started = clock.now
        canceller.start()
        var thrown: QueryError?
        do {
            _ = try engine.run("MATCH p=(a)-[*]-(b) RETURN count(p)", cancellation: token)
        } catch {
            thrown = error
        }
        let returned = clock.now
        let error = try #require(thrown, "the query finished instead of being cancelled")
        #expect(error.type == "Cancelled")
        let cancel = try #require(cancelledAt.instant.withLock { $0 })
        let latency = returned - cancel
        print("cancel latency: \(latency) (run returned \(returned - started) after it started)")
        #expect(latency < .seconds(1))
        #expect(engine.graph.nodeCount == 2000)
    }

    @Test("with maxRows the same expansion returning paths stops with a ResourceLimit error")
    func rowBudget() throws {
        var engine = QueryEngine(graph: Self.denseGraph)
        engine.maxRows = 100  // each path is thousands of relationships long: rows × length is the memory
        var thrown: QueryError?
        do {
            _ = try engine.run("MATCH p=(a)-[*]-(b) RETURN p")
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.type == "ResourceLimit")
        #expect(error.detail == "TooManyRows")
        #expect(error.message.contains("more than 100 rows"))
    }

    @Test("with maxRows, MATCH p=(a)-[*]-(b) RETURN count(p) stops at the walk, though it returns one row")
    func rowBudgetOnCount() throws {
        var engine = QueryEngine(graph: Self.denseGraph)
        engine.budget = QueryBudget(maxRows: 1_000, maxMemory: 1 << 30)
        var thrown: QueryError?
        do {
            _ = try engine.run("MATCH p=(a)-[*]-(b) RETURN count(p)")
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.detail == "TooManyRows")
        #expect(error.message.contains("VarLengthExpand p = (a)-[*..]-(b) produced more than 1000 rows"), "\(error.message)")
        #expect(error.range?.start.column == 12)
    }

    /// Runs `query` on an empty graph; returns the result or the error (a crash fails the run).
    static func outcome(_ query: String) -> Result<QueryResult, QueryError> {
        var engine = QueryEngine(graph: GraphStore())
        do { return .success(try engine.run(query)) } catch { return .failure(error) }
    }

    @Test("RETURN with 10,000 nested parentheses is an error or a result, not a crash")
    func deepParentheses() {
        let depth = 10_000
        let query = "RETURN " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + " AS x"
        switch Self.outcome(query) {
        case .success(let result): #expect(result.rows == [[.int(1)]])
        case .failure(let error): #expect(!error.message.isEmpty); print("10k parentheses: \(error.type): \(error.message)")
        }
    }

    @Test("10,000 nested list literals are an error or a result, not a crash")
    func deepLists() {
        let depth = 10_000
        let query = "RETURN size(" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ") AS x"
        switch Self.outcome(query) {
        case .success(let result): #expect(result.rows == [[.int(1)]])
        case .failure(let error): #expect(!error.message.isEmpty); print("10k lists: \(error.type): \(error.message)")
        }
    }

    @Test("a list literal with 1,000,000 elements works")
    func hugeList() throws {
        let query = "RETURN size([" + (0..<1_000_000).map { _ in "1" }.joined(separator: ",") + "]) AS n"
        let result = try Self.outcome(query).get()
        #expect(result.rows == [[.int(1_000_000)]])
    }

    @Test("a 10 MB string literal works")
    func hugeString() throws {
        let query = "RETURN size('" + String(repeating: "x", count: 10_000_000) + "') AS n"
        let result = try Self.outcome(query).get()
        #expect(result.rows == [[.int(10_000_000)]])
    }
}

/// When the canceller thread cancelled the token.
final class CancelInstant: Sendable {
    let instant = Mutex<ContinuousClock.Instant?>(nil)
}
