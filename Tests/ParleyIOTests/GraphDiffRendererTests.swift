import Foundation
import ParleyGraph
@testable import ParleyIO
import Testing

/// The three forms of a diff (text, JSON, DOT) on one small pair of graphs.
@Suite("Graph diff renderers")
struct GraphDiffRendererTests {
    static let old = GraphDiffTests.file([
        #"{"id": "kazakhstan", "labels": ["State"], "properties": {"name": "Kazakhstan"}}"#,
        #"{"id": "russia", "labels": ["State"], "properties": {"name": "Russia", "seats": 1}}"#,
        #"{"id": "astana-talks-2015", "labels": ["Talk"], "properties": {"name": "Astana talks"}}"#,
        #"{"id": "astana-2014", "labels": ["Talk"], "properties": {"name": "Astana talks 2014"}}"#,
    ], [
        #"{"source": "kazakhstan", "target": "astana-talks-2015", "type": "HOSTED"}"#,
        #"{"source": "russia", "target": "astana-talks-2015", "type": "ATTENDED", "properties": {"weight": 1}}"#,
        #"{"source": "russia", "target": "astana-2014", "type": "ATTENDED"}"#,
    ])

    static let new = GraphDiffTests.file([
        #"{"id": "kazakhstan", "labels": ["State", "Host"], "properties": {"name": "Republic of Kazakhstan"}}"#,
        #"{"id": "russia", "labels": ["State"], "properties": {"name": "Russia", "seats": 1}}"#,
        #"{"id": "astana-talks-2015", "labels": ["Talk"], "properties": {"name": "Astana talks"}}"#,
        #"{"id": "saudi-arabia", "labels": ["State"], "properties": {"name": "Saudi Arabia"}}"#,
        #"{"id": "a b", "labels": ["Talk"]}"#,
    ], [
        #"{"source": "russia", "target": "astana-talks-2015", "type": "ATTENDED", "properties": {"weight": 1.0}}"#,
        #"{"source": "saudi-arabia", "target": "astana-talks-2015", "type": "ATTENDED", "id": "r1", "properties": {"note": "it's new"}}"#,
    ])

    static func diff() throws -> GraphDiff { GraphDiff(old: try parse(old), new: try parse(new)) }

    @Test("text: removed, added, changed lines, then the summary; odd ids quoted")
    func text() throws {
        #expect(try Self.diff().text() == """
            - node astana-2014 :Talk {name: 'Astana talks 2014'}
            + node 'a b' :Talk
            + node saudi-arabia :State {name: 'Saudi Arabia'}
            ~ node kazakhstan: name 'Kazakhstan' → 'Republic of Kazakhstan'; +:Host
            - (kazakhstan)-[:HOSTED]->(astana-talks-2015)
            - (russia)-[:ATTENDED]->(astana-2014)
            + (saudi-arabia)-[:ATTENDED {id: 'r1', note: 'it\\'s new'}]->(astana-talks-2015)
            ~ (russia)-[:ATTENDED]->(astana-talks-2015): weight 1 → 1.0
            2 nodes added, 1 removed, 1 changed; 1 relationship added, 2 removed, 1 changed

            """)
    }

    @Test("text with colour: removed red, added green, changed yellow, the summary plain")
    func colored() throws {
        let lines = try Self.diff().text(color: true).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("\u{1B}[31m- node") && lines[0].hasSuffix("\u{1B}[0m"))
        #expect(lines[1].hasPrefix("\u{1B}[32m+ node"))
        #expect(lines[3].hasPrefix("\u{1B}[33m~ node"))
        #expect(lines.last == "2 nodes added, 1 removed, 1 changed; 1 relationship added, 2 removed, 1 changed")
    }

    @Test("JSON: added, removed and changed, each with nodes and relationships")
    func json() throws {
        #expect(try Self.diff().json() == """
            {
              "added": {
                "nodes": [
                  {"id": "a b", "labels": ["Talk"], "properties": {}},
                  {"id": "saudi-arabia", "labels": ["State"], "properties": {"name": "Saudi Arabia"}}
                ],
                "relationships": [
                  {"source": "saudi-arabia", "target": "astana-talks-2015", "type": "ATTENDED", "id": "r1", "properties": {"note": "it's new"}}
                ]
              },
              "removed": {
                "nodes": [
                  {"id": "astana-2014", "labels": ["Talk"], "properties": {"name": "Astana talks 2014"}}
                ],
                "relationships": [
                  {"source": "kazakhstan", "target": "astana-talks-2015", "type": "HOSTED", "properties": {}},
                  {"source": "russia", "target": "astana-2014", "type": "ATTENDED", "properties": {}}
                ]
              },
              "changed": {
                "nodes": [
                  {"id": "kazakhstan", "labels": {"added": ["Host"], "removed": []}, "properties": {"name": {"old": "Kazakhstan", "new": "Republic of Kazakhstan"}}}
                ],
                "relationships": [
                  {"source": "russia", "target": "astana-talks-2015", "type": "ATTENDED", "properties": {"weight": {"old": 1, "new": 1.0}}}
                ]
              }
            }

            """)
        let empty = GraphDiff(old: try parse(Self.old), new: try parse(Self.old)).json()
        #expect(empty.contains("\"changed\": {\n    \"nodes\": [],\n    \"relationships\": []\n  }"))
    }

    @Test("DOT: the union of both graphs with added green, removed red dashed, changed orange and a legend; Graphviz reads it")
    func dot() throws {
        let text = try Self.diff().dot()
        try DOTFixture.expectGolden(text, "diff.dot")
        #expect(text.contains("\"n:astana-2014\" [label=\"Astana talks 2014\", tooltip=\"removed"))
        #expect(text.contains("color=\"#c62828\", fontcolor=\"#c62828\", penwidth=\"2.2\", style=\"filled,dashed\"];"))
        #expect(text.contains("\"n:russia\" [label=\"Russia\", tooltip=\":State"), "unchanged nodes are drawn as the style says")
        #expect(text.contains("\"legend_added\"") && text.contains("\"legend_removed\"") && text.contains("\"legend_changed\""))
        _ = try DOTFixture.expectValid(text)
    }

    @Test("docs/time.md shows exactly what the text and JSON forms print for these two graphs")
    func documentation() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/time.md")
        let doc = try String(contentsOf: url.standardizedFileURL, encoding: .utf8)
        let diff = try Self.diff()
        #expect(doc.contains("$ parley diff v1.json v2.json\n" + diff.text() + "```\n"))
        #expect(doc.contains("```json\n" + diff.json() + "```\n"))
    }
}
