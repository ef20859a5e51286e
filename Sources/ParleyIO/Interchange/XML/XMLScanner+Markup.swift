/// The markup that carries no content: the byte order mark and XML declaration, comments,
/// processing instructions and the DOCTYPE.
extension XMLScanner {
    /// A UTF-8 byte order mark and the XML declaration, if there; a UTF-16 document or a
    /// declared encoding other than UTF-8 (or ASCII, a subset) is refused.
    mutating func readDocumentStart() throws(XMLReadError) {
        if count >= 2, (base[0] == 0xFE && base[1] == 0xFF) || (base[0] == 0xFF && base[1] == 0xFE) {
            throw error("the document is in UTF-16 (it starts with a UTF-16 byte order mark): Parley reads XML in UTF-8 only", at: 0, .bytes(2))
        }
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { pos = 3 }
        guard starts(with: "<?xml"), pos + 5 < count, classes[Int(base[pos + 5])] & XMLByteClass.space != 0 else { return }
        let declaration = pos
        pos += 5
        while true {
            let spaced = skipSpaces()
            guard pos < count else { throw error("the XML declaration is not closed: expected '?>'", at: declaration, .bytes(5)) }
            if starts(with: "?>") {
                pos += 2
                return
            }
            guard spaced else { throw error("expected white space or '?>' in the XML declaration but found \(found(at: pos))", at: pos) }
            let nameStart = pos
            while pos < count, classes[Int(base[pos])] & XMLByteClass.nameChar != 0, base[pos] < 0x80 { pos += 1 }
            let pseudo = ByteSpan(start: base + nameStart, count: pos - nameStart)
            guard pseudo.equals("version") || pseudo.equals("encoding") || pseudo.equals("standalone") else {
                throw error("expected version, encoding or standalone in the XML declaration but found \(found(at: nameStart))", at: nameStart, .bytes(max(1, pos - nameStart)))
            }
            skipSpaces()
            guard pos < count, base[pos] == UInt8(ascii: "=") else { throw error("expected '=' after \(pseudo.string) in the XML declaration but found \(found(at: pos))", at: pos) }
            pos += 1
            skipSpaces()
            let quote = pos < count ? base[pos] : 0
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw error("expected a quoted value after \(pseudo.string)= in the XML declaration but found \(found(at: pos))", at: pos)
            }
            let valueStart = pos + 1
            pos += 1
            while pos < count, base[pos] != quote, base[pos] != UInt8(ascii: ">") { pos += 1 }
            guard pos < count, base[pos] == quote else { throw error("the value of \(pseudo.string) is not closed in the XML declaration", at: valueStart - 1) }
            let value = string(valueStart, pos - valueStart)
            pos += 1
            if pseudo.equals("encoding"), !["utf-8", "utf8", "us-ascii", "ascii"].contains(value.lowercased()) {
                throw error("the document declares encoding=\"\(value)\": Parley reads XML in UTF-8 only (save the file as UTF-8 and declare encoding=\"UTF-8\", or leave the encoding out)", at: valueStart, .bytes(pos - 1 - valueStart))
            }
        }
    }

    /// A comment (at `<!--`); `--` may not occur inside it.
    mutating func skipComment() throws(XMLReadError) {
        let open = pos
        pos += 4
        while pos < count {
            if base[pos] == UInt8(ascii: "-"), pos + 1 < count, base[pos + 1] == UInt8(ascii: "-") {
                guard pos + 2 < count, base[pos + 2] == UInt8(ascii: ">") else {
                    throw error("'--' is not allowed inside a comment (or is the comment's '-->' missing a '>'?)", at: pos, .bytes(2))
                }
                pos += 3
                return
            }
            try skipCharacter()
        }
        throw error("the comment is not closed: expected '-->'", at: open, .bytes(4))
    }

    /// A processing instruction (at `<?`), skipped; `<?xml` is allowed only at the start.
    mutating func skipProcessingInstruction() throws(XMLReadError) {
        let open = pos
        pos += 2
        let (targetStart, _) = try readName("a target name after '<?'")
        let target = string(targetStart, pos - targetStart)
        if target.lowercased() == "xml" {
            throw error("the XML declaration <?xml ...?> is allowed only at the very start of the document", at: open, .bytes(pos - open))
        }
        while pos < count {
            if base[pos] == UInt8(ascii: "?"), pos + 1 < count, base[pos + 1] == UInt8(ascii: ">") {
                pos += 2
                return
            }
            try skipCharacter()
        }
        throw error("the processing instruction <?\(target) is not closed: expected '?>'", at: open, .bytes(2))
    }

    /// A DOCTYPE (at `<!DOCTYPE`), skipped whole.
    ///
    /// Parley reads no DTD: the internal subset is stepped over, not interpreted, and no
    /// external DTD or entity is ever loaded. That is also the safe choice: a document cannot
    /// make the reader open a file or a URL (external entities) or expand entities without
    /// end ("billion laughs"). A reference to an entity the DTD declares is an error.
    mutating func skipDoctype() throws(XMLReadError) {
        let open = pos
        pos += 9
        var quote: UInt8 = 0
        var inSubset = false
        while pos < count {
            let c = base[pos]
            if quote != 0 {
                if c == quote { quote = 0 }
                try skipCharacter()
                continue
            }
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quote = c
                pos += 1
            case UInt8(ascii: "["):
                inSubset = true
                pos += 1
            case UInt8(ascii: "]"):
                inSubset = false
                pos += 1
            case UInt8(ascii: "<") where starts(with: "<!--"):
                try skipComment()
            case UInt8(ascii: ">") where !inSubset:
                pos += 1
                return
            default:
                try skipCharacter()
            }
        }
        throw error("the DOCTYPE is not closed: expected '>'", at: open, .bytes(9))
    }
}
