import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyIO

/// Reading the `edges` array on two threads gives exactly what one thread gives: the same
/// graph (ids, types, keys in the same order) and, for a bad file, the same error at the same
/// byte, wherever the guessed split falls.
@Suite struct ParallelEdgeLoadTests {
    /// Loads `text` with edges read on two threads (any array length) or on one.
    func load(_ text: String, split: Bool) -> LoadOutcome {
        loadJoined(text, split: split).outcome
    }

    /// Loads `text` and tells whether the two halves were joined.
    func loadJoined(_ text: String, split: Bool) -> (outcome: LoadOutcome, joined: Bool) {
        let load = SplitLoad(Array(text.utf8), splitNodes: nil, splitEdges: split)
        return (load.outcome, load.joinedEdges)
    }

    /// A document of `nodes` nodes and `edges` edges from `seed`; `extra(i)` is added to edge
    /// i's properties (raw JSON members, starting with a comma) and `edgeText(i)` may replace
    /// the edge entirely.
    func document(seed: UInt64, nodes: Int, edges: Int, edgeText: (Int, inout SplitMix64) -> String? = { _, _ in nil }) -> String {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15)
        var out = "{\"nodes\": [\n"
        for n in 0..<nodes {
            out += "{\"id\": \"n\(n)\", \"labels\": [\"L\(n % 3)\"], \"properties\": {\"k\": \(n)}}"
            out += n + 1 < nodes ? ",\n" : "\n"
        }
        out += "],\n\"edges\": [\n"
        let types = ["KNOWS", "MET", "ATTENDED", "LATE_TYPE"]
        for e in 0..<edges {
            if let text = edgeText(e, &random) {
                out += text
            } else {
                let a = random.below(nodes), b = random.below(nodes)
                // The last type and the key `late` first appear in the second half.
                let type = e > edges * 3 / 4 && random.below(3) == 0 ? types[3] : types[random.below(3)]
                var properties = "\"w\": \(Double(random.below(1000)) / 8)"
                switch random.below(6) {
                case 0: properties += ", \"note\": \"}, {\\\"source\\\": \\\"n1\\\"}, {\""
                case 1: properties += ", \"since\": [{\"$date\": \"2015-05-08\"}, {\"$date\": \"2016-01-01\"}]"
                case 2 where e > edges / 2: properties += ", \"late\": true"
                case 3: properties += ", \"gone\": null"
                default: break
                }
                let id = random.below(4) == 0 ? "\"id\": \(e), " : ""
                out += "{\(id)\"source\": \"n\(a)\", \"target\": \"n\(b)\", \"type\": \"\(type)\", \"properties\": {\(properties)}}"
            }
            out += e + 1 < edges ? ",\n" : "\n"
        }
        return out + "]}\n"
    }

    func expectSame(_ text: String, _ comment: Comment) {
        let one = load(text, split: false), two = load(text, split: true)
        switch (one, two) {
        case (.graph(let a), .graph(let b)):
            #expect(difference(a, b) == nil, comment)
            #expect(a.types.names == b.types.names, comment)
            #expect(a.keys.names == b.keys.names, comment)
            #expect(a.relationshipCount == b.relationshipCount, comment)
        case (.failure(let a), .failure(let b)):
            #expect(a == b, comment)
        default:
            Issue.record("one thread: \(one), two threads: \(two) (\(comment))")
        }
    }

    @Test func graphsReadOnTwoThreadsEqualTheOneThreadRead() {
        var joined = 0
        for seed in 1...40 as ClosedRange<UInt64> {
            let text = document(seed: seed, nodes: 50, edges: 20 + Int(seed) * 7)
            expectSame(text, "seed \(seed)")
            let (outcome, didJoin) = loadJoined(text, split: true)
            if case .graph(let g) = outcome { #expect(g.relationshipCount == 20 + Int(seed) * 7) }
            if didJoin { joined += 1 }
        }
        // Most guesses land on an edge's start, so the two-thread path is what was tested.
        #expect(joined >= 30, "\(joined) of 40 documents were read in two halves")
    }

    @Test func escapedStringsInBothHalvesAreDecodedIndependently() {
        // Every edge has strings with escapes, decoded by both threads at once.
        let text = document(seed: 11, nodes: 200, edges: 20_000) { e, _ in
            "{\"source\": \"n\(e % 200)\", \"target\": \"n\((e * 13) % 200)\", \"type\": \"T\", \"properties\": {\"s\": \"edge \\\"\(e)\\\" \\u00e9\\n\(String(repeating: "x", count: e % 50))\"}}"
        }
        for _ in 0..<3 {
            let (outcome, didJoin) = loadJoined(text, split: true)
            #expect(didJoin)
            guard case .graph(let g) = outcome else { Issue.record("\(outcome)"); return }
            for e in stride(from: 0, to: 20_000, by: 997) {
                #expect(g.property(of: e, relationshipKeyNamed: "s") == .string("edge \"\(e)\" é\n\(String(repeating: "x", count: e % 50))"))
            }
        }
        expectSame(text, "escaped strings")
    }

    @Test func theGuessSkipsLookalikeBoundariesInStringsAndTypedLists() throws {
        // Every edge carries a string and a list of typed values with "}, {" inside, so most
        // "}, {" after the middle are not edge starts; the guess must be one all the same.
        let text = document(seed: 7, nodes: 20, edges: 200) { e, _ in
            "{\"source\": \"n\(e % 20)\", \"target\": \"n\((e * 7) % 20)\", \"type\": \"T\", \"properties\": {\"s\": \"}, {\\\"source\\\": 1}, {\", \"l\": [{\"$date\": \"2015-05-08\"}, {\"$date\": \"2015-05-09\"}]}}"
        }
        let bytes = Array(text.utf8)
        let guess: Int? = bytes.withUnsafeBufferPointer { buffer in
            var loader = GraphLoader(base: buffer.baseAddress!, count: buffer.count)
            loader.edgeSplitMinimum = 0
            let edges = Array("\"edges\": [".utf8)
            var at = 0
            while !bytes[at..<at + edges.count].elementsEqual(edges) { at += 1 }
            loader.s.pos = at + edges.count
            return loader.edgeSplit()
        }
        let split = try #require(guess)
        #expect(bytes[split..<split + 10].elementsEqual(Array("{\"source\":".utf8)))
        let (outcome, joined) = loadJoined(text, split: true)
        #expect(joined)
        if case .graph(let g) = outcome { #expect(g.relationshipCount == 200) }
        expectSame(text, "lookalike boundaries")
    }

    @Test func aGuessThatIsNotAnEdgeStartFallsBackToOneThread() {
        // An invalid file: a list property holding edge-like objects. The guess falls inside
        // it, the first half meets the error first, and the error is the one-thread one.
        let text = document(seed: 5, nodes: 10, edges: 40) { e, _ in
            e == 20 ? "{\"source\": \"n1\", \"target\": \"n2\", \"type\": \"T\", \"properties\": {\"l\": [" + Array(repeating: "{\"source\": 1}", count: 400).joined(separator: ", ") + "]}}" : nil
        }
        #expect(load(text, split: true).failureText != nil)
        expectSame(text, "guess inside an invalid list")
    }

    @Test func anErrorInEitherHalfIsReportedAsOneThreadReportsIt() {
        let faults: [(String, (Int) -> String)] = [
            ("dangling target", { e in "{\"source\": \"n1\", \"target\": \"nowhere\(e)\", \"type\": \"T\"}" }),
            ("dangling source", { e in "{\"source\": \"nowhere\(e)\", \"target\": \"n1\", \"type\": \"T\"}" }),
            ("missing type", { _ in "{\"source\": \"n1\", \"target\": \"n2\"}" }),
            ("bad value", { _ in "{\"source\": \"n1\", \"target\": \"n2\", \"type\": \"T\", \"properties\": {\"w\": [[1]]}}" }),
            ("duplicate key", { _ in "{\"source\": \"n1\", \"target\": \"n2\", \"type\": \"T\", \"type\": \"U\"}" }),
            ("unknown key", { _ in "{\"source\": \"n1\", \"target\": \"n2\", \"type\": \"T\", \"colour\": 1}" }),
            ("truncated", { _ in "{\"source\": \"n1\", \"target\": \"n2\", \"type\": \"T\", \"properties\": {\"w\": 1" }),
        ]
        for (name, fault) in faults {
            for at in [3, 49, 50, 51, 97] {
                let text = document(seed: UInt64(at), nodes: 10, edges: 100) { e, _ in e == at ? fault(e) : nil }
                #expect(load(text, split: true).failureText != nil, "\(name) at \(at)")
                expectSame(text, "\(name) at edge \(at)")
            }
            // Two faults, one in each half: the first one is reported.
            let text = document(seed: 3, nodes: 10, edges: 100) { e, _ in e == 20 || e == 80 ? fault(e) : nil }
            expectSame(text, "\(name) in both halves")
        }
    }

    @Test func progressCountsBothThreadsBytesAndEndsAtTheEnd() {
        let text = document(seed: 3, nodes: 100, edges: 30_000)
        let bytes = Array(text.utf8)
        let progress = WorkProgress(unit: .bytes, total: bytes.count)
        let joined: Bool = bytes.withUnsafeBufferPointer { buffer in
            var loader = GraphLoader(base: buffer.baseAddress!, count: buffer.count)
            loader.edgeSplitMinimum = 0
            loader.progress = progress
            let graph = try? loader.load()
            #expect(graph?.relationshipCount == 30_000)
            return loader.joinedHalves
        }
        #expect(joined)
        // After the edges' `]`, only `}` and a newline are left.
        #expect(progress.done <= bytes.count && progress.done >= bytes.count - 3, "\(progress.done) of \(bytes.count)")
    }

    @Test func edgesBeforeNodesAndEmptyOrSingleEdgeArraysLoad() {
        expectSame("{\"edges\": [{\"source\": \"a\", \"target\": \"b\", \"type\": \"T\"}, {\"source\": \"b\", \"target\": \"a\", \"type\": \"U\"}], \"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}", "edges first")
        expectSame("{\"nodes\": [{\"id\": \"a\"}], \"edges\": []}", "no edges")
        expectSame("{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\", \"target\": \"a\", \"type\": \"T\"}]}", "one edge")
        expectSame("{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\", \"target\": \"a\", \"type\": \"T\"},]}", "trailing comma")
    }
}

/// What a load gave: the graph, or the error's byte offset and message.
enum LoadOutcome {
    case graph(GraphStore)
    case failure(String)

    /// The error text, if the load failed.
    var failureText: String? {
        if case .failure(let text) = self { return text }
        return nil
    }
}

extension SplitMix64 {
    /// A number in `0..<n`.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
