// Shared by the structure-aware libFuzzer target `deep`: the generator's own evaluation of
// the chains it builds, independent of the engine.

import ParleyGraph
import ParleyValues

extension DeepQueryGenerator {
    /// `a + b`, or nil if either is unknown or the sum overflows.
    static func add(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a, let b else { return nil }
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// `a * b`, or nil if either is unknown or the product overflows.
    static func multiply(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a, let b else { return nil }
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }

    /// Three-valued AND (nil is null).
    static func and(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == false || b == false { return false }
        if a == nil || b == nil { return nil }
        return true
    }

    /// Three-valued OR.
    static func or(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == true || b == true { return true }
        if a == nil || b == nil { return nil }
        return false
    }

    /// Three-valued XOR.
    static func xor(_ a: Bool?, _ b: Bool?) -> Bool? {
        guard let a, let b else { return nil }
        return a != b
    }

    /// `terms` folded left to right with `op` (not empty).
    static func fold(_ terms: [Bool?], _ op: (Bool?, Bool?) -> Bool?) -> Bool? {
        var result = terms[0]
        for term in terms.dropFirst() { result = op(result, term) }
        return result
    }

    /// Cypher's `+` on the integers, strings and lists of a concatenation chain: a list on either
    /// side concatenates (a non-list side is one element), a string on either side concatenates
    /// text (integers in decimal), two integers add.
    static func plus(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.list(let x), _): return .list(x + [b])
        case (_, .list(let y)): return .list([a] + y)
        case (.int(let x), .int(let y)): return add(x, y).map(Value.int) ?? .null
        default: return .string(text(a) + text(b))
        }
    }

    /// An integer or string operand as text.
    private static func text(_ v: Value) -> String {
        switch v {
        case .int(let i): return String(i)
        case .string(let s): return s
        default: return "?"
        }
    }
}
