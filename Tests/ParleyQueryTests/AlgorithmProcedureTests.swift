import Foundation
import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// `id` → value of a two-column result whose first column is a node's `id`.
private func byID(_ result: QueryResult) -> [String: Value] {
    var out: [String: Value] = [:]
    for row in result.rows {
        if case .string(let id) = row[0] { out[id] = row[1] }
    }
    return out
}

/// Two triangles (a, b, c) and (d, e, f) joined by the single relationship c → d, and an
/// isolated node g; every relationship has a `w`.
private func twoCamps() throws -> GraphStore {
    var g = GraphStore()
    var n: [String: NodeID] = [:]
    for id in ["a", "b", "c", "d", "e", "f", "g"] { n[id] = try g.addNode(labels: ["P"], properties: ["id": .string(id)]) }
    for (s, t, w) in [("a", "b", 1.0), ("b", "c", 2.0), ("c", "a", 1.0), ("d", "e", 1.0), ("e", "f", 1.0), ("f", "d", 3.0), ("c", "d", 5.0)] {
        try g.addRelationship(type: "T", from: n[s]!, to: n[t]!, properties: ["w": .double(w)])
    }
    return g
}

@Suite("algo.* procedures: calls, options, errors, budget")
struct AlgorithmProcedureTests {
    @Test("a standalone call returns every column, one row per node in load order")
    func standalone() throws {
        let r = try run("CALL algo.degree()", on: try socialGraph())
        #expect(r.columns == ["node", "degree"])
        #expect(r.rows.map { $0[0] } == [.node(0), .node(1), .node(2), .node(3)])
        #expect(r.rows.map { $0[1] } == [.int(2), .int(2), .int(2), .int(2)])
        let implicit = try run("CALL algo.degree", on: try socialGraph())
        #expect(implicit.rows.count == 4)
    }

    @Test("YIELD with aliases and WHERE, then the rest of the query")
    func yieldAndFilter() throws {
        let r = try run("CALL algo.degree({direction: 'out'}) YIELD node AS n, degree AS d WHERE d > 0 RETURN n.id, d ORDER BY n.id",
                        on: try socialGraph())
        #expect(r.rows == [[.string("a"), .int(2)], [.string("b"), .int(1)], [.string("c"), .int(1)]])
        let inside = try run("MATCH (p:Person) WITH count(p) AS people CALL algo.degree YIELD node RETURN people, count(node)", on: try socialGraph())
        #expect(inside.rows == [[.int(3), .int(4)]])
    }

    @Test("relationshipTypes and nodeLabels select the graph the algorithm sees")
    func selection() throws {
        let r = byID(try run("CALL algo.degree({relationshipTypes: ['KNOWS'], weightProperty: 'since'}) YIELD node, degree RETURN node.id, degree",
                             on: try socialGraph()))
        #expect(r == ["a": .double(2001), "b": .double(4006), "c": .double(2005), "acme": .double(0)])
        let people = byID(try run("CALL algo.degree({nodeLabels: ['Person']}) YIELD node, degree RETURN node.id, degree", on: try socialGraph()))
        #expect(people == ["a": .int(1), "b": .int(2), "c": .int(1)])
    }

    @Test("a query's own relationships are a subgraph to run on")
    func querySubgraph() throws {
        let r = byID(try run("MATCH ()-[r:KNOWS]->() WITH collect(r) AS rs CALL algo.degree({relationships: rs}) YIELD node, degree RETURN node.id, degree",
                             on: try socialGraph()))
        #expect(r == ["a": .int(1), "b": .int(2), "c": .int(1)])
        let nodes = byID(try run("MATCH (p:Person) WITH collect(p) AS ps CALL algo.wcc({nodes: ps}) YIELD node, componentId RETURN node.id, componentId",
                                 on: try socialGraph()))
        #expect(nodes == ["a": .int(0), "b": .int(0), "c": .int(0)])
    }

    @Test("unknown options, wrong types and out-of-range values name the option and what it accepts")
    func optionErrors() throws {
        let g = try socialGraph()
        let typo = try #require(failure("CALL algo.pageRank({dampingfactor: 0.9})", on: g))
        #expect(typo.message.contains("unknown option `dampingfactor`"))
        #expect(typo.hint == "did you mean `dampingFactor`?")
        #expect(typo.range?.start.offset == 19)
        let range = try #require(failure("CALL algo.pageRank({dampingFactor: 1.0})", on: g))
        #expect(range.message.contains("option `dampingFactor` must be from 0 up to (not including) 1, not 1.0 (FLOAT)"))
        #expect(try #require(failure("CALL algo.pageRank({maxIterations: 0})", on: g)).message.contains("`maxIterations` must be of at least 1"))
        #expect(try #require(failure("CALL algo.pageRank({maxIterations: 2.5})", on: g)).message.contains("must be an integer"))
        #expect(try #require(failure("CALL algo.degree({direction: 'sideways'})", on: g)).message.contains("must be 'both', 'out' or 'in'"))
        let label = try #require(failure("CALL algo.wcc({nodeLabels: ['Persn']})", on: g))
        #expect(label.message.contains("no label `Persn` in the graph"))
        #expect(label.hint == "did you mean `Person`?")
        #expect(try #require(failure("CALL algo.wcc({relationshipTypes: 'KNOWS'})", on: g)).message.contains("must be a list of strings"))
        #expect(try #require(failure("CALL algo.betweenness({samplingSize: 9})", on: g)).message.contains("between 1 and the number of nodes (4)"))
        #expect(try #require(failure("CALL algo.pageRank(5)", on: g)).message.contains("expected MAP?"))
        #expect(try #require(failure("CALL algo.pageRank({}, {})", on: g)).message.contains("takes 0 to 1 arguments, got 2"))
    }

    @Test("a missing or non-numeric weight names the relationship")
    func weightErrors() throws {
        let g = try socialGraph()
        let missing = try #require(failure("CALL algo.pageRank({weightProperty: 'since'})", on: g))
        #expect(missing.message.contains("relationship (a)-[:WORKS_AT]->(acme) has no property `since`"))
        let text = try #require(failure("MATCH ()-[r:KNOWS]->() SET r.since = 'long ago' WITH count(*) AS c CALL algo.degree({weightProperty: 'since'}) YIELD node RETURN node", on: g))
        #expect(text.message.contains("has `since` = 'long ago' (STRING), not a number"))
        let negative = try #require(failure("MATCH ()-[r]->() SET r.w = -1 WITH count(*) AS c MATCH (a {id: 'a'}), (b {id: 'c'}) CALL algo.dijkstra(a, b, {weightProperty: 'w'}) YIELD cost RETURN cost", on: g))
        #expect(negative.message.contains("negative `w`"))
        #expect(try #require(failure("MATCH (a {id: 'a'}) CALL algo.dijkstra(a, a) YIELD cost RETURN cost", on: g)).message.contains("`weightProperty` is required"))
    }

    @Test("source and target: null gives no rows, a node outside the selection is an error")
    func sources() throws {
        let g = try twoCamps()
        #expect(try run("OPTIONAL MATCH (x {id: 'nobody'}) CALL algo.bfs(x) YIELD node RETURN node", on: g).rows.isEmpty)
        let outside = try #require(failure("MATCH (a {id: 'a'}) CALL algo.bfs(a, {nodes: []}) YIELD node RETURN node", on: g))
        #expect(outside.message.contains("the source node `a` is not in the part of the graph the options select"))
        let depths = byID(try run("MATCH (a {id: 'a'}) CALL algo.bfs(a, {direction: 'out', maxDepth: 2}) YIELD node, depth RETURN node.id, depth", on: g))
        #expect(depths == ["a": .int(0), "b": .int(1), "c": .int(2)])
        let all = byID(try run("MATCH (a {id: 'a'}) CALL algo.bfs(a) YIELD node, depth RETURN node.id, depth", on: g))
        #expect(all["f"] == .int(3))
        #expect(all["g"] == nil)
    }

    @Test("shortest paths: one per node sequence; Dijkstra: the cheapest, with its cost")
    func paths() throws {
        var g = GraphStore()
        let a = try g.addNode(properties: ["id": "a"]), b = try g.addNode(properties: ["id": "b"])
        let c = try g.addNode(properties: ["id": "c"]), d = try g.addNode(properties: ["id": "d"])
        try g.addRelationship(type: "R", from: a, to: b, properties: ["w": 5])
        try g.addRelationship(type: "R", from: a, to: b, properties: ["w": 1])
        try g.addRelationship(type: "R", from: b, to: d, properties: ["w": 1])
        try g.addRelationship(type: "R", from: a, to: c, properties: ["w": 1])
        try g.addRelationship(type: "R", from: c, to: d, properties: ["w": 3])
        let r = try run("MATCH (a {id: 'a'}), (d {id: 'd'}) CALL algo.shortestPaths(a, d) YIELD path RETURN [n IN nodes(path) | n.id], [r IN relationships(path) | r.w]", on: g)
        #expect(r.rows == [[.list(["a", "b", "d"]), .list([5, 1])], [.list(["a", "c", "d"]), .list([1, 3])]])
        let none = try run("MATCH (a {id: 'a'}), (d {id: 'd'}) CALL algo.shortestPaths(d, a, {direction: 'out'}) YIELD path RETURN path", on: g)
        #expect(none.rows.isEmpty)
        let short = try run("MATCH (a {id: 'a'}), (d {id: 'd'}) CALL algo.shortestPaths(a, d, {maxLength: 1}) YIELD path RETURN path", on: g)
        #expect(short.rows.isEmpty)
        let cheap = try run("MATCH (a {id: 'a'}), (d {id: 'd'}) CALL algo.dijkstra(a, d, {weightProperty: 'w'}) YIELD path, cost RETURN [n IN nodes(path) | n.id], cost", on: g)
        #expect(cheap.rows == [[.list(["a", "b", "d"]), .double(2)]])
        var engine = QueryEngine(graph: g)
        engine.maxRows = 1
        #expect(throws: QueryError.self) { try engine.run("MATCH (a {id: 'a'}), (d {id: 'd'}) CALL algo.shortestPaths(a, d) YIELD path RETURN path") }
    }

    @Test("two camps joined by one relationship: communities, bridges, cut points, components")
    func camps() throws {
        let g = try twoCamps()
        for call in ["algo.louvain()", "algo.labelPropagation()", "algo.louvain({weightProperty: 'w', seed: 7})"] {
            let ids = byID(try run("CALL \(call) YIELD node, communityId RETURN node.id, communityId", on: g))
            #expect(ids["a"] == ids["b"] && ids["b"] == ids["c"], "\(call)")
            #expect(ids["d"] == ids["e"] && ids["e"] == ids["f"], "\(call)")
            #expect(ids["a"] != ids["d"] && ids["g"] != ids["a"] && ids["g"] != ids["d"], "\(call)")
        }
        let bridges = try run("CALL algo.bridges() YIELD relationship RETURN startNode(relationship).id, endNode(relationship).id", on: g)
        #expect(bridges.rows == [[.string("c"), .string("d")]])
        let cuts = try run("CALL algo.articulationPoints() YIELD node RETURN node.id", on: g)
        #expect(column(cuts) == [.string("c"), .string("d")])
        let wcc = byID(try run("CALL algo.wcc() YIELD node, componentId RETURN node.id, componentId", on: g))
        #expect(wcc == ["a": 0, "b": 0, "c": 0, "d": 0, "e": 0, "f": 0, "g": 1])
        let scc = byID(try run("CALL algo.scc() YIELD node, componentId RETURN node.id, componentId", on: g))
        #expect(scc == ["a": 0, "b": 0, "c": 0, "d": 1, "e": 1, "f": 1, "g": 2])
        let triangles = byID(try run("CALL algo.triangleCount() YIELD node, triangles RETURN node.id, triangles", on: g))
        #expect(triangles == ["a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1, "g": 0])
        let cores = byID(try run("CALL algo.kcore() YIELD node, coreNumber RETURN node.id, coreNumber", on: g))
        #expect(cores == ["a": 2, "b": 2, "c": 2, "d": 2, "e": 2, "f": 2, "g": 0])
    }

    @Test("Ctrl-C stops a long algorithm with Cancelled")
    func cancellation() throws {
        var g = GraphStore()
        var ids: [NodeID] = []
        for _ in 0..<3_000 { ids.append(try g.addNode(labels: ["K"])) }
        for (i, a) in ids.enumerated() {
            for k in 1...8 { try g.addRelationship(type: "E", from: a, to: ids[(i * 7 + k * 131) % ids.count]) }
        }
        let token = CancellationToken()
        let thread = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            token.cancel()
        }
        thread.start()
        var engine = QueryEngine(graph: g)
        let started = Date()
        do {
            // Betweenness from every source, repeated: far more than 0.2 s of work.
            _ = try engine.run("UNWIND range(1, 1000) AS i CALL algo.betweenness() YIELD score RETURN sum(score)", cancellation: token)
            Issue.record("the query should have been cancelled")
        } catch {
            #expect(error.type == "Cancelled")
        }
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test("the memory budget counts what an algorithm holds")
    func memoryBudget() throws {
        var engine = QueryEngine(graph: try twoCamps())
        engine.budget = QueryBudget(maxRows: 0, maxMemory: 512)
        do {
            _ = try engine.run("CALL algo.pageRank()")
            Issue.record("the memory budget should have stopped the call")
        } catch {
            #expect(error.type == "ResourceLimit")
            #expect(error.range != nil)
        }
        engine.budget = QueryBudget(maxRows: 0, maxMemory: 1 << 20)
        #expect(try engine.run("CALL algo.pageRank()").rows.count == 7)
    }

    @Test("EXPLAIN shows the call; algo.list() describes every algorithm")
    func explainAndList() throws {
        let plan = try #require(try run("EXPLAIN CALL algo.pageRank() YIELD node, score RETURN node, score", on: try socialGraph()).plan)
        #expect(plan.contains("ProcedureCall"))
        #expect(plan.contains("algo.pageRank(options = {} :: MAP?)"))
        let list = try run("CALL algo.list() YIELD name, description RETURN name, description", on: GraphStore())
        let names = list.rows.map { $0[0] }
        for name in ["degree", "pageRank", "betweenness", "closeness", "harmonic", "wcc", "scc", "louvain", "labelPropagation",
                     "triangleCount", "clustering", "kcore", "articulationPoints", "bridges", "bfs", "shortestPaths", "dijkstra", "list"] {
            #expect(names.contains(.string("algo." + name)), "algo.\(name)")
        }
        #expect(list.rows.allSatisfy { if case .string(let d) = $0[1] { return !d.isEmpty } else { return false } })
    }

    @Test("an empty graph gives no rows and no error")
    func emptyGraph() throws {
        for call in ["degree", "pageRank", "betweenness", "closeness", "harmonic", "wcc", "scc", "louvain", "labelPropagation",
                     "triangleCount", "clustering", "kcore", "articulationPoints", "bridges"] {
            #expect(try run("CALL algo.\(call)()", on: GraphStore()).rows.isEmpty, "algo.\(call)")
        }
    }
}
