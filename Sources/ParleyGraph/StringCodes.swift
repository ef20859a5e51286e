import ParleyValues

/// A property column's strings as dictionary codes: each entity's string replaced by its rank
/// among the column's distinct strings in UTF-8 byte order (Cypher's string order), so a
/// filter compares integers and a grouping counts into an array instead of hashing strings.
///
/// Built from a column by ``GraphStore/nodeStringCodes(_:)`` on first use and kept while the
/// column is unchanged (``StringCodesCache``).
public struct StringCodes: Sendable {
    /// The code of an entity without the property.
    public static let absent: UInt32 = 0
    /// The code of an entity whose value is not a string (an integer, a list, ...).
    public static let notString: UInt32 = .max

    /// Per entity id: ``absent``, ``notString``, or `1 + rank` of its string in ``strings``.
    /// Ids past the end lack the property.
    public let codes: [UInt32]
    /// The distinct strings in increasing UTF-8 byte order; code `c` stands for `strings[c - 1]`.
    public let strings: [String]

    /// Codes the strings of `column`; nil when it holds more than `maxDistinct` distinct strings.
    init?(column: [Value], maxDistinct: Int) {
        var table = ByteStringSet()
        var codes = [UInt32](repeating: StringCodes.absent, count: column.count)
        let complete = column.withUnsafeBufferPointer { values in
            codes.withUnsafeMutableBufferPointer { out in
                for i in values.indices {
                    switch values[i] {
                    case .null: continue
                    case .string(let s):
                        guard let c = table.code(of: s, limit: maxDistinct) else { return false }
                        out[i] = c
                    default: out[i] = StringCodes.notString
                    }
                }
                return true
            }
        }
        guard complete else { return nil }
        // Renumber in byte order, so `code < code'` exactly when `string < string'`: sorted by
        // the first 16 bytes as two integers, then by the whole strings where those tie.
        let firstSeen = table.strings
        let prefixes = firstSeen.map(StringCodes.prefix)
        let order = firstSeen.indices.sorted { a, b in
            let p = prefixes[a], q = prefixes[b]
            if p.high != q.high { return p.high < q.high }
            if p.low != q.low { return p.low < q.low }
            return StringCodes.precedes(firstSeen[a], firstSeen[b])
        }
        var rank = [UInt32](repeating: 0, count: firstSeen.count + 1)
        for (r, i) in order.enumerated() { rank[i + 1] = UInt32(r + 1) }
        codes.withUnsafeMutableBufferPointer { out in
            for i in out.indices where out[i] != StringCodes.absent && out[i] != StringCodes.notString { out[i] = rank[Int(out[i])] }
        }
        self.codes = codes
        strings = order.map { firstSeen[$0] }
    }

    /// The first 16 UTF-8 bytes of `s` as two big-endian integers (zero-padded): in the
    /// order of the strings, up to ties.
    static func prefix(_ s: String) -> (high: UInt64, low: UInt64) {
        withBytes(s) { bytes in
            var high: UInt64 = 0, low: UInt64 = 0
            for i in 0..<8 { high = high << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
            for i in 8..<16 { low = low << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
            return (high, low)
        }
    }

    /// Whether `a` comes before `b` in UTF-8 byte order.
    static func precedes(_ a: String, _ b: String) -> Bool {
        withBytes(a) { x in
            withBytes(b) { y in
                let n = Swift.min(x.count, y.count)
                var i = 0
                while i < n {
                    if x[i] != y[i] { return x[i] < y[i] }
                    i += 1
                }
                return x.count < y.count
            }
        }
    }

    /// `body` applied to the UTF-8 bytes of `s`, read in place when they are contiguous.
    @inline(__always) static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }

    /// Whether `a` and `b` have the same UTF-8 bytes.
    static func equalBytes(_ a: String, _ b: String) -> Bool {
        withBytes(a) { x in
            withBytes(b) { y in
                x.count == y.count && x.elementsEqual(y)
            }
        }
    }

    /// The code of `entity`'s value.
    @inlinable public func code(of entity: Int) -> UInt32 {
        entity >= 0 && entity < codes.count ? codes[entity] : StringCodes.absent
    }

    /// How many of the distinct strings are below `s` (with `inclusive`, at most `s`) in
    /// byte order: codes `1...count` are those strings.
    public func count(below s: String, inclusive: Bool) -> Int {
        var lo = 0, hi = strings.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let t = strings[mid]
            let below = inclusive ? !StringCodes.precedes(s, t) : StringCodes.precedes(t, s)
            if below { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// The distinct strings of a column, numbered `1, 2, ...` in the order first seen: an
/// open-addressing table keyed by an FNV-1a hash of the UTF-8 bytes, compared by bytes (not by
/// Swift's canonical equivalence, which would merge two spellings of "é").
private struct ByteStringSet {
    private(set) var strings: [String] = []
    private var hashes: [UInt64] = []
    /// Slot → 1 + index in `strings`, 0 when free; a power-of-two count.
    private var slots = [UInt32](repeating: 0, count: 1024)

    /// The number of `s`, added if new; nil when adding it would pass `limit` strings.
    mutating func code(of s: String, limit: Int) -> UInt32? {
        let h = StringCodes.withBytes(s) { bytes in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return h
        }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (h ^ (h >> 29)) & UInt64(mask))
        while true {
            let e = slots[i]
            if e == 0 { break }
            if hashes[Int(e) - 1] == h && StringCodes.equalBytes(strings[Int(e) - 1], s) { return e }
            i = (i + 1) & mask
        }
        guard strings.count < limit else { return nil }
        strings.append(s)
        hashes.append(h)
        let code = UInt32(strings.count)
        slots[i] = code
        if strings.count * 2 > slots.count { grow() }
        return code
    }

    /// Doubles the slots and places every string again.
    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (n, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: (h ^ (h >> 29)) & UInt64(mask))
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt32(n + 1)
        }
    }
}
