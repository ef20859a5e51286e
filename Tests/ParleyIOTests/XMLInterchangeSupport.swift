import Foundation
import ParleyGraph
import ParleyREPL
import ParleyValues
import Testing
@testable import ParleyIO

/// Helpers of the GraphML and GEXF tests.
enum XMLInterchange {
    /// Accepts every element; used to check that a document is well-formed XML.
    final class NoHandler: XMLElementHandler {
        var elements = 0
        func start(_ name: ByteSpan, _ attributes: XMLAttributes, at: XMLMark) throws(XMLReadError) -> Bool {
            elements += 1
            return false
        }
        func end(_ name: ByteSpan, text: ByteSpan) throws(XMLReadError) {}
    }

    /// The problem Parley's XML scanner finds in `bytes` (`LINE:COL: message`), or nil when
    /// the document is well-formed.
    static func xmlProblem(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(XMLReadError) {
                try NoHandler().read(buffer)
                return nil
            } catch {
                guard let mark = error.mark else { return "?: \(error.message)" }
                let at = JSONSyntaxError.location(of: mark.offset, in: buffer)
                return "\(at.line):\(at.column): \(error.message)"
            }
        }
    }

    /// The bundled graph (graphs/astana-2015.json).
    static func bundled() throws -> GraphStore {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try GraphFile.load(path: root.appendingPathComponent("graphs/astana-2015.json").path)
    }

    /// `graph` written in `format`, checked to be well-formed, and read back from a file.
    static func roundTrip(_ graph: GraphStore, _ format: GraphFormat) throws -> (graph: GraphStore, text: String, notes: ExportNotes) {
        let (bytes, notes) = try Interchange.text(graph, format: format)
        #expect(xmlProblem(bytes) == nil, "\(format.rawValue) output is well-formed XML: \(xmlProblem(bytes) ?? "")")
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let path = folder + "/g." + format.extensions[0]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let back = try Interchange.load(path: path)
        return (back, String(decoding: bytes, as: UTF8.self), notes)
    }

    /// Loads `text` from a file `g.EXT`; the error rendered with its source line and caret
    /// (`g.graphml:3:5: error: ...`), or nil when it loads.
    static func loadError(_ text: String, _ ext: String) -> String? {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let path = folder + "/g." + ext
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try Interchange.load(path: path)
            return nil
        } catch {
            return error.diagnostic.render(source: text, fileName: "g." + ext)
        }
    }

    /// Loads `text` as a file `g.EXT`.
    static func load(_ text: String, _ ext: String) throws -> GraphStore {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let path = folder + "/g." + ext
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try Interchange.load(path: path)
    }

    /// A graph with every kind of property value, escapes, parallel relationships and self-loops.
    static func everyValue() throws -> GraphStore {
        var g = GraphStore()
        func t(_ kind: TemporalKind, _ text: String) throws -> Value { .temporal(try kind.parse(text)) }
        let a = try g.addNode(labels: ["State", "Talk"], properties: [
            "id": "a", "name": "Astana <&> \"quoted\" 'single'", "multi": "line one\nline two\ttab\r\n",
            "unicode": "Казахстан 🕊️ e\u{301} 𝄞", "count": .int(Int64.max), "negative": .int(Int64.min),
            "ratio": 0.1, "tiny": .double(.leastNonzeroMagnitude), "big": 1.7976931348623157e308, "whole": 3.0, "flag": true, "off": false,
            "nan": .double(.nan), "inf": .double(.infinity), "minusInf": .double(-.infinity),
            "day": try t(.date, "2015-05-25"), "at": try t(.localtime, "12:30:45.123456789"), "zoned": try t(.time, "08:00+05:00"),
            "local": try t(.localdatetime, "2015-05-25T10:00"), "instant": try t(.datetime, "2015-05-25T10:00+06:00[Asia/Almaty]"),
            "span": try t(.duration, "P1Y2M3DT4H"),
            "words": ["x", "y, z", "[q]", "\"", " padded ", ""], "ints": [1, -2, 3], "floats": [0.5, 1.0, -2.25], "flags": [true, false],
            "mixed": [1, "one", 1.5, true], "dates": [try t(.date, "2015-01-01"), try t(.date, "2016-02-29")], "empty": [],
        ])
        let b = try g.addNode(labels: ["Person"], properties: ["id": "b", "name": "Bob", "count": "not a number here"])
        let c = try g.addNode(labels: [], properties: ["id": "c & d"])
        _ = try g.addRelationship(type: "MET", from: a, to: b, properties: ["weight": 0.25, "since": try t(.date, "2015-05-01"), "tags": ["x"]])
        _ = try g.addRelationship(type: "MET", from: a, to: b, properties: ["weight": 2, "label": "a property named label"])
        _ = try g.addRelationship(type: "SELF", from: a, to: a)
        _ = try g.addRelationship(type: "SELF", from: c, to: c, properties: ["note": "<loop/>"])
        _ = try g.addRelationship(type: "ПУТЬ", from: b, to: c, properties: ["id": "r1"])
        return g
    }
}
