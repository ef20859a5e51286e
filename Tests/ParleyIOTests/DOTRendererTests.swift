import Foundation
import ParleyGraph
@testable import ParleyIO
import Testing

/// Rendering DOT with Graphviz: formats, atomic writes, errors and warnings.
@Suite("Graphviz renderer")
struct DOTRendererTests {
    /// A fresh empty folder for one test.
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("renders SVG, PNG and PDF files with the right signatures and leaves no temporary files", arguments: ["svg", "png", "pdf"])
    func formats(format: String) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("astana.\(format)").path
        let dot = DOTExporter.export(try DOTFixture.graph())
        let warnings = try GraphvizRenderer.render(dot: dot, format: format, to: out)
        #expect(warnings.isEmpty, "\(warnings)")
        let bytes = try #require(FileManager.default.contents(atPath: out))
        let head = String(decoding: bytes.prefix(8), as: UTF8.self)
        switch format {
        case "svg": #expect(String(decoding: bytes, as: UTF8.self).contains("<svg"))
        case "png": #expect(bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        default: #expect(head.hasPrefix("%PDF"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["astana.\(format)"])
        #expect(GraphvizRenderer.format(forPath: out) == format)
    }

    @Test("the SVG carries tooltips with the evidence and the Cyrillic names")
    func svgContents() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.svg").path
        try GraphvizRenderer.render(dot: DOTExporter.export(try DOTFixture.graph()), to: out)
        let svg = String(decoding: try #require(FileManager.default.contents(atPath: out)), as: UTF8.self)
        #expect(svg.contains("Нурсултан Назарбаев"))
        #expect(svg.contains("evidence: Talks planned for April&#10;were postponed."))
        #expect(svg.contains("stroke-dasharray"), "postponed talks are dashed")
    }

    @Test("a failed render keeps the old file and names Graphviz's complaint")
    func failureKeepsOldFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("keep.svg")
        try Data("old".utf8).write(to: out)
        #expect {
            try GraphvizRenderer.render(dot: "digraph { a -> }", to: out.path)
        } throws: { error in
            guard case .failed(let status, let message) = error as? GraphvizError else { return false }
            return status != 0 && message.contains("syntax error")
        }
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: out.path)), as: UTF8.self) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["keep.svg"])
    }

    @Test("without dot on PATH the error says how to install Graphviz")
    func dotNotFound() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(GraphvizRenderer.findDot(environment: ["PATH": dir.path]) == nil)
        #expect(throws: GraphvizError.dotNotFound) {
            try GraphvizRenderer.render(dot: "digraph {}", to: dir.appendingPathComponent("x.svg").path, environment: ["PATH": dir.path])
        }
        #expect(GraphvizError.dotNotFound.description
            == "Graphviz's dot was not found; install it with apt-get install graphviz (macOS: brew install graphviz)")
    }

    @Test("unknown formats and layouts are refused before running anything")
    func badArguments() {
        #expect(throws: GraphvizError.unsupportedFormat("gif")) { try GraphvizRenderer.render(dot: "digraph {}", format: "gif", to: "/tmp/x.gif") }
        #expect(throws: GraphvizError.unsupportedLayout("spring")) { try GraphvizRenderer.render(dot: "digraph {}", to: "/tmp/x.svg", layout: "spring") }
        #expect(GraphvizError.unsupportedFormat("gif").description.contains("svg, png, pdf"))
    }

    @Test("a missing output folder is reported as a failure, not a crash")
    func missingFolder() {
        #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph {}", to: "/nonexistent-parley-folder/x.svg")
        }
    }

    @Test("more than 2,000 nodes gives a warning suggesting sfdp; the sfdp layout renders")
    func largeGraphWarning() throws {
        var g = GraphStore()
        for i in 0..<2_001 { try g.addNode(labels: ["State"], properties: ["id": .string("s\(i)")]) }
        let dot = DOTExporter.export(g, options: { var o = DOTOptions(); o.legend = false; return o }())
        #expect(GraphvizRenderer.headerNodeCount(dot) == 2_001)
        try DOTFixture.expectValid(dot)
        #expect(DOTExporter.nodeCount(g) == 2_001)
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = DOTExporter.export(try DOTFixture.graph())
        let warnings = try GraphvizRenderer.render(dot: small, to: dir.appendingPathComponent("s.svg").path, layout: "sfdp", nodeCount: 2_500)
        #expect(warnings.first?.contains("2500 nodes") == true)
        #expect(GraphvizRenderer.sizeWarning(dot: dot, nodeCount: nil, layout: "dot")?.contains("sfdp") == true)
        #expect(GraphvizRenderer.sizeWarning(dot: small, nodeCount: nil, layout: "dot") == nil)
    }
}

/// Saving DOT text to a file.
@Suite("DOT files")
struct DOTSaveTests {
    @Test("saving writes the exact text and reports a bad folder with the file name")
    func save() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-save-\(UUID().uuidString).dot")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = DOTExporter.export(try DOTFixture.graph())
        try DOTExporter.save(text, to: url.path)
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: url.path)), as: UTF8.self) == text)
        #expect {
            try DOTExporter.save(text, to: "/nonexistent-parley-folder/g.dot")
        } throws: { error in
            "\(error)".hasPrefix("/nonexistent-parley-folder/g.dot: error: cannot write the DOT file")
        }
    }
}
