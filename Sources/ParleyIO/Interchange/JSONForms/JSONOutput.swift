import ParleyGraph
import ParleyValues

/// The bytes of a JSON document being written (node-link, JGF): literals, escaped strings and
/// property values, with a count of what had to change form.
struct JSONOutput {
    /// The document so far.
    var bytes: [UInt8] = []
    /// Temporal values written as ISO 8601 text under a key the marker declares.
    var declaredTemporal = 0
    /// Temporal values written as ISO 8601 text under a key that mixes kinds (read back as strings).
    var plainTemporal = 0

    /// Appends ASCII text.
    mutating func text(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends text as is.
    mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// A JSON string literal (``JSONStringLiteral``).
    mutating func string(_ s: String) {
        JSONStringLiteral.append(s, to: &bytes)
    }

    /// A property value: JSON's own types, a list as an array, a temporal value as its ISO
    /// 8601 text (counted as declared when the key's kind is `declared`).
    mutating func value(_ v: Value, declared: TemporalKind?) {
        switch v {
        case .null: text("null")
        case .bool(let b): if b { text("true") } else { text("false") }
        case .int(let i): raw(String(i))
        case .double(let d): raw(GraphWriter.format(d))
        case .string(let s): string(s)
        case .temporal(let t):
            if TemporalKind(of: t) == declared { declaredTemporal += 1 } else { plainTemporal += 1 }
            string(t.description)
        case .list(let items):
            text("[")
            for (i, item) in items.enumerated() {
                if i > 0 { text(", ") }
                value(item, declared: declared)
            }
            text("]")
        case .map, .node, .relationship, .path:
            text("null")  // Not storable as a property; the store never holds these.
        }
    }

    /// The notes for the temporal values written as text.
    func temporalNotes(into notes: inout ExportNotes, marker: String) {
        if declaredTemporal > 0 {
            notes.add("temporal values written as ISO 8601 text (typed again on reading by Parley through \(marker))", count: declaredTemporal)
        }
        if plainTemporal > 0 {
            notes.add("temporal values written as ISO 8601 text under keys that mix kinds (read back as strings)", count: plainTemporal)
        }
    }
}
