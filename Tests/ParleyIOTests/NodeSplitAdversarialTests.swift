import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyIO

/// An adversarial, differential pass over reading the `nodes` array on two threads: for any
/// bytes, a load with the split forced (``GraphLoader/nodeSplitMinimum`` 0) must give what a
/// load with it disabled (`Int.max`) gives — the same graph (node numbers, labels and keys
/// with their ids, property values with their types, relationships, the `id` index) or the
/// same error message at the same byte, line and column.
///
/// Graphs are compared as a canonical dump string (never as whole stores in `#expect`), and
/// a mismatch is recorded with the first differing line only.
@Suite struct NodeSplitAdversarialTests {
    // MARK: Targeted probes

    @Test func nodesAfterEdgesNoEdgesAndEmptyOrTinyNodeArraysGiveTheOneThreadResult() {
        var joined = 0
        let edgesFirst = Self.plainDocument(200, edgesFirst: true)
        Self.same(Array(edgesFirst.utf8), "nodes after edges", joined: &joined)
        let noEdges = "{\"nodes\": [" + (0..<200).map { "{\"id\": \"n\($0)\", \"labels\": [\"L\"]}" }.joined(separator: ", ") + "]}"
        Self.same(Array(noEdges.utf8), "no edges key", joined: &joined)
        #expect(joined == 2, "both were read in two halves (\(joined))")
        for text in ["{\"nodes\": []}", "{\"nodes\": [ ]}", "{\"nodes\": [], \"edges\": []}", "{}", "{\"nodes\": [{}]}", "{\"nodes\": [{\"id\": \"a\"}]}",
                     "{\"nodes\": [{\"id\": \"a\"},]}", "{\"nodes\": [,]}", "{\"nodes\": [", "{\"nodes\": [{\"id\": \"a\"}", "{\"nodes\": {}}", ""] {
            Self.same(text, "small: \(text)")
        }
    }

    @Test func idsThatAreNumbersNullOrMissingInEitherHalfGiveTheOneThreadError() {
        var joined = 0
        let faults = ["{\"id\": 7}", "{\"id\": 7.5, \"labels\": []}", "{\"id\": null}", "{\"labels\": [\"P\"]}", "{}", "{\"properties\": {\"k\": 1}}",
                      "{\"id\": \"\"}", "{\"id\": [\"a\"]}", "{\"id\": {\"$date\": \"2015-05-25\"}}", "{\"id\": \"ok\", \"id\": \"again\"}"]
        for fault in faults {
            for at in stride(from: 0, to: 160, by: 1) {
                let text = Self.plainDocument(160) { $0 == at ? fault : nil }
                let one = Self.load(Array(text.utf8), split: false)
                #expect(one.failed, "\(fault) at \(at) fails")
                Self.same(Array(text.utf8), "\(fault) at node \(at)", joined: &joined)
            }
        }
    }

    @Test func aDuplicateIDWithinOneHalfOrAcrossTheHalvesIsReportedAtTheOneThreadPosition() {
        var joined = 0
        let count = 120
        // Every pair (a, b) with a < b, spelled the same or with an escape that decodes the same.
        let spellings = [("\"twin\"", "\"twin\""), ("\"twin\"", "\"tw\\u0069n\""), ("\"a-rather-long-twin-id\"", "\"a-rather-long-twin-id\""),
                         ("\"é\"", "\"\\u00e9\""), ("\"n7\"", "\"n7\"")]
        for (first, second) in spellings {
            for a in stride(from: 0, to: count, by: 7) {
                for b in stride(from: a + 1, to: count, by: 5) where !(first == "\"n7\"" && (a == 7 || b == 7)) {
                    let text = Self.plainDocument(count) { i in
                        if i == a { return "{\"id\": \(first), \"labels\": [\"First\"]}" }
                        if i == b { return "{\"labels\": [\"Second\"], \"id\": \(second)}" }
                        return nil
                    }
                    let one = Self.load(Array(text.utf8), split: false)
                    #expect(one.text.contains("duplicate node id"), "\(a), \(b): \(one.text.prefix(200))")
                    Self.same(Array(text.utf8), "duplicate \(first)/\(second) at \(a) and \(b)", joined: &joined)
                }
            }
        }
        // A clean document with the same shape is joined (the duplicates are what prevent it).
        let clean = Self.load(Array(Self.plainDocument(count).utf8), split: true)
        #expect(clean.joined)
    }

    @Test func aMalformedNodeAnywhereGivesTheOneThreadMessageAndPosition() {
        var joined = 0
        let faults = [
            "{\"id\": \"bad\", \"colour\": 1}", "{\"id\": \"bad\", \"labels\": [\"\"]}", "{\"id\": \"bad\", \"labels\": [1]}",
            "{\"id\": \"bad\", \"labels\": \"L\"}", "{\"id\": \"bad\", \"properties\": {\"id\": 1}}", "{\"id\": \"bad\", \"properties\": {\"k\": 1, \"k\": 2}}",
            "{\"id\": \"bad\", \"properties\": {\"k\": [[1]]}}", "{\"id\": \"bad\", \"properties\": {\"k\": {\"x\": 1}}}",
            "{\"id\": \"bad\", \"properties\": {\"k\": 99999999999999999999}}", "{\"id\": \"bad\", \"properties\": {\"k\": 1e400}}",
            "{\"id\": \"bad\", \"properties\": {\"k\": {\"$date\": \"2015-13-01\"}}}", "{\"id\": \"bad\" \"labels\": []}",
            "{\"id\": \"bad\",}", "{\"id\": \"bad\"", "{\"id\": \"b\\x\"}", "{\"id\": \"b\u{1}\"}", "{\"id\": \"b\\ud800\"}",
            "[1]", "1", "\"s\"", "null", "true", "{\"id\": \"bad\"}}", "{\"id\": \"bad\"}]", "{\"id\": \"bad\"},",
            "{\"id\": \"bad\", \"labels\": [\"a\",]}", "{\"id\": \"bad\", \"properties\": {\"k\": 01}}", "{\"id\": \"bad\", \"properties\": {\"k\": -}}",
            "{\"id\": \"}, {\\\"id\\\": \\\"x\\\"}, {\\\"id\\\": \\\"\"}", "{\"id\": \"bad\"} {\"id\": \"bad2\"}",
        ]
        for fault in faults {
            for at in 0..<100 {
                let text = Self.plainDocument(100) { $0 == at ? fault : nil }
                Self.same(Array(text.utf8), "\(fault) at node \(at)", joined: &joined)
            }
        }
    }

    @Test func nastyStringsAtEveryNodeNearTheSplitDoNotFoolTheSplitFinder() {
        var joined = 0, cases = 0
        for (n, raw) in Self.nasty.enumerated() {
            var r = SplitMix64(seed: UInt64(n) + 1)
            for at in 0..<80 {
                let quoted = Self.quote(raw, &r, plain: true)
                let text = Self.plainDocument(80) { i in
                    // The nasty string in node `at` (value, label and id), plain nodes elsewhere.
                    i == at ? "{\"id\": \(Self.quote(raw + "#\(i)", &r, plain: true)), \"labels\": [\(raw.isEmpty ? "\"E\"" : quoted)], \"properties\": {\(quoted): \(quoted), \"t\": [\(quoted), \(quoted)]}}" : nil
                }
                Self.same(Array(text.utf8), "nasty \(n) at node \(at)", joined: &joined)
                cases += 1
            }
        }
        #expect(joined * 2 > cases, "\(joined) of \(cases) were read in two halves")
    }

    @Test func aPropertyWhoseTypeDiffersBetweenTheHalvesKeepsEachValuesType() {
        // `v` is an int in the first half, a float, then a string in the second; `w` the
        // reverse; labels and keys new in the second half.
        let count = 200
        let text = Self.plainDocument(count) { i in
            let v = i < count / 2 ? "\(i)" : i % 2 == 0 ? "\(i).0" : "\"\(i)\""
            let w = i < count / 2 ? "\"w\(i)\"" : "\(i)"
            let late = i >= count / 2 ? ", \"late\": [\(i), \(i).5]" : ""
            let labels = i >= count / 2 ? "[\"Late\", \"L\(i % 3)\"]" : "[\"L\(i % 3)\"]"
            return "{\"id\": \"n\(i)\", \"labels\": \(labels), \"properties\": {\"v\": \(v), \"w\": \(w)\(late)}}"
        }
        let bytes = Array(text.utf8)
        var joined = 0
        Self.same(bytes, "types per half", joined: &joined)
        #expect(joined == 1)
        let graph: GraphStore? = bytes.withUnsafeBufferPointer { buffer in
            var loader = GraphLoader(base: buffer.baseAddress!, count: buffer.count)
            loader.nodeSplitMinimum = 0
            return try? loader.load()
        }
        guard let graph else { Issue.record("did not load"); return }
        var wrong: [String] = []
        for i in 0..<count {
            guard let node = graph.node(withID: "n\(i)") else { wrong.append("no node n\(i)"); continue }
            let v = graph.property(of: node, named: "v"), w = graph.property(of: node, named: "w")
            let expectedV: Value = i < count / 2 ? .int(Int64(i)) : i % 2 == 0 ? .double(Double(i)) : .string("\(i)")
            let expectedW: Value = i < count / 2 ? .string("w\(i)") : .int(Int64(i))
            if !identical(v, expectedV) { wrong.append("n\(i).v = \(v)") }
            if !identical(w, expectedW) { wrong.append("n\(i).w = \(w)") }
            if i >= count / 2 && !identical(graph.property(of: node, named: "late"), .list([.int(Int64(i)), .double(Double(i) + 0.5)])) { wrong.append("n\(i).late") }
            let labels = Set(graph.labels(of: node))
            if labels != (i >= count / 2 ? ["L\(i % 3)", "Late"] : ["L\(i % 3)"]) { wrong.append("n\(i) labels \(labels)") }
            if node != i { wrong.append("n\(i) is node \(node)") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func topLevelKeysInEveryOrderWithDeclaredTypesAndValidityGiveTheOneThreadResult() {
        let nodes = "\"nodes\": [" + (0..<150).map { "{\"id\": \"n\($0)\", \"properties\": {\"born\": \"2015-05-\(10 + $0 % 18)\", \"d\": {\"$date\": \"2016-01-0\(1 + $0 % 9)\"}}}" }.joined(separator: ",\n") + "]"
        let edges = "\"edges\": [{\"source\": \"n0\", \"target\": \"n149\", \"type\": \"T\", \"properties\": {\"born\": \"2015\"}}]"
        let meta = "\"meta\": {\"nodes\": [{\"id\": \"fake\"}, {\"id\": \"fake2\", \"labels\": []}]}"
        let validity = "\"validity\": {\"date\": \"born\"}"
        let types = "\"propertyTypes\": {\"born\": \"date\"}"
        var joined = 0
        func permutations(_ a: [String]) -> [[String]] {
            guard a.count > 1 else { return [a] }
            return a.indices.flatMap { i in permutations(Array(a[..<i] + a[(i + 1)...])).map { [a[i]] + $0 } }
        }
        for order in permutations([nodes, edges, meta, validity]) {
            for declared in [false, true] {
                for separator in [", ", ",\n", ",\r\n", ","] {
                    let text = "{" + ((declared ? [types] : []) + order).joined(separator: separator) + "}"
                    Self.same(Array(text.utf8), "order \(order.map { $0.prefix(8) }) declared \(declared)", joined: &joined)
                }
            }
        }
        // propertyTypes after the nodes is an error in both.
        Self.same("{" + nodes + ", " + types + "}", "propertyTypes after nodes")
        #expect(joined >= 4 * 24, "\(joined) were read in two halves")
    }

    @Test func aTruncationAtEveryByteGivesTheOneThreadError() {
        var joined = 0
        for seed in [1, 2, 3, 4] as [UInt64] {
            let doc = Self.document(seed: seed, nodes: 24).text
            let bytes = Array(doc.utf8)
            for end in 0...bytes.count {
                Self.same(Array(bytes[0..<end]), "seed \(seed) truncated at \(end) of \(bytes.count)", joined: &joined)
            }
        }
        let plain = Array(Self.plainDocument(40).utf8)
        for end in 0...plain.count {
            Self.same(Array(plain[0..<end]), "plain truncated at \(end) of \(plain.count)", joined: &joined)
        }
    }

    @Test func everySingleByteCorruptionOfAPlainDocumentGivesTheOneThreadResult() {
        var joined = 0
        let plain = Array(Self.plainDocument(30).utf8)
        for at in 0..<plain.count {
            for byte in Array("\"\\{},[]:x".utf8) + [0xFF] where plain[at] != byte {
                var bytes = plain
                bytes[at] = byte
                Self.same(bytes, "byte \(at) set to \(byte)", joined: &joined)
            }
        }
    }

    @Test func idsOfEightNineAndThreeHundredBytesOrWithNULBytesAreJoinedOrReportedAsOnOneThread() {
        var joined = 0
        let long = String(repeating: "L", count: 300)
        // Ids that differ only in length or a trailing NUL must both be kept (and joined).
        let distinct = ["a", "a\\u0000", "\\u0000", "12345678", "123456789", long, long + "x", "12345678\\u0000"]
        for (k, id) in distinct.enumerated() {
            let text = Self.plainDocument(120) { i in i == 10 + k ? "{\"id\": \"\(id)\"}" : i == 100 + k ? "{\"id\": \"\(distinct[(k + 1) % distinct.count])\"}" : nil }
            let one = Self.load(Array(text.utf8), split: false)
            #expect(!one.failed, "\(id): \(one.text.prefix(200))")
            Self.same(Array(text.utf8), "distinct ids \(id)", joined: &joined)
        }
        #expect(joined == distinct.count, "\(joined) of \(distinct.count) joined")
        // The same ids once in each half: the duplicate is reported as on one thread.
        for id in distinct {
            let text = Self.plainDocument(120) { i in i == 10 || i == 100 ? "{\"id\": \"\(id)\"}" : nil }
            #expect(Self.load(Array(text.utf8), split: false).text.contains("duplicate node id"), "\(id)")
            Self.same(Array(text.utf8), "duplicate id \(id.prefix(12)) across the halves", joined: &joined)
        }
    }

    @Test func largeArraysWithAFaultNearThe1024ElementChecksInEitherHalfGiveTheOneThreadResult() {
        var joined = 0
        let count = 5_000
        let clean = Array(Self.plainDocument(count).utf8)
        Self.same(clean, "clean \(count) nodes", joined: &joined)
        #expect(joined == 1)
        let faults = ["{\"labels\": []}", "{\"id\": \"n1\"}", "{\"id\": \"x\", \"bad\": 1}", "7"]
        for fault in faults {
            for at in [1_023, 1_024, 1_025, 2_047, 2_048, 2_499, 2_500, 2_501, 2_600, 3_524, 3_525, 3_526, 3_548, 3_549, 4_999] {
                let text = Self.plainDocument(count) { $0 == at ? fault : nil }
                Self.same(Array(text.utf8), "\(fault) at node \(at) of \(count)", joined: &joined)
            }
        }
    }

    // MARK: Randomized

    @Test func randomDocumentsWithNastyStringsLoadTheSameOnTwoThreads() {
        var joined = 0, cases = 0, failures = 0, mismatches = 0
        for seed in 1...1_500 as ClosedRange<UInt64> {
            let doc = Self.document(seed: seed, nodes: 10 + Int(seed % 90))
            let bytes = Array(doc.text.utf8)
            if !Self.same(bytes, "seed \(seed)", splitEdges: seed % 4 == 0, joined: &joined) { mismatches += 1 }
            cases += 1
            if Self.load(bytes, split: false).failed { failures += 1 }
            if mismatches >= 5 { break }
        }
        // The generator writes valid files (failures would mean it tests little).
        #expect(failures == 0, "\(failures) of \(cases) generated documents failed to load")
        #expect(joined * 3 > cases * 2, "\(joined) of \(cases) were read in two halves")
        print("NodeSplitAdversarialTests: \(cases) random valid documents, \(joined) read in two halves, \(mismatches) mismatches")
    }

    @Test func randomDocumentsWithADuplicateIDGiveTheOneThreadError() {
        var joined = 0, cases = 0, mismatches = 0, duplicates = 0
        for seed in 1...600 as ClosedRange<UInt64> {
            let doc = Self.document(seed: seed &+ 10_000, nodes: 20 + Int(seed % 80), duplicate: true)
            let bytes = Array(doc.text.utf8)
            if !Self.same(bytes, "seed \(seed) with a duplicate", joined: &joined) { mismatches += 1 }
            if Self.load(bytes, split: false).text.contains("duplicate node id") { duplicates += 1 }
            cases += 1
            if mismatches >= 5 { break }
        }
        #expect(duplicates * 2 > cases, "\(duplicates) of \(cases) had a duplicate id")
        print("NodeSplitAdversarialTests: \(cases) random documents with a duplicate id (\(duplicates) reported), \(mismatches) mismatches")
    }

    @Test func randomlyTruncatedOrCorruptedDocumentsGiveTheSameErrorTextAndPosition() {
        var joined = 0, cases = 0, failed = 0, mismatches = 0
        for seed in 1...3_000 as ClosedRange<UInt64> {
            let doc = Self.document(seed: seed &+ 20_000, nodes: 10 + Int(seed % 70))
            var r = SplitMix64(seed: seed &* 31 &+ 7)
            let bytes = Self.corrupt(Array(doc.text.utf8), &r)
            if !Self.same(bytes, "corrupted seed \(seed)", splitEdges: seed % 3 == 0, joined: &joined) { mismatches += 1 }
            if Self.load(bytes, split: false).failed { failed += 1 }
            cases += 1
            if mismatches >= 5 { break }
        }
        #expect(failed * 2 > cases, "\(failed) of \(cases) corrupted documents failed")
        print("NodeSplitAdversarialTests: \(cases) corrupted documents (\(failed) errors, \(joined) joined), \(mismatches) mismatches")
    }
}
