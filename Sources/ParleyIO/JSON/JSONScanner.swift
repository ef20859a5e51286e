import ParleyGraph
import ParleyValues

/// The byte-level half of the JSON parser: whitespace, strings, numbers and literals, strictly
/// per RFC 8259, straight over the file's UTF-8 bytes.
///
/// It knows nothing about graphs; ``GraphLoader`` drives it. Errors carry byte offsets.
struct JSONScanner {
    /// The first byte of the text.
    let base: UnsafePointer<UInt8>
    /// The number of bytes.
    let count: Int
    /// The offset of the next byte to read.
    var pos = 0
    /// Where strings with escapes are decoded.
    let scratch = ScratchBuffer()

    /// Creates a scanner over `count` bytes at `base`.
    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    // MARK: Bytes

    /// The byte at `pos`, or 0 at the end of the text.
    @inline(__always) func peek() -> UInt8 { pos < count ? base[pos] : 0 }

    /// Whether `pos` is at the end of the text.
    @inline(__always) var atEnd: Bool { pos >= count }

    /// Skips JSON whitespace (space, tab, line feed, carriage return).
    @inline(__always) mutating func skipWhitespace() {
        while pos < count, JSONScanner.isWhitespace(base[pos]) { pos += 1 }
    }

    /// Whether `c` is JSON whitespace (space, tab, line feed, carriage return).
    @inline(__always) static func isWhitespace(_ c: UInt8) -> Bool {
        c <= 0x20 && (c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09)
    }

    /// Consumes `byte` (after whitespace) or throws "expected `what` but found …".
    @inline(__always) mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard peek() == byte, pos < count else { throw unexpected(what()) }
        pos += 1
    }

    // MARK: Describing what was found

    /// An error "expected `what` but found X" at `pos`, where X describes the byte there. An
    /// invalid UTF-8 byte there gives the UTF-8 error instead.
    func unexpected(_ what: String, at offset: Int? = nil) -> JSONSyntaxError {
        let at = offset ?? pos
        if at < count, base[at] >= 0x80, let bad = utf8Error(at: at) { return bad }
        return JSONSyntaxError(at: at, "expected \(what) but found \(foundCharacter(at: at))")
    }

    /// `'x'` for the character at `offset`, or `end of file`.
    func foundCharacter(at offset: Int) -> String {
        guard offset < count else { return "end of file" }
        let b = base[offset]
        if b < 0x20 || b == 0x7F { return "the control character U+\(hex4(UInt32(b)))" }
        if b < 0x80 { return "'\(Character(Unicode.Scalar(b)))'" }
        var p = offset
        if let scalar = decodeScalar(at: &p), let s = Unicode.Scalar(scalar) { return "'\(Character(s))'" }
        return "the byte 0x\(hex2(b))"
    }

    /// "a string", "a number", "an object", … for the value starting at `offset` (for type errors).
    func foundValue(at offset: Int) -> String {
        guard offset < count else { return "end of file" }
        switch base[offset] {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "t") where hasLiteral("true", at: offset): return "a boolean"
        case UInt8(ascii: "f") where hasLiteral("false", at: offset): return "a boolean"
        case UInt8(ascii: "n") where hasLiteral("null", at: offset): return "null"
        default: return foundCharacter(at: offset)
        }
    }

    private func hasLiteral(_ literal: StaticString, at offset: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard offset + n <= count else { return false }
        return ByteSpan(start: base + offset, count: n).equals(literal)
    }

    // MARK: Literals

    /// Reads `true`, `false` or `null` (whichever the next byte starts); `nil` means null.
    mutating func readLiteral() throws(JSONSyntaxError) -> Bool? {
        let c = peek()
        if c == UInt8(ascii: "t"), hasLiteral("true", at: pos) { pos += 4; return true }
        if c == UInt8(ascii: "f"), hasLiteral("false", at: pos) { pos += 5; return false }
        if c == UInt8(ascii: "n"), hasLiteral("null", at: pos) { pos += 4; return nil }
        throw unexpected("a JSON value")
    }

    // MARK: Strings

    /// Reads a string (at its opening quote) and returns its decoded UTF-8 bytes, which stay
    /// valid until the next call. Rejects control characters, bad escapes, lone surrogates and
    /// invalid UTF-8.
    @inline(__always) mutating func readString() throws(JSONSyntaxError) -> ByteSpan {
        pos += 1
        let start = pos
        // Eight bytes at a time while eight remain: find the first byte that ends the plain run.
        while pos &+ 8 <= count {
            let special = JSONScanner.stringStops(UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)))
            if special == 0 { pos &+= 8; continue }
            pos &+= special.trailingZeroBitCount >> 3
            guard base[pos] == UInt8(ascii: "\"") else { return try readStringSlowly(from: start) }
            pos += 1
            return ByteSpan(start: base + start, count: pos - 1 - start)
        }
        while pos < count {
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return ByteSpan(start: base + start, count: pos - 1 - start)
            }
            if c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { return try readStringSlowly(from: start) }
            pos += 1
        }
        throw JSONSyntaxError(at: pos, "expected '\"' to close the string but found end of file")
    }

    /// The bytes of `word` (the first in its low byte) that end a plain run of string bytes:
    /// `"`, `\\`, a control character or a non-ASCII byte, each marked by its high bit. Bits
    /// above the first marked byte may be wrong (a borrow carries into them); the lowest one
    /// is exact, and that is the one read.
    @inline(__always) static func stringStops(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control | word) & highs
    }

    /// The rest of a string that has escapes or non-ASCII bytes.
    private mutating func readStringSlowly(from start: Int) throws(JSONSyntaxError) -> ByteSpan {
        var escaped = false
        scratch.reset()
        var runStart = start
        while pos < count {
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                if !escaped { return ByteSpan(start: base + start, count: pos - 1 - start) }
                scratch.append(base + runStart, pos - 1 - runStart)
                return scratch.span
            }
            if c == UInt8(ascii: "\\") {
                if !escaped { escaped = true }
                scratch.append(base + runStart, pos - runStart)
                try readEscape()
                runStart = pos
            } else if c < 0x20 {
                throw JSONSyntaxError(at: pos, "expected '\"' to close the string but found the control character U+\(hex4(UInt32(c))) (inside a string, write it as an escape such as \\n)")
            } else if c >= 0x80 {
                var p = pos
                guard decodeScalar(at: &p) != nil else { throw utf8Error(at: pos)! }
                pos = p
            } else {
                pos += 1
            }
        }
        throw JSONSyntaxError(at: pos, "expected '\"' to close the string but found end of file")
    }

    /// Decodes one escape (at its backslash) into the scratch buffer.
    private mutating func readEscape() throws(JSONSyntaxError) {
        let at = pos
        pos += 1
        guard pos < count else { throw JSONSyntaxError(at: pos, "expected an escape character after '\\' but found end of file") }
        let c = base[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(c)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let high = try readHex4()
            if high >= 0xDC00 && high <= 0xDFFF {
                throw JSONSyntaxError(at: at, length: 6, "lone low surrogate \\u\(hex4(high)) in a string: expected a high surrogate (\\uD800–\\uDBFF) before it")
            }
            if high >= 0xD800 && high <= 0xDBFF {
                guard pos + 1 < count, base[pos] == UInt8(ascii: "\\"), base[pos + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(at: at, length: 6, "lone high surrogate \\u\(hex4(high)) in a string: expected a low surrogate \\uDC00–\\uDFFF after it")
                }
                pos += 2
                let low = try readHex4()
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw JSONSyntaxError(at: at, length: 6, "lone high surrogate \\u\(hex4(high)) in a string: expected a low surrogate \\uDC00–\\uDFFF after it but found \\u\(hex4(low))")
                }
                scratch.append(scalar: 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            } else {
                scratch.append(scalar: high)
            }
        default:
            pos -= 1
            throw unexpected("an escape character (one of \" \\ / b f n r t u) after '\\'")
        }
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard pos < count else { throw unexpected("a hexadecimal digit in a \\u escape") }
            let c = base[pos]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw unexpected("a hexadecimal digit in a \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    // MARK: UTF-8

    /// Decodes the UTF-8 sequence at `p` (advancing it); `nil` if it is invalid.
    func decodeScalar(at p: inout Int) -> UInt32? {
        let b0 = base[p]
        var need = 0, scalar: UInt32 = 0, lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b0 {
        case 0..<0x80: p += 1; return UInt32(b0)
        case 0xC2...0xDF: need = 1; scalar = UInt32(b0 & 0x1F)
        case 0xE0: need = 2; scalar = 0; lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2; scalar = UInt32(b0 & 0x0F)
        case 0xED: need = 2; scalar = 0xD; hi = 0x9F
        case 0xF0: need = 3; scalar = 0; lo = 0x90
        case 0xF1...0xF3: need = 3; scalar = UInt32(b0 & 0x07)
        case 0xF4: need = 3; scalar = 4; hi = 0x8F
        default: return nil
        }
        var q = p + 1
        for i in 0..<need {
            guard q < count else { return nil }
            let b = base[q]
            if i == 0 { guard b >= lo && b <= hi else { return nil } } else { guard b & 0xC0 == 0x80 else { return nil } }
            scalar = scalar << 6 | UInt32(b & 0x3F)
            q += 1
        }
        p = q
        return scalar
    }

    /// The error for an invalid UTF-8 sequence starting at `offset`, positioned at the first
    /// bad byte; `nil` if the sequence is valid.
    func utf8Error(at offset: Int) -> JSONSyntaxError? {
        var p = offset
        if decodeScalar(at: &p) != nil { return nil }
        let b0 = base[offset]
        let validLead = (0xC2...0xF4).contains(b0)
        if !validLead {
            let kind = b0 & 0xC0 == 0x80 ? "a continuation byte without a lead byte" : "a byte that never occurs in UTF-8"
            return JSONSyntaxError(at: offset, "invalid UTF-8: expected the first byte of a character but found 0x\(hex2(b0)) (\(kind))")
        }
        var q = offset + 1
        while q < count && q < offset + 4 {
            // Find the first byte that breaks the sequence.
            let b = base[q]
            let ok: Bool
            if q == offset + 1 {
                switch b0 {
                case 0xE0: ok = (0xA0...0xBF).contains(b)
                case 0xED: ok = (0x80...0x9F).contains(b)
                case 0xF0: ok = (0x90...0xBF).contains(b)
                case 0xF4: ok = (0x80...0x8F).contains(b)
                default: ok = b & 0xC0 == 0x80
                }
            } else {
                ok = b & 0xC0 == 0x80
            }
            if !ok {
                return JSONSyntaxError(at: q, "invalid UTF-8: expected a continuation byte after 0x\(hex2(b0)) but found 0x\(hex2(b))")
            }
            q += 1
        }
        return JSONSyntaxError(at: q, "invalid UTF-8: expected a continuation byte after 0x\(hex2(b0)) but found end of file")
    }

    // MARK: Numbers

    /// Reads a number (at its `-` or first digit): `.int` if it has no fraction or exponent,
    /// else `.double`. Integers outside Int64 and floats that overflow are errors.
    mutating func readNumber() throws(JSONSyntaxError) -> Value {
        let start = pos
        var negative = false
        if base[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        guard pos < count, isDigit(base[pos]) else { throw unexpected("a digit after '-'") }
        var mantissa: UInt64 = 0
        var digits = 0
        var overflow = false
        if base[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < count && isDigit(base[pos]) {
                throw JSONSyntaxError(at: start, length: pos + 1 - start, "expected '.', 'e' or the end of the number after a leading '0' but found '\(Character(Unicode.Scalar(base[pos])))' (numbers may not have leading zeros)")
            }
        } else {
            while pos < count, isDigit(base[pos]) {
                let d = UInt64(base[pos] &- UInt8(ascii: "0"))
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ d
                } else {
                    let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
                    let (m2, o2) = m.addingReportingOverflow(d)
                    overflow = overflow || o1 || o2
                    mantissa = m2
                }
                digits += 1
                pos += 1
            }
        }
        let c = peek()
        if pos >= count || (c != UInt8(ascii: ".") && c != UInt8(ascii: "e") && c != UInt8(ascii: "E")) {
            let limit: UInt64 = negative ? 1 << 63 : UInt64(Int64.max)
            if overflow || mantissa > limit {
                throw JSONSyntaxError(at: start, length: pos - start, "number out of range: \(text(start, pos)) does not fit in a 64-bit integer (write \(text(start, pos)).0 for a float)")
            }
            if negative { return .int(mantissa == 1 << 63 ? Int64.min : -Int64(mantissa)) }
            return .int(Int64(mantissa))
        }
        return try readFraction(start: start, negative: negative, mantissa: mantissa, digits: digits)
    }

    private static let powersOfTen: [Double] = (0...22).map { e in
        var p = 1.0
        for _ in 0..<e { p *= 10 }
        return p
    }

    /// The fraction and exponent of a float; exact fast path for short decimals.
    private mutating func readFraction(start: Int, negative: Bool, mantissa m: UInt64, digits d: Int) throws(JSONSyntaxError) -> Value {
        var mantissa = m, digits = d, exponent = 0
        if peek() == UInt8(ascii: ".") {
            pos += 1
            guard pos < count, isDigit(base[pos]) else { throw unexpected("a digit after '.'") }
            while pos < count, isDigit(base[pos]) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(base[pos] &- UInt8(ascii: "0"))
                    exponent -= 1
                }
                if mantissa != 0 || digits > 0 { digits += 1 }
                pos += 1
            }
        }
        var explicitExponent = 0
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            pos += 1
            var expNegative = false
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
                expNegative = base[pos] == UInt8(ascii: "-")
                pos += 1
            }
            guard pos < count, isDigit(base[pos]) else { throw unexpected("a digit in the exponent") }
            while pos < count, isDigit(base[pos]) {
                if explicitExponent < 100_000 { explicitExponent = explicitExponent * 10 + Int(base[pos] - UInt8(ascii: "0")) }
                pos += 1
            }
            if expNegative { explicitExponent = -explicitExponent }
        }
        let e10 = exponent + explicitExponent
        if digits <= 15 && e10 >= -22 && e10 <= 22 {
            // Exact: the mantissa and the power of ten are both exact doubles (Clinger's fast path).
            var v = Double(mantissa)
            v = e10 < 0 ? v / JSONScanner.powersOfTen[-e10] : v * JSONScanner.powersOfTen[e10]
            return .double(negative ? -v : v)
        }
        guard let v = Double(text(start, pos)) else {
            throw JSONSyntaxError(at: start, length: pos - start, "expected a number but found \(text(start, pos))")
        }
        if !v.isFinite {
            throw JSONSyntaxError(at: start, length: pos - start, "number out of range: \(text(start, pos)) is too large for a 64-bit float")
        }
        return .double(v)
    }

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    /// The text of bytes `from..<to` (ASCII in practice).
    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self)
    }

    // MARK: Skipping

    /// Skips (and checks) any JSON value, for ignored keys such as `meta`.
    mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) {
        guard depth < 512 else { throw JSONSyntaxError(at: pos, "nesting too deep: expected at most 512 levels of arrays and objects") }
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "\""): _ = try readString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumber()
        case UInt8(ascii: "{"):
            pos += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { pos += 1; return }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw unexpected("'\"' (a key)") }
                _ = try readString()
                try expect(UInt8(ascii: ":"), "':' after the key")
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek() == UInt8(ascii: ",") { pos += 1; continue }
                if peek() == UInt8(ascii: "}") { pos += 1; return }
                throw unexpected("',' or '}'")
            }
        case UInt8(ascii: "["):
            pos += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { pos += 1; return }
            while true {
                skipWhitespace()
                if peek() == UInt8(ascii: "]") { throw unexpected("a value after ','") }
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek() == UInt8(ascii: ",") { pos += 1; continue }
                if peek() == UInt8(ascii: "]") { pos += 1; return }
                throw unexpected("',' or ']'")
            }
        default: _ = try readLiteral()
        }
    }
}
