import ParleyGraph
import ParleyValues

/// A strict walk over one JSON document for the interchange readers (node-link, JGF):
/// objects, arrays, strings and property values, each error naming its path and byte offset.
///
/// It sits on ``JSONScanner`` (RFC 8259, byte level); every method skips the whitespace before
/// the token it reads.
struct JSONWalker {
    /// The byte-level scanner.
    var s: JSONScanner

    /// Creates a walker over `count` bytes at `base`, after a byte order mark if there is one.
    init(base: UnsafePointer<UInt8>, count: Int) {
        s = JSONScanner(base: base, count: count)
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { s.pos = 3 }
    }

    /// The offset of the next token.
    var offset: Int {
        mutating get {
            s.skipWhitespace()
            return s.pos
        }
    }

    /// Requires that nothing but whitespace follows the top-level value.
    mutating func end() throws(JSONSyntaxError) {
        s.skipWhitespace()
        guard s.atEnd else { throw s.unexpected("end of file after the top-level object") }
    }

    /// Whether the next token starts `byte` (`{`, `[`, `"`).
    mutating func isAt(_ byte: UInt8) -> Bool {
        s.skipWhitespace()
        return !s.atEnd && s.peek() == byte
    }

    /// "PATH: expected WHAT but found a number" at the next token.
    mutating func typeError(_ path: String, _ what: String) -> JSONSyntaxError {
        s.skipWhitespace()
        if s.atEnd || s.base[s.pos] >= 0x80 { return s.unexpected(what) }
        return JSONSyntaxError(at: s.pos, "\(path): expected \(what) but found \(s.foundValue(at: s.pos))")
    }

    // MARK: Objects

    /// Consumes `{`; `false` (and the `}`) when the object is empty.
    mutating func openObject(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Bool {
        guard isAt(UInt8(ascii: "{")) else { throw typeError(path(), "an object") }
        s.pos += 1
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: "}"), !s.atEnd { s.pos += 1; return false }
        guard s.peek() == UInt8(ascii: "\""), !s.atEnd else { throw s.unexpected("'\"' (a key) or '}'") }
        return true
    }

    /// Reads a member's key and the `:` after it: the key's bytes (valid until the next string
    /// is read) and the offset of its opening quote.
    mutating func key(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> (name: ByteSpan, at: Int) {
        s.skipWhitespace()
        let at = s.pos
        guard s.peek() == UInt8(ascii: "\""), !s.atEnd else { throw s.unexpected("'\"' (a key)") }
        let name = try s.readString()
        s.skipWhitespace()
        guard s.peek() == UInt8(ascii: ":"), !s.atEnd else { throw s.unexpected("':' after the key \"\(name.string)\" in \(path())") }
        s.pos += 1
        return (name, at)
    }

    /// After a member's value: consumes `,` (`true`: another member follows) or `}` (`false`).
    mutating func nextMember(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Bool {
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: ","), !s.atEnd {
            s.pos += 1
            s.skipWhitespace()
            guard s.peek() == UInt8(ascii: "\""), !s.atEnd else { throw s.unexpected("'\"' (a key) after ','") }
            return true
        }
        if s.peek() == UInt8(ascii: "}"), !s.atEnd { s.pos += 1; return false }
        throw s.unexpected("',' or '}' after a value in \(path())")
    }

    // MARK: Arrays

    /// Consumes `[`; `false` (and the `]`) when the array is empty.
    mutating func openArray(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Bool {
        guard isAt(UInt8(ascii: "[")) else { throw typeError(path(), "an array") }
        s.pos += 1
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return false }
        return true
    }

    /// After an element: consumes `,` (`true`: another element follows) or `]` (`false`).
    mutating func nextElement(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Bool {
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: ","), !s.atEnd {
            s.pos += 1
            s.skipWhitespace()
            if s.peek() == UInt8(ascii: "]") { throw s.unexpected("a value after ','") }
            return true
        }
        if s.peek() == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return false }
        throw s.unexpected("',' or ']' after \(path())")
    }

    // MARK: Scalars

    /// A string, or "PATH: expected a string but found …". The bytes stay valid until the
    /// next string is read.
    mutating func string(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> ByteSpan {
        guard isAt(UInt8(ascii: "\"")) else { throw typeError(path(), "a string") }
        return try s.readString()
    }

    /// A non-empty string (`what` names it in the error: "a relationship type").
    mutating func nonEmptyString(_ path: @autoclosure () -> String, _ what: String) throws(JSONSyntaxError) -> ByteSpan {
        guard isAt(UInt8(ascii: "\"")) else { throw typeError(path(), what) }
        let at = s.pos
        let text = try s.readString()
        guard text.count > 0 else { throw JSONSyntaxError(at: at, length: 2, "\(path()): expected \(what) but found \"\"") }
        return text
    }

    /// `true` or `false`.
    mutating func bool(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Bool {
        s.skipWhitespace()
        let c = s.peek()
        guard !s.atEnd, c == UInt8(ascii: "t") || c == UInt8(ascii: "f") else { throw typeError(path(), "true or false") }
        let at = s.pos
        guard let b = try s.readLiteral() else { throw JSONSyntaxError(at: at, "\(path()): expected true or false but found null") }
        return b
    }

    /// Skips any value (checking its syntax).
    mutating func skip() throws(JSONSyntaxError) {
        try s.skipValue()
    }

    // MARK: Property values

    /// A property value: null, a boolean, a number, a string, or a flat list of those. A
    /// string of a key declared `kind` is read as that temporal kind (a partial date
    /// `YYYY`/`YYYY-MM` stays a string); objects and nested lists are errors.
    mutating func propertyValue(_ path: @autoclosure () -> String, declared kind: TemporalKind?) throws(JSONSyntaxError) -> Value {
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: "["), !s.atEnd {
            s.pos += 1
            var items: [Value] = []
            s.skipWhitespace()
            if s.peek() == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return .list(items) }
            repeat {
                s.skipWhitespace()
                let c = s.peek()
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    throw JSONSyntaxError(at: s.pos, "\(path())[\(items.count)]: expected a boolean, number, string or null (property lists cannot hold lists or objects) but found \(s.foundValue(at: s.pos))")
                }
                items.append(try scalar(path() + "[\(items.count)]", declared: kind))
            } while try nextElement("a list element")
            return .list(items)
        }
        if s.peek() == UInt8(ascii: "{"), !s.atEnd {
            throw JSONSyntaxError(at: s.pos, "\(path()): expected a boolean, number, string, list or null but found an object (property values cannot be objects)")
        }
        return try scalar(path(), declared: kind)
    }

    /// Null, a boolean, a number or a string (read as `kind` when declared).
    mutating func scalar(_ path: @autoclosure () -> String, declared kind: TemporalKind?) throws(JSONSyntaxError) -> Value {
        s.skipWhitespace()
        switch s.peek() {
        case UInt8(ascii: "\""):
            let at = s.pos
            let text = try s.readString().string
            guard let kind, !(kind == .date && TemporalKind.isPartialDate(text)) else { return .string(text) }
            do {
                return .temporal(try kind.parse(text))
            } catch {
                throw JSONSyntaxError(at: at, length: s.pos - at, "\(path()): invalid \(kind.noun) '\(text)' (\(error.message)); the file declares this key a \(kind.rawValue)")
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try s.readNumber()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            guard let b = try s.readLiteral() else { return .null }
            return .bool(b)
        default:
            throw s.unexpected("a value for \(path())")
        }
    }

    // MARK: Looking ahead

    /// The offset of the value of member `name` among the members that follow the value
    /// starting at `from` in the same object, or `nil` if none has that key. Reads nothing
    /// for the caller: a copy of the scanner skips ahead.
    func valueOffset(ofLaterMember name: StaticString, afterValueAt from: Int, in path: String) throws(JSONSyntaxError) -> Int? {
        var ahead = self
        ahead.s.pos = from
        try ahead.skip()
        while try ahead.nextMember(path) {
            let (key, _) = try ahead.key(path)
            if key.equals(name) { return ahead.offset }
            try ahead.skip()
        }
        return nil
    }
}
