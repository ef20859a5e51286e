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
        var provisional: [ByteKey: UInt32] = [:]
        var firstSeen: [String] = []
        var codes = [UInt32](repeating: StringCodes.absent, count: column.count)
        for i in column.indices {
            switch column[i] {
            case .null: continue
            case .string(let s):
                let key = ByteKey(s)
                if let c = provisional[key] {
                    codes[i] = c
                    continue
                }
                guard firstSeen.count < maxDistinct else { return nil }
                firstSeen.append(s)
                let c = UInt32(firstSeen.count)
                provisional[key] = c
                codes[i] = c
            default: codes[i] = StringCodes.notString
            }
        }
        // Renumber in byte order, so `code < code'` exactly when `string < string'`.
        let order = firstSeen.indices.sorted { firstSeen[$0].utf8.lexicographicallyPrecedes(firstSeen[$1].utf8) }
        var rank = [UInt32](repeating: 0, count: firstSeen.count + 1)
        for (r, i) in order.enumerated() { rank[i + 1] = UInt32(r + 1) }
        for i in codes.indices where codes[i] != StringCodes.absent && codes[i] != StringCodes.notString {
            codes[i] = rank[Int(codes[i])]
        }
        self.codes = codes
        strings = order.map { firstSeen[$0] }
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
            let below = inclusive ? !s.utf8.lexicographicallyPrecedes(t.utf8) : t.utf8.lexicographicallyPrecedes(s.utf8)
            if below { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A string hashed and compared by its UTF-8 bytes (not by Swift's canonical equivalence).
private struct ByteKey: Hashable {
    let text: String
    let hashValueBits: UInt64

    init(_ text: String) {
        self.text = text
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var copy = text
        copy.withUTF8 { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
        hashValueBits = h
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.hashValueBits == b.hashValueBits && a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hashValueBits) }
}
