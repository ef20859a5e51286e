/// What each byte is to the XML scanner, as bit flags in a 256-entry table (one load per
/// byte in the scanner's inner loops).
enum XMLByteClass {
    /// Ends a fast run of character data: `<`, `&`, carriage return, `]` (for `]]>`), a
    /// control character, or a non-ASCII byte (checked as UTF-8).
    static let textStop: UInt8 = 1
    /// Ends a fast run of an attribute value: either quote, `<`, `&`, tab, line feed,
    /// carriage return (normalised to a space), a control character, or a non-ASCII byte.
    static let valueStop: UInt8 = 2
    /// May be in a name: ASCII letters, digits, `.`, `-`, `_`, `:`, and non-ASCII bytes.
    static let nameChar: UInt8 = 4
    /// May start a name: ASCII letters, `_`, `:`, and non-ASCII bytes.
    static let nameStart: UInt8 = 8
    /// XML white space: space, tab, line feed, carriage return.
    static let space: UInt8 = 16

    /// The table, built once and never freed (never written after it is built, so it is safe
    /// to read from any thread).
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            var k: UInt8 = 0
            let c = UInt8(b)
            let letter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            let digit = c >= 0x30 && c <= 0x39
            let control = c < 0x20 && c != 0x09 && c != 0x0A
            if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == 0x0D || c == UInt8(ascii: "]") || control || c >= 0x80 { k |= textStop }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c < 0x20 || c >= 0x80 { k |= valueStop }
            if letter || digit || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80 { k |= nameChar }
            if letter || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80 { k |= nameStart }
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { k |= space }
            t[b] = k
        }
        return UnsafePointer(t)
    }()
}
