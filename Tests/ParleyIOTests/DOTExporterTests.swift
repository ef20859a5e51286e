import Foundation
import ParleyGraph
import ParleyValues
@testable import ParleyIO
import Testing

/// The exporter's behaviour: escaping, determinism, selections, captions, styles by status.
@Suite("DOT exporter")
struct DOTExporterTests {
    @Test("text is quoted with backslashes, quotes, line breaks and control characters escaped")
    func escaping() {
        #expect(DOTText.quoted(#"a"b\c"#) == #""a\"b\\c""#)
        #expect(DOTText.quoted("one\ntwo\r\nthree\rfour") == #""one\ntwo\nthree\nfour""#)
        #expect(DOTText.quoted("tab\there\u{0}\u{7}\u{1B}[0m\u{7F}\u{85}") == #""tab here[0m""#)
        #expect(DOTText.quoted(#"\N\G\l ends\"#) == #""\\N\\G\\l ends\\""#)
        #expect(DOTText.label("a & b &lt;") == #""a &amp; b &amp;lt;""#)
        #expect(DOTText.quoted("Казахстан 🇰🇿 -> } ;") == "\"Казахстан 🇰🇿 -> } ;\"")
    }

    @Test("every node, edge and cluster ID is quoted")
    func everyIDQuoted() throws {
        var options = DOTOptions()
        options.clusterBy = "label"
        let text = DOTExporter.export(try DOTFixture.graph(), options: options)
        try DOTFixture.expectValid(text)
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("//") || t == "}" || t.hasPrefix("graph [") || t.hasPrefix("node [") || t.hasPrefix("edge [")
                || t.hasPrefix("label=") { continue }
            if t.hasPrefix("digraph ") || t.hasPrefix("subgraph ") {
                #expect(t.split(separator: " ")[1].hasPrefix("\""), "unquoted graph ID in \(t)")
            } else {
                #expect(t.hasPrefix("\""), "unquoted ID in \(t)")
                if let arrow = t.range(of: " -> ") { #expect(t[arrow.upperBound...].hasPrefix("\""), "unquoted ID in \(t)") }
            }
        }
    }

    @Test("the same graph and options give the same bytes, independent of insertion order of properties")
    func deterministic() throws {
        let g = try DOTFixture.graph()
        var options = DOTOptions()
        options.clusterBy = "city"
        let a = DOTExporter.export(g, options: options)
        let b = DOTExporter.export(try DOTFixture.graph(), options: options)
        #expect(a == b)
        try DOTFixture.expectValid(a)
        var h = GraphStore()
        try h.addNode(labels: ["B", "A"], properties: ["z": 1, "a": 2, "m": "x"])
        var k = GraphStore()
        let n = try k.addNode(labels: ["A"])
        k.addLabel(n, named: "B")
        try k.setProperty(n, "m", "x")
        try k.setProperty(n, "a", 2)
        try k.setProperty(n, "z", 1)
        #expect(DOTExporter.export(h) == DOTExporter.export(k))
        try DOTFixture.expectValid(DOTExporter.export(h))
    }

    @Test("nodes and relationships come out in internal-id order")
    func order() throws {
        let text = DOTExporter.export(try DOTFixture.graph(), options: DOTOptions(), style: {
            var s = DOTStyle(); s.legend = false; return s
        }())
        try DOTFixture.expectValid(text)
        let nodeIDs = text.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("  \"n"), !line.contains(" -> ") else { return nil }
            return Int(line.dropFirst(4).prefix { $0.isNumber })
        }
        #expect(nodeIDs == Array(0..<11))
    }

    @Test("a relationship's endpoints are drawn even when the subgraph lists only the relationship")
    func endpointsDrawn() throws {
        let g = try DOTFixture.graph()
        let rel = try #require(g.relationshipIDs.first { g.type(of: $0) == "LEADS" })
        let text = DOTExporter.export(g, subgraph: Subgraph(relationships: [rel]))
        #expect(text.contains("\"n\(g.startNode(of: rel))\" [label="))
        #expect(text.contains("\"n\(g.endNode(of: rel))\" [label="))
        #expect(text.hasPrefix("// Parley: 2 nodes, 1 relationship\n"))
        try DOTFixture.expectValid(text)
    }

    @Test("collecting rows finds nodes, relationships (with endpoints) and paths inside lists and maps, and skips deleted ones")
    func collecting() throws {
        var g = try DOTFixture.graph()
        let kz = try DOTFixture.node(g, "kazakhstan"), un = try DOTFixture.node(g, "un")
        let memo = try DOTFixture.node(g, "memo-17")
        let rels = Array(g.relationshipIDs)
        let rows: [[Value]] = [
            [.node(kz), .string("x"), .int(1)],
            [.list([.null, .list([.relationship(rels[4])])]), .map(["deep": .map(["p": .path(Path(nodes: [un, kz], relationships: [rels[0]]))])])],
            [.node(memo)],
        ]
        try g.removeNode(memo, detach: true)
        let sub = Subgraph(collecting: rows, graph: g)
        // A relationship brings its endpoints along.
        let endpoints: Set<NodeID> = [g.startNode(of: rels[4]), g.endNode(of: rels[4]), g.startNode(of: rels[0]), g.endNode(of: rels[0])]
        #expect(sub.nodes == Set([kz, un]).union(endpoints))
        #expect(sub.relationships == [rels[4], rels[0]])
        #expect(!Subgraph(collecting: [[.int(1)]], graph: g).isEmpty == false)
    }

    @Test("captions use name, else id, else labels; tooltips list every property")
    func captionsAndTooltips() throws {
        let g = try DOTFixture.graph()
        let text = DOTExporter.export(g)
        try DOTFixture.expectValid(text)
        #expect(text.contains("[label=\"Нурсултан Назарбаев\""))
        #expect(text.contains("[label=\"memo-17\""))
        #expect(text.contains("[label=\":Document\""))
        #expect(text.contains(#"tooltip=":Talk\ncity: Moscow\nevidence: Talks planned for April\nwere postponed.\nid: moscow-talks-2015\nname: Moscow consultations\nstatus: postponed""#))
        #expect(text.contains(#"topics: ['ceasefire', 'elections']"#))
        #expect(text.contains(#"tooltip="Syrian \"opposition\" \\\\ coalition -[:INVITED_TO]-> Astana talks on Syria\nevidence: said \"yes\"\nstatus: scheduled""#))
    }

    @Test("default shapes per label, postponed dashed, scheduled dotted, legend lists labels, types and statuses")
    func defaultStyling() throws {
        let text = DOTExporter.export(try DOTFixture.graph())
        try DOTFixture.expectValid(text)
        #expect(text.contains("[label=\"Kazakhstan\", tooltip=") && text.contains("shape=\"box\""))
        for (label, shape) in [("State", "box"), ("Organization", "component"), ("Person", "ellipse"), ("Talk", "diamond")] {
            #expect(text.contains("[label=\"\(label)\", tooltip=\"label :\(label)\", shape=\"\(shape)\""))
        }
        let moscow = try #require(text.split(separator: "\n").first { $0.contains("[label=\"Moscow consultations\"") })
        #expect(moscow.contains("style=\"filled,dashed\""))
        let proposed = try #require(text.split(separator: "\n").first { $0.contains("[label=\"PROPOSED\", tooltip=") })
        #expect(proposed.contains("style=\"dashed\""))
        let invited = try #require(text.split(separator: "\n").first { $0.contains("[label=\"INVITED_TO\", tooltip=") })
        #expect(invited.contains("style=\"dotted\""))
        #expect(text.contains("label=\"╌╌╌▶ status: postponed\""))
        #expect(text.contains("label=\"┈┈┈▶ status: scheduled\""))
        #expect(text.contains("rankdir=\"LR\""))
        #expect(DOTStyle.paletteStyle(for: "Document") == DOTStyle.paletteStyle(for: "Document"))
    }

    @Test("options can turn the legend off and override the style's clustering")
    func optionsOverride() throws {
        var style = DOTStyle()
        style.clusterBy = "city"
        var options = DOTOptions()
        options.legend = false
        options.clusterBy = "label"
        let text = DOTExporter.export(try DOTFixture.graph(), options: options, style: style)
        try DOTFixture.expectValid(text)
        #expect(!text.contains("cluster_legend"))
        #expect(text.contains("label=\"Talk\"; style=\"rounded,filled\""))
        #expect(!text.contains("city: Astana\"; style"))
    }

    @Test("a legend with many relationship types is laid out in columns of ten")
    func legendColumns() throws {
        var g = GraphStore()
        let a = try g.addNode(labels: ["State"], properties: ["name": "A"])
        let b = try g.addNode(labels: ["Talk"], properties: ["name": "B"])
        for i in 0..<25 { try g.addRelationship(type: "TYPE_\(i)", from: a, to: b) }
        let text = DOTExporter.export(g)
        try DOTFixture.expectValid(text)
        let invisible = text.split(separator: "\n").filter { $0.contains("[style=\"invis\"]") }
        #expect(invisible.count == 25)
        let sources = Set(invisible.map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0] })
        #expect(sources == ["\"legend_label_0\"", "\"legend_type_0\"", "\"legend_type_10\""])
    }

    @Test("a large drawing gets a warning suggesting sfdp or a narrower query")
    func sizeWarning() {
        #expect(DOTExporter.sizeWarning(nodeCount: 2_000) == nil)
        let warning = DOTExporter.sizeWarning(nodeCount: 2_001)
        #expect(warning?.contains("sfdp") == true && warning?.contains("narrower query") == true)
        #expect(DOTExporter.sizeWarning(nodeCount: 5_000, layout: "sfdp")?.contains("consider the sfdp") == false)
    }
}
