import Foundation
import ParleyGraph
import ParleyValues
@testable import ParleyIO

/// A strict RFC 4180 parser for the tests: every record's fields, or `nil` for text that breaks
/// the grammar (a quote inside an unquoted field, text after a closing quote, an unclosed quote,
/// a record whose field count differs from the first one's). Records end with LF.
func strictCSV(_ bytes: [UInt8]) -> [[String]]? {
    var records: [[String]] = []
    var field: [UInt8] = [], record: [String] = []
    var i = 0
    var quoted = false, wasQuoted = false
    func endField() { record.append(String(decoding: field, as: UTF8.self)); field = []; wasQuoted = false }
    while i < bytes.count {
        let b = bytes[i]
        if quoted {
            if b == 0x22 {
                if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                quoted = false
                i += 1
                if i < bytes.count && bytes[i] != 0x2C && bytes[i] != 0x0A { return nil }
                continue
            }
            field.append(b)
        } else if b == 0x22 {
            guard field.isEmpty && !wasQuoted else { return nil }
            quoted = true
            wasQuoted = true
        } else if b == 0x2C {
            endField()
        } else if b == 0x0A {
            endField()
            records.append(record)
            record = []
        } else {
            field.append(b)
        }
        i += 1
    }
    if quoted { return nil }
    if !field.isEmpty || !record.isEmpty { endField(); records.append(record) }
    guard let width = records.first?.count, records.allSatisfy({ $0.count == width }) else { return records.isEmpty ? [] : nil }
    return records
}

/// The first difference between two graphs, matching nodes by their `id` property, or `nil`.
func differenceByID(_ a: GraphStore, _ b: GraphStore) -> String? {
    guard a.nodeCount == b.nodeCount, a.relationshipCount == b.relationshipCount else {
        return "counts: \(a.nodeCount)/\(a.relationshipCount) vs \(b.nodeCount)/\(b.relationshipCount)"
    }
    func id(_ g: GraphStore, _ n: NodeID) -> String {
        if case .string(let s) = g.property(of: n, named: "id") { return s }
        return "?"
    }
    for n in a.nodeIDs {
        guard let m = b.node(withID: id(a, n)) else { return "node \(id(a, n)) missing" }
        if Set(a.labels(of: n)) != Set(b.labels(of: m)) { return "labels of \(id(a, n)): \(a.labels(of: n)) vs \(b.labels(of: m))" }
        let pa = a.properties(of: n), pb = b.properties(of: m)
        guard pa.keys.sorted() == pb.keys.sorted() else { return "keys of \(id(a, n)): \(pa.keys.sorted()) vs \(pb.keys.sorted())" }
        for (k, v) in pa where !identical(v, pb[k]!) { return "\(id(a, n)).\(k): \(v) vs \(pb[k]!)" }
    }
    func rels(_ g: GraphStore) -> [String] {
        g.relationshipIDs.map { r in
            let props = g.properties(ofRelationship: r).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.typeName):\($0.value)" }
            return "\(id(g, g.startNode(of: r)))-\(g.type(of: r))->\(id(g, g.endNode(of: r))) \(props)"
        }.sorted()
    }
    let ra = rels(a), rb = rels(b)
    if ra != rb { return "relationships differ:\n\(ra)\nvs\n\(rb)" }
    return nil
}

/// The files of `folder` by name.
func folderFiles(_ folder: String) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
        result[name] = readFile(folder + "/" + name)
    }
    return result
}
