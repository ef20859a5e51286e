import Foundation
import ParleyGraph
import ParleyValues
@testable import ParleyIO
import Testing

/// Colouring and sizing nodes by query result columns: which column is chosen, the colours
/// and sizes given, the legend, and the errors for columns that do not fit.
@Suite("DOT colour and size by column")
struct DOTColumnTests {
    /// `(node, value)` rows for the fixture graph's nodes with these ids.
    static func rows(_ g: GraphStore, _ pairs: [(String, Value)]) throws -> [[Value]] {
        try pairs.map { [.node(try DOTFixture.node(g, $0.0)), $0.1] }
    }

    /// The attributes of node `id`'s line in `text`.
    static func line(_ text: String, _ g: GraphStore, _ id: String) throws -> String {
        let n = try DOTFixture.node(g, id)
        return try #require(text.split(separator: "\n").first { $0.hasPrefix("  \"n\(n)\" [") }.map(String.init))
    }

    /// The value of attribute `name` in a DOT line.
    static func attribute(_ name: String, in line: String) -> String? {
        guard let start = line.range(of: " \(name)=\"") else { return nil }
        return String(line[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Camps as `CALL algo.louvain() YIELD node, communityId` would give them: community 7
    /// has three nodes, 2 has two, 5 has two.
    static let camps: [(String, Value)] = [
        ("kazakhstan", 7), ("nazarbayev", 7), ("astana-talks-2015", 7),
        ("russia", 2), ("moscow-talks-2015", 2),
        ("un", 5), ("de-mistura", 5),
    ]

    @Test("communityId colours nodes: the most frequent value first, ties in value order, from Tol's palette")
    func colourAssignment() throws {
        let g = try DOTFixture.graph()
        let text = try DOTExporter.export(g, columns: ["node", "communityId"], rows: Self.rows(g, Self.camps))
        try DOTFixture.expectValid(text)
        let palette = DOTColumnStyling.palette
        for id in ["kazakhstan", "nazarbayev", "astana-talks-2015"] {
            #expect(Self.attribute("fillcolor", in: try Self.line(text, g, id)) == palette[0])
        }
        // 2 and 5 both have two nodes: 2 comes first.
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "russia")) == palette[1])
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "un")) == palette[2])
        // The indigo of the second colour is dark: white text.
        #expect(Self.attribute("fontcolor", in: try Self.line(text, g, "russia")) == "#FFFFFF")
        #expect(Self.attribute("fontcolor", in: try Self.line(text, g, "un")) == "#000000")
    }

    @Test("the colours do not depend on the order of the rows, and the output is the same every time")
    func stable() throws {
        let g = try DOTFixture.graph()
        let forward = try DOTExporter.export(g, columns: ["node", "communityId"], rows: Self.rows(g, Self.camps))
        let backward = try DOTExporter.export(g, columns: ["node", "communityId"], rows: Self.rows(g, Self.camps.reversed()))
        #expect(forward == backward)
        for _ in 0..<3 {
            #expect(try DOTExporter.export(g, columns: ["node", "communityId"], rows: Self.rows(g, Self.camps)) == forward)
        }
    }

    @Test("nodes without a value keep their label's style: endpoints, induced nodes, null values")
    func defaultsKept() throws {
        let g = try DOTFixture.graph()
        var rows = try Self.rows(g, [("kazakhstan", 1), ("syria", .null)])
        let hosted = try #require(g.relationshipIDs.first { g.type(of: $0) == "HOSTED" })
        rows.append([.relationship(hosted), .null])
        var options = DOTOptions()
        options.induced = true
        let text = try DOTExporter.export(g, columns: ["node", "communityId"], rows: rows, options: options)
        try DOTFixture.expectValid(text)
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "kazakhstan")) == DOTColumnStyling.palette[0])
        let state = DOTStyle.builtinLabels["State"]!.color
        let talk = DOTStyle.builtinLabels["Talk"]!.color
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "syria")) == state)
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "astana-talks-2015")) == talk, "an endpoint of the relationship")
        #expect(Self.attribute("fontcolor", in: try Self.line(text, g, "syria")) == nil)
        // Induced: LEADS from Nazarbayev is not drawn (he is not drawn); the drawn nodes' edges are.
        #expect(text.contains("label=\"HOSTED\""))
    }

    @Test("beyond twelve values the rest share a pale grey, and the legend counts them")
    func beyondPalette() throws {
        var g = GraphStore()
        var rows: [[Value]] = []
        for i in 0..<15 {
            let n = try g.addNode(labels: ["Person"], properties: ["name": .string("p\(i)")])
            // Community i has one node, except community 0 which has two (added below).
            rows.append([.node(n), .int(Int64(i))])
        }
        let extra = try g.addNode(labels: ["Person"], properties: ["name": "extra"])
        rows.append([.node(extra), .int(0)])
        let text = try DOTExporter.export(g, columns: ["node", "componentId"], rows: rows)
        try DOTFixture.expectValid(text)
        let fills = (0..<16).map { n in
            text.split(separator: "\n").first { $0.hasPrefix("  \"n\(n)\" [") }.flatMap { Self.attribute("fillcolor", in: String($0)) }
        }
        #expect(fills[0] == DOTColumnStyling.palette[0] && fills[15] == DOTColumnStyling.palette[0], "the biggest first")
        // Then 1, 2, ... 11 in value order take the other eleven colours; 12, 13, 14 are grey.
        for i in 1...11 { #expect(fills[i] == DOTColumnStyling.palette[i]) }
        for i in 12...14 { #expect(fills[i] == DOTColumnStyling.otherColor) }
        #expect(Set(DOTColumnStyling.palette).count == 12)
        #expect(text.contains("\"legend_fill_other\" [label=\"3 other values\""))
        #expect(text.contains("3 other values of componentId (3 nodes) share this colour"))
    }

    @Test("score sizes nodes: area proportional to the value, monotone, between the minimum and maximum size")
    func sizes() throws {
        var g = GraphStore()
        var rows: [[Value]] = []
        let scores: [Double] = [0, 0.01, 0.25, 0.5, 1, 2, 4]
        for (i, s) in scores.enumerated() {
            let n = try g.addNode(labels: ["State"], properties: ["name": .string("s\(i)")])
            rows.append([.node(n), .double(s)])
        }
        let text = try DOTExporter.export(g, columns: ["node", "score"], rows: rows)
        try DOTFixture.expectValid(text)
        let widths = try (0..<scores.count).map { n -> Double in
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  \"n\(n)\" [") }.map(String.init))
            #expect(Self.attribute("width", in: line) == Self.attribute("height", in: line))
            #expect(line.contains("fixedsize=\"true\""))
            return try #require(Self.attribute("width", in: line).flatMap(Double.init))
        }
        #expect(widths == widths.sorted(), "monotone")
        #expect(widths.first == DOTColumnStyling.minSize)
        #expect(widths.last == DOTColumnStyling.maxSize)
        // 4 is the largest: 1 has a quarter of its area, half its width; 0.25 a quarter of the width.
        #expect(abs(widths[4] - DOTColumnStyling.maxSize / 2) < 0.006)
        #expect(abs(widths[2] - DOTColumnStyling.maxSize / 4) < 0.006)
        // 0.01 would be 0.08 in wide: drawn at the minimum.
        #expect(widths[1] == DOTColumnStyling.minSize)
        // The same scale for integers; all-equal values all get the largest size.
        let same = try DOTExporter.export(g, columns: ["node", "degree"], rows: rows.map { [$0[0], .int(3)] })
        #expect(same.components(separatedBy: "width=\"\(DOTColumnStyling.maxSize)\"").count - 1 == scores.count + 1, "nodes and the legend")
    }

    @Test("sizes of negative values are measured from the smallest value")
    func negativeSizes() {
        #expect(DOTColumnStyling.size(-2, base: -2, high: 2) == DOTColumnStyling.minSize)
        #expect(DOTColumnStyling.size(2, base: -2, high: 2) == DOTColumnStyling.maxSize)
        #expect(DOTColumnStyling.size(0, base: 0, high: 0) == DOTColumnStyling.minSize)
    }

    @Test("the legend says which column colours and which sizes, with every colour's value and the smallest and largest size")
    func legend() throws {
        let g = try DOTFixture.graph()
        let pairs: [(String, Value, Value)] = [("kazakhstan", 1, 0.5), ("russia", 1, 0.125), ("un", 2, 0.0)]
        let rows = try pairs.map { [.node(try DOTFixture.node(g, $0.0)), $0.1, $0.2] as [Value] }
        let text = try DOTExporter.export(g, columns: ["node", "communityId", "score"], rows: rows)
        let svg = try DOTFixture.expectValid(text)
        #expect(text.contains("subgraph \"cluster_legend_columns\" {\n    label=\"Colour and size\";"))
        #expect(text.contains("\"legend_fill\" [label=\"fill: communityId\""))
        #expect(text.contains("\"legend_fill_0\" [label=\"1\", tooltip=\"communityId = 1: 2 nodes\", shape=\"box\", fillcolor=\"\(DOTColumnStyling.palette[0])\""))
        #expect(text.contains("\"legend_fill_1\" [label=\"2\", tooltip=\"communityId = 2: 1 node\""))
        #expect(text.contains("\"legend_size\" [label=\"size: score\""))
        #expect(text.contains("\"legend_size_min\" [label=\"0\", tooltip=\"smallest score: 0, drawn 0.4 in wide\""))
        #expect(text.contains("\"legend_size_max\" [label=\"0.5\", tooltip=\"largest score: 0.5, drawn 1.6 in wide\""))
        let texts = SVGReader.groups(svg).filter { $0.kind == "node" }.flatMap(\.texts)
        for shown in ["fill: communityId", "size: score", "0.5"] { #expect(texts.contains(shown)) }
        // The label legend is still there.
        #expect(text.contains("subgraph \"cluster_legend\" {"))
        // No legend, no column legend; the nodes keep their colours and sizes.
        var options = DOTOptions()
        options.legend = false
        let bare = try DOTExporter.export(g, columns: ["node", "communityId", "score"], rows: rows, options: options)
        #expect(!bare.contains("cluster_legend"))
        #expect(bare.contains("fillcolor=\"\(DOTColumnStyling.palette[0])\""))
    }

    @Test("only a colour column: the legend is titled Colour; only a size column: Size")
    func legendTitles() throws {
        let g = try DOTFixture.graph()
        let colour = try DOTExporter.export(g, columns: ["node", "component"], rows: Self.rows(g, [("un", "a")]))
        #expect(colour.contains("label=\"Colour\";"))
        #expect(!colour.contains("legend_size"))
        let size = try DOTExporter.export(g, columns: ["node", "betweenness"], rows: Self.rows(g, [("un", 0.25)]))
        #expect(size.contains("label=\"Size\";"))
        #expect(size.contains("\"legend_size_min\""))
        #expect(!size.contains("\"legend_size_max\""), "one value: one mark")
        #expect(!size.contains("legend_fill"))
    }

    @Test("columns with other names, or values of the wrong type, are not chosen automatically")
    func automaticChoice() throws {
        let g = try DOTFixture.graph()
        let plain = DOTExporter.export(g, subgraph: Subgraph(nodes: [try DOTFixture.node(g, "un")]))
        let other = try DOTExporter.export(g, columns: ["node", "group", "weight"], rows: Self.rows(g, [("un", 3)]).map { $0 + [1.5] })
        #expect(other == plain)
        // `community` holding floats does not colour; `degree` holding strings does not size.
        let wrong = try DOTExporter.export(g, columns: ["node", "community", "degree"], rows: Self.rows(g, [("un", 1.5)]).map { $0 + ["high"] })
        #expect(wrong == plain)
        // The first known name wins: componentId before communityId when it comes first.
        let both = try DOTExporter.export(g, columns: ["node", "componentId", "communityId"],
                                          rows: try Self.rows(g, [("un", 1), ("russia", 1)]).enumerated().map { $0.element + [.int(Int64($0.offset))] })
        #expect(both.contains("\"legend_fill\" [label=\"fill: componentId\""))
    }

    @Test("the row's node is the column named node, else its first column holding a node; its first value counts")
    func nodeColumn() throws {
        let g = try DOTFixture.graph()
        let un = try DOTFixture.node(g, "un"), kz = try DOTFixture.node(g, "kazakhstan")
        let text = try DOTExporter.export(g, columns: ["other", "node", "communityId"], rows: [[.node(un), .node(kz), 4]])
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "kazakhstan")) == DOTColumnStyling.palette[0])
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "un")) == DOTStyle.builtinLabels["Organization"]!.color)
        let aliased = try DOTExporter.export(g, columns: ["name", "n", "communityId"], rows: [["UN", .node(un), 4]])
        #expect(Self.attribute("fillcolor", in: try Self.line(aliased, g, "un")) == DOTColumnStyling.palette[0])
        // A node in several rows keeps its first row's value.
        // (un keeps 9, so 4 and 9 have one node each and 4 takes the first colour.)
        let twice = try DOTExporter.export(g, columns: ["node", "communityId"], rows: [[.node(un), 9], [.node(kz), 4], [.node(un), 4]])
        #expect(Self.attribute("fillcolor", in: try Self.line(twice, g, "kazakhstan")) == DOTColumnStyling.palette[0])
        #expect(Self.attribute("fillcolor", in: try Self.line(twice, g, "un")) == DOTColumnStyling.palette[1])
    }

    @Test("colorBy and sizeBy name any column of the right type, from the options or the style")
    func explicitColumns() throws {
        let g = try DOTFixture.graph()
        let rows = try Self.rows(g, [("un", "west"), ("russia", "east"), ("kazakhstan", "east")]).enumerated().map {
            $0.element + [.int(Int64($0.offset + 1))]
        }
        var options = DOTOptions()
        options.colorBy = .column("camp")
        options.sizeBy = .column("pages")
        let text = try DOTExporter.export(g, columns: ["node", "camp", "pages"], rows: rows, options: options)
        try DOTFixture.expectValid(text)
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "russia")) == DOTColumnStyling.palette[0])
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "un")) == DOTColumnStyling.palette[1])
        #expect(Self.attribute("width", in: try Self.line(text, g, "kazakhstan")) == "\(DOTColumnStyling.maxSize)")
        #expect(text.contains("label=\"fill: camp\"") && text.contains("label=\"size: pages\""))

        let style = try DOTStyle.parse(Array(#"{"colorBy": "camp", "sizeBy": "pages"}"#.utf8), name: "s.json")
        #expect(style.colorBy == .column("camp") && style.sizeBy == .column("pages"))
        #expect(try DOTExporter.export(g, columns: ["node", "camp", "pages"], rows: rows, style: style) == text)

        // The options win over the style; `none` turns the automatic choice off.
        var off = DOTOptions()
        off.colorBy = DOTColumnChoice.none
        off.sizeBy = DOTColumnChoice.none
        let plain = try DOTExporter.export(g, columns: ["node", "camp", "pages"], rows: rows, options: off, style: style)
        #expect(!plain.contains("legend_fill") && !plain.contains("fixedsize"))
        let autoOff = try DOTExporter.export(g, columns: ["node", "communityId"], rows: Self.rows(g, [("un", 1)]), options: off)
        #expect(!autoOff.contains("legend_fill"))
    }

    @Test("a colorBy or sizeBy column the result lacks, or with the wrong type of value, is an error listing the columns")
    func errors() throws {
        let g = try DOTFixture.graph()
        let rows = try Self.rows(g, [("un", 0.5)]).map { $0 + ["UN", 3] }
        let columns = ["node", "score", "name", "communityId"]
        func failure(_ colorBy: String?, _ sizeBy: String?) -> DOTColumnError? {
            var options = DOTOptions()
            options.colorBy = colorBy.map { .column($0) }
            options.sizeBy = sizeBy.map { .column($0) }
            do {
                _ = try DOTExporter.export(g, columns: columns, rows: rows, options: options)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure("communty", nil)?.description
            == "error: colorBy names the column 'communty', which the query result does not have; its columns are: node, score, name, communityId")
        #expect(failure("score", nil)?.description
            == "error: colorBy needs a column of integers, strings or booleans, but 'score' holds floats; columns that do: name, communityId")
        #expect(failure(nil, "name")?.description
            == "error: sizeBy needs a column of numbers, but 'name' holds strings; columns that do: score, communityId")
        #expect(failure("node", nil)?.found == ["nodes"])
        #expect(failure(nil, "sizes")?.use == .sizeBy)
        #expect(failure("communityId", "score") == nil)
        let empty = DOTColumnError(use: .sizeBy, column: "x", found: [], columns: [], suitable: [])
        #expect(empty.message == "sizeBy names the column 'x', which the query result does not have; it has no columns")
        let none = DOTColumnError(use: .sizeBy, column: "name", found: ["strings"], columns: ["name"], suitable: [])
        #expect(none.message.hasSuffix("'name' holds strings; no column of the result does"))
        // The whole graph has no columns: nothing to check, nothing coloured.
        var options = DOTOptions()
        options.colorBy = .column("communty")
        #expect(DOTExporter.export(g, options: options) == DOTExporter.export(g))
    }

    @Test("results added one after another merge their columns")
    func merged() throws {
        let g = try DOTFixture.graph()
        var columns = NodeColumns(columns: ["node", "communityId"], rows: try Self.rows(g, [("un", 1)]))
        columns.add(columns: ["node", "score"], rows: try Self.rows(g, [("russia", 2.5), ("un", 9.0)]))
        columns.add(columns: [], rows: [])
        #expect(columns.names == ["node", "communityId", "score"])
        let text = try DOTExporter.export(g, subgraph: Subgraph(nodes: [try DOTFixture.node(g, "un"), try DOTFixture.node(g, "russia")]),
                                          columns: columns)
        #expect(text.contains("fill: communityId") && text.contains("size: score"))
        #expect(Self.attribute("width", in: try Self.line(text, g, "un")) == "\(DOTColumnStyling.maxSize)", "its score from the second result")
        #expect(Self.attribute("width", in: try Self.line(text, g, "russia")) == "0.84")
        #expect(Self.attribute("fillcolor", in: try Self.line(text, g, "un")) == DOTColumnStyling.palette[0], "its colour from the first")
        // A later value of a column does not replace the first.
        columns.add(columns: ["node", "score"], rows: try Self.rows(g, [("russia", 9.0)]))
        #expect(columns.value(of: try DOTFixture.node(g, "russia"), in: "score") == .double(2.5))
    }

    @Test("hostile category values are escaped in the legend and read back from Graphviz's SVG")
    func hostileValues() throws {
        let g = try DOTFixture.graph()
        let values = [#"a "quoted" \N value"#, "<b>&amp;</b>", "line\nbreak", "Казахстан 🇰🇿"]
        let rows = try Self.rows(g, zip(["un", "russia", "syria", "kazakhstan"], values).map { ($0.0, Value.string($0.1)) })
        let text = try DOTExporter.export(g, columns: ["node", "community"], rows: rows)
        let svg = try DOTFixture.expectValid(text)
        let groups = SVGReader.groups(svg).filter { $0.kind == "node" }
        for value in values {
            let shown = value.replacingOccurrences(of: "\n", with: "")
            let found = groups.contains { ($0.texts.joined() == shown || $0.texts == value.components(separatedBy: "\n")) && $0.title.hasPrefix("legend_fill_") }
            #expect(found, "legend entry for \(value)")
        }
    }

    @Test("style files read colorBy and sizeBy: a name, true for the automatic choice, false or null for none")
    func styleKeys() throws {
        func parse(_ json: String) throws(DOTFileError) -> DOTStyle { try DOTStyle.parse(Array(json.utf8), name: "my-style.json") }
        #expect(try parse("{}").colorBy == .automatic)
        #expect(try parse(#"{"colorBy": true, "sizeBy": false}"#).sizeBy == DOTColumnChoice.none)
        #expect(try parse(#"{"colorBy": true}"#).colorBy == .automatic)
        #expect(try parse(#"{"colorBy": null}"#).colorBy == DOTColumnChoice.none)
        #expect(try parse(#"{"sizeBy": "pageRank"}"#).sizeBy == .column("pageRank"))
        #expect(throws: DOTFileError(path: "my-style.json", message: "'sizeBy' must name a column, but found the empty string")) {
            try parse(#"{"sizeBy": ""}"#)
        }
        #expect(throws: DOTFileError(path: "my-style.json", message: "'colorBy' must be a column name, true (choose by name) or false (none), but found an array")) {
            try parse(#"{"colorBy": ["a"]}"#)
        }
        #expect(throws: DOTFileError.self) { try parse(#"{"colorBy": 3}"#) }
    }

    @Test("a coloured and sized induced drawing of camps and scores matches its golden file")
    func golden() throws {
        let g = try DOTFixture.graph()
        let scores: [String: Value] = ["kazakhstan": 0.5, "nazarbayev": 0.0, "astana-talks-2015": 1.25, "russia": 0.1,
                                       "moscow-talks-2015": 0.2, "un": 0.75, "de-mistura": 0.05]
        let rows = try Self.camps.map { [.node(try DOTFixture.node(g, $0.0)), $0.1, scores[$0.0]!] as [Value] }
        var options = DOTOptions()
        options.induced = true
        let text = try DOTExporter.export(g, columns: ["node", "communityId", "score"], rows: rows, options: options)
        try DOTFixture.expectGolden(text, "columns-camps.dot")
        try DOTFixture.expectValid(text)
    }
}
