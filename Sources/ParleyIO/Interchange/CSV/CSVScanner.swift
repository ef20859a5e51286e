/// A byte-level RFC 4180 reader: one row at a time, each field as a span of bytes.
///
/// Fields are separated by `,`, rows end at LF, CRLF or a lone CR; a field in double quotes
/// may hold commas, quotes (doubled: `""`) and line breaks. A UTF-8 byte order mark at the
/// start is skipped; a blank line is no row. Fields point into the file's bytes, or into a
/// scratch buffer when a quoted field held `""` (valid until the next row).
struct CSVScanner {
    /// One field of the current row.
    struct Field {
        /// Where its bytes start: in the file, or in `scratch` when `inScratch`.
        var offset: Int
        /// How many bytes.
        var count: Int
        /// Whether it was written in quotes (an empty quoted field is an empty string, an
        /// empty unquoted one is no value).
        var quoted: Bool
        /// Whether the bytes are in the scratch buffer (the field held `""`).
        var inScratch: Bool
    }

    /// The file's bytes.
    let base: UnsafePointer<UInt8>
    /// How many.
    let count: Int
    /// The next byte to read.
    var pos = 0
    /// The line (1-based) of `pos`.
    var line = 1
    /// The fields of the current row.
    var fields: [Field] = []
    /// Unescaped bytes of quoted fields that held `""`.
    var scratch: [UInt8] = []

    /// A scanner over `count` bytes at `base`.
    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { pos = 3 }
        fields.reserveCapacity(16)
    }

    /// A malformed row: the line where it went wrong and why.
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    /// Reads the next row into `fields` and returns the line it starts on; `nil` at the end.
    mutating func nextRow() throws(SyntaxError) -> Int? {
        // Blank lines are no rows.
        while pos < count && (base[pos] == 0x0A || base[pos] == 0x0D) { endLine() }
        guard pos < count else { return nil }
        let start = line
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        while true {
            if pos < count && base[pos] == 0x22 {
                try quotedField()
            } else {
                let begin = pos
                while pos < count {
                    let b = base[pos]
                    if b == 0x2C || b == 0x0A || b == 0x0D { break }
                    if b == 0x22 {
                        throw SyntaxError(line: line, message: "field \(fields.count + 1): a quote inside a field that does not start with one (quote the whole field and double the quote: \"\"\"\")")
                    }
                    pos += 1
                }
                fields.append(Field(offset: begin, count: pos - begin, quoted: false, inScratch: false))
            }
            if pos >= count { return start }
            let b = base[pos]
            if b == 0x2C { pos += 1; continue }
            endLine()
            return start
        }
    }

    /// Consumes one line break (LF, CRLF or CR).
    @inline(__always) private mutating func endLine() {
        if base[pos] == 0x0D && pos + 1 < count && base[pos + 1] == 0x0A { pos += 1 }
        pos += 1
        line += 1
    }

    /// Reads a field in quotes (at its opening quote).
    private mutating func quotedField() throws(SyntaxError) {
        let openLine = line
        pos += 1
        let begin = pos
        var escaped = false
        var scratchStart = 0
        while true {
            guard pos < count else {
                throw SyntaxError(line: openLine, message: "field \(fields.count + 1): the quote opened here is never closed")
            }
            let b = base[pos]
            if b == 0x22 {
                if pos + 1 < count && base[pos + 1] == 0x22 {
                    if !escaped {
                        escaped = true
                        scratchStart = scratch.count
                        scratch.append(contentsOf: UnsafeBufferPointer(start: base + begin, count: pos - begin))
                    }
                    scratch.append(0x22)
                    pos += 2
                    continue
                }
                break
            }
            if b == 0x0A || (b == 0x0D && !(pos + 1 < count && base[pos + 1] == 0x0A)) { line += 1 }
            if escaped { scratch.append(b) }
            pos += 1
        }
        let end = pos
        pos += 1
        if pos < count, base[pos] != 0x2C, base[pos] != 0x0A, base[pos] != 0x0D {
            throw SyntaxError(line: line, message: "field \(fields.count + 1): text after the closing quote (a quote inside a quoted field is written \"\")")
        }
        if escaped {
            fields.append(Field(offset: scratchStart, count: scratch.count - scratchStart, quoted: true, inScratch: true))
        } else {
            fields.append(Field(offset: begin, count: end - begin, quoted: true, inScratch: false))
        }
    }

    /// Calls `body` with the bytes of field `i` of the current row.
    @inline(__always) func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(CSVValueError) -> R) throws(CSVValueError) -> R {
        let f = fields[i]
        if f.inScratch {
            return try scratch.withUnsafeBufferPointer { (s) throws(CSVValueError) -> R in
                try body(UnsafeBufferPointer(rebasing: s[f.offset..<f.offset + f.count]))
            }
        }
        return try body(UnsafeBufferPointer(start: base + f.offset, count: f.count))
    }

    /// Field `i` as a string (validated UTF-8).
    func string(_ i: Int) throws(CSVValueError) -> String {
        try withBytes(i) { (b) throws(CSVValueError) -> String in
            guard let s = String(validating: b, as: UTF8.self) else { throw CSVValueError("invalid UTF-8") }
            return s
        }
    }
}

/// Why one field's text is not a value of its column's type (the reader adds file, row and column).
struct CSVValueError: Error {
    /// What is wrong: `'abc' is not an integer`.
    var message: String

    /// An error saying `message`.
    init(_ message: String) { self.message = message }
}
