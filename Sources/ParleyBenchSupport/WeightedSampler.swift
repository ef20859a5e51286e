/// Draws indexes with probability proportional to fixed weights (inverse of the cumulative
/// sum, by binary search).
struct WeightedSampler {
    private let cumulative: [Double]

    /// A sampler over `weights` (non-negative, not all zero).
    init(weights: [Double]) {
        var sums = [Double]()
        sums.reserveCapacity(weights.count)
        var total = 0.0
        for w in weights {
            total += w
            sums.append(total)
        }
        cumulative = sums
    }

    /// The number of indexes drawn from.
    var count: Int { cumulative.count }

    /// One index: the first whose cumulative weight exceeds a uniform point of the total.
    func sample(_ random: inout SyntheticRandom) -> Int {
        let x = random.unit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) >> 1
            if cumulative[mid] > x { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Zipf-like activity weights over `count` items: rank^-0.75, the ranks a random
    /// permutation (r^0.75 is √r·√√r, square roots being exact everywhere).
    static func activity(_ count: Int, _ random: inout SyntheticRandom) -> WeightedSampler {
        let ranks = random.permutation(count)
        return WeightedSampler(weights: ranks.map { rank in
            let r = Double(rank + 1)
            return 1 / (r.squareRoot() * r.squareRoot().squareRoot())
        })
    }
}
