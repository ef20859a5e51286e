@testable import ParleyBolt
import ParleyGraph
import ParleyValues
import Testing

@Suite("Pushing a local graph: the checks, the queries and the relationship keys")
struct GraphPusherTests {
    /// Ann and Bo with three KNOWS from Ann to Bo: two without an id, one with.
    static func graph() throws -> GraphStore {
        var g = GraphStore()
        let ann = try g.addNode(labels: ["Person"], properties: ["id": "ann"])
        let bo = try g.addNode(labels: ["Person", "Agent"], properties: ["id": "bo"])
        _ = try g.addRelationship(type: "KNOWS", from: ann, to: bo, properties: ["since": 2001])
        _ = try g.addRelationship(type: "KNOWS", from: ann, to: bo, properties: ["since": 2002])
        _ = try g.addRelationship(type: "KNOWS", from: ann, to: bo, properties: ["id": "k1"])
        return g
    }

    @Test("the queries merge on the first label and id, add labels, and merge relationships on their key")
    func queries() {
        #expect(GraphPusher.nodeQuery(labels: ["Agent", "Person"], rows: ["{id: 1}"]) == "UNWIND [{id: 1}] AS row MERGE (n:`Agent` {id: row.id}) SET n = row.props SET n:`Agent`:`Person`")
        #expect(GraphPusher.nodeQuery(labels: [], rows: []) == "UNWIND [] AS row MERGE (n {id: row.id}) SET n = row.props")
        #expect(GraphPusher.nodeQuery(labels: ["A"], rows: ["{id: 'x'}", "{id: 'y'}"]) == "UNWIND [{id: 'x'}, {id: 'y'}] AS row MERGE (n:`A` {id: row.id}) SET n = row.props SET n:`A`")
        #expect(GraphPusher.relationshipQuery(type: "ODD `T`", rows: []) == "UNWIND [] AS row MATCH (a {id: row.start}) MATCH (b {id: row.end}) MERGE (a)-[r:`ODD ``T``` {_parley_key: row.key}]->(b) SET r = row.props")
        #expect(GraphPusher.relationshipQuery(type: "T", startLabel: "A", endLabel: "B`", rows: ["{start: 1, end: 2}"]) == "UNWIND [{start: 1, end: 2}] AS row MATCH (a:`A` {id: row.start}) MATCH (b:`B``` {id: row.end}) MERGE (a)-[r:`T` {_parley_key: row.key}]->(b) SET r = row.props")
        #expect(GraphPusher.indexQueries(label: "A b") == ["CREATE INDEX FOR (n:`A b`) ON (n.id)", "CREATE INDEX ON :`A b`(id)"])
    }

    @Test("parallel relationships get ordinals; one with an id is keyed on it")
    func keys() throws {
        let pusher = GraphPusher(graph: try Self.graph())
        let (groups, ordinals) = pusher.relationshipPlan()
        #expect(groups.map(\.type) == ["KNOWS"])
        #expect(groups[0].startLabel == "Person" && groups[0].endLabel == "Agent", "ends keyed on their first label in sorted order")
        let rows = groups[0].relationships.map { pusher.relationshipRow($0, ordinal: ordinals[$0]) }
        let keys = rows.map { row -> String? in if case .map(let m) = row, case .string(let k)? = m["key"] { return k }; return nil }
        #expect(keys == ["#0", "#1", "'k1'#0"])
        guard case .map(let first) = rows[0], case .map(let props)? = first["props"] else { Issue.record("no props"); return }
        #expect(props["since"] == .int(2001) && props["_parley_key"] == .string("#0"))
    }

    @Test("every row travels as an exact Cypher literal: floats, quotes, backslashes, big integers")
    func literals() throws {
        let rows: [Value] = [
            .map(["id": "a", "n": 3]), .map(["id": "b", "w": 0.30000000000000004]),
            .map(["id": "it's"]), .map(["id": "c", "l": .list(["a\\b"])]), .map(["id": "d", "s": "say \"hi\"", "big": .int(Int64.max)]),
        ]
        #expect(rows.map(GraphPusher.literal) == [
            "{id: 'a', n: 3}", "{id: 'b', w: 0.30000000000000004}", "{id: 'it\\'s'}", "{id: 'c', l: ['a\\\\b']}",
            "{big: 9223372036854775807, id: 'd', s: 'say \"hi\"'}",
        ])
    }

    @Test("a graph that cannot go whole is refused: no id, a repeated id, a temporal value, a null in a list, infinity, a NUL, a taken key")
    func refusals() throws {
        #expect(throws: Never.self) { try GraphPusher(graph: Self.graph()).check() }
        func problem(_ g: GraphStore) -> String {
            do { try GraphPusher(graph: g).check() } catch { return error.description }
            return ""
        }
        var noID = try Self.graph()
        _ = try noID.addNode(labels: ["X"])
        #expect(problem(noID).contains("a node without an id property (labels: X)"))
        var twice = try Self.graph()
        _ = try twice.addNode(properties: ["id": "ann"])
        #expect(problem(twice).contains("two nodes with the id 'ann'"))
        var temporal = try Self.graph()
        _ = try temporal.addNode(properties: ["id": "t", "on": .list([.temporal(.date(try CypherDate(year: 2020, month: 1, day: 2)))])])
        #expect(problem(temporal).contains("node 't' property 'on' holds a temporal value"))
        var nullInList = try Self.graph()
        _ = try nullInList.addNode(properties: ["id": "x", "l": .list([1, .null])])
        #expect(problem(nullInList).contains("node 'x' property 'l' is a list with a null element"))
        var infinite = try Self.graph()
        _ = try infinite.addNode(properties: ["id": "y", "f": .double(.infinity)])
        #expect(problem(infinite).contains("node 'y' property 'f' holds"))
        var nul = try Self.graph()
        _ = try nul.addNode(properties: ["id": "z", "s": "a\u{0}b"])
        #expect(problem(nul).contains("node 'z' property 's' holds a string with a NUL character"))
        var taken = try Self.graph()
        _ = try taken.setProperty(relationship: 0, "_parley_key", "x")
        #expect(problem(taken).contains("has a property named _parley_key"))
    }
}
