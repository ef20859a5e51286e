import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyIO

/// Loading both ways, comparing, and the documents the probes of
/// ``NodeSplitAdversarialTests`` are made of.
extension NodeSplitAdversarialTests {
    // MARK: Loading and comparing

    /// What one load gave, as text (a dump of the graph or the positioned error) and whether
    /// the nodes were read in two halves and joined.
    struct Outcome {
        var text: String
        var failed: Bool
        var joined: Bool
    }

    /// Loads `bytes` with the `nodes` split forced or disabled (and the edges split forced
    /// or disabled with `splitEdges`).
    static func load(_ bytes: [UInt8], split: Bool, splitEdges: Bool = false) -> Outcome {
        let load = SplitLoad(bytes, splitNodes: split, splitEdges: splitEdges)
        switch load.result {
        case .success(let graph):
            return Outcome(text: dump(graph), failed: false, joined: load.joinedNodes)
        case .failure(let error):
            var position = "(no position)"
            if let offset = error.offset {
                let at = bytes.withUnsafeBufferPointer { JSONSyntaxError.location(of: offset, in: $0) }
                position = "\(at.line):\(at.column) byte \(offset) length \(error.length)"
            }
            return Outcome(text: "error at \(position): \(error.message)", failed: true, joined: load.joinedNodes)
        }
    }

    /// A value with its type spelled out (`1` and `1.0` differ, doubles by bit pattern).
    static func typed(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return "bool(\(b))"
        case .int(let i): return "int(\(i))"
        case .double(let d): return "double(\(d) \(String(d.bitPattern, radix: 16)))"
        case .string(let s): return "string(\(s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")))"
        case .list(let items): return "list[" + items.map(typed).joined(separator: ", ") + "]"
        case .temporal(let t): return "temporal(\(TemporalKind(of: t).rawValue) \(t))"
        default: return "other(\(v))"
        }
    }

    /// Every observable part of the graph, one fact a line, by internal id.
    static func dump(_ g: GraphStore) -> String {
        var out: [String] = []
        out.append("labels " + g.labels.names.map { "[\($0.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))]" }.joined(separator: " "))
        out.append("keys " + g.keys.names.map { "[\($0.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))]" }.joined(separator: " "))
        out.append("types " + g.types.names.joined(separator: " | "))
        out.append("counts nodes \(g.nodeCount) capacity \(g.nodeCapacity) relationships \(g.relationshipCount) self-loops \(g.selfLoopCount)")
        let idKey = g.keys.id(of: GraphStore.idKey)
        for n in g.nodeIDs {
            var line = "node \(n) labels \(g.labelIDs(of: n)) props"
            for (key, value) in g.propertyPairs(of: n) { line += " \(key)=\(typed(value))" }
            line += " out \(g.adjacency(of: n, .outgoing).count) in \(g.adjacency(of: n, .incoming).count)"
            if let idKey, case .string(let id) = g.property(of: n, idKey) {
                line += " lookup \(g.node(withID: id).map { "\($0)" } ?? "none")"
            }
            out.append(line)
        }
        for (l, _) in g.labels.names.enumerated() {
            out.append("label \(l) nodes \(g.nodes(withLabel: Int32(l)))")
        }
        for r in g.relationshipIDs {
            var line = "rel \(r) \(g.typeID(of: r)) \(g.startNode(of: r))->\(g.endNode(of: r)) props"
            for (key, value) in g.propertyPairs(ofRelationship: r) { line += " \(key)=\(typed(value))" }
            out.append(line)
        }
        if let idKey { out.append("id index nodes \(g.indexedNodeCount(idKey).map { "\($0)" } ?? "none")") }
        out.append("consistency \(g.checkConsistency() ?? "ok")")
        return out.joined(separator: "\n")
    }

    /// The first line where two dumps differ (short enough for a test failure).
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) {
            let p = i < x.count ? String(x[i]) : "<none>", q = i < y.count ? String(y[i]) : "<none>"
            if p != q { return "line \(i): one thread \"\(p.prefix(300))\" / two threads \"\(q.prefix(300))\"" }
        }
        return "(no difference)"
    }

    /// Compares the forced-split load of `bytes` with the one-thread load; records an issue
    /// (with `comment`) and returns `false` on a difference. `joined` counts the loads that
    /// were really read in two halves.
    @discardableResult
    static func same(_ bytes: [UInt8], _ comment: @autoclosure () -> String, splitEdges: Bool = false, joined: inout Int) -> Bool {
        let one = load(bytes, split: false)
        let two = load(bytes, split: true, splitEdges: splitEdges)
        if two.joined { joined += 1 }
        guard one.text == two.text else {
            Issue.record("\(comment()): \(firstDifference(one.text, two.text)) (joined: \(two.joined))")
            return false
        }
        return true
    }

    @discardableResult
    static func same(_ text: String, _ comment: @autoclosure () -> String, splitEdges: Bool = false) -> Bool {
        var joined = 0
        return same(Array(text.utf8), comment(), splitEdges: splitEdges, joined: &joined)
    }

    // MARK: Generating documents

    /// Raw strings (before JSON escaping) that look like the structure the split finder and
    /// the search for the end of the array scan for.
    static let nasty: [String] = [
        "labels", "\"labels\"", "{", "}", "[", "]", ",", "\"", "\\", "{\"id\":", "{\"id\": \"x\"}",
        "}, {\"id\": \"fake\"}, {\"id\": ", "},{\"labels\":[\"X\"]},{", "}, {\"properties\": {}}, {",
        "]}, \"edges\": [", "], \"edges\": [{\"source\": \"a\"}]}", "\"labels\": [\"L\"]", "}\n,\n{\"id\"\n:",
        "é", "e\u{301}", "😀", "日本語", "\u{0}", "\u{1F}", "line\nbreak", "cr\r\nlf", "tab\t", "12345678",
        "123456789", "a-rather-long-string-with-}{-braces", "\\\"", "\u{7F}", "\u{FEFF}", "\u{2028}",
        "{\"$date\": \"2015-05-25\"}", "},{\"id\":\"n1\",\"labels\":[\"A\"]}]", "",
    ]

    /// `s` as a JSON string literal, escaped in one of the valid ways chosen at random.
    static func quote(_ s: String, _ r: inout SplitMix64, plain: Bool = false) -> String {
        var out = "\""
        func hex4(_ v: UInt32) -> String {
            let h = String(v, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + (r.below(2) == 0 ? h : h.uppercased())
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += plain || r.below(4) != 0 ? "\\\"" : "\\u0022"
            case "\\": out += "\\\\"
            case "\n": out += r.below(2) == 0 ? "\\n" : "\\u000a"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/": out += r.below(2) == 0 ? "\\/" : "/"
            default:
                if u.value < 0x20 {
                    out += hex4(u.value)
                } else if u.value > 0xFFFF && !plain && r.below(2) == 0 {
                    let v = u.value - 0x10000
                    out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                } else if !plain && u.value < 0x10000 && r.below(16) == 0 {
                    out += hex4(u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Whitespace in one of several styles: none, spaces, pretty-printed (LF or CRLF), mixed.
    struct Spacing {
        var style: Int
        func ws(_ r: inout SplitMix64) -> String {
            switch style {
            case 0: return ""
            case 1: return " "
            case 2: return r.below(3) == 0 ? "\n  " : " "
            case 3: return r.below(3) == 0 ? "\r\n\t" : " "
            default: return ["", " ", "\n", "\r\n", "\t", "  \r\n ", "\r"][r.below(7)]
            }
        }
        /// Between array elements (pretty styles put each element on a line).
        func elementBreak(_ r: inout SplitMix64) -> String {
            switch style {
            case 0: return ""
            case 1: return " "
            case 2: return "\n"
            case 3: return "\r\n"
            default: return ws(&r)
            }
        }
    }

    /// What a generated document holds, for checks that do not need a second load.
    struct Generated {
        var text: String
        var ids: [String]
    }

    /// A random document: `nodes` nodes with nasty strings, labels and keys some only in the
    /// second half, a property `v` whose type differs between the halves, typed and declared
    /// temporal values, keys sometimes escaped; the top-level keys in a random order (`edges`
    /// before or after `nodes`, or none), whitespace in a random style.
    static func document(seed: UInt64, nodes: Int, duplicate: Bool = false) -> Generated {
        var r = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234)
        let spacing = Spacing(style: r.below(5))
        var ws: String { spacing.ws(&r) }
        let declares = r.below(2) == 0
        let escapedKeys = r.below(6) == 0
        func key(_ name: String) -> String { escapedKeys && r.below(5) == 0 ? quote(name, &r).replacingOccurrences(of: "i", with: "\\u0069") : "\"\(name)\"" }

        // Ids: unique after decoding, written in random spellings.
        var ids: [String] = []
        for i in 0..<nodes {
            switch r.below(6) {
            case 0: ids.append("n\(i)")
            case 1: ids.append("a-rather-long-node-id-\(i)")
            case 2: ids.append("\(nasty[r.below(nasty.count)])#\(i)")
            case 3: ids.append("\(i)")
            case 4: ids.append("x\(i)" + String(repeating: "z", count: r.below(10)))
            default: ids.append("\(i)-é-😀")
            }
        }
        if duplicate && nodes > 2 {
            let a = r.below(nodes), b = r.below(nodes)
            if a != b { ids[max(a, b)] = ids[min(a, b)] }
        }

        let labelPool = ["A", "Person", "labels", "{\"id\":", "é", "e\u{301}", "Organization", "}, {", "L\\\"q"]
        let lateLabels = ["Late", "Zeta", "]"]
        let keyPool = ["k", "name", "w", "flag", "list", "note", "labels", "{\"id\":", "é", "e\u{301}", "nothing"]
        let lateKeys = ["late", "zz", "}"]

        func value(_ key: String, _ i: Int) -> String {
            if key == "v" {
                // The same key, a different type in each half (and sometimes within one).
                let firstHalf = i < nodes / 2
                switch (firstHalf, r.below(4)) {
                case (true, 0): return "\(r.below(1000)).5"
                case (true, _): return "\(Int(r.below(2000)) - 1000)"
                case (false, 0): return quote("\(r.below(100))", &r)
                case (false, 1): return "\(r.below(100))"
                default: return "\(r.below(100))e0"
                }
            }
            if key == "born" {
                let day = 1 + r.below(28)
                return declares && r.below(3) != 0 ? quote(r.below(4) == 0 ? "2015" : "2015-05-\(day < 10 ? "0" : "")\(day)", &r, plain: true)
                    : "{\(ws)\"$date\"\(ws):\(ws)\"2016-02-\(day < 10 ? "0" : "")\(day)\"\(ws)}"
            }
            switch r.below(11) {
            case 0: return "\(Int64(bitPattern: r.next()))"
            case 1: return ["0", "-0", "9223372036854775807", "-9223372036854775808", "1", "42"][r.below(6)]
            case 2: return ["0.5", "1e3", "-2.5E-3", "1.0", "3.14159", "1E+2", "-0.0", "0.1"][r.below(8)]
            case 3, 4, 5: return quote(nasty[r.below(nasty.count)], &r)
            case 6: return r.below(2) == 0 ? "true" : "false"
            case 7: return "null"
            case 8: return "[\(ws)1,\(ws)2.5,\(ws)\(quote(nasty[r.below(nasty.count)], &r)),\(ws)true,\(ws)null\(ws)]"
            case 9: return "[\(ws)]"
            default: return "{\(ws)\"$duration\"\(ws):\(ws)\"P\(1 + r.below(9))D\"\(ws)}"
            }
        }

        var nodeTexts: [String] = []
        for i in 0..<nodes {
            var members: [String] = []
            members.append(key("id") + ws + ":" + ws + quote(ids[i], &r))
            if r.below(4) != 0 {
                var names = (0..<r.below(4)).map { _ in labelPool[r.below(labelPool.count)] }
                if i > nodes / 2 && r.below(3) == 0 { names.append(lateLabels[r.below(lateLabels.count)]) }
                members.append(key("labels") + ws + ":" + ws + "[" + ws + names.map { quote($0, &r) }.joined(separator: ws + "," + ws) + ws + "]")
            }
            if r.below(5) != 0 {
                var keys = Set((0..<r.below(5)).map { _ in keyPool[r.below(keyPool.count)] })
                if r.below(2) == 0 { keys.insert("v") }
                if r.below(3) == 0 { keys.insert("born") }
                if i > nodes / 2 && r.below(3) == 0 { keys.insert(lateKeys[r.below(lateKeys.count)]) }
                let pairs = keys.sorted().shuffled(using: &r).map { quote($0, &r) + ws + ":" + ws + value($0, i) }
                members.append(key("properties") + ws + ":" + ws + "{" + ws + pairs.joined(separator: ws + "," + ws) + ws + "}")
            }
            members.shuffle(using: &r)
            nodeTexts.append("{" + ws + members.joined(separator: ws + "," + ws) + ws + "}")
        }
        let nodesText = "[" + spacing.elementBreak(&r) + nodeTexts.joined(separator: "," + spacing.elementBreak(&r)) + spacing.elementBreak(&r) + "]"

        var edgeTexts: [String] = []
        if nodes > 0 {
            for e in 0..<r.below(3 * nodes) {
                let id = r.below(4) == 0 ? "\"id\"" + ws + ":" + ws + "\(e)," + ws : ""
                let props = r.below(3) == 0 ? "," + ws + "\"properties\"" + ws + ":" + ws + "{\"w\":\(ws)\(value("w", e))}" : ""
                edgeTexts.append("{" + ws + id + "\"source\"" + ws + ":" + ws + quote(ids[r.below(nodes)], &r) + "," + ws
                    + "\"target\"" + ws + ":" + ws + quote(ids[r.below(nodes)], &r) + "," + ws + "\"type\":" + ws + quote(["T", "KNOWS", "}, {"][r.below(3)], &r) + props + ws + "}")
            }
        }
        let edgesText = "[" + spacing.elementBreak(&r) + edgeTexts.joined(separator: "," + spacing.elementBreak(&r)) + spacing.elementBreak(&r) + "]"

        var sections: [String] = ["\"nodes\"" + ws + ":" + ws + nodesText]
        if r.below(5) != 0 { sections.append("\"edges\"" + ws + ":" + ws + edgesText) }
        if r.below(3) == 0 {
            // Something after (or before) the nodes that looks like more nodes.
            sections.append("\"meta\"" + ws + ":" + ws + "{\"copy\": [{\"id\": \"m1\", \"labels\": [\"M\"]}, {\"id\": \"m2\", \"properties\": {}}, {\"labels\": []}]}")
        }
        if r.below(4) == 0 { sections.append("\"validity\"" + ws + ":" + ws + "{\"date\": \"born\"}") }
        if r.below(6) == 0 { sections.append("\"$schema\"" + ws + ":" + ws + "[{\"id\": \"s\"}, {\"id\": \"t\"}]") }
        sections.shuffle(using: &r)
        if declares { sections.insert("\"propertyTypes\"" + ws + ":" + ws + "{\"born\": \"date\"}", at: 0) }
        let bom = r.below(20) == 0 ? "\u{FEFF}" : ""
        let text = bom + ws + "{" + ws + sections.joined(separator: ws + "," + spacing.elementBreak(&r)) + ws + "}" + ws
        return Generated(text: text, ids: ids)
    }

    /// Bytes a corruption puts in: structure, quotes, escapes, a bad UTF-8 byte, NUL.
    static let corruptBytes: [UInt8] = Array("\"\\{}[],: x0n\n\r".utf8) + [0xFF, 0xC3, 0x00, 0x80]

    /// `bytes` corrupted 1–3 times at random: truncated, a byte replaced, deleted, inserted
    /// or a run duplicated. Positions favour the middle of the file, where splits fall.
    static func corrupt(_ input: [UInt8], _ r: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + r.below(3)) {
            guard !bytes.isEmpty else { break }
            let at = r.below(2) == 0 ? r.below(bytes.count) : min(bytes.count - 1, bytes.count / 4 + r.below(max(1, bytes.count / 2)))
            switch r.below(5) {
            case 0: bytes.removeSubrange(at...)
            case 1: bytes[at] = corruptBytes[r.below(corruptBytes.count)]
            case 2: bytes.remove(at: at)
            case 3: bytes.insert(corruptBytes[r.below(corruptBytes.count)], at: at)
            default:
                let end = min(bytes.count, at + 1 + r.below(40))
                bytes.insert(contentsOf: bytes[at..<end], at: r.below(bytes.count))
            }
        }
        return bytes
    }

    /// A plain document of `count` nodes where `nodeText(i)` may replace node i (raw JSON).
    static func plainDocument(_ count: Int, edgesFirst: Bool = false, nodeText: (Int) -> String? = { _ in nil }) -> String {
        var nodes: [String] = []
        for i in 0..<count {
            nodes.append(nodeText(i) ?? "{\"id\": \"n\(i)\", \"labels\": [\"L\(i % 3)\"], \"properties\": {\"k\": \(i), \"s\": \"node \(i)\"}}")
        }
        let nodesPart = "\"nodes\": [\n" + nodes.joined(separator: ",\n") + "\n]"
        let edgesPart = "\"edges\": [{\"source\": \"n0\", \"target\": \"n1\", \"type\": \"T\"}]"
        return "{" + (edgesFirst ? edgesPart + ",\n" + nodesPart : nodesPart + ",\n" + edgesPart) + "}\n"
    }
}
