// Shared by the structure-aware libFuzzer target `deep` (scripts/fuzz/fuzz.sh compiles it into
// that target): the fuzz input read as a stream of choices.

/// The fuzz input as a stream of choices for a generator.
///
/// Each choice consumes one or two bytes. Past the end, the input is read again from the start
/// with every byte shifted by the number of passes, so a short input still drives a long chain
/// with varied elements; an empty input gives only zeros, the generator's simplest choices.
struct FuzzChoices {
    private let bytes: [UInt8]
    private var position = 0

    /// Reads `size` bytes at `data`.
    init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        if let data, size > 0 {
            bytes = Array(UnsafeBufferPointer(start: data, count: size))
        } else {
            bytes = []
        }
    }

    /// Reads `bytes`.
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next byte.
    mutating func byte() -> UInt8 {
        guard !bytes.isEmpty else { return 0 }
        defer { position += 1 }
        let pass = position / bytes.count
        return bytes[position % bytes.count] &+ UInt8(truncatingIfNeeded: pass)
    }

    /// A number in `0..<n` (`n` ≥ 1): one byte when `n` ≤ 256, otherwise two.
    mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        if n <= 256 { return Int(byte()) % n }
        return (Int(byte()) << 8 | Int(byte())) % n
    }

    /// True with probability about `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// One element of `items` (not empty).
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A length in `1...cap`: mostly short, often just below, at or just past one of the
    /// engine's bounds (120 levels of nesting, 1,000 relationships or levels of a value,
    /// 10,000 levels of expression height), sometimes anywhere up to `cap`. Long ones are
    /// rarer, so that the target keeps a useful speed.
    mutating func length(cap: Int) -> Int {
        let n: Int
        switch below(16) {
        case 0...6: n = 1 + below(16)
        case 7...9: n = 1 + below(256)
        case 10, 11: n = pick([120, 1_000]) - 3 + below(7)
        case 12: n = 10_000 - 3 + below(7)
        case 13, 14: n = 1 + below(2_048)
        default: n = 1 + below(cap)
        }
        return max(1, min(n, cap))
    }
}
