extension SyntheticGraph {
    /// The degree of every node by global index (both directions).
    func degrees() -> [Int32] {
        var degree = [Int32](repeating: 0, count: nodeCount)
        for group in relationships {
            for s in group.sources { degree[Int(s)] += 1 }
            for t in group.targets { degree[Int(t)] += 1 }
        }
        return degree
    }

    /// The query parameters of the anchor queries, chosen from the data: the Person who
    /// attended most talks (the first among equals), and for the shortest path the middle
    /// Person and the middle Talk of those with degree one.
    public var parameters: SyntheticParameters {
        let spec = SyntheticGraphSpec.self
        let degree = degrees()
        let personOffset = offsets[spec.person], talkOffset = offsets[spec.talk]
        var attended = [Int](repeating: 0, count: labelCounts[spec.person])
        for group in relationships where group.type == "ATTENDED" && group.from == spec.person {
            for s in group.sources { attended[Int(s) - personOffset] += 1 }
        }
        var hub = 0
        for (i, n) in attended.enumerated() where n > attended[hub] { hub = i }
        let leafPeople = (0..<labelCounts[spec.person]).filter { degree[personOffset + $0] == 1 }
        let leafTalks = (0..<labelCounts[spec.talk]).filter { degree[talkOffset + $0] == 1 }
        return SyntheticParameters(
            lookupPerson: "p123", hubPerson: "p\(hub)", hubPersonAttended: attended[hub],
            pathSource: "p\(leafPeople.isEmpty ? 0 : leafPeople[leafPeople.count / 2])",
            pathTarget: "t\(leafTalks.isEmpty ? 0 : leafTalks[leafTalks.count / 2])",
            dateFrom: "2015-01-01")
    }

    /// The largest degree, the mean degree and the number of nodes without relationships.
    public var degreeSummary: (maximum: Int, mean: Double, isolated: Int) {
        let degree = degrees()
        return (Int(degree.max() ?? 0), Double(2 * edgeCount) / Double(nodeCount), degree.count { $0 == 0 })
    }
}

/// The anchor queries' parameters (params.json).
public struct SyntheticParameters: Sendable, Equatable {
    /// Q1's Person (`p123`, which exists when there are more than 123 people).
    public var lookupPerson: String
    /// Q2 and Q3's Person: the one who attended most talks.
    public var hubPerson: String
    /// How many talks the hub person attended.
    public var hubPersonAttended: Int
    /// Q6's ends: a Person and a Talk of degree one.
    public var pathSource: String, pathTarget: String
    /// Q4's first date.
    public var dateFrom: String
}
