import ParleyGraph
import ParleyIO
import Testing

@testable import ParleyBenchSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Synthetic benchmark graph")
struct SyntheticGraphTests {
    /// The bytes of `name` among `graph`'s files.
    func file(_ graph: SyntheticGraph, _ name: String) -> [UInt8] {
        graph.files().first { $0.name == name }!.bytes
    }

    @Test("the same nodes, edges and seed give the same bytes in every file; another seed another graph")
    func sameSeedSameBytes() throws {
        let a = try SyntheticGraph(nodes: 3000, edges: 20000, seed: 7).files()
        let b = try SyntheticGraph(nodes: 3000, edges: 20000, seed: 7).files()
        #expect(a.map(\.name) == b.map(\.name))
        for (x, y) in zip(a, b) { #expect(x.bytes == y.bytes, "\(x.name)") }
        let c = try SyntheticGraph(nodes: 3000, edges: 20000, seed: 8)
        #expect(file(c, "graph.json") != a.first { $0.name == "graph.json" }!.bytes)
        #expect(file(c, "kuzu_schema.cypher") == a.first { $0.name == "kuzu_schema.cypher" }!.bytes)
    }

    @Test(
        "counts per label and per relationship type follow the anchors' generator's formulas",
        arguments: [
            // Each expected list is what the anchors' generator's formulas give (HOSTED first,
            // then ATTENDED P/O/S, MEMBER_OF P-O/P-S/O-O, ALLY_OF, DECLINED P/O, MEDIATED P/S).
            (10000, 50000, [500, 1500, 5000, 3000], [2500, 20900, 3919, 1306, 5344, 1069, 712, 950, 6056, 1069, 4323, 1852]),
            (1000, 5000, [50, 150, 500, 300], [250, 2090, 392, 131, 535, 107, 71, 95, 605, 107, 432, 185]),
            // 46 hosted talks wanted, 41 talks: HOSTED is capped at the number of talks.
            (137, 911, [7, 21, 68, 41], [41, 383, 72, 24, 98, 20, 13, 17, 111, 19, 79, 34]),
        ])
    func counts(nodes: Int, edges: Int, labels: [Int], types: [Int]) throws {
        let graph = try SyntheticGraph(nodes: nodes, edges: edges, seed: 42)
        #expect(graph.labelCounts == labels)
        #expect(graph.nodeCount(ofLabel: "Person") == labels[2])
        #expect(graph.nodeCount(ofLabel: "Ship") == 0)
        #expect(graph.relationships.map(\.count) == types)
        #expect(types.reduce(0, +) == edges)
        let manifest = String(decoding: file(graph, "manifest.json"), as: UTF8.self)
        #expect(manifest.contains("\"ATTENDED:Person->Talk\": \(types[1]),\n"))
        #expect(manifest.contains("\"Person\": \(labels[2]),\n"))
    }

    @Test("M's counts (100k nodes, 1M edges) are the anchors' generator's, from the formulas alone")
    func mediumCounts() {
        let spec = SyntheticGraphSpec.self
        let labels = spec.labelCounts(nodes: 100_000)
        #expect(labels == [5000, 15000, 50000, 30000])
        let hosted = spec.hostedCount(edges: 1_000_000, talks: labels[spec.talk])
        #expect(hosted == 30000)
        let types = spec.split(1_000_000 - hosted, by: spec.relationshipTypes.map(\.share))
        let pairs = zip(spec.relationshipTypes, types).flatMap { spec.split($1, by: $0.pairs.map(\.share)) }
        #expect(pairs == [426800, 80025, 26675, 109125, 21825, 14550, 19400, 123675, 21825, 88270, 37830])
    }

    @Test("label shares round half to even, as Python's round does")
    func roundingHalfToEven() {
        // 10 × 0.05 = 0.5 → 0 State nodes; 10 × 0.15 = 1.5 → 2 organizations.
        #expect(SyntheticGraphSpec.labelCounts(nodes: 10) == [0, 2, 5, 3])
        #expect(throws: SyntheticGraphError.emptyLabel("State", nodes: 10)) { try SyntheticGraph(nodes: 10, edges: 5, seed: 1) }
    }

    @Test("more relationships than distinct endpoint pairs is an error, not a hang")
    func tooDense() {
        // 20 nodes: 10 people and 6 talks, 60 Person–Talk pairs for 175,998 ATTENDED.
        #expect(throws: SyntheticGraphError.tooDense(type: "ATTENDED", count: 175_998, pairs: 60)) {
            try SyntheticGraph(nodes: 20, edges: 400_000, seed: 1)
        }
    }

    @Test("graph.json loads with Parley's loader, passes checkConsistency, and has every label and type count")
    func loads() throws {
        let synthetic = try SyntheticGraph(nodes: 2000, edges: 12000, seed: 3)
        let graph = try GraphFile.parse(file(synthetic, "graph.json"), name: "graph.json")
        #expect(graph.checkConsistency() == nil)
        #expect(graph.nodeCount == 2000)
        #expect(graph.relationshipCount == 12000)
        for (i, label) in SyntheticGraphSpec.labels.enumerated() {
            #expect(graph.count(ofLabel: graph.labels.id(of: label)!) == synthetic.labelCounts[i])
        }
        var perType: [String: Int] = [:]
        for r in graph.relationshipIDs { perType[graph.type(of: r), default: 0] += 1 }
        var expected: [String: Int] = [:]
        for group in synthetic.relationships { expected[group.type, default: 0] += group.count }
        #expect(perType == expected)
        let p0 = graph.node(withID: "p0")!
        #expect(graph.labels(of: p0) == ["Person"])
        #expect(Set(graph.properties(of: p0).keys) == ["id", "name", "born", "role"])
        let t0 = graph.node(withID: "t0")!
        guard case .string(let date) = graph.property(of: t0, named: "date") else { Issue.record("t0 has no date"); return }
        #expect(date >= "1990-01-01" && date <= "2024-12-31" && date.count == 10)
        #expect(graph.relationshipIDs.allSatisfy { r in
            switch graph.properties(ofRelationship: r)["weight"] {
            case .double(let w)?: w > 0 && w <= 1
            case nil: true
            default: false
            }
        })
    }

    @Test("params.json names existing nodes: the hub attended the most talks, the path ends are the middle nodes of degree one")
    func parameters() throws {
        // Mean degree 4, so that some people and talks have one relationship.
        let synthetic = try SyntheticGraph(nodes: 2000, edges: 4000, seed: 5)
        let graph = try GraphFile.parse(file(synthetic, "graph.json"), name: "graph.json")
        let p = synthetic.parameters
        let attended = graph.types.id(of: "ATTENDED")!
        for id in [p.lookupPerson, p.hubPerson, p.pathSource] { #expect(graph.labels(of: try #require(graph.node(withID: id))) == ["Person"]) }
        #expect(graph.labels(of: try #require(graph.node(withID: p.pathTarget))) == ["Talk"])
        let hub = try #require(graph.node(withID: p.hubPerson))
        #expect(graph.degree(of: hub, .outgoing, type: attended) == p.hubPersonAttended)
        let people = (0..<synthetic.labelCounts[SyntheticGraphSpec.person]).map { graph.node(withID: "p\($0)")! }
        let mostAttended = people.firstIndex { graph.degree(of: $0, .outgoing, type: attended) == p.hubPersonAttended }
        #expect(p.hubPerson == "p\(mostAttended!)")
        #expect(people.allSatisfy { graph.degree(of: $0, .outgoing, type: attended) <= p.hubPersonAttended })
        let leafPeople = people.indices.filter { graph.degree(of: people[$0], .both) == 1 }
        let leafTalks = (0..<synthetic.labelCounts[SyntheticGraphSpec.talk]).filter { graph.degree(of: graph.node(withID: "t\($0)")!, .both) == 1 }
        try #require(!leafPeople.isEmpty && !leafTalks.isEmpty)
        #expect(p.pathSource == "p\(leafPeople[leafPeople.count / 2])")
        #expect(p.pathTarget == "t\(leafTalks[leafTalks.count / 2])")
        let text = String(decoding: file(synthetic, "params.json"), as: UTF8.self)
        #expect(text.hasPrefix("{\n \"lookup_person\": \"p123\",\n \"hub_person\": \"\(p.hubPerson)\",\n"))
        #expect(text.hasSuffix("\"date_from\": \"2015-01-01\"\n}"))
    }

    @Test("lines have the anchors' generator's layout: spaced node properties, compact relationships, {} without properties")
    func layout() throws {
        let text = String(decoding: file(try SyntheticGraph(nodes: 200, edges: 900, seed: 1), "graph.json"), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "{\"nodes\":[")
        #expect(lines.dropLast().last == "]}")
        #expect(lines.last == "")
        #expect(lines[1].hasPrefix("{\"id\":\"s0\",\"labels\":[\"State\"],\"properties\":{\"name\": \""))
        #expect(lines[1].hasSuffix("}},"))
        #expect(lines.contains { $0.hasPrefix("{\"source\":\"s") && $0.hasSuffix("\",\"type\":\"HOSTED\",\"properties\":{}},") })
        #expect(lines.contains { $0.contains("\",\"type\":\"ATTENDED\",\"properties\":{\"weight\":0.") })
        #expect(lines.contains("],\"edges\":["))
    }

    @Test("weights are written as Python writes thousandths", arguments: [
        (1, "0.001"), (10, "0.01"), (100, "0.1"), (120, "0.12"), (999, "0.999"), (1000, "1.0"), (505, "0.505"),
    ])
    func thousandths(value: Int, text: String) {
        var out = OutputBuffer()
        out.appendThousandths(value)
        #expect(String(decoding: out.bytes, as: UTF8.self) == text)
    }

    @Test("write(to:) makes the missing folders and writes the same bytes as files()")
    func writesFolder() throws {
        var template = Array("/tmp/parley-bench-test-XXXXXX".utf8CString)
        let root = String(cString: template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }!)
        let synthetic = try SyntheticGraph(nodes: 300, edges: 1500, seed: 9)
        try synthetic.write(to: root + "/a/b/")
        let files = synthetic.files()
        #expect(files.count == 4 + 12 + 2 + 3)
        for (name, bytes) in files {
            let path = root + "/a/b/" + name
            #expect(contents(path) == bytes, "\(name)")
            unlink(path)
        }
        rmdir(root + "/a/b")
        rmdir(root + "/a")
        rmdir(root)
    }

    /// The bytes of the file at `path`, or `nil`.
    func contents(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }
}
