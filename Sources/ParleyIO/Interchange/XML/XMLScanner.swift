import ParleyGraph

/// Parley's own XML 1.0 pull scanner, straight over a document's UTF-8 bytes (the mapped
/// file), checking well-formedness as it goes.
///
/// It reads start, end and empty-element tags with their attributes (either quote), character
/// data with the five predefined entities and character references, CDATA sections, comments,
/// processing instructions, the XML declaration (whose encoding must be UTF-8 or ASCII) and a
/// DOCTYPE (skipped: no DTD is read, no entity it declares is expanded). Element names are
/// reported without their namespace prefix; every prefix used must be declared
/// (`xmlns:p="..."`) on the element or one around it.
///
/// Names and values are byte ranges in the document (or in a scanner's buffer when references
/// had to be decoded): nothing is allocated per element. Errors carry byte offsets; lines and
/// columns are worked out only when one is reported.
struct XMLScanner {
    /// What ``next()`` read.
    enum Event: Equatable {
        /// A start tag or an empty-element tag (whose ``end`` comes next): ``name``,
        /// ``attributes`` and ``tagStart`` describe it.
        case start
        /// An end tag, or the end of an empty-element tag: ``name`` and ``tagStart``.
        case end
        /// The character data between two tags inside the root element, in ``text``: text,
        /// references and CDATA sections as one run (comments and processing instructions
        /// between them are left out).
        case text
        /// The end of a well-formed document.
        case done
    }

    /// An element whose end tag has not come yet.
    private struct OpenElement {
        var nameStart: Int
        var nameCount: Int
        var localStart: Int
        var tagStart: Int
        /// The number of declared prefixes outside this element.
        var prefixMark: Int
    }

    /// The first byte of the document.
    let base: UnsafePointer<UInt8>
    /// The number of bytes.
    let count: Int
    /// The offset of the next byte to read.
    var pos = 0
    /// The local name (without prefix) of the tag just read.
    private(set) var name: ByteSpan
    /// The offset of the `<` of the tag just read.
    private(set) var tagStart = 0
    /// The character data just read (references decoded, line ends normalised to `\n`); valid
    /// until the next call.
    var text: ByteSpan

    private var records: [XMLAttributes.Record] = []
    /// Attribute values that needed decoding.
    private let values = ScratchBuffer()
    /// Character data that needed decoding.
    let scratch = ScratchBuffer()
    private var open: [OpenElement] = []
    /// The namespace prefixes declared on the open elements, innermost last.
    private var prefixes: [ByteSpan] = []
    private var started = false
    private var sawRoot = false
    private var sawDoctype = false
    private var emptyPending = false
    let classes = XMLByteClass.table

    /// A scanner over `count` bytes at `base`.
    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        name = ByteSpan(start: base, count: 0)
        text = ByteSpan(start: base, count: 0)
    }

    /// The attributes of the start tag just read.
    var attributes: XMLAttributes {
        XMLAttributes(records: records, document: base, decodedValues: UnsafePointer(values.base))
    }

    /// The number of elements open (the one just started included).
    var depth: Int { open.count }

    /// Reads up to the next tag, run of character data or the end of the document.
    mutating func next() throws(XMLReadError) -> Event {
        if emptyPending {
            emptyPending = false
            closeElement()
            return .end
        }
        if open.isEmpty { return try readOutsideRoot() }
        let textStart = pos
        try readCharacterData()
        if pos > textStart && text.count > 0 { return .text }
        guard pos < count else {
            let innermost = open[open.count - 1]
            throw error("the document ends before its elements are closed: this <\(string(innermost.nameStart, innermost.nameCount))> has no end tag", at: innermost.tagStart, .element)
        }
        // At a '<' that is not a comment, CDATA section or processing instruction.
        let after = pos + 1 < count ? base[pos + 1] : 0
        if after == UInt8(ascii: "/") { return try readEndTag() }
        if after == UInt8(ascii: "!") {
            if starts(with: "<!DOCTYPE") { throw error("a DOCTYPE is allowed only before the root element", at: pos, .bytes(9)) }
            throw error("expected a comment '<!--' or a CDATA section '<![CDATA[' after '<!'", at: pos, .bytes(2))
        }
        return try readStartTag()
    }

    // MARK: Outside the root element

    /// The prolog (declaration, comments, processing instructions, DOCTYPE) up to the root
    /// element, or what may follow it (comments, processing instructions) up to the end.
    private mutating func readOutsideRoot() throws(XMLReadError) -> Event {
        if !started {
            started = true
            try readDocumentStart()
        }
        while true {
            skipSpaces()
            guard pos < count else {
                if sawRoot { return .done }
                if count == 0 { throw XMLReadError(message: "the document is empty: expected a root element", mark: nil) }
                throw error("the document is empty: it has no root element", at: count)
            }
            guard base[pos] == UInt8(ascii: "<") else {
                if sawRoot { throw error("text after the root element: a document ends with its root element", at: pos) }
                throw error("text before the root element: expected '<' to start the root element", at: pos)
            }
            if starts(with: "<?") {
                try skipProcessingInstruction()
            } else if starts(with: "<!--") {
                try skipComment()
            } else if starts(with: "<!DOCTYPE") {
                if sawRoot || sawDoctype { throw error("a DOCTYPE is allowed only once, before the root element", at: pos, .bytes(9)) }
                sawDoctype = true
                try skipDoctype()
            } else if starts(with: "<!") {
                throw error("expected a comment '<!--' or the root element: a CDATA section or '<!' is not allowed outside the root element", at: pos, .bytes(2))
            } else if starts(with: "</") {
                throw error("an end tag outside the root element: no element is open", at: pos, .element)
            } else if sawRoot {
                throw error("a second root element: a document has exactly one", at: pos, .element)
            } else {
                return try readStartTag()
            }
        }
    }

    // MARK: Tags

    /// A start tag or empty-element tag, at its `<`.
    private mutating func readStartTag() throws(XMLReadError) -> Event {
        let tag = pos
        tagStart = tag
        pos += 1
        let (nameStart, colon) = try readName("a name after '<'")
        let nameEnd = pos
        records.removeAll(keepingCapacity: true)
        values.reset()
        let prefixMark = prefixes.count
        var prefixedAttribute = false
        var empty = false
        while true {
            let spaced = skipSpaces()
            guard pos < count else {
                throw error("the tag <\(string(nameStart, nameEnd - nameStart))> is not closed: the document ends before its '>'", at: tag, .element)
            }
            let c = base[pos]
            if c == UInt8(ascii: ">") {
                pos += 1
                break
            }
            if c == UInt8(ascii: "/") {
                guard pos + 1 < count, base[pos + 1] == UInt8(ascii: ">") else {
                    throw error("expected '>' after '/' to end the empty-element tag but found \(found(at: pos + 1))", at: pos + 1)
                }
                pos += 2
                empty = true
                break
            }
            guard spaced else {
                throw error("expected white space, '>' or '/>' after the name but found \(found(at: pos))", at: pos)
            }
            if try readAttribute() { prefixedAttribute = true }
        }
        if colon >= 0 { try checkPrefix(nameStart, colon) }
        if prefixedAttribute {
            for r in records {
                var i = r.nameStart
                while i < r.nameStart + r.nameCount, base[i] != UInt8(ascii: ":") { i += 1 }
                if i < r.nameStart + r.nameCount, !(i - r.nameStart == 5 && starts(with: "xmlns", at: r.nameStart)) {
                    try checkPrefix(r.nameStart, i)
                }
            }
        }
        let localStart = colon >= 0 ? colon + 1 : nameStart
        open.append(OpenElement(nameStart: nameStart, nameCount: nameEnd - nameStart, localStart: localStart, tagStart: tag, prefixMark: prefixMark))
        name = ByteSpan(start: base + localStart, count: nameEnd - localStart)
        sawRoot = true
        emptyPending = empty
        return .start
    }

    /// One `name="value"` of a start tag; returns whether the name has a prefix.
    private mutating func readAttribute() throws(XMLReadError) -> Bool {
        let (nameStart, colon) = try readName("an attribute name, '>' or '/>'")
        let nameCount = pos - nameStart
        skipSpaces()
        guard pos < count, base[pos] == UInt8(ascii: "=") else {
            throw error("expected '=' and a quoted value after the attribute name but found \(found(at: pos))", at: pos)
        }
        pos += 1
        skipSpaces()
        let quote = pos < count ? base[pos] : 0
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw error("expected an attribute value in quotes but found \(found(at: pos))", at: pos)
        }
        let record = try readAttributeValue(nameStart: nameStart, nameCount: nameCount)
        for r in records where r.nameCount == nameCount && ByteSpan.same(base + r.nameStart, base + nameStart, nameCount) {
            throw error("the attribute \(string(nameStart, nameCount)) is given twice in this tag", at: nameStart, .bytes(nameCount))
        }
        records.append(record)
        if colon >= 0, colon - nameStart == 5, starts(with: "xmlns", at: nameStart) {
            prefixes.append(ByteSpan(start: base + colon + 1, count: nameStart + nameCount - colon - 1))
            return false
        }
        return colon >= 0
    }

    /// The quoted value at `pos`: left in place when it needs no decoding, else decoded
    /// (references replaced, tab, line feed and carriage return made spaces) into `values`.
    private mutating func readAttributeValue(nameStart: Int, nameCount: Int) throws(XMLReadError) -> XMLAttributes.Record {
        let quote = base[pos]
        let open = pos
        pos += 1
        let start = pos
        var runStart = pos
        var copying = false
        var decodedStart = 0
        while true {
            while pos < count, classes[Int(base[pos])] & XMLByteClass.valueStop == 0 { pos += 1 }
            guard pos < count else {
                throw error("the value of \(string(nameStart, nameCount)) is not closed: expected \(quote == UInt8(ascii: "\"") ? "'\"'" : "\"'\"") before the end of the document", at: open)
            }
            let c = base[pos]
            if c == quote { break }
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                pos += 1
            case UInt8(ascii: "<"):
                throw error("'<' is not allowed in an attribute value: write &lt; (or is the closing quote of \(string(nameStart, nameCount)) missing?)", at: pos)
            case UInt8(ascii: "&"), 0x09, 0x0A, 0x0D:
                if !copying {
                    copying = true
                    decodedStart = values.count
                }
                values.append(base + runStart, pos - runStart)
                if c == UInt8(ascii: "&") {
                    try appendReference(to: values)
                } else {
                    values.append(UInt8(ascii: " "))
                    pos += 1
                    if c == 0x0D, pos < count, base[pos] == 0x0A { pos += 1 }
                }
                runStart = pos
            default:
                try skipCharacter()
            }
        }
        let end = pos
        pos += 1
        if !copying {
            return XMLAttributes.Record(nameStart: nameStart, nameCount: nameCount, valueStart: start, valueCount: end - start, decoded: false)
        }
        values.append(base + runStart, end - runStart)
        return XMLAttributes.Record(nameStart: nameStart, nameCount: nameCount, valueStart: decodedStart, valueCount: values.count - decodedStart, decoded: true)
    }

    /// An end tag, at its `<`; it must close the innermost open element.
    private mutating func readEndTag() throws(XMLReadError) -> Event {
        let tag = pos
        tagStart = tag
        pos += 2
        let (nameStart, colon) = try readName("a name after '</'")
        let nameCount = pos - nameStart
        skipSpaces()
        guard pos < count, base[pos] == UInt8(ascii: ">") else {
            throw error("expected '>' to end the end tag </\(string(nameStart, nameCount))> but found \(found(at: pos))", at: pos)
        }
        pos += 1
        let top = open[open.count - 1]
        guard top.nameCount == nameCount, ByteSpan.same(base + top.nameStart, base + nameStart, nameCount) else {
            let opened = string(top.nameStart, top.nameCount)
            throw error("the end tag does not match the open element: expected </\(opened)> (<\(opened)> opened on line \(line(of: top.tagStart))) but found </\(string(nameStart, nameCount))>", at: tag, .bytes(pos - tag))
        }
        let localStart = colon >= 0 ? colon + 1 : nameStart
        name = ByteSpan(start: base + localStart, count: nameStart + nameCount - localStart)
        closeElement()
        return .end
    }

    /// Forgets the innermost open element and the prefixes it declared.
    private mutating func closeElement() {
        let top = open.removeLast()
        if prefixes.count > top.prefixMark { prefixes.removeLast(prefixes.count - top.prefixMark) }
    }

    /// Checks that the prefix from `start` to `colon` is declared (`xml` always is).
    private func checkPrefix(_ start: Int, _ colon: Int) throws(XMLReadError) {
        let n = colon - start
        if n == 3 && starts(with: "xml", at: start) { return }
        for p in prefixes.reversed() where p.count == n && ByteSpan.same(p.start, base + start, n) { return }
        let prefix = string(start, n)
        throw error("the namespace prefix \(prefix) is not declared: add xmlns:\(prefix)=\"...\" to this element or one around it", at: start, .bytes(n))
    }
}
