/// The relationships of one type between one pair of labels, by global node index, with the
/// property value of each (`weight` in thousandths, `since` as a year).
struct SyntheticRelationships: Sendable {
    var type: String
    /// The label indexes of the start and end nodes.
    var from: Int, to: Int
    var property: SyntheticGraphSpec.RelationshipProperty?
    var sources: [Int32] = []
    var targets: [Int32] = []
    var values: [Int32] = []

    /// The number of relationships.
    var count: Int { sources.count }

    mutating func append(source: Int, target: Int) {
        sources.append(Int32(source))
        targets.append(Int32(target))
    }

    /// Draws `count` distinct (start, end) pairs, each end from its activity weights (no
    /// self-loops within one label), keeping the first occurrence of a pair; then a property
    /// value for each. Gives up, as the anchors' generator does, after 60 rounds of
    /// 1.25 × the missing count + 16 draws.
    mutating func draw(
        _ count: Int, from start: WeightedSampler, offset startOffset: Int, to end: WeightedSampler, offset endOffset: Int,
        random: inout SyntheticRandom
    ) throws(SyntheticGraphError) {
        let sameLabel = from == to
        let pairs = start.count * end.count - (sameLabel ? start.count : 0)
        guard count <= pairs else { throw .tooDense(type: type, count: count, pairs: pairs) }
        sources.reserveCapacity(count)
        targets.reserveCapacity(count)
        var seen = Set<Int>(minimumCapacity: count)
        var rounds = 0
        drawing: while sources.count < count {
            rounds += 1
            guard rounds <= 60 else { throw .notConverging(type: type) }
            let draws = Int(Double(count - sources.count) * 1.25) + 16
            for _ in 0..<draws {
                let s = start.sample(&random), d = end.sample(&random)
                if sameLabel && s == d { continue }
                guard seen.insert(s * end.count + d).inserted else { continue }
                append(source: startOffset + s, target: endOffset + d)
                if sources.count == count { break drawing }
            }
        }
        switch property {
        case .weight: values = (0..<count).map { _ in Int32(random.integer(in: 1...1000)) }
        case .since: values = (0..<count).map { _ in Int32(random.integer(in: 1950...2024)) }
        case nil: break
        }
    }
}
