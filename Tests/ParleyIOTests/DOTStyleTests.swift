import Foundation
import ParleyGraph
@testable import ParleyIO
import Testing

/// The JSON style file: what it overrides and how mistakes are reported.
@Suite("DOT style files")
struct DOTStyleTests {
    func parse(_ json: String) throws(DOTFileError) -> DOTStyle {
        try DOTStyle.parse(Array(json.utf8), name: "my-style.json")
    }

    @Test("a style overrides labels field by field and keeps the built-in rest")
    func overrides() throws {
        let style = try parse(##"{"labels": {"State": {"color": "#ff0000"}, "City": {"shape": "house", "label": "title"}}, "legend": false}"##)
        #expect(style.labels["State"] == DOTStyle.NodeStyle(shape: "box", color: "#ff0000", borderColor: "#2b5d8a"))
        #expect(style.labels["City"]?.shape == "house")
        #expect(style.labels["Person"] == DOTStyle.builtinLabels["Person"])
        #expect(style.legend == false)
        var g = GraphStore()
        try g.addNode(labels: ["City"], properties: ["title": "Астана", "name": "ignored"])
        let text = DOTExporter.export(g, style: style)
        #expect(text.contains(#""n0" [label="Астана""#))
        #expect(text.contains(#"shape="house""#))
        #expect(!text.contains("cluster_legend"))
        try DOTFixture.expectValid(text)
    }

    @Test("types, status styles, rankdir and clusterBy are read")
    func typesAndStatus() throws {
        let style = try parse(#"{"rankdir": "bt", "clusterBy": "city", "types": {"HOSTED": {"style": "bold, dashed"}}, "status": {"Declined": "dotted"}, "statusProperty": "state"}"#)
        #expect(style.rankdir == "BT")
        #expect(style.clusterBy == "city")
        #expect(style.types["HOSTED"] == DOTStyle.EdgeStyle(color: nil, style: "bold,dashed"))
        #expect(style.lineStyle(forStatus: "declined") == "dotted")
        #expect(style.statusProperty == "state")
        #expect(style.edgeStyle(forType: "HOSTED").color != nil, "the palette colour stays")
    }

    @Test("mistakes are reported with the file name and what was expected", arguments: [
        ("{", "my-style.json: error: invalid JSON"),
        ("[1]", "my-style.json: error: expected a JSON object at the top level"),
        (#"{"rankdirr": "LR"}"#, "my-style.json: error: unknown key 'rankdirr' in the top level; expected one of: rankdir, clusterBy"),
        (#"{"rankdir": "UP"}"#, "my-style.json: error: 'rankdir' must be one of LR, TB, RL, BT, but found 'UP'"),
        (#"{"rankdir": 3}"#, "my-style.json: error: 'rankdir' must be a string, but found 3"),
        (#"{"labels": {"Talk": {"shape": "blob"}}}"#, "my-style.json: error: 'labels.Talk.shape' is not a Graphviz shape: 'blob'"),
        (#"{"labels": {"Talk": {"color": "red;x"}}}"#, "my-style.json: error: 'labels.Talk.color' must be a colour like '#1f5f99'"),
        (#"{"labels": {"Talk": {"size": 3}}}"#, "my-style.json: error: unknown key 'size' in 'labels.Talk'; expected one of: shape, color, borderColor, label"),
        (#"{"labels": ["Talk"]}"#, "my-style.json: error: 'labels' must be an object, but found an array"),
        (#"{"types": {"HOSTED": {"style": "wavy"}}}"#, "my-style.json: error: 'types.HOSTED.style' must be one or more of solid, dashed"),
        (#"{"legend": "yes"}"#, "my-style.json: error: 'legend' must be true or false, but found the string 'yes'"),
    ])
    func errors(json: String, message: String) {
        #expect {
            try parse(json)
        } throws: { error in
            let text = "\(error)"
            let ok = text.hasPrefix(message)
            if !ok { Issue.record("got: \(text)") }
            return ok
        }
    }

    @Test("a missing style file is an error naming the file")
    func missingFile() {
        #expect(throws: DOTFileError(path: "/nonexistent/style.json", message: "cannot read the style file (missing or not readable)")) {
            try DOTStyle.load(path: "/nonexistent/style.json")
        }
    }

    @Test("a style file is loaded from disk")
    func loadFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-style-\(UUID().uuidString).json")
        try Data(#"{"rankdir": "TB"}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try DOTStyle.load(path: url.path).rankdir == "TB")
    }
}
