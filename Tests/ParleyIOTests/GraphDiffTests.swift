import ParleyGraph
import ParleyValues
@testable import ParleyIO
import Testing

/// `GraphDiff`: matching nodes by id and relationships by (source, type, target, id) as
/// multisets, values compared with their type, and a deterministic order.
@Suite("Graph diff")
struct GraphDiffTests {
    /// A graph file's text from node and edge lines.
    static func file(_ nodes: [String], _ edges: [String] = []) -> String {
        "{\"nodes\": [\n" + nodes.joined(separator: ",\n") + "\n], \"edges\": [\n" + edges.joined(separator: ",\n") + "\n]}"
    }

    static func diff(_ old: String, _ new: String) throws -> GraphDiff {
        GraphDiff(old: try parse(old), new: try parse(new))
    }

    static let base = file([
        #"{"id": "kazakhstan", "labels": ["State"], "properties": {"name": "Kazakhstan"}}"#,
        #"{"id": "russia", "labels": ["State"], "properties": {"name": "Russia"}}"#,
        #"{"id": "astana-talks-2015", "labels": ["Talk"], "properties": {"name": "Astana talks", "year": 2015}}"#,
    ], [
        #"{"source": "kazakhstan", "target": "astana-talks-2015", "type": "HOSTED"}"#,
        #"{"source": "russia", "target": "astana-talks-2015", "type": "ATTENDED", "properties": {"weight": 1}}"#,
    ])

    @Test("identical graphs have no differences, whatever the order of the file")
    func identical() throws {
        let reordered = Self.file([
            #"{"id": "astana-talks-2015", "labels": ["Talk"], "properties": {"year": 2015, "name": "Astana talks"}}"#,
            #"{"id": "russia", "labels": ["State"], "properties": {"name": "Russia"}}"#,
            #"{"id": "kazakhstan", "labels": ["State"], "properties": {"name": "Kazakhstan"}}"#,
        ], [
            #"{"source": "russia", "target": "astana-talks-2015", "type": "ATTENDED", "properties": {"weight": 1}}"#,
            #"{"source": "kazakhstan", "target": "astana-talks-2015", "type": "HOSTED"}"#,
        ])
        let diff = try Self.diff(Self.base, reordered)
        #expect(diff.isEmpty)
        #expect(diff.text() == "no differences\n")
        #expect(try Self.diff(Self.base, Self.base).isEmpty)
    }

    @Test("nodes only in the new graph are added, only in the old removed, with their relationships")
    func addedAndRemovedNodes() throws {
        let new = Self.file([
            #"{"id": "kazakhstan", "labels": ["State"], "properties": {"name": "Kazakhstan"}}"#,
            #"{"id": "astana-talks-2015", "labels": ["Talk"], "properties": {"name": "Astana talks", "year": 2015}}"#,
            #"{"id": "saudi-arabia", "labels": ["State"], "properties": {"name": "Saudi Arabia"}}"#,
        ], [
            #"{"source": "kazakhstan", "target": "astana-talks-2015", "type": "HOSTED"}"#,
            #"{"source": "saudi-arabia", "target": "astana-talks-2015", "type": "ATTENDED"}"#,
        ])
        let diff = try Self.diff(Self.base, new)
        #expect(diff.addedNodes.map(\.id) == ["saudi-arabia"])
        #expect(diff.addedNodes[0].labels == ["State"])
        #expect(diff.addedNodes[0].properties.map(\.key) == ["name"], "the id property is the node's id, not listed")
        #expect(diff.removedNodes.map(\.id) == ["russia"])
        #expect(diff.removedRelationships.map { "\($0.source) \($0.type) \($0.target)" } == ["russia ATTENDED astana-talks-2015"])
        #expect(diff.addedRelationships.map { "\($0.source) \($0.type) \($0.target)" } == ["saudi-arabia ATTENDED astana-talks-2015"])
        #expect(diff.changedNodes.isEmpty && diff.changedRelationships.isEmpty)
    }

    @Test("a changed node lists labels added and removed and each property that differs, null for a missing key")
    func changedNode() throws {
        let new = Self.base
            .replacingOccurrences(of: #""labels": ["State"], "properties": {"name": "Kazakhstan"}"#,
                                  with: #""labels": ["Host", "State"], "properties": {"name": "Republic of Kazakhstan", "capital": "Astana"}"#)
            .replacingOccurrences(of: #""labels": ["Talk"], "properties": {"name": "Astana talks", "year": 2015}"#,
                                  with: #""labels": ["Meeting"], "properties": {"name": "Astana talks"}"#)
        let diff = try Self.diff(Self.base, new)
        #expect(diff.changedNodes.map(\.id) == ["astana-talks-2015", "kazakhstan"])
        let talk = diff.changedNodes[0], kz = diff.changedNodes[1]
        #expect(talk.addedLabels == ["Meeting"] && talk.removedLabels == ["Talk"])
        #expect(talk.properties.count == 1)
        #expect(talk.properties[0].key == "year" && StrictValue.identical(talk.properties[0].old, 2015) && talk.properties[0].new.isNull)
        #expect(kz.addedLabels == ["Host"] && kz.removedLabels.isEmpty)
        #expect(kz.properties.map(\.key) == ["capital", "name"])
        #expect(kz.properties[0].old.isNull && StrictValue.identical(kz.properties[0].new, "Astana"))
        #expect(StrictValue.identical(kz.properties[1].old, "Kazakhstan") && StrictValue.identical(kz.properties[1].new, "Republic of Kazakhstan"))
        #expect(diff.addedRelationships.isEmpty && diff.removedRelationships.isEmpty && diff.changedRelationships.isEmpty)
    }

    @Test("a property that changes type is a change: 1 → 1.0, a string → a date, [1] → [1.0]")
    func typeChange() throws {
        var old = GraphStore(), new = GraphStore()
        let date = try TemporalParsing.date("2015-05-25")
        _ = try old.addNode(labels: ["Talk"], properties: ["id": "t", "n": 1, "d": "2015-05-25", "l": [1], "same": 2.5])
        _ = try new.addNode(labels: ["Talk"], properties: ["id": "t", "n": 1.0, "d": .temporal(.date(date)), "l": [1.0], "same": 2.5])
        let diff = GraphDiff(old: old, new: new)
        #expect(diff.changedNodes.count == 1)
        #expect(diff.changedNodes[0].properties.map(\.key) == ["d", "l", "n"])
        #expect(diff.text() == """
            ~ node t: d '2015-05-25' → date('2015-05-25'); l [1] → [1.0]; n 1 → 1.0
            0 nodes added, 0 removed, 1 changed; 0 relationships added, 0 removed, 0 changed

            """)
        #expect(diff.json().contains(#"{"d": {"old": "2015-05-25", "new": {"$date": "2015-05-25"}}, "l": {"old": [1], "new": [1.0]}, "n": {"old": 1, "new": 1.0}}"#),
                "JSON writes temporal values typed, as a graph file does")
        #expect(GraphDiff(old: new, new: new).isEmpty, "a date equals itself")
    }

    @Test("parallel relationships are a multiset: identical ones pair first, the rest pair in order as changed, the surplus is added")
    func parallelMultiset() throws {
        let nodes = [#"{"id": "a"}"#, #"{"id": "b"}"#]
        func edge(_ w: Int) -> String { #"{"source": "a", "target": "b", "type": "MET", "properties": {"w": \#(w)}}"# }
        let old = Self.file(nodes, [edge(1), edge(2), edge(2)])
        let new = Self.file(nodes, [edge(2), edge(5), edge(1), edge(1)])
        let diff = try Self.diff(old, new)
        #expect(diff.changedRelationships.count == 1)
        let change = diff.changedRelationships[0]
        #expect(change.properties.count == 1 && StrictValue.identical(change.properties[0].old, 2) && StrictValue.identical(change.properties[0].new, 5))
        #expect(diff.addedRelationships.count == 1 && StrictValue.identical(diff.addedRelationships[0].properties[0].value, 1))
        #expect(diff.removedRelationships.isEmpty)
        // Fewer on the new side: the surplus is removed.
        let fewer = try Self.diff(old, Self.file(nodes, [edge(2)]))
        #expect(fewer.removedRelationships.map { $0.properties.first.map(\.value) ?? .null }.map { $0.cypherLiteral(in: nil) } == ["1", "2"])
        #expect(fewer.changedRelationships.isEmpty && fewer.addedRelationships.isEmpty)
    }

    @Test("a relationship id is part of the key: same id pairs (and may change), another id does not")
    func relationshipIDs() throws {
        let nodes = [#"{"id": "a"}"#, #"{"id": "b"}"#]
        let old = Self.file(nodes, [
            #"{"source": "a", "target": "b", "type": "MET", "id": "r1", "properties": {"w": 1}}"#,
            #"{"source": "a", "target": "b", "type": "MET", "id": "r2", "properties": {"w": 1}}"#,
            #"{"source": "a", "target": "b", "type": "MET", "id": 7}"#,
        ])
        let new = Self.file(nodes, [
            #"{"source": "a", "target": "b", "type": "MET", "id": "r2", "properties": {"w": 3}}"#,
            #"{"source": "a", "target": "b", "type": "MET", "id": "r3", "properties": {"w": 1}}"#,
            #"{"source": "a", "target": "b", "type": "MET", "id": 7.0}"#,
        ])
        let diff = try Self.diff(old, new)
        #expect(diff.removedRelationships.map { $0.id?.cypherExpression(in: nil) ?? "-" } == ["'r1'", "7"], "strings sort before numbers, as in ORDER BY")
        #expect(diff.addedRelationships.map { $0.id?.cypherExpression(in: nil) ?? "-" } == ["'r3'", "7.0"])
        #expect(diff.changedRelationships.count == 1)
        #expect(diff.changedRelationships[0].id.map { StrictValue.identical($0, "r2") } == true)
        #expect(diff.changedRelationships[0].properties.map(\.key) == ["w"])
    }

    @Test("a relationship whose type or endpoint changed is removed and added")
    func typeAndEndpoints() throws {
        let new = Self.base
            .replacingOccurrences(of: #""type": "HOSTED""#, with: #""type": "ORGANIZED""#)
            .replacingOccurrences(of: #"{"source": "russia", "target": "astana-talks-2015""#, with: #"{"source": "astana-talks-2015", "target": "russia""#)
        let diff = try Self.diff(Self.base, new)
        #expect(diff.removedRelationships.map(\.type) == ["HOSTED", "ATTENDED"])
        #expect(diff.addedRelationships.map { "\($0.source)-\($0.type)-\($0.target)" } == ["astana-talks-2015-ATTENDED-russia", "kazakhstan-ORGANIZED-astana-talks-2015"])
        #expect(diff.changedRelationships.isEmpty)
    }

    @Test("the diff is deterministic: the same graphs in another file order give the same text and JSON")
    func deterministic() throws {
        var rng = SystemRandomNumberGenerator()
        var oldNodes: [String] = [], newNodes: [String] = [], oldEdges: [String] = [], newEdges: [String] = []
        for i in 0..<60 {
            if i % 7 != 0 { oldNodes.append(#"{"id": "n\#(i)", "labels": ["L\#(i % 3)"], "properties": {"v": \#(i)}}"#) }
            if i % 5 != 0 { newNodes.append(#"{"id": "n\#(i)", "labels": ["L\#(i % 4)"], "properties": {"v": \#(i % 9 == 0 ? "\(i).0" : "\(i)")}}"#) }
        }
        for i in 0..<200 {
            let s = (i * 7) % 60, t = (i * 13) % 60
            if s % 7 != 0 && t % 7 != 0 { oldEdges.append(#"{"source": "n\#(s)", "target": "n\#(t)", "type": "T\#(i % 2)", "properties": {"w": \#(i % 4)}}"#) }
            if s % 5 != 0 && t % 5 != 0 { newEdges.append(#"{"source": "n\#(s)", "target": "n\#(t)", "type": "T\#(i % 2)", "properties": {"w": \#(i % 3)}}"#) }
        }
        let first = try Self.diff(Self.file(oldNodes, oldEdges), Self.file(newNodes, newEdges))
        #expect(!first.isEmpty)
        for _ in 0..<3 {
            let again = try Self.diff(Self.file(oldNodes.shuffled(using: &rng), oldEdges.shuffled(using: &rng)),
                                      Self.file(newNodes.shuffled(using: &rng), newEdges.shuffled(using: &rng)))
            #expect(again.text() == first.text())
            #expect(again.json() == first.json())
        }
    }

    @Test("many parallel relationships with one key still pair identical ones first")
    func manyParallel() throws {
        let nodes = [#"{"id": "a"}"#, #"{"id": "b"}"#]
        let old = Self.file(nodes, (0..<300).map { #"{"source": "a", "target": "b", "type": "MET", "properties": {"w": \#($0)}}"# })
        let new = Self.file(nodes, (0..<300).reversed().map { #"{"source": "a", "target": "b", "type": "MET", "properties": {"w": \#($0 == 150 ? 1000 : $0)}}"# })
        let diff = try Self.diff(old, new)
        #expect(diff.changedRelationships.count == 1)
        #expect(diff.text().contains("~ (a)-[:MET]->(b): w 150 → 1000\n"))
        #expect(diff.addedRelationships.isEmpty && diff.removedRelationships.isEmpty)
    }
}

/// The `id` property of nodes: the node's identity, not a property that changes.
@Suite("Graph diff: node ids")
struct GraphDiffNodeIDTests {
    @Test("a node without an id matches one whose id is the made-up file id; an id that is not the file id is compared")
    func madeUpIDs() throws {
        var old = GraphStore(), new = GraphStore()
        _ = try old.addNode(labels: ["Note"], properties: ["id": "n0"])
        _ = try new.addNode(labels: ["Note"])
        #expect(GraphDiff(old: old, new: new).isEmpty, "both would be saved as {\"id\": \"n0\"}")
        _ = try old.addNode(labels: ["Note"], properties: ["id": 5])
        _ = try new.addNode(labels: ["Note"], properties: ["id": 6])
        let diff = GraphDiff(old: old, new: new)
        #expect(diff.text() == """
            ~ node n1: id 5 → 6
            0 nodes added, 0 removed, 1 changed; 0 relationships added, 0 removed, 0 changed

            """)
    }
}
