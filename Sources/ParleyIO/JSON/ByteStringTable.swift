#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of bytes somewhere in memory (the file being parsed or a scratch buffer), valid only
/// until the buffer it points into changes.
struct ByteSpan {
    /// The first byte.
    var start: UnsafePointer<UInt8>
    /// The number of bytes.
    var count: Int

    /// Whether the bytes equal the ASCII text `literal`.
    @inline(__always) func equals(_ literal: StaticString) -> Bool {
        literal.utf8CodeUnitCount == count && memcmp(start, literal.utf8Start, count) == 0
    }

    /// The bytes as a `String` (they are valid UTF-8: the scanner checked them).
    var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// A 64-bit hash of the bytes (FNV-1a over 8-byte words, then a final mix).
    @inline(__always) var hash: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while i + 8 <= count {
            h = (h ^ UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)) &* 0x0000_0100_0000_01b3
            h ^= h >> 29
            i += 8
        }
        while i < count {
            h = (h ^ UInt64(start[i])) &* 0x0000_0100_0000_01b3
            i += 1
        }
        h ^= h >> 32
        h = h &* 0xd6e8_feb8_6659_fd93
        h ^= h >> 32
        return h
    }
}

/// An open-addressing hash table from byte strings to `Int32` values.
///
/// The loader uses it to find a node by the bytes of its JSON id and a symbol by the bytes of
/// a label, type or key, without creating a `String` per lookup. Keys are copied into one
/// byte arena; slots hold entry indexes (linear probing, power-of-two size, load ≤ 1/2).
struct ByteStringTable {
    private var slots: [Int32]
    private var mask: Int
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    /// The value stored for each entry, in insertion order.
    private(set) var values: [Int32] = []
    private var arena: [UInt8] = []

    /// Creates an empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The number of keys.
    var count: Int { values.count }

    /// The value stored for `key`, if any.
    @inline(__always) func find(_ key: ByteSpan) -> Int32? {
        let h = key.hash
        return find(key, hash: h)
    }

    @inline(__always) private func find(_ key: ByteSpan, hash h: UInt64) -> Int32? {
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                while true {
                    let e = Int(slots[i])
                    if e < 0 { return nil }
                    if hashes[e] == h && Int(lengths[e]) == key.count
                        && (key.count == 0 || memcmp(arena.baseAddress! + starts[e], key.start, key.count) == 0)
                    {
                        return values[e]
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// Inserts `key` with `value` unless present. Returns the existing value if the key was
    /// already there (and then changes nothing), or `nil` after inserting.
    @inline(__always) mutating func insert(_ key: ByteSpan, value: Int32) -> Int32? {
        let h = key.hash
        if let existing = find(key, hash: h) { return existing }
        if (values.count + 1) * 2 > slots.count { grow() }
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(values.count)
        hashes.append(h)
        starts.append(arena.count)
        lengths.append(Int32(key.count))
        values.append(value)
        arena.append(contentsOf: UnsafeBufferPointer(start: key.start, count: key.count))
        return nil
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for e in hashes.indices {
            var i = Int(truncatingIfNeeded: hashes[e]) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(e)
        }
    }
}
