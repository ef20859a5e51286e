/// Backslash escapes in quoted text: the one table behind Cypher string literals
/// (``Value/quotedString(_:)``), JSON strings (``Value/jsonString(_:)`` and ParleyIO's byte
/// writer) and the REPL's tab-separated fields.
public enum BackslashEscape {
    /// The letter a backslash names `scalar` by: `n`, `r`, `t`, `b`, `f` for the line feed,
    /// carriage return, tab, backspace and form feed, `\` for the backslash itself; nil for
    /// every other scalar.
    @inlinable public static func letter(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "\\": return "\\"
        case "\n": return "n"
        case "\r": return "r"
        case "\t": return "t"
        case "\u{08}": return "b"
        case "\u{0C}": return "f"
        default: return nil
        }
    }

    /// `s` between two `quote`s: the quote and the backslash escaped with a backslash, the
    /// scalars ``letter(for:)`` names by their letter (`\n`), the other scalars that
    /// `hexEscaped` selects as `\uXXXX` (at least four upper-case hex digits), the rest as
    /// they are.
    public static func quoted(_ s: String, quote: Unicode.Scalar, hexEscaped: (Unicode.Scalar) -> Bool) -> String {
        var out = String(quote)
        for scalar in s.unicodeScalars {
            if scalar == quote {
                out += "\\"
                out.unicodeScalars.append(quote)
            } else if let letter = letter(for: scalar) {
                out += "\\"
                out.unicodeScalars.append(letter)
            } else if hexEscaped(scalar) {
                out += "\\u" + hex4(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        out.unicodeScalars.append(quote)
        return out
    }
}

extension Unicode.Scalar {
    /// Whether this is a control character (general category Cc): C0 (U+0000–U+001F), DEL
    /// or C1 (U+007F–U+009F).
    @inlinable public var isControlCharacter: Bool {
        value < 0x20 || (value >= 0x7F && value < 0xA0)
    }
}
