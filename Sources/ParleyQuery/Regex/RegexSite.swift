import ParleyGraph
import ParleyValues

/// Where the pattern of a `=~` is written in the query, so that an invalid pattern is reported
/// at the offending character when the pattern is a string literal, and at the pattern
/// expression otherwise.
struct RegexSite: Sendable {
    /// The pattern expression.
    var range: SourceRange
    /// For a string literal: where each scalar of its value starts in the query, then where
    /// its closing quote is; nil for any other expression.
    var locations: [SourceLocation]?

    /// A site for the pattern expression at `range`, whose text as written is `raw`, and whose
    /// value is `value` when it is a string literal.
    init(range: SourceRange, raw: String, literal value: String?) {
        self.range = range
        guard let value else { return }
        let map = Self.scalarLocations(raw, from: range.start)
        if let map, map.count == value.unicodeScalars.count + 1 { locations = map }
    }

    /// The query position of `error`, an error in the pattern.
    func range(of error: RegexSyntaxError) -> SourceRange {
        guard let locations else { return range }
        let last = locations.count - 1
        let lo = min(error.offset, last)
        if lo == last {
            // The end of the pattern: the closing quote.
            var end = locations[last]
            end.column += 1
            end.offset += 1
            return SourceRange(start: locations[last], end: end)
        }
        return SourceRange(start: locations[lo], end: locations[min(lo + max(error.length, 1), last)])
    }

    /// For the quoted literal `raw` (quotes included) starting at `start`: the location of the
    /// first source scalar of each decoded scalar (escapes decoded as the lexer does), then of
    /// the closing quote; nil when `raw` is not a quoted literal.
    static func scalarLocations(_ raw: String, from start: SourceLocation) -> [SourceLocation]? {
        let s = Array(raw.unicodeScalars)
        guard s.count >= 2, let quote = s.first, quote == "'" || quote == "\"", s.last == quote else { return nil }
        var loc = start
        var afterCR = false
        /// Moves past `c`; lines end at LF, CRLF or a lone CR, as the lexer counts them.
        func step(_ c: Unicode.Scalar) {
            loc.offset += UTF8.width(c)
            if c == "\n" && afterCR {
                // The LF of a CRLF: the CR already ended the line.
            } else if c == "\n" || c == "\r" {
                loc.line += 1
                loc.column = 1
            } else {
                loc.column += 1
            }
            afterCR = c == "\r"
        }
        step(quote)
        var out: [SourceLocation] = []
        var i = 1
        while i < s.count - 1 {
            out.append(loc)
            if s[i] == "\\", i + 1 < s.count - 1 {
                let e = s[i + 1]
                var width = 2
                switch e {
                case "\\", "'", "\"", "n", "t", "r", "b", "f": break
                case "u": width = 6
                case "U": width = 10
                default:
                    // Kept as two scalars: the backslash, then the character.
                    step(s[i]); i += 1
                    continue
                }
                for k in i..<min(i + width, s.count - 1) { step(s[k]) }
                i += width
            } else {
                step(s[i]); i += 1
            }
        }
        out.append(loc)
        return out
    }
}
