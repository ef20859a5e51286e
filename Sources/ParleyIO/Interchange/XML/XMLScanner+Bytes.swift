import ParleyGraph

/// Bytes, names, characters and the errors about them.
extension XMLScanner {
    /// Skips XML white space; returns whether there was any.
    @inline(__always) @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = pos
        while pos < count, classes[Int(base[pos])] & XMLByteClass.space != 0 { pos += 1 }
        return pos > start
    }

    /// Whether the bytes at `offset` (default: `pos`) are `literal`.
    @inline(__always) func starts(with literal: StaticString, at offset: Int? = nil) -> Bool {
        let at = offset ?? pos
        let n = literal.utf8CodeUnitCount
        return at + n <= count && ByteSpan.same(base + at, literal.utf8Start, n)
    }

    /// Reads a name at `pos` (`what` says what was expected, for the error); returns its start
    /// and the offset of its last `:`, or -1.
    @inline(__always)
    mutating func readName(_ what: @autoclosure () -> String) throws(XMLReadError) -> (start: Int, colon: Int) {
        let start = pos
        guard pos < count, classes[Int(base[pos])] & XMLByteClass.nameStart != 0 else {
            throw error("expected \(what()) but found \(found(at: pos))", at: pos)
        }
        var colon = -1
        while pos < count {
            let c = base[pos]
            guard classes[Int(c)] & XMLByteClass.nameChar != 0 else { break }
            if c >= 0x80 {
                pos += try utf8Length(at: pos)
                continue
            }
            if c == UInt8(ascii: ":") { colon = pos }
            pos += 1
        }
        if colon == start || colon == pos - 1 {
            throw error("the name \(string(start, pos - start)) needs a prefix and a local name around its ':'", at: start, .bytes(pos - start))
        }
        return (start, colon)
    }

    /// Steps over one character at `pos`, checking that XML 1.0 allows it (and, past ASCII,
    /// that it is valid UTF-8).
    @inline(__always) mutating func skipCharacter() throws(XMLReadError) {
        let c = base[pos]
        if c >= 0x80 {
            pos += try utf8Length(at: pos)
        } else if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D {
            throw error("invalid character U+\(XMLScanner.hex(UInt32(c))): XML 1.0 cannot hold it", at: pos)
        } else {
            pos += 1
        }
    }

    /// The length of the UTF-8 sequence at `at` (whose first byte is at least 0x80), which must
    /// be well-formed and encode a character XML allows.
    func utf8Length(at i: Int) throws(XMLReadError) -> Int {
        let b0 = base[i]
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < count && base[i + k] >= low && base[i + k] <= high
        }
        let length: Int
        switch b0 {
        case 0xC2...0xDF:
            length = continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            let (low, high): (UInt8, UInt8) = b0 == 0xE0 ? (0xA0, 0xBF) : b0 == 0xED ? (0x80, 0x9F) : (0x80, 0xBF)
            length = continuation(1, low, high) && continuation(2) ? 3 : 0
            if length == 3, b0 == 0xEF, base[i + 1] == 0xBF, base[i + 2] >= 0xBE {
                throw error("invalid character U+FFF\(base[i + 2] == 0xBE ? "E" : "F"): XML 1.0 cannot hold it", at: i)
            }
        case 0xF0...0xF4:
            let (low, high): (UInt8, UInt8) = b0 == 0xF0 ? (0x90, 0xBF) : b0 == 0xF4 ? (0x80, 0x8F) : (0x80, 0xBF)
            length = continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0
        default:
            length = 0
        }
        guard length > 0 else {
            throw error("invalid UTF-8: the byte 0x\(String(b0, radix: 16, uppercase: true)) does not start a valid UTF-8 sequence (Parley reads XML in UTF-8)", at: i)
        }
        return length
    }

    /// `'x'` for the character at `offset`, or `the end of the document`.
    func found(at offset: Int) -> String {
        guard offset < count else { return "the end of the document" }
        let c = base[offset]
        if c < 0x20 || c == 0x7F { return "U+\(XMLScanner.hex(UInt32(c)))" }
        if c < 0x80 { return "'\(Character(Unicode.Scalar(c)))'" }
        guard let n = try? utf8Length(at: offset) else { return "the byte 0x\(String(c, radix: 16, uppercase: true))" }
        return "'\(string(offset, n))'"
    }

    /// The bytes from `start` as a `String`.
    func string(_ start: Int, _ length: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self)
    }

    /// The 1-based line of `offset` (counted only when an error is reported).
    func line(of offset: Int) -> Int {
        JSONSyntaxError.location(of: offset, in: UnsafeBufferPointer(start: base, count: count)).line
    }

    /// An error at `offset`.
    func error(_ message: String, at offset: Int, _ target: XMLReadError.Target = .mark) -> XMLReadError {
        XMLReadError(message: message, mark: XMLMark(offset: offset), target: target)
    }
}
