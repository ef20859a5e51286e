import Foundation
import ParleyGraph
import ParleyValues
@testable import ParleyIO
import Testing

/// Golden DOT files for the small diplomacy graph and a few subgraphs; every one must also be
/// accepted by Graphviz (`dot -Tsvg` exits 0).
@Suite("DOT golden files")
struct DOTGoldenTests {
    @Test("the whole graph matches its golden file and renders")
    func wholeGraph() throws {
        let g = try DOTFixture.graph()
        let text = DOTExporter.export(g)
        try DOTFixture.expectGolden(text, "whole.dot")
        try DOTFixture.expectValid(text)
    }

    @Test("the ego network of the Astana talks (paths from query rows) matches its golden file")
    func egoNetwork() throws {
        let g = try DOTFixture.graph()
        let talk = try DOTFixture.node(g, "astana-talks-2015")
        // Rows as `MATCH p = (t {id: 'astana-talks-2015'})-[r]-(x) RETURN p` would return them.
        var rows: [[Value]] = []
        for entry in g.adjacency(of: talk, .incoming) {
            rows.append([.path(Path(nodes: [talk, Int(entry.other)], relationships: [Int(entry.rel)]))])
        }
        let text = try DOTExporter.export(g, columns: ["p"], rows: rows)
        try DOTFixture.expectGolden(text, "ego-astana.dot")
        try DOTFixture.expectValid(text)
        #expect(!text.contains("Россия"), "the Moscow side is not part of the ego network")
    }

    @Test("an induced subgraph adds every relationship among the drawn nodes")
    func induced() throws {
        let g = try DOTFixture.graph()
        let nodes: Set<NodeID> = [try DOTFixture.node(g, "kazakhstan"), try DOTFixture.node(g, "astana-talks-2015"),
                                  try DOTFixture.node(g, "un"), try DOTFixture.node(g, "nazarbayev")]
        var options = DOTOptions()
        options.induced = true
        let text = DOTExporter.export(g, subgraph: Subgraph(nodes: nodes), options: options)
        try DOTFixture.expectGolden(text, "induced.dot")
        try DOTFixture.expectValid(text)
        for type in ["HOSTED", "LEADS", "SUPPORTS"] { #expect(text.contains("label=\"\(type)\"")) }
        #expect(!text.contains("label=\"WORKS_FOR\""))
    }

    @Test("clustering by label puts each label's nodes in one cluster")
    func clusterByLabel() throws {
        let g = try DOTFixture.graph()
        var options = DOTOptions()
        options.clusterBy = "label"
        let text = DOTExporter.export(g, options: options)
        try DOTFixture.expectGolden(text, "cluster-label.dot")
        try DOTFixture.expectValid(text)
        #expect(text.components(separatedBy: "subgraph \"cluster_").count - 1 == 6, "5 labels and the legend")
    }

    @Test("a style file changes shapes, colours, captions, direction and clusters by city")
    func styled() throws {
        let g = try DOTFixture.graph()
        let json = """
        {"rankdir": "TB", "clusterBy": "city",
         "labels": {"Talk": {"shape": "hexagon", "color": "#ffeeaa", "label": "date"},
                    "Document": {"shape": "note", "color": "lightyellow", "label": "pages"}},
         "types": {"HOSTED": {"color": "#aa0000", "style": "bold"}},
         "status": {"postponed": "dotted"}}
        """
        let style = try DOTStyle.parse(Array(json.utf8), name: "test-style.json")
        let text = DOTExporter.export(g, style: style)
        try DOTFixture.expectGolden(text, "styled-city.dot")
        try DOTFixture.expectValid(text)
        #expect(text.contains("rankdir=\"TB\""))
        #expect(text.contains("label=\"city: Astana\""))
        #expect(text.contains("label=\"2015-05-25\""), "Talk captions come from `date`")
    }

    @Test("an empty subgraph is an empty but valid digraph")
    func empty() throws {
        let g = try DOTFixture.graph()
        let text = DOTExporter.export(g, subgraph: Subgraph())
        try DOTFixture.expectGolden(text, "empty.dot")
        try DOTFixture.expectValid(text)
        #expect(!text.contains("cluster_legend"))
    }
}
