import ParleyGraph
import ParleyValues

/// JSON string literals as bytes: the escaper of the JSON files Parley writes (graph files,
/// node-link, JGF), with the escapes of ``BackslashEscape`` (as ``Value/jsonString(_:)``,
/// except that U+2028 and U+2029 stay as they are).
enum JSONStringLiteral {
    /// Appends `s` to `out` as a JSON string literal, escaped per RFC 8259 (quote, backslash
    /// and control characters; `\n`, `\r`, `\t`, `\b`, `\f` by name, the others as `\u00XX`);
    /// everything else, non-ASCII included, as UTF-8. Runs that need no escape are copied in one go.
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            out.append(UInt8(ascii: "\""))
            var start = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                start = i + 1
                if b == UInt8(ascii: "\"") {
                    out.append(contentsOf: [0x5C, 0x22])
                } else if let letter = BackslashEscape.letter(for: Unicode.Scalar(b)) {
                    out.append(contentsOf: [0x5C, UInt8(letter.value)])
                } else {
                    out.append(contentsOf: "\\u\(hex4(UInt32(b)))".utf8)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            out.append(UInt8(ascii: "\""))
        }
    }
}
