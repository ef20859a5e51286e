import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyIO

/// Reading the `nodes` array on two threads gives exactly what one thread gives: the same
/// graph (node numbers, labels, keys and their ids in the same order) and, for a bad file,
/// the same error at the same byte, wherever the guessed split falls.
@Suite struct ParallelNodeLoadTests {
    /// Loads `text` with the nodes read on two threads (any array length) or on one; the edges
    /// on one thread, or on two with `splitEdges`.
    func loadJoined(_ text: String, split: Bool, splitEdges: Bool = false) -> (outcome: LoadOutcome, joined: Bool) {
        let load = SplitLoad(Array(text.utf8), splitNodes: split, splitEdges: splitEdges)
        return (load.outcome, load.joinedNodes)
    }

    /// A document of `nodes` nodes and `edges` edges from `seed`. Labels and keys come in a
    /// random order, some only in the second half; some ids are long or escaped; `nodeText(i)`
    /// may replace node i entirely.
    func document(seed: UInt64, nodes: Int, edges: Int, nodeText: (Int) -> String? = { _ in nil }) -> String {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15)
        var out = "{\"propertyTypes\": {\"born\": \"date\"}, \"nodes\": [\n"
        let labels = ["State", "Person", "Talk", "Organization"]
        for n in 0..<nodes {
            if let text = nodeText(n) {
                out += text
            } else {
                var members: [String] = []
                switch random.below(5) {
                case 0: members.append("\"id\": \"\(Self.id(n))\"")
                case 1: members.append("\"properties\": {\"k\": \(n)}, \"id\": \"\(Self.id(n))\"")
                default:
                    var names = (0..<random.below(3)).map { _ in labels[random.below(labels.count)] }
                    if n > nodes * 2 / 3 && random.below(4) == 0 { names.append("Late") }
                    let labelList = Array(Set(names)).shuffled(using: &random).map { "\"\($0)\"" }.joined(separator: ", ")
                    var properties = ["\"k\": \(n)", "\"name\": \"node \\\"\(n)\\\" \\u00e9\""]
                    if random.below(3) == 0 { properties.append("\"born\": \"2015-05-0\(1 + random.below(9))\"") }
                    if random.below(4) == 0 { properties.append("\"w\": \(Double(random.below(1000)) / 8)") }
                    if n > nodes / 2 && random.below(3) == 0 { properties.append("\"late\": [1, 2]") }
                    if random.below(6) == 0 { properties.append("\"gone\": null") }
                    properties.shuffle(using: &random)
                    members.append("\"id\": \"\(Self.id(n))\"")
                    members.append("\"labels\": [\(labelList)]")
                    members.append("\"properties\": {\(properties.joined(separator: ", "))}")
                }
                out += "{" + members.joined(separator: ", ") + "}"
            }
            out += n + 1 < nodes ? ",\n" : "\n"
        }
        out += "],\n\"edges\": [\n"
        for e in 0..<edges {
            let a = random.below(nodes), b = random.below(nodes)
            let id = random.below(3) == 0 ? "\"id\": \"e\(e)\", " : ""
            out += "{\(id)\"source\": \"\(Self.id(a))\", \"target\": \"\(Self.id(b))\", \"type\": \"T\(random.below(3))\"}"
            out += e + 1 < edges ? ",\n" : "\n"
        }
        return out + "]}\n"
    }

    /// Node n's id: short, longer than 8 bytes, or with an escape.
    static func id(_ n: Int) -> String {
        switch n % 5 {
        case 0: return "a-rather-long-node-id-\(n)"
        case 1: return "q\\\"\(n)"
        default: return "n\(n)"
        }
    }

    func expectSame(_ text: String, _ comment: Comment, splitEdges: Bool = false) {
        let one = loadJoined(text, split: false).outcome, two = loadJoined(text, split: true, splitEdges: splitEdges).outcome
        switch (one, two) {
        case (.graph(let a), .graph(let b)):
            #expect(difference(a, b) == nil, comment)
            #expect(a.labels.names == b.labels.names, comment)
            #expect(a.keys.names == b.keys.names, comment)
            #expect(a.nodeCount == b.nodeCount && a.relationshipCount == b.relationshipCount, comment)
            #expect(b.checkConsistency() == nil, comment)
            for name in a.labels.names {
                #expect(a.nodes(withLabel: a.labels.id(of: name)!) == b.nodes(withLabel: b.labels.id(of: name)!), comment)
            }
        case (.failure(let a), .failure(let b)):
            #expect(a == b, comment)
        default:
            Issue.record("one thread: \(one), two threads: \(two) (\(comment))")
        }
    }

    @Test func graphsReadOnTwoThreadsEqualTheOneThreadRead() {
        var joined = 0
        for seed in 1...40 as ClosedRange<UInt64> {
            let text = document(seed: seed, nodes: 30 + Int(seed) * 5, edges: 60)
            expectSame(text, "seed \(seed)")
            let (outcome, didJoin) = loadJoined(text, split: true)
            if case .graph(let g) = outcome { #expect(g.nodeCount == 30 + Int(seed) * 5) }
            if didJoin { joined += 1 }
        }
        // Most guesses land on a node's start, so the two-thread path is what was tested.
        #expect(joined >= 30, "\(joined) of 40 documents were read in two halves")
    }

    @Test func nodesAndEdgesBothReadOnTwoThreadsEqualTheOneThreadRead() {
        for seed in 41...50 as ClosedRange<UInt64> {
            let text = document(seed: seed, nodes: 3_000, edges: 20_000)
            expectSame(text, "seed \(seed), both arrays split", splitEdges: true)
            let joined = loadJoined(text, split: true, splitEdges: true).joined
            #expect(joined)
        }
    }

    @Test func aDuplicateIDIsReportedAsOneThreadReportsItWhereverTheTwoFall() {
        let nodes = 400
        for (first, second) in [(3, 390), (150, 250), (198, 203), (250, 390), (10, 20), (300, 310)] {
            let text = document(seed: 9, nodes: nodes, edges: 10) { n in
                n == first || n == second ? "{\"id\": \"twin\", \"labels\": [\"P\"]}" : nil
            }
            let failure = loadJoined(text, split: true).outcome.failureText ?? ""
            #expect(failure.contains("duplicate node id \"twin\""), "\(first), \(second)")
            expectSame(text, "ids \(first) and \(second)")
        }
    }

    @Test func anErrorInEitherHalfIsReportedAsOneThreadReportsIt() {
        let faults: [(String, String)] = [
            ("missing id", "{\"labels\": [\"P\"]}"),
            ("unknown key", "{\"id\": \"odd\", \"colour\": 1}"),
            ("empty label", "{\"id\": \"odd\", \"labels\": [\"\"]}"),
            ("bad date", "{\"id\": \"odd\", \"properties\": {\"born\": \"2015-13-01\"}}"),
            ("id among properties", "{\"id\": \"odd\", \"properties\": {\"id\": 1}}"),
            ("truncated", "{\"id\": \"odd\", \"properties\": {\"k\": 1"),
            ("not an object", "[1]"),
        ]
        for (name, fault) in faults {
            for at in [2, 99, 100, 101, 198] {
                let text = document(seed: UInt64(at), nodes: 200, edges: 10) { n in n == at ? fault : nil }
                let failed = loadJoined(text, split: true).outcome.failureText != nil
                #expect(failed, "\(name) at \(at)")
                expectSame(text, "\(name) at node \(at)")
            }
            let text = document(seed: 4, nodes: 200, edges: 10) { n in n == 40 || n == 160 ? fault : nil }
            expectSame(text, "\(name) in both halves")
        }
    }

    @Test func theEndOfTheNodesArrayIsFoundWithinTheSearchStep() throws {
        // Edges whose first key is "id" (a string, then "source") must not pass for nodes.
        let text = document(seed: 12, nodes: 6_000, edges: 30_000)
        let bytes = Array(text.utf8)
        let trueEnd = try #require(text.utf8.firstRange(of: "],\n\"edges\"".utf8)).lowerBound
        let end = text.utf8.distance(from: text.utf8.startIndex, to: trueEnd)
        let (guess, split): (Int, Int?) = bytes.withUnsafeBufferPointer { buffer in
            var loader = GraphLoader(base: buffer.baseAddress!, count: buffer.count)
            loader.nodeSplitMinimum = 0
            let nodes = Array("\"nodes\": [".utf8)
            var at = 0
            while !bytes[at..<at + nodes.count].elementsEqual(nodes) { at += 1 }
            loader.s.pos = at + nodes.count
            return (loader.nodesEnd(), loader.nodeSplit())
        }
        #expect(guess <= end && end - guess <= 4 << 10, "guessed \(guess), the array ends at \(end)")
        let at = try #require(split)
        #expect(at < end && bytes[at] == UInt8(ascii: "{"))
        let joined = loadJoined(text, split: true).joined
        #expect(joined)
    }

    @Test func nodesAfterEdgesAndSmallOrEmptyNodeArraysLoad() {
        let edgesFirst = "{\"edges\": [{\"source\": \"a\", \"target\": \"b\", \"type\": \"T\"}], \"nodes\": ["
            + (0..<300).map { "{\"id\": \"\(["a", "b"].indices.contains($0) ? ["a", "b"][$0] : "x\($0)")\", \"labels\": [\"L\($0 % 4)\"]}" }.joined(separator: ",\n") + "]}"
        expectSame(edgesFirst, "edges first")
        let joined = loadJoined(edgesFirst, split: true).joined
        #expect(joined)
        expectSame("{\"nodes\": [], \"edges\": []}", "no nodes")
        expectSame("{\"nodes\": [{\"id\": \"a\"}], \"edges\": []}", "one node")
        expectSame("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"edges\": []}", "two nodes")
        expectSame("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"},], \"edges\": []}", "trailing comma")
    }

    @Test func progressCountsBothThreadsBytesAndEndsAtTheEnd() {
        let text = document(seed: 3, nodes: 5_000, edges: 100)
        let bytes = Array(text.utf8)
        let progress = WorkProgress(unit: .bytes, total: bytes.count)
        let joined: Bool = bytes.withUnsafeBufferPointer { buffer in
            var loader = GraphLoader(base: buffer.baseAddress!, count: buffer.count)
            loader.nodeSplitMinimum = 0
            loader.progress = progress
            let graph = try? loader.load()
            #expect(graph?.nodeCount == 5_000)
            return loader.joinedNodeHalves
        }
        #expect(joined)
        // The join reports where the nodes end (the 100 edges after them report nothing).
        let nodesEnd = text.utf8.distance(from: text.utf8.startIndex, to: text.utf8.firstRange(of: "],\n\"edges\"".utf8)!.lowerBound)
        #expect(progress.done <= bytes.count && progress.done > nodesEnd, "\(progress.done) of \(bytes.count)")
    }
}
