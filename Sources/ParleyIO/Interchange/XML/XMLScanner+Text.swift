/// Character data: text, references and CDATA sections.
extension XMLScanner {
    /// Reads character data up to the next tag (or the end) into ``text``: left in place when
    /// it needs no decoding, else decoded into ``scratch`` (references replaced, `\r\n` and a
    /// lone `\r` made `\n`, CDATA sections unwrapped, comments and processing instructions
    /// dropped).
    mutating func readCharacterData() throws(XMLReadError) {
        let start = pos
        var runStart = pos
        var copying = false
        while true {
            while pos < count, classes[Int(base[pos])] & XMLByteClass.textStop == 0 { pos += 1 }
            guard pos < count else { break }
            let c = base[pos]
            switch c {
            case UInt8(ascii: "<"):
                let isComment = starts(with: "<!--")
                let isCDATA = !isComment && starts(with: "<![CDATA[")
                guard isComment || isCDATA || starts(with: "<?") else { break }
                if !copying {
                    copying = true
                    scratch.reset()
                }
                scratch.append(base + runStart, pos - runStart)
                if isComment {
                    try skipComment()
                } else if isCDATA {
                    try appendCDATA()
                } else {
                    try skipProcessingInstruction()
                }
                runStart = pos
                continue
            case UInt8(ascii: "&"), 0x0D:
                if !copying {
                    copying = true
                    scratch.reset()
                }
                scratch.append(base + runStart, pos - runStart)
                if c == 0x0D {
                    scratch.append(0x0A)
                    pos += 1
                    if pos < count, base[pos] == 0x0A { pos += 1 }
                } else {
                    try appendReference(to: scratch)
                }
                runStart = pos
                continue
            case UInt8(ascii: "]"):
                if starts(with: "]]>") { throw error("']]>' is not allowed in text: write ]]&gt;", at: pos, .bytes(3)) }
                pos += 1
                continue
            default:
                try skipCharacter()
                continue
            }
            break
        }
        if copying {
            scratch.append(base + runStart, pos - runStart)
            text = scratch.span
        } else {
            text = ByteSpan(start: base + start, count: pos - start)
        }
    }

    /// A CDATA section (at `<![CDATA[`), its content appended to ``scratch``.
    private mutating func appendCDATA() throws(XMLReadError) {
        let open = pos
        pos += 9
        var runStart = pos
        while pos < count {
            let c = base[pos]
            if c == UInt8(ascii: "]"), starts(with: "]]>") {
                scratch.append(base + runStart, pos - runStart)
                pos += 3
                return
            }
            if c == 0x0D {
                scratch.append(base + runStart, pos - runStart)
                scratch.append(0x0A)
                pos += 1
                if pos < count, base[pos] == 0x0A { pos += 1 }
                runStart = pos
                continue
            }
            try skipCharacter()
        }
        throw error("the CDATA section is not closed: expected ']]>'", at: open, .bytes(9))
    }

    /// A reference (at `&`): `&lt;` `&gt;` `&amp;` `&quot;` `&apos;`, `&#DDD;` or `&#xHHH;`,
    /// its character appended to `buffer`.
    mutating func appendReference(to buffer: ScratchBuffer) throws(XMLReadError) {
        let amp = pos
        pos += 1
        if pos < count, base[pos] == UInt8(ascii: "#") {
            pos += 1
            let hex = pos < count && base[pos] == UInt8(ascii: "x")
            if hex { pos += 1 }
            var value: UInt32 = 0
            var digits = 0
            while pos < count {
                let c = base[pos]
                let d: UInt32
                if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                    d = UInt32(c - UInt8(ascii: "0"))
                } else if hex && c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f") {
                    d = UInt32(c - UInt8(ascii: "a") + 10)
                } else if hex && c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F") {
                    d = UInt32(c - UInt8(ascii: "A") + 10)
                } else {
                    break
                }
                value = min(value * (hex ? 16 : 10) + d, 0x110000)
                digits += 1
                pos += 1
            }
            guard digits > 0 else {
                throw error("expected \(hex ? "hexadecimal" : "decimal") digits in the character reference (write & as &amp;)", at: amp, .bytes(pos - amp))
            }
            guard pos < count, base[pos] == UInt8(ascii: ";") else {
                throw error("expected ';' to end the character reference (write & as &amp;)", at: amp, .bytes(pos - amp))
            }
            pos += 1
            guard XMLScanner.isXMLCharacter(value) else {
                let named = value > 0x10FFFF ? "no Unicode character" : "U+\(XMLScanner.hex(value))"
                throw error("the character reference \(string(amp, pos - amp)) names \(named), which XML 1.0 cannot hold", at: amp, .bytes(pos - amp))
            }
            buffer.append(scalar: value)
            return
        }
        let nameStart = pos
        if pos < count, classes[Int(base[pos])] & XMLByteClass.nameStart != 0 {
            while pos < count, classes[Int(base[pos])] & XMLByteClass.nameChar != 0 { pos += 1 }
        }
        guard pos > nameStart else { throw error("expected a name after '&' (write & as &amp;)", at: amp) }
        guard pos < count, base[pos] == UInt8(ascii: ";") else {
            throw error("expected ';' to end the entity reference (write & as &amp;)", at: amp, .bytes(pos - amp))
        }
        let entity = ByteSpan(start: base + nameStart, count: pos - nameStart)
        pos += 1
        if entity.equals("lt") {
            buffer.append(UInt8(ascii: "<"))
        } else if entity.equals("gt") {
            buffer.append(UInt8(ascii: ">"))
        } else if entity.equals("amp") {
            buffer.append(UInt8(ascii: "&"))
        } else if entity.equals("quot") {
            buffer.append(UInt8(ascii: "\""))
        } else if entity.equals("apos") {
            buffer.append(UInt8(ascii: "'"))
        } else {
            throw error("undefined entity \(string(amp, pos - amp)): only &lt; &gt; &amp; &quot; &apos; and character references are known (entities a DOCTYPE declares are not read)", at: amp, .bytes(pos - amp))
        }
    }

    /// Whether `scalar` is a character XML 1.0 allows.
    static func isXMLCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// At least four upper-case hexadecimal digits.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
