import ParleyGraph
import ParleyValues

/// The bytes of an XML document being read, for turning an error's byte offset into a
/// ``SourceRange`` under the element, attribute or text that is wrong.
struct XMLSource {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The error as a positioned diagnostic (no range when the mark is missing or outside).
    func diagnostic(_ error: XMLReadError) -> Diagnostic {
        Diagnostic(.error, error.message, at: error.mark.flatMap { range(at: $0.offset, error.target) })
    }

    /// The range `target` names at byte `at` (for an element, its `<`).
    func range(at at: Int, _ target: XMLReadError.Target) -> SourceRange? {
        guard at >= 0, at <= bytes.count else { return nil }
        switch target {
        case .mark:
            return SourceRange(at: location(at))
        case .bytes(let n):
            return SourceRange(start: location(at), end: location(min(bytes.count, at + max(1, n))))
        case .element:
            var end = at + 1
            while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/") { end += 1 }
            return SourceRange(start: location(at), end: location(end))
        case .attribute(let name):
            if let r = attributeRange(name, inTagAt: at) { return SourceRange(start: location(r.lowerBound), end: location(r.upperBound)) }
            return range(at: at, .element)
        case .text:
            guard let start = tagEnd(at) else { return SourceRange(at: location(at)) }
            if start >= 2, bytes[start - 2] == UInt8(ascii: "/") { return SourceRange(at: location(start - 1)) }
            var close = start
            while close < bytes.count, bytes[close] != UInt8(ascii: "<") { close += 1 }
            // Leading and trailing white space is not underlined.
            var s = start, e = close
            while s < e, isSpace(bytes[s]) { s += 1 }
            while e > s, isSpace(bytes[e - 1]) { e -= 1 }
            if s == e { return SourceRange(at: location(close)) }
            return SourceRange(start: location(s), end: location(e))
        }
    }

    /// The line, column (in Unicode scalars) and offset of a byte.
    func location(_ offset: Int) -> SourceLocation {
        JSONSyntaxError.location(of: offset, in: bytes)
    }

    /// `name="value"` in the tag that starts at `open`.
    private func attributeRange(_ name: String, inTagAt open: Int) -> Range<Int>? {
        let want = Array(name.utf8)
        // The name's first byte, after a space and followed by `=`, or the tag's end.
        var valueStart = 0
        guard let at = firstUnquoted(inTagAt: open, where: { i in
            if bytes[i] == UInt8(ascii: ">") { return true }
            guard isSpace(bytes[i - 1]), i + want.count <= bytes.count, bytes[i..<(i + want.count)].elementsEqual(want) else { return false }
            var j = i + want.count
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { return false }
            j += 1
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            valueStart = j
            return true
        }), bytes[at] != UInt8(ascii: ">"), valueStart < bytes.count else { return nil }
        let q = bytes[valueStart]
        var k = valueStart + 1
        while k < bytes.count, bytes[k] != q { k += 1 }
        return at..<min(k + 1, bytes.count)
    }

    /// Just after the `>` that ends the tag starting at `open` (quotes respected).
    private func tagEnd(_ open: Int) -> Int? {
        firstUnquoted(inTagAt: open, where: { bytes[$0] == UInt8(ascii: ">") }).map { $0 + 1 }
    }

    /// The first position after `open`, outside quoted attribute values, where `match` holds.
    private func firstUnquoted(inTagAt open: Int, where match: (Int) -> Bool) -> Int? {
        var i = open + 1
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if match(i) {
                return i
            }
            i += 1
        }
        return nil
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
