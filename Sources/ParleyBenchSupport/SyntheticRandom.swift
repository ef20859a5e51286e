/// The generator's random numbers: SplitMix64, with unbiased bounded integers and uniform
/// doubles built only from integer arithmetic, so a seed gives the same graph on every
/// platform and Swift version.
struct SyntheticRandom {
    private var state: UInt64

    /// A generator started from `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), without modulo bias (Lemire's
    /// multiply-and-reject).
    mutating func below(_ bound: Int) -> Int {
        let n = UInt64(bound)
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold { product = next().multipliedFullWidth(by: n) }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    mutating func integer(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// A uniform double in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// The numbers `0..<count` in a random order (Fisher–Yates).
    mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, below(i + 1)) }
        }
        return order
    }

    /// `count` distinct numbers of `0..<range`, each set equally likely, in increasing order.
    mutating func distinctSorted(_ count: Int, of range: Int) -> [Int] {
        var pool = Array(0..<range)
        for i in 0..<count { pool.swapAt(i, i + below(range - i)) }
        return pool[0..<count].sorted()
    }
}
