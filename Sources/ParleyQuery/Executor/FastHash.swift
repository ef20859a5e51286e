import ParleyGraph
import ParleyValues

/// A cheap hash of a value, consistent with Cypher equivalence (`==` on ``Value``): equal
/// values hash alike (`1` and `1.0` included). Used to key grouping and DISTINCT tables, whose
/// resizing would otherwise re-run SipHash over every string.
enum FastHash {
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The hash of a string value (FNV-1a over its UTF-8 bytes).
    @inline(__always) static func hashString(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        // Native strings expose their bytes without a copy; others are made contiguous first.
        let done: Bool? = s.utf8.withContiguousStorageIfAvailable { (bytes) -> Bool in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return true
        }
        if done != nil {
            return h
        }
        var copy = s
        copy.withUTF8 { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
        return h
    }

    /// The hash of one value.
    static func hash(_ v: Value) -> UInt64 {
        switch v {
        case .null: return 0x51
        case .bool(let b): return b ? 0x52 : 0x53
        case .int(let i): return mix(UInt64(bitPattern: i))
        case .double(let d):
            if d.isNaN { return 0x54 }
            if d == d.rounded(), d >= -9.223372036854775808e18, d < 9.223372036854775808e18 {
                return mix(UInt64(bitPattern: Int64(d)))
            }
            return mix(d.bitPattern)
        case .string(let s): return hashString(s)
        case .list(let items):
            var h: UInt64 = 0x55
            for i in items { h = mix(h ^ hash(i)) }
            return h
        case .map(let m):
            var h: UInt64 = 0x56
            for (k, x) in m { h ^= mix(hash(.string(k)) &+ hash(x)) }
            return h
        case .temporal(let t): return mix(UInt64(bitPattern: Int64(t.hashValue)))
        case .node(let n): return mix(UInt64(n) ^ 0x1000_0000_0000_0000)
        case .relationship(let r): return mix(UInt64(r) ^ 0x2000_0000_0000_0000)
        case .path(let p):
            var h: UInt64 = 0x57
            for n in p.nodes { h = mix(h ^ UInt64(n)) }
            for r in p.relationships { h = mix(h ^ UInt64(r) ^ 0x3000) }
            return h
        }
    }
}

/// A value keyed by its ``FastHash``.
struct HashedValue: Hashable {
    let value: Value
    let hash: UInt64

    init(_ value: Value) {
        self.value = value
        self.hash = FastHash.hash(value)
    }

    static func == (a: HashedValue, b: HashedValue) -> Bool { a.hash == b.hash && a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// Several values keyed by their combined ``FastHash``.
struct HashedValues: Hashable {
    let values: [Value]
    let hash: UInt64

    init(_ values: [Value]) {
        self.values = values
        var h: UInt64 = 0x58
        for v in values { h = FastHash.mix(h ^ FastHash.hash(v)) }
        self.hash = h
    }

    static func == (a: HashedValues, b: HashedValues) -> Bool { a.hash == b.hash && a.values == b.values }
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// An open-addressing table from a precomputed hash to an entry number (a group, a distinct
/// row), with the caller deciding equality. Avoids `Hasher` in the hottest loops.
struct EntryHashTable {
    private var hashes: [UInt64]
    private var entries: [Int32]
    private var mask: Int
    /// How many entries are stored.
    private(set) var count = 0

    init(capacity: Int = 64) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        hashes = [UInt64](repeating: 0, count: c)
        entries = [Int32](repeating: -1, count: c)
        mask = c - 1
    }

    /// The entry with hash `h` for which `matches` holds; otherwise stores `make()` and returns it.
    @inline(__always)
    mutating func findOrInsert(_ h: UInt64, matches: (Int) -> Bool, make: () -> Int) -> (entry: Int, inserted: Bool) {
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = entries[i]
            if e < 0 { break }
            if hashes[i] == h && matches(Int(e)) { return (Int(e), false) }
            i = (i + 1) & mask
        }
        let e = make()
        hashes[i] = h
        entries[i] = Int32(e)
        count += 1
        if count * 2 > mask { grow() }
        return (e, true)
    }

    private mutating func grow() {
        let oldHashes = hashes, oldEntries = entries
        let c = (mask + 1) * 2
        hashes = [UInt64](repeating: 0, count: c)
        entries = [Int32](repeating: -1, count: c)
        mask = c - 1
        for (j, e) in oldEntries.enumerated() where e >= 0 {
            var i = Int(truncatingIfNeeded: oldHashes[j]) & mask
            while entries[i] >= 0 { i = (i + 1) & mask }
            hashes[i] = oldHashes[j]
            entries[i] = e
        }
    }
}
