import ParleyGraph
import Testing

/// Components, Louvain and label propagation: partitions of the nodes, compared with NetworkX.
@Suite("algo.* partitions against NetworkX")
struct PartitionGoldenTests {
    /// The node ids grouped by their label (each group a set).
    static func groups<Label: Hashable>(_ label: [String: Label]) -> Set<Set<String>> {
        Set(Dictionary(grouping: label.keys, by: { label[$0]! }).values.map { Set($0) })
    }

    /// Runs a call yielding a community or component id per node: node id → id. Every node
    /// must be yielded once, with an integer.
    static func partition(_ call: GoldenCall) throws -> [String: Int] {
        let (got, rows) = try Goldens.nodeValues(call, column: try #require(call.golden.column))
        #expect(rows == got.count, "a node was yielded more than once")
        var labels: [String: Int] = [:]
        for (id, value) in got {
            guard case .int(let label) = value else {
                Issue.record("\(id): \(value) is not an integer id")
                continue
            }
            labels[id] = Int(label)
        }
        return labels
    }

    @Test("wcc and scc: the same partition as NetworkX's components", arguments: Goldens.calls(.partition))
    func components(call: GoldenCall) throws {
        let expected = try #require(call.golden.values)
        var want: [String: Int] = [:]
        for (id, label) in zip(call.nodes, expected) {
            if let label { want[id] = Int(label) }
        }
        let got = try Self.partition(call)
        #expect(Set(got.keys) == Set(want.keys), "the nodes yielded")
        #expect(Self.groups(got) == Self.groups(want))
        // Components are numbered 0, 1, … in the order of their first node.
        let order = call.nodes.compactMap { got[$0] }
        var seen: [Int] = []
        for label in order where !seen.contains(label) { seen.append(label) }
        #expect(seen == Array(0..<seen.count))
    }

    @Test("Louvain: every node once, modularity at least NetworkX's Louvain's − 0.01", arguments: Goldens.calls(.louvain))
    func louvain(call: GoldenCall) throws {
        let golden = call.golden
        let got = try Self.partition(call)
        #expect(Set(got.keys) == Set(call.nodes), "every node exactly once")
        var theirs: [String: Int] = [:]
        for (id, label) in zip(call.nodes, try #require(golden.partition)) { theirs[id] = try #require(label) }
        let modularity = try Modularity(try Goldens.graph(call), weightProperty: golden.weightProperty)
        let resolution = try #require(golden.resolution)
        guard let expected = golden.modularity else {
            // No relationships: modularity is undefined; NetworkX leaves every node alone.
            #expect(Self.groups(got) == Self.groups(theirs))
            return
        }
        // The test's modularity is NetworkX's: it gives NetworkX's partition NetworkX's value.
        let check = try #require(modularity.of(theirs, resolution: resolution))
        #expect(Tolerance.close(check, expected, Tolerance.modularity), "modularity of NetworkX's partition: \(check) here, \(expected) in NetworkX")
        let q = try #require(modularity.of(got, resolution: resolution))
        #expect(q >= expected - Tolerance.louvainModularity, "Parley's modularity \(q), NetworkX's Louvain \(expected)")
    }

    @Test("label propagation: every node once, the same partition for the same seed", arguments: Goldens.calls(.labelPropagation))
    func labelPropagation(call: GoldenCall) throws {
        let first = try Self.partition(call)
        #expect(Set(first.keys) == Set(call.nodes), "every node exactly once")
        let second = try Self.partition(call)
        #expect(first == second, "a second run with the same seed")
    }
}
