import Foundation
import ParleyGraph
import ParleyValues
@testable import ParleyIO

/// Graphs and helpers shared by the interchange format tests.
enum InterchangeSamples {
    /// Text that needs escaping in every format: quotes, backslash, newline, tab, `<`, `&`,
    /// `#`, `|`, non-ASCII and an emoji.
    static let awkward = "quote \" apostrophe ' backslash \\ newline\n tab\t <tag> & amp #hash |bar| é Ω 中 🎉"

    /// The bundled graph.
    static func bundled() throws -> GraphStore {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try GraphFile.load(path: root.appendingPathComponent("graphs/astana-2015.json").path)
    }

    /// A graph with every value type (temporal kinds included), escapes, several labels,
    /// parallel relationships and self-loops, and properties named as the formats' own keys.
    static func everyValue() throws -> GraphStore {
        var g = GraphStore()
        let date = Value.temporal(.date(try CypherDate(year: 2015, month: 5, day: 25)))
        let a = try g.addNode(labels: ["Person", "Envoy"], properties: [
            "id": .string("a"), "name": .string(awkward), "age": .int(42), "big": .int(Int64.max), "neg": .int(Int64.min),
            "score": .double(0.1), "whole": .double(1.0), "tiny": .double(5e-324), "ok": .bool(true), "no": .bool(false),
            "tags": .list([.string("x"), .string(awkward)]), "nums": .list([.int(1), .int(2)]), "mixed": .list([.int(1), .double(2.5), .bool(true), .string("s")]),
            "empty": .string(""), "none": .list([]), "born": date,
            "seen": .temporal(try TemporalKind.datetime.parse("2015-05-25T10:30+06:00[Asia/Almaty]")),
            "at": .temporal(try TemporalKind.localtime.parse("12:31:14.645876123")),
            "stay": .temporal(try TemporalKind.duration.parse("P1DT2H")),
            "when": .list([date, date]),
        ])
        let b = try g.addNode(labels: ["Person"], properties: ["id": .string("b 🎉"), "born": .string("1980"), "label": .string("Bee")])
        let c = try g.addNode(properties: ["id": .string("c\"<&>"), "labels": .string("a property called labels")])
        let d = try g.addNode(labels: ["Talk"], properties: ["name": .string("no id")])
        _ = try g.addRelationship(type: "MET", from: a, to: b, properties: ["weight": .int(2), "when": date])
        _ = try g.addRelationship(type: "MET", from: a, to: b, properties: ["weight": .int(3), "note": .string(awkward)])
        _ = try g.addRelationship(type: "CALLED", from: a, to: b)
        _ = try g.addRelationship(type: "MET", from: b, to: a)
        _ = try g.addRelationship(type: "SELF", from: c, to: c, properties: ["source": .string("s"), "target": .string("t"), "type": .string("y"), "key": .int(7)])
        _ = try g.addRelationship(type: "SELF", from: c, to: c, properties: ["id": .string("e1"), "label": .string("L")])
        _ = try g.addRelationship(type: "has space", from: d, to: a)
        return g
    }

    /// `bytes` parse as JSON under Foundation's strict parser.
    static func isStrictJSON(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil
    }

    /// The error text for `f` (`g.json:3:17: error: ...`), or nil when it does not throw.
    static func error(_ f: () throws(GraphFileError) -> GraphStore) -> String? {
        do {
            _ = try f()
            return nil
        } catch {
            return error.description
        }
    }
}
