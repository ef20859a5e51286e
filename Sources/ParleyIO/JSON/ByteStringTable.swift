/// A run of bytes somewhere in memory (the file being parsed or a scratch buffer), valid only
/// until the buffer it points into changes.
struct ByteSpan {
    /// The first byte.
    var start: UnsafePointer<UInt8>
    /// The number of bytes.
    var count: Int

    /// Whether the bytes equal the ASCII text `literal`.
    @inline(__always) func equals(_ literal: StaticString) -> Bool {
        literal.utf8CodeUnitCount == count && ByteSpan.same(start, literal.utf8Start, count)
    }

    /// Whether `n` bytes at `a` and `b` are equal (inline: keys are short, a call to memcmp
    /// costs more than the comparison).
    @inline(__always) static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// The bytes as a `String` (they are valid UTF-8: the scanner checked them).
    var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// A 64-bit hash of the bytes. Keys of up to 8 bytes are hashed from their zero-padded
    /// word (``ByteStringTable/word(_:)``) and length; longer ones 8 bytes at a time.
    @inline(__always) var hash: UInt64 {
        if count <= 8 { return ByteSpan.hashShort(ByteStringTable.word(self), count) }
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
        return ByteSpan.mix(h ^ UInt64(count))
    }

    /// The hash of a key of `count` ≤ 8 bytes whose zero-padded word is `word`.
    @inline(__always) static func hashShort(_ word: UInt64, _ count: Int) -> UInt64 {
        mix(word ^ (UInt64(count) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// SplitMix64's finaliser: every input bit affects every output bit.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// An open-addressing hash table from byte strings to `Int32` values.
///
/// The loader uses it to find a node by the bytes of its JSON id and a symbol by the bytes of
/// a label, type or key, without creating a `String` per lookup. Each slot is 16 bytes: keys
/// of up to 8 bytes live in the slot itself (one cache miss per lookup); longer keys are
/// copied into a byte arena (length-prefixed) and the slot holds their offset. Linear
/// probing, power-of-two size, load ≤ 1/2.
struct ByteStringTable {
    private struct Slot {
        /// The key bytes (zero-padded) when the key has at most 8 bytes, else its arena offset.
        var word: UInt64
        /// High 24 bits of the hash, low 8 bits min(length, 255).
        var tag: UInt32
        /// The value; -1 marks an empty slot.
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private var arena: [UInt8] = []
    /// The number of keys.
    private(set) var count = 0
    /// How many keys fit before the table grows.
    var capacityHint: Int { slots.count / 2 }

    /// Creates an empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(word: 0, tag: 0, value: -1), count: size)
        mask = size - 1
    }

    @inline(__always) private static func tag(_ hash: UInt64, _ length: Int) -> UInt32 {
        (UInt32(truncatingIfNeeded: hash >> 32) & ~0xFF) | UInt32(min(length, 255))
    }

    /// The key's bytes as a zero-padded word (keys of at most 8 bytes).
    @inline(__always) static func word(_ key: ByteSpan) -> UInt64 {
        if key.count == 8 { return UnsafeRawPointer(key.start).loadUnaligned(as: UInt64.self) }
        var w: UInt64 = 0
        var i = 0
        while i < key.count {
            w |= UInt64(key.start[i]) << (8 * UInt64(i))
            i += 1
        }
        return w
    }

    /// The value stored for `key`, if any.
    @inline(__always) func find(_ key: ByteSpan) -> Int32? {
        let h = key.hash
        let (slot, found) = locate(key, h)
        return found ? slots[slot].value : nil
    }

    /// The value stored for the key of `length` ≤ 8 bytes whose hash is `h` and whose bytes,
    /// zero-padded, are `word` (see ``word(_:)``).
    @inline(__always) func find(hash h: UInt64, word w: UInt64, length: Int) -> Int32? {
        let tag = ByteStringTable.tag(h, length)
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[i]
                if slot.value < 0 { return nil }
                if slot.tag == tag && slot.word == w { return slot.value }
                i = (i + 1) & mask
            }
        }
    }

    /// The slot holding `key` (found), or the empty slot where it would go.
    @inline(__always) private func locate(_ key: ByteSpan, _ h: UInt64) -> (Int, Bool) {
        let tag = ByteStringTable.tag(h, key.count)
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            if key.count <= 8 {
                let w = ByteStringTable.word(key)
                while true {
                    let slot = slots[i]
                    if slot.value < 0 { return (i, false) }
                    if slot.tag == tag && slot.word == w { return (i, true) }
                    i = (i + 1) & mask
                }
            }
            return arena.withUnsafeBufferPointer { arena in
                while true {
                    let slot = slots[i]
                    if slot.value < 0 { return (i, false) }
                    if slot.tag == tag {
                        let at = arena.baseAddress! + Int(slot.word)
                        let length = Int(UnsafeRawPointer(at).loadUnaligned(as: UInt32.self))
                        if length == key.count && ByteSpan.same(at + 4, key.start, length) { return (i, true) }
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// Inserts `key` with `value` (≥ 0) unless present. Returns the existing value if the key
    /// was already there (and then changes nothing), or `nil` after inserting.
    @inline(__always) mutating func insert(_ key: ByteSpan, value: Int32) -> Int32? {
        let h = key.hash
        var (i, found) = locate(key, h)
        if found { return slots[i].value }
        if (count + 1) * 2 > slots.count {
            grow()
            (i, _) = locate(key, h)
        }
        let word: UInt64
        if key.count <= 8 {
            word = ByteStringTable.word(key)
        } else {
            word = UInt64(arena.count)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: key.count).littleEndian) { arena.append(contentsOf: $0) }
            arena.append(contentsOf: UnsafeBufferPointer(start: key.start, count: key.count))
        }
        slots[i] = Slot(word: word, tag: ByteStringTable.tag(h, key.count), value: value)
        count += 1
        return nil
    }

    /// A copy that shares no storage with this table (for another thread: see
    /// ``NameTable/separated()``).
    func separated() -> ByteStringTable {
        var copy = self
        copy.slots = slots.map { $0 }
        copy.arena = arena.map { $0 }
        return copy
    }

    /// Calls `body` with every key and its value, in slot order.
    func forEachKey(_ body: (ByteSpan, Int32) -> Void) {
        arena.withUnsafeBufferPointer { arena in
            for slot in slots where slot.value >= 0 {
                var word = slot.word
                let length = Int(slot.tag & 0xFF)
                if length <= 8 {
                    withUnsafeBytes(of: &word) { body(ByteSpan(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length), slot.value) }
                } else {
                    let at = arena.baseAddress! + Int(slot.word)
                    body(ByteSpan(start: at + 4, count: Int(UnsafeRawPointer(at).loadUnaligned(as: UInt32.self))), slot.value)
                }
            }
        }
    }

    /// Whether no key of `other` is in this table.
    func isDisjoint(with other: ByteStringTable) -> Bool {
        var disjoint = true
        other.forEachKey { key, _ in if disjoint && find(key) != nil { disjoint = false } }
        return disjoint
    }

    /// Inserts every key of `other` (none of which may be here: see ``isDisjoint(with:)``)
    /// with its value plus `offset`.
    mutating func insertAll(of other: ByteStringTable, adding offset: Int32) {
        other.forEachKey { key, value in _ = insert(key, value: value + offset) }
    }

    /// Doubles the slots. Rehashing needs each key's full hash, so it is recomputed from the
    /// key bytes (in the slot or the arena).
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(word: 0, tag: 0, value: -1), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.value >= 0 {
            var word = slot.word
            let length = Int(slot.tag & 0xFF)
            let h: UInt64
            if length <= 8 {
                h = withUnsafeBytes(of: &word) { ByteSpan(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length).hash }
            } else {
                h = arena.withUnsafeBufferPointer { arena in
                    let at = arena.baseAddress! + Int(slot.word)
                    let n = Int(UnsafeRawPointer(at).loadUnaligned(as: UInt32.self))
                    return ByteSpan(start: at + 4, count: n).hash
                }
            }
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i].value >= 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}

/// A ``ByteStringTable`` for names (labels, types, keys) that remembers the names found
/// last: in real files the same few types or keys come again and again (a node's `name`,
/// `date`, `city`, an edge's `weight`), and comparing a few bytes is cheaper than hashing.
///
/// Up to eight names of at most 32 bytes are remembered, each in a slot chosen by its length
/// and its first and last bytes, so that names taking turns keep their own slots.
struct NameTable {
    private var table = ByteStringTable()
    /// Slot `k`'s name bytes at `k * 32`.
    private var recentBytes = [UInt8](repeating: 0, count: 8 * 32)
    private var recentCounts = [Int](repeating: -1, count: 8)
    private var recentValues = [Int32](repeating: -1, count: 8)

    @inline(__always) private static func slot(_ name: ByteSpan) -> Int {
        guard name.count > 0 else { return 0 }
        return (Int(name.start[0]) &+ Int(name.start[name.count - 1]) &* 7 &+ name.count) & 7
    }

    /// The value of `name`, if known.
    @inline(__always) mutating func find(_ name: ByteSpan) -> Int32? {
        let k = NameTable.slot(name)
        if recentCounts[k] == name.count
            && recentBytes.withUnsafeBufferPointer({ ByteSpan.same($0.baseAddress! + k * 32, name.start, name.count) })
        {
            return recentValues[k]
        }
        guard let value = table.find(name) else { return nil }
        remember(name, value, in: k)
        return value
    }

    /// A copy that shares no storage with this table, for a loader on another thread.
    ///
    /// A plain copy would do: the first write on either side copies a shared buffer. But
    /// which side copies is decided by the buffer's reference count alone, a handover that
    /// the thread sanitizer cannot see (the Swift runtime is not instrumented), so both
    /// threads writing the same small tables at once looked like a race. Separate buffers
    /// from the start cost a few hundred bytes and leave nothing to decide.
    func separated() -> NameTable {
        var copy = self
        copy.table = table.separated()
        copy.recentBytes = recentBytes.map { $0 }
        copy.recentCounts = recentCounts.map { $0 }
        copy.recentValues = recentValues.map { $0 }
        return copy
    }

    /// Adds `name` with `value`.
    mutating func insert(_ name: ByteSpan, value: Int32) {
        _ = table.insert(name, value: value)
        remember(name, value, in: NameTable.slot(name))
    }

    private mutating func remember(_ name: ByteSpan, _ value: Int32, in k: Int) {
        guard name.count <= 32 else { return }
        recentBytes.withUnsafeMutableBufferPointer { bytes in
            (bytes.baseAddress! + k * 32).update(from: name.start, count: name.count)
        }
        recentCounts[k] = name.count
        recentValues[k] = value
    }
}
