import Foundation
import ParleyGraph
import ParleyValues
@testable import ParleyIO
import Testing

/// Shared fixtures for the DOT tests: the small diplomacy graph, Graphviz runs, SVG reading
/// and golden files.
enum DOTFixture {
    /// A small graph: three states, two organizations, two people, two talks (one postponed,
    /// one scheduled), Cyrillic names, a name with quotes and a backslash, a node with only an
    /// id and a node with only a label.
    static func graph() throws -> GraphStore {
        var g = GraphStore()
        let kz = try g.addNode(labels: ["State"], properties: ["id": "kazakhstan", "name": "Kazakhstan", "capital": "Astana"])
        let ru = try g.addNode(labels: ["State"], properties: ["id": "russia", "name": "Россия"])
        let sy = try g.addNode(labels: ["State"], properties: ["id": "syria", "name": "Syria"])
        let un = try g.addNode(labels: ["Organization"], properties: ["id": "un", "name": "United Nations", "city": "New York"])
        let opp = try g.addNode(labels: ["Organization"], properties: ["id": "opposition", "name": #"Syrian "opposition" \ coalition"#, "city": "Istanbul"])
        let dm = try g.addNode(labels: ["Person"], properties: ["id": "de-mistura", "name": "Staffan de Mistura", "role": "UN envoy", "city": "Geneva"])
        let nn = try g.addNode(labels: ["Person"], properties: ["id": "nazarbayev", "name": "Нурсултан Назарбаев", "city": "Astana"])
        let astana = try g.addNode(labels: ["Talk"], properties: [
            "id": "astana-talks-2015", "name": "Astana talks on Syria", "city": "Astana", "date": "2015-05-25",
            "status": "scheduled", "topics": ["ceasefire", "elections"],
        ])
        let moscow = try g.addNode(labels: ["Talk"], properties: [
            "id": "moscow-talks-2015", "name": "Moscow consultations", "city": "Moscow", "status": "postponed",
            "evidence": "Talks planned for April\nwere postponed.",
        ])
        let memo = try g.addNode(labels: ["Document"], properties: ["id": "memo-17", "pages": 3])
        _ = try g.addNode(labels: ["Document"])
        try g.addRelationship(type: "HOSTED", from: kz, to: astana, properties: ["since": 2015])
        try g.addRelationship(type: "LEADS", from: nn, to: kz)
        try g.addRelationship(type: "PROPOSED", from: ru, to: moscow, properties: ["status": "postponed"])
        try g.addRelationship(type: "INVITED_TO", from: opp, to: astana, properties: ["status": "scheduled", "evidence": #"said "yes""#])
        try g.addRelationship(type: "WORKS_FOR", from: dm, to: un)
        try g.addRelationship(type: "SUPPORTS", from: un, to: astana)
        try g.addRelationship(type: "ATTENDS", from: sy, to: moscow)
        try g.addRelationship(type: "ATTENDS", from: dm, to: astana)
        try g.addRelationship(type: "MENTIONS", from: memo, to: astana)
        return g
    }

    /// The node whose `id` property is `id`.
    static func node(_ g: GraphStore, _ id: String) throws -> NodeID {
        try #require(g.node(withID: id), "no node with id \(id)")
    }

    // MARK: Graphviz

    /// The result of running `dot -Tsvg`.
    struct DotRun {
        var status: Int32
        var svg: String
        var stderr: String
    }

    /// Runs Graphviz's `dot -Tsvg` (with `layout`) on `text`.
    static func runDot(_ text: String, layout: String = "dot") throws -> DotRun {
        let dotPath = try #require(GraphvizRenderer.findDot() as String?, "Graphviz's dot must be installed for the DOT tests")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parley-test-\(UUID().uuidString).dot")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dotPath)
        process.arguments = ["-K\(layout)", "-Tsvg", file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let svg = out.fileHandleForReading.readDataToEndOfFile()
        let messages = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DotRun(status: process.terminationStatus, svg: String(decoding: svg, as: UTF8.self),
                      stderr: String(decoding: messages, as: UTF8.self))
    }

    /// Checks that `dot -Tsvg` accepts `text` (exit status 0) and returns the SVG.
    @discardableResult
    static func expectValid(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let run = try runDot(text)
        #expect(run.status == 0, "dot -Tsvg failed: \(run.stderr)\n\(text)", sourceLocation: sourceLocation)
        return run.svg
    }

    // MARK: Golden files

    /// The folder of golden DOT files.
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/dot")

    /// Compares `text` with the golden file `name`; with `PARLEY_UPDATE_GOLDEN=1`, rewrites it.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PARLEY_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let data = try #require(FileManager.default.contents(atPath: url.path),
                                "missing golden file \(url.path); run with PARLEY_UPDATE_GOLDEN=1 to create it",
                                sourceLocation: sourceLocation)
        let expected = String(decoding: data, as: UTF8.self)
        #expect(text == expected, "DOT differs from \(name); run with PARLEY_UPDATE_GOLDEN=1 if the change is intended",
                sourceLocation: sourceLocation)
    }
}

/// A minimal reader for the SVG Graphviz writes: the `<title>` and `<text>` contents of each
/// node and edge group, with XML entities decoded.
enum SVGReader {
    /// One `<g class="node">` or `<g class="edge">` group.
    struct Group {
        var kind: String
        var title: String
        var texts: [String]
        /// The decoded `xlink:title` (tooltip) of the group's link, if any.
        var tooltip: String?
    }

    /// The node, edge and cluster groups of `svg`, in document order. Graphviz nests an
    /// `<g id="a_...">` link group inside a node or edge that has a tooltip; its contents
    /// belong to the enclosing group.
    static func groups(_ svg: String) -> [Group] {
        var result: [Group] = []
        var current: (kind: String, body: String)?
        func finish() {
            guard let (kind, body) = current else { return }
            var tooltip: String?
            if let start = body.range(of: "xlink:title=\""), let end = body[start.upperBound...].firstIndex(of: "\"") {
                tooltip = unescape(String(body[start.upperBound..<end]))
            }
            result.append(Group(kind: kind, title: elements("title", in: body).first ?? "", texts: elements("text", in: body), tooltip: tooltip))
        }
        for part in svg.components(separatedBy: "<g id=\"").dropFirst() {
            let kind: String?
            if part.hasPrefix("node") && part.contains("\" class=\"node\">") { kind = "node" }
            else if part.hasPrefix("edge") && part.contains("\" class=\"edge\">") { kind = "edge" }
            else if part.hasPrefix("clust") && part.contains("\" class=\"cluster\">") { kind = "cluster" }
            else { kind = nil }
            if let kind {
                finish()
                current = (kind, part)
            } else if part.hasPrefix("a_"), current != nil {
                current!.body += part
            } else {
                finish()
                current = nil
            }
        }
        finish()
        return result
    }

    /// The decoded contents of every `<name ...>...</name>` element in `text`.
    static func elements(_ name: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<\(name)") {
            guard let close = rest[open.upperBound...].range(of: ">") else { break }
            guard let end = rest[close.upperBound...].range(of: "</\(name)>") else { break }
            found.append(unescape(String(rest[close.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// `text` with XML entities (`&amp;`, `&lt;`, `&#45;`, `&#x2d;`, ...) decoded.
    static func unescape(_ text: String) -> String {
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "&", let semi = text[i...].firstIndex(of: ";"), text.distance(from: i, to: semi) <= 10 {
                let entity = String(text[text.index(after: i)..<semi])
                var decoded: String?
                switch entity {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                default:
                    if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
                        decoded = String(s)
                    } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let s = Unicode.Scalar(v) {
                        decoded = String(s)
                    }
                }
                if let decoded {
                    out += decoded
                    i = text.index(after: semi)
                    continue
                }
            }
            out.append(text[i])
            i = text.index(after: i)
        }
        return out
    }
}
