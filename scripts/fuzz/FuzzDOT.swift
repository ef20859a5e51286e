// libFuzzer target `dot`: the DOT exporter and the DOT style parser.
//
// Built by scripts/fuzz/fuzz.sh together with the instrumented ParleyGraph and ParleyIO
// objects. A crash, a sanitizer report or a broken invariant below is a finding.

import ParleyGraph
import ParleyIO
import ParleyValues

/// Builds a graph from the input, exports it as DOT and checks the text is well-formed.
///
/// The graph: the input itself when it loads as a graph document; otherwise one made of its
/// pieces (split at NUL bytes): labels, types, property keys and string values taken from
/// them, so every byte sequence reaches the exporter's quoting. A piece that starts with `{`
/// is also tried as a style file. The first byte picks the options (induced, legend,
/// clusters). Invariants: the DOT text tokenizes (every quoted string closed, no stray
/// characters), braces and brackets balance, and it starts with `digraph` and ends with `}`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let pieces = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let graph = (try? GraphFile.parse(bytes, name: "fuzz.json")) ?? graphFromPieces(pieces)
    var style = DOTStyle.default
    for piece in pieces where piece.hasPrefix("{") {
        do {
            style = try DOTStyle.parse(Array(piece.utf8), name: "style.json")
        } catch {
            _ = error.description
        }
        break
    }
    var options = DOTOptions()
    let flags = bytes.first ?? 0
    options.induced = flags & 1 != 0
    options.legend = flags & 2 != 0 ? false : nil
    if flags & 4 != 0 { options.clusterBy = "label" }
    if flags & 8 != 0, let key = pieces.dropFirst().first { options.clusterBy = key }
    if flags & 16 != 0, let name = pieces.last { options.graphName = name }
    let dot = DOTExporter.export(graph, options: options, style: style)
    if let problem = DOTCheck.problem(in: dot) {
        fatalError("malformed DOT (\(problem)):\n\(dot)")
    }
    return 0
}

/// A graph whose names and values are the input's pieces.
func graphFromPieces(_ pieces: [String]) -> GraphStore {
    var g = GraphStore()
    var nodes: [NodeID] = []
    for (i, piece) in pieces.prefix(12).enumerated() {
        let other = pieces[(i + 1) % pieces.count]
        // Assigned one by one: the piece used as a key may be "name", "n" or "list" too.
        var properties: [String: Value] = [:]
        properties["name"] = .string(piece)
        properties["n"] = .int(Int64(i))
        properties["list"] = .list([.string(piece), .double(Double(i) / 3)])
        properties[other.isEmpty ? "k" : other] = .string(piece + other)
        let labels = piece.isEmpty ? [] : [piece]
        if let n = try? g.addNode(labels: labels, properties: properties) { nodes.append(n) }
    }
    for (i, piece) in pieces.prefix(12).enumerated() where nodes.count > 1 {
        let from = nodes[i % nodes.count], to = nodes[(i * 7 + 1) % nodes.count]
        _ = try? g.addRelationship(type: piece.isEmpty ? "R" : piece, from: from, to: to, properties: ["why": .string(piece)])
    }
    return g
}

/// A small DOT tokenizer: enough to tell whether the exporter's quoting holds.
enum DOTCheck {
    /// What is wrong with `text`, or nil when it is well-formed.
    static func problem(in text: String) -> String? {
        let s = Array(text.unicodeScalars)
        var i = 0
        var depth = 0, brackets = 0
        var words: [String] = []
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\n" || c == "\t" || c == "\r" { i += 1; continue }
            if c == "/" && i + 1 < s.count && s[i + 1] == "/" {
                while i < s.count && s[i] != "\n" { i += 1 }
                continue
            }
            if c == "\"" {
                i += 1
                var closed = false
                while i < s.count {
                    if s[i] == "\\" { i += 2; continue }
                    if s[i] == "\"" { closed = true; i += 1; break }
                    i += 1
                }
                if !closed { return "an unterminated quoted string" }
                words.append("\"")
                continue
            }
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1; if depth < 0 { return "a } without {" } }
            if c == "[" { brackets += 1 } else if c == "]" { brackets -= 1; if brackets < 0 { return "a ] without [" } }
            if "{}[];=,".unicodeScalars.contains(c) { i += 1; continue }
            if c == "-" && i + 1 < s.count && s[i + 1] == ">" { i += 2; continue }
            if c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "." || c == "-" {
                var word = ""
                while i < s.count, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "_" || s[i] == "." || s[i] == "-" {
                    word.unicodeScalars.append(s[i])
                    i += 1
                }
                words.append(word)
                continue
            }
            return "unexpected character U+\(String(c.value, radix: 16, uppercase: true)) at scalar \(i)"
        }
        if depth != 0 { return "unbalanced braces" }
        if brackets != 0 { return "unbalanced brackets" }
        if words.first != "digraph" { return "does not start with digraph" }
        if !text.hasSuffix("}\n") { return "does not end with }" }
        return nil
    }
}
