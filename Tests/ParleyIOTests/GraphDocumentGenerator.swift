import ParleyGraph
import ParleyValues

/// SplitMix64: a small seeded generator, so every run produces the same documents.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// A random element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

/// What a generated document should hold when it loads: the graph as plain data.
struct DocumentModel {
    struct Node {
        var id: String
        var labels: [String]
        var properties: [(String, Value)]
    }
    struct Edge {
        var source: String, target: String, type: String
        var properties: [(String, Value)]
    }
    var nodes: [Node] = []
    var edges: [Edge] = []
}

/// A deliberate defect put into an otherwise valid document.
enum Fault: CaseIterable {
    // Strictness the format documents where Python's json is lenient (Python accepts these).
    case nan, infinity, bigInt, floatOverflow, loneSurrogate, encodedSurrogate
    case duplicatePropertyKey, duplicateNodeKey, duplicateTopLevelKey
    // Not JSON (both reject).
    case leadingZero, trailingComma, singleQuotes, comment, rawControl, invalidUTF8, badEscape
    // JSON, but not a graph document (both reject).
    case danglingEdge, duplicateNodeID, unknownKey, idInProperties, emptyLabel, nestedList, objectValue, missingID, topLevelArray
    // Probes with no fixed expectation: Python's verdict decides.
    case deepMeta, byteMutation, truncation

    /// Python's expected verdict: `STRICT` (with this flag), `REJECT`, or `nil` for probes.
    var pythonVerdict: (status: String, flag: String?)? {
        switch self {
        case .nan, .infinity: return ("STRICT", "nan-infinity")
        case .bigInt: return ("STRICT", "big-int")
        case .floatOverflow: return ("STRICT", "float-overflow")
        case .loneSurrogate, .encodedSurrogate: return ("STRICT", "lone-surrogate")
        case .duplicatePropertyKey, .duplicateNodeKey, .duplicateTopLevelKey: return ("STRICT", "duplicate-key")
        case .deepMeta, .byteMutation, .truncation: return nil
        default: return ("REJECT", nil)
        }
    }
}

/// Generates random graph documents as JSON bytes, with their expected model, varying
/// whitespace, key order, string escapes, number spellings and non-ASCII text.
struct GraphDocumentGenerator {
    var rng: SeededRandom
    var out: [UInt8] = []

    static let words = ["kz", "astana", "talks", "Казахстан", "Астана", "🕊️", "é", "e\u{301}", "A\u{30A}", "x y", "\"q\"", "a\\b", "tab\there", "nl\n", "\u{1}\u{1F}\u{7F}", "\u{0}", "/slash/", "\u{2028}", "\u{FFFF}", "\u{10FFFF}", "𝄞", ""]
    static let labels = ["State", "Talk", "Person", "Media", "Организация", "L", "é", "Å"]
    static let keys = ["name", "days", "weight", "topics", "ключ", "🕊️", "", "a b", "\"q\"", "x\\y", "é", "K", "start_date"]
    /// Decomposed spellings of `é` and `Å`, used rarely as labels and keys (see
    /// `CanonicallyEquivalentNameTests`).
    static let decomposed = ["e\u{301}", "A\u{30A}"]
    static let types = ["HOSTED", "REPORTED", "PART_OF", "CITED", "связь", "T"]

    // MARK: Text

    /// A label or key from `pool`, now and then a decomposed spelling.
    mutating func name(_ pool: [String]) -> String {
        rng.chance(0.003) ? rng.pick(GraphDocumentGenerator.decomposed) : rng.pick(pool)
    }

    mutating func ws() {
        if rng.chance(0.5) { return }
        out += Array(rng.pick(["", " ", "  ", "\n", "\n  ", "\t", "\r\n"]).utf8)
    }

    mutating func raw(_ text: String) { out += Array(text.utf8) }

    /// `s` as a JSON string, each scalar written raw or escaped at random.
    mutating func string(_ s: String) {
        out.append(UInt8(ascii: "\""))
        let short: [UInt32: String] = [8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 0x22: "\\\"", 0x5C: "\\\\"]
        for scalar in s.unicodeScalars {
            let v = scalar.value
            let mustEscape = v < 0x20 || v == 0x22 || v == 0x5C
            if mustEscape, let e = short[v], rng.chance(0.7) {
                raw(e)
            } else if mustEscape || rng.chance(0.15) {
                if v > 0xFFFF {
                    let u = v - 0x10000
                    escape(0xD800 + (u >> 10))
                    escape(0xDC00 + (u & 0x3FF))
                } else if v == 0x2F && rng.chance(0.5) {
                    raw("\\/")
                } else {
                    escape(v)
                }
            } else {
                out += Array(String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX` with random hex case.
    mutating func escape(_ v: UInt32) {
        let hex = String(v, radix: 16, uppercase: rng.chance(0.5))
        raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }

    mutating func text() -> String {
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in rng.pick(GraphDocumentGenerator.words) }.joined()
    }

    // MARK: Values

    /// A random property value, written; returns the value the loader should produce.
    mutating func scalar() -> Value {
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: raw("null"); return .null
        case 1: let b = rng.chance(0.5); raw(b ? "true" : "false"); return .bool(b)
        case 2:
            let i = rng.pick([Int64.min, Int64.max, 0, -1, Int64.random(in: -1000...1000, using: &rng), Int64.random(in: .min ... .max, using: &rng)])
            raw(i == 0 && rng.chance(0.3) ? "-0" : String(i))
            return .int(i)
        case 3:
            // Swift's shortest round-tripping spelling ("0.1", "1e-05", "1.7976931348623157e+308").
            var d = Double(bitPattern: UInt64.random(in: 0 ... .max, using: &rng))
            if !d.isFinite { d = -0.0 }
            raw(d.description)
            return .double(d)
        case 4:
            // A long decimal that needs correct rounding (and may underflow to a subnormal or 0).
            let digits = (0..<Int.random(in: 1...25, using: &rng)).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            let text = (rng.chance(0.3) ? "-" : "") + String(Int.random(in: 1...9, using: &rng)) + "." + digits
                + rng.pick(["e", "E", "e+", "e-", "E-"]) + String(Int.random(in: 0...330, using: &rng))
            var d = Double(text)!
            let written: String
            if d.isFinite { written = text } else { written = "1.5e300"; d = 1.5e300 }
            raw(written)
            return .double(d)
        case 5:
            let d = Double(Int.random(in: -4000...4000, using: &rng)) / 8
            raw(rng.chance(0.5) ? d.description : "\(d.description)e0")
            return .double(d)
        default:
            let s = text()
            string(s)
            return .string(s)
        }
    }

    mutating func value() -> Value {
        guard rng.chance(0.2) else { return scalar() }
        raw("[")
        ws()
        var items: [Value] = []
        for i in 0..<Int.random(in: 0...4, using: &rng) {
            if i > 0 { raw(","); ws() }
            items.append(scalar())
            ws()
        }
        raw("]")
        return .list(items)
    }

    /// Any JSON value (for `meta`), nested up to `depth`; duplicate keys are fine there.
    mutating func anyJSON(_ depth: Int) {
        switch depth > 0 ? Int.random(in: 0..<4, using: &rng) : 0 {
        case 0: _ = scalar()
        case 1:
            raw("[")
            for i in 0..<Int.random(in: 0...3, using: &rng) { if i > 0 { raw(",") }; ws(); anyJSON(depth - 1) }
            raw("]")
        default:
            raw("{")
            for i in 0..<Int.random(in: 0...3, using: &rng) {
                if i > 0 { raw(",") }
                ws(); string(rng.pick(["a", "b", "a", "nodes", "id"])); ws(); raw(":"); ws(); anyJSON(depth - 1)
            }
            raw("}")
        }
    }
}
