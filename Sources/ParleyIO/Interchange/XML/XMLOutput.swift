/// The bytes of an XML document being written, with the escaping XML 1.0 needs.
///
/// Text and attribute values escape `&`, `<`, `>` and `"`, and write tab, line feed and
/// carriage return as character references (so attribute values keep them). Characters that
/// XML 1.0 cannot hold at all (the other C0 control characters, U+FFFE, U+FFFF) are written
/// as U+FFFD and counted in ``replaced``; everything else, emoji included, is copied as UTF-8.
struct XMLOutput {
    /// The document so far.
    var bytes: [UInt8] = []
    /// How many characters were replaced by U+FFFD because XML 1.0 cannot hold them.
    var replaced = 0

    /// Markup copied as it is.
    mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Markup or a number copied as it is (the caller knows it needs no escape).
    mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// `s` escaped for text or an attribute value; runs needing no escape are copied whole.
    mutating func escaped(_ s: String) {
        var s = s
        s.withUTF8 { u in
            var start = 0
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                var replacement: StaticString? = nil
                var skip = 1
                switch b {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x09: replacement = "&#9;"
                case 0x0A: replacement = "&#10;"
                case 0x0D: replacement = "&#13;"
                case 0x00..<0x20:
                    replacement = "\u{FFFD}"
                    replaced += 1
                case 0xEF where i + 2 < n && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF):
                    replacement = "\u{FFFD}"
                    replaced += 1
                    skip = 3
                default: break
                }
                if let replacement {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
                    raw(replacement)
                    i += skip
                    start = i
                } else {
                    i += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<n]))
        }
    }

    /// ` name="value"` with the value escaped.
    mutating func attribute(_ name: StaticString, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        raw(name)
        raw("=\"")
        escaped(value)
        bytes.append(UInt8(ascii: "\""))
    }
}
