import ParleyGraph
import ParleyValues

/// The bytes of an XML document being read, for turning a parser position into a
/// ``SourceRange`` under the element, attribute or text that is wrong.
struct XMLSource {
    let bytes: [UInt8]

    /// The error as a positioned diagnostic (no range when the mark is missing or outside).
    func diagnostic(_ error: XMLReadError) -> Diagnostic {
        Diagnostic(.error, error.message, at: error.mark.flatMap { range(at: $0, error.target) })
    }

    /// The range `target` names, found around the parser's mark.
    func range(at mark: XMLMark, _ target: XMLReadError.Target) -> SourceRange? {
        guard let at = offset(line: mark.line, column: mark.column) else { return nil }
        switch target {
        case .mark:
            return SourceRange(at: location(at))
        case .element:
            guard let open = lastIndex(of: "<", atOrBefore: at) else { return SourceRange(at: location(at)) }
            var end = open + 1
            while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/") { end += 1 }
            return SourceRange(start: location(open), end: location(end))
        case .attribute(let name):
            guard let open = lastIndex(of: "<", atOrBefore: at) else { return SourceRange(at: location(at)) }
            if let r = attributeRange(name, inTagAt: open) { return SourceRange(start: location(r.lowerBound), end: location(r.upperBound)) }
            return range(at: mark, .element)
        case .text:
            guard let open = lastIndex(of: "<", atOrBefore: at), let start = tagEnd(open) else { return SourceRange(at: location(at)) }
            if start >= 2, bytes[start - 2] == UInt8(ascii: "/") { return SourceRange(at: location(start - 1)) }
            let close = firstIndex(of: "<", from: start) ?? bytes.count
            // Leading and trailing white space is not underlined.
            var s = start, e = close
            while s < e, isSpace(bytes[s]) { s += 1 }
            while e > s, isSpace(bytes[e - 1]) { e -= 1 }
            if s == e { return SourceRange(at: location(close)) }
            return SourceRange(start: location(s), end: location(e))
        }
    }

    /// The byte offset of libxml2's line and column (columns count characters from 1).
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1 else { return nil }
        var i = 0, current = 1
        while current < line {
            guard let nl = firstIndex(of: "\n", from: i) else { return nil }
            i = nl + 1
            current += 1
        }
        var col = 1
        while col < column, i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            col += 1
        }
        return min(i, max(0, bytes.count - 1))
    }

    /// The line, column (in Unicode scalars) and offset of a byte.
    func location(_ offset: Int) -> SourceLocation {
        var line = 1, lineStart = 0
        var i = 0
        let stop = min(offset, bytes.count)
        while i < stop {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
            i += 1
        }
        var column = 1
        var j = lineStart
        while j < stop {
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        if lineStart == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]), offset >= 3 { column -= 1 }
        return SourceLocation(line: line, column: column, offset: offset)
    }

    /// `name="value"` in the tag that starts at `open`.
    private func attributeRange(_ name: String, inTagAt open: Int) -> Range<Int>? {
        let want = Array(name.utf8)
        var i = open + 1
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return nil
            } else if isSpace(bytes[i - 1]), bytes[i...].starts(with: want) {
                var j = i + want.count
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                    guard j < bytes.count else { return nil }
                    let q = bytes[j]
                    var k = j + 1
                    while k < bytes.count, bytes[k] != q { k += 1 }
                    return i..<min(k + 1, bytes.count)
                }
            }
            i += 1
        }
        return nil
    }

    /// Just after the `>` that ends the tag starting at `open` (quotes respected).
    private func tagEnd(_ open: Int) -> Int? {
        var i = open + 1
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return nil
    }

    private func lastIndex(of c: Unicode.Scalar, atOrBefore at: Int) -> Int? {
        var i = min(at, bytes.count - 1)
        while i >= 0 {
            if bytes[i] == UInt8(ascii: c) { return i }
            i -= 1
        }
        return nil
    }

    private func firstIndex(of c: Unicode.Scalar, from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: c) { return i }
            i += 1
        }
        return nil
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
