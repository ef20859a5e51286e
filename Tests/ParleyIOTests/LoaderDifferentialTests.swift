import Foundation
import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyIO

/// The graph in a canonical text form shared with the Python oracle: one line per node and
/// edge, sorted; labels as a set; properties sorted, nulls left out; strings with every
/// scalar outside printable ASCII as `\u{hex}`; floats by bit pattern.
func canonicalForm(_ model: DocumentModel) -> String {
    func esc(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            if u.value >= 0x20 && u.value < 0x7F && u != "\"" && u != "\\" { out.unicodeScalars.append(u) } else { out += "\\u{\(String(u.value, radix: 16))}" }
        }
        return out + "\""
    }
    func value(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return "i:\(i)"
        case .double(let d):
            let hex = String(d.bitPattern, radix: 16)
            return "f:" + String(repeating: "0", count: 16 - hex.count) + hex
        case .string(let s): return "s:" + esc(s)
        case .list(let items): return "[" + items.map(value).joined(separator: ",") + "]"
        default: return "?\(v)"
        }
    }
    func properties(_ pairs: [(String, Value)]) -> String {
        let items = pairs.filter { !$0.1.isNull }.map { (esc($0.0), value($0.1)) }.sorted { $0.0 < $1.0 }
        return "{" + items.map { $0.0 + "=" + $0.1 }.joined(separator: ",") + "}"
    }
    var lines: [String] = []
    for n in model.nodes {
        let labels = Set(n.labels.map(esc)).sorted()
        lines.append("node \(esc(n.id)) labels=[\(labels.joined(separator: ","))] \(properties(n.properties + [("id", .string(n.id))]))")
    }
    for e in model.edges {
        lines.append("edge \(esc(e.source))->\(esc(e.target)) :\(esc(e.type)) \(properties(e.properties))")
    }
    return lines.sorted().joined(separator: " ; ")
}

/// The loaded graph as a ``DocumentModel`` (node ids from the `id` property).
func model(of graph: GraphStore) -> DocumentModel {
    var model = DocumentModel()
    var idOf: [NodeID: String] = [:]
    for n in graph.nodeIDs {
        guard case .string(let id) = graph.property(of: n, named: GraphStore.idKey) else { continue }
        idOf[n] = id
        model.nodes.append(.init(id: id, labels: graph.labels(of: n), properties: graph.properties(of: n).filter { $0.key != GraphStore.idKey }.map { ($0.key, $0.value) }))
    }
    for r in graph.relationshipIDs {
        model.edges.append(.init(source: idOf[graph.startNode(of: r)] ?? "?", target: idOf[graph.endNode(of: r)] ?? "?", type: graph.type(of: r), properties: graph.properties(ofRelationship: r).map { ($0.key, $0.value) }))
    }
    return model
}

/// A generated document and what is known about it.
struct GeneratedDocument {
    var name: String
    var bytes: [UInt8]
    var fault: Fault?
    var model: DocumentModel
}

/// The documents every test here uses: 300 valid ones and 4 of each fault (seeded).
let generatedDocuments: [GeneratedDocument] = {
    var generator = GraphDocumentGenerator(rng: SeededRandom(state: 20_150_525))
    var documents: [GeneratedDocument] = []
    for i in 0..<300 {
        let (bytes, model) = generator.document(fault: nil)
        documents.append(GeneratedDocument(name: "valid-\(i).json", bytes: bytes, fault: nil, model: model))
    }
    for round in 0..<4 {
        for fault in Fault.allCases {
            let (bytes, model) = generator.document(fault: fault)
            documents.append(GeneratedDocument(name: "\(fault)-\(round).json", bytes: bytes, fault: fault, model: model))
        }
    }
    return documents
}()

/// The loader's outcome: the canonical graph, or the rendered error.
func loaderOutcome(_ bytes: [UInt8]) -> Result<String, GraphFileError> {
    do {
        return .success(canonicalForm(model(of: try GraphFile.parse(bytes, name: "g.json"))))
    } catch {
        return .failure(error)
    }
}

/// Whether the document uses names that are different Unicode scalar sequences but canonically
/// equivalent (such as `é` and `e\u{301}`); the store keeps such names apart.
func hasCanonicallyEquivalentNames(_ model: DocumentModel) -> Bool {
    func clash(_ names: [String]) -> Bool {
        var spellings: [String: Set<[UInt32]>] = [:]
        for name in names { spellings[name, default: []].insert(name.unicodeScalars.map(\.value)) }
        return spellings.values.contains { $0.count > 1 }
    }
    return clash(model.nodes.flatMap(\.labels))
        || clash(model.nodes.flatMap { $0.properties.map(\.0) } + model.edges.flatMap { $0.properties.map(\.0) })
        || clash(model.edges.map(\.type))
}

/// The `python3` executable on PATH, if any.
let python3: String? = {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(folder)/python3"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}()

@Suite("The loader against a generated model and Python's json module")
struct LoaderDifferentialTests {
    @Test("valid generated documents load to exactly the generated graph; faulty ones with a fixed verdict are refused")
    func againstModel() {
        var accepted = 0, refused = 0, equivalentNames = 0
        for doc in generatedDocuments {
            let outcome = loaderOutcome(doc.bytes)
            if doc.fault == nil && hasCanonicallyEquivalentNames(doc.model) { equivalentNames += 1 }
            do {
                switch (doc.fault, outcome) {
                case (nil, .success(let graph)):
                    #expect(graph == canonicalForm(doc.model), "\(doc.name)")
                    accepted += 1
                case (nil, .failure(let error)):
                    Issue.record("\(doc.name) was refused: \(error)")
                case (let fault?, .success):
                    if fault.pythonVerdict != nil { Issue.record("\(doc.name) was accepted but has the fault \(fault)") }
                case (_?, .failure):
                    refused += 1
                }
            }
        }
        #expect(accepted >= 300)
        #expect(equivalentNames > 0, "the generator must exercise canonically equivalent names")
        #expect(refused >= 4 * (Fault.allCases.count - 3))
    }

    @Test("the loader and Python's json agree on every document, up to the documented strictness", .enabled(if: python3 != nil, "python3 is not on PATH: only the model comparison runs"))
    func againstPython() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        for doc in generatedDocuments { writeFile(folder + "/" + doc.name, doc.bytes) }
        let script = folder + "/oracle.py"
        writeFile(script, Array(pythonJSONOracle.utf8))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python3!)
        process.arguments = [script] + generatedDocuments.map { folder + "/" + $0.name }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the Python oracle failed")

        var verdicts: [String: (status: String, detail: String)] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 3 { verdicts[parts[0]] = (parts[1], parts[2]) }
        }
        try #require(verdicts.count == generatedDocuments.count)

        var tally: [String: Int] = [:]
        for doc in generatedDocuments {
            let python = verdicts[doc.name]!
            let loader = loaderOutcome(doc.bytes)
            tally[python.status, default: 0] += 1
            if python.status == "STRICT" { tally[python.detail, default: 0] += 1 }
            // The oracle sees each fault as what it is.
            if let expected = doc.fault?.pythonVerdict {
                #expect(python.status == expected.status, "\(doc.name): Python says \(python.status) \(python.detail)")
                if let flag = expected.flag { #expect(python.detail.split(separator: ",").contains(Substring(flag)), "\(doc.name): \(python.detail)") }
            }
            do {
                switch (python.status, loader) {
                case ("ACCEPT", .success(let graph)):
                    #expect(graph == python.detail, "\(doc.name): the loader and Python read different graphs")
                case ("ACCEPT", .failure(let error)):
                    Issue.record("\(doc.name): Python accepts it, the loader refuses it: \(error)")
                case (_, .success):
                    Issue.record("\(doc.name): Python says \(python.status) (\(python.detail)), the loader accepts it")
                case (_, .failure):
                    break
                }
            }
        }
        print("loader vs Python's json: \(generatedDocuments.count) documents;", tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        // Every kind of verdict occurs.
        #expect(tally["ACCEPT", default: 0] >= 300)
        #expect(tally["REJECT", default: 0] > 0 && tally["STRICT", default: 0] > 0)
    }
}

@Suite("Names that differ only by Unicode normalization stay apart")
struct CanonicallyEquivalentNameTests {
    @Test("a label spelled e + U+0301 after a label spelled U+00E9 keeps its own spelling")
    func labels() throws {
        let graph = try parse(#"{"nodes": [{"id": "a", "labels": ["\u00e9"]}, {"id": "b", "labels": ["e\u0301"]}]}"#)
        #expect(graph.labels(of: 1).first?.unicodeScalars.map(\.value) == [0x65, 0x301])
        #expect(graph.labels(of: 0).first?.unicodeScalars.map(\.value) == [0xE9])
    }

    @Test("property keys U+00E9 and e + U+0301 are two keys, as in Python's json")
    func keys() {
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"\u00e9": 1, "e\u0301": 2}}]}"#) == nil)
    }
}

@Suite("Where the loader is deliberately stricter than Python's json (docs/graph-format.md)")
struct DocumentedStrictnessTests {
    @Test("NaN and Infinity")
    func nanInfinity() {
        #expect(loadError(#"{"nodes":[{"id":"a","properties":{"x":NaN}}]}"#) == "g.json:1:39: error: expected a value for nodes[0].properties.x but found 'N'")
        #expect(loadError(#"{"nodes":[{"id":"a","properties":{"x":-Infinity}}]}"#) == "g.json:1:40: error: expected a digit after '-' but found 'I'")
    }

    @Test("lone surrogates, escaped or encoded")
    func surrogates() {
        #expect(loadError(#"{"nodes":[{"id":"a","properties":{"x":"\ud800"}}]}"#) == "g.json:1:40: error: lone high surrogate \\uD800 in a string: expected a low surrogate \\uDC00–\\uDFFF after it")
        #expect(loadError(Array(#"{"nodes":[{"id":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}]}"#.utf8)) == "g.json:1:19: error: invalid UTF-8: expected a continuation byte after 0xED but found 0xA0")
    }

    @Test("duplicate keys: top level, node, properties (but not inside meta)")
    func duplicateKeys() {
        #expect(loadError(#"{"nodes":[],"nodes":[]}"#) == "g.json:1:13: error: duplicate top-level key \"nodes\"")
        #expect(loadError(#"{"nodes":[{"id":"a","id":"b"}]}"#) == "g.json:1:21: error: nodes[0]: duplicate key \"id\"")
        #expect(loadError(#"{"nodes":[{"id":"a","properties":{"x":1,"x":2}}]}"#) == "g.json:1:41: error: nodes[0].properties: duplicate property key \"x\"")
        #expect(loadError(#"{"meta":{"x":1,"x":2}}"#) == nil)
    }

    @Test("integers beyond Int64 and floats that overflow")
    func numbers() {
        #expect(loadError(#"{"nodes":[{"id":"a","properties":{"x":9223372036854775808}}]}"#) == "g.json:1:39: error: number out of range: 9223372036854775808 does not fit in a 64-bit integer (write 9223372036854775808.0 for a float)")
        #expect(loadError(#"{"nodes":[{"id":"a","properties":{"x":1e400}}]}"#) == "g.json:1:39: error: number out of range: 1e400 is too large for a 64-bit float")
    }

    @Test("meta nests at most 512 levels")
    func nesting() {
        func meta(_ depth: Int, _ inner: String) -> String { "{\"meta\":" + String(repeating: "[", count: depth) + inner + String(repeating: "]", count: depth) + "}" }
        #expect(loadError(meta(511, "1")) == nil)
        #expect(loadError(meta(512, "")) == nil)
        #expect(loadError(meta(512, "1")) == "g.json:1:521: error: nesting too deep: expected at most 512 levels of arrays and objects")
    }
}
