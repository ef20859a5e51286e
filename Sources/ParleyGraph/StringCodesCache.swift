import ParleyValues
import Synchronization

/// The ``StringCodes`` of node property columns, built on first use and shared by the copies
/// of a ``GraphStore`` (a copy shares the class instance, as it shares the columns).
///
/// An entry is valid while the store's column is the very buffer it was built from: the
/// entry holds that buffer, so a write to the column (in this store or in any copy) must copy
/// it first, and the copy has another address. Nothing is built while loading, so a load
/// costs no extra memory; a column coded once costs 4 bytes per entity and its distinct
/// strings until it changes.
final class StringCodesCache: Sendable {
    /// A coded column, or the note that it has too many distinct strings to be worth coding.
    private struct Entry: Sendable {
        let column: [Value]
        let codes: StringCodes?
    }

    private let entries = Mutex<[Int32: Entry]>([:])

    /// The codes of `column` (the current column of `key`), built if missing or stale.
    func codes(of key: Int32, column: [Value]) -> StringCodes? {
        guard !column.isEmpty else { return nil }
        if let entry = entries.withLock({ $0[key] }), Self.sameBuffer(entry.column, column) { return entry.codes }
        let codes = StringCodes(column: column, maxDistinct: Self.maxDistinct(column.count))
        entries.withLock { $0[key] = Entry(column: column, codes: codes) }
        return codes
    }

    /// The keys with an entry (coded or not), for tests.
    var keys: [Int32] { entries.withLock { $0.keys.sorted() } }

    /// Coding a column whose strings are mostly distinct (names, ids) gains little.
    static func maxDistinct(_ count: Int) -> Int { Swift.max(256, count / 4) }

    /// Whether `a` and `b` are the same array buffer (so, while `a` holds it, the same contents).
    private static func sameBuffer(_ a: [Value], _ b: [Value]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }
}
