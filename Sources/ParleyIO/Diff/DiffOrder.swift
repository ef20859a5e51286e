import ParleyGraph
import ParleyValues

/// The deterministic order of diff output: strings by Unicode scalar (UTF-8 bytes), values by
/// Cypher's ORDER BY then type name.
enum DiffOrder {
    /// Whether `a` sorts before `b` by UTF-8 bytes (Unicode scalar order).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// -1, 0 or 1 for strings by UTF-8 bytes.
    static func compare(_ a: String, _ b: String) -> Int {
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return precedes(a, b) ? -1 : 1
    }

    /// -1, 0 or 1 for relationship ids (none first).
    static func compare(_ a: Value?, _ b: Value?) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?):
            if StrictValue.identical(x, y) { return 0 }
            return StrictValue.precedes(x, y) ? -1 : (StrictValue.precedes(y, x) ? 1 : 0)
        }
    }

    /// -1, 0 or 1 for relationships by source, type, target, then `id`.
    static func compare(_ a: (source: String, type: String, target: String, id: Value?),
                        _ b: (source: String, type: String, target: String, id: Value?)) -> Int {
        var c = compare(a.source, b.source)
        if c != 0 { return c }
        c = compare(a.type, b.type)
        if c != 0 { return c }
        c = compare(a.target, b.target)
        if c != 0 { return c }
        return compare(a.id, b.id)
    }
}
