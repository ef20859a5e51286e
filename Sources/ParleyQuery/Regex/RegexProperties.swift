/// The names `\p{...}` accepts: general categories (`L`, `Lu`, `IsL`, `gc=Lu`), Java's POSIX
/// classes (`Alpha`, `Digit`, `Punct`, ... over ASCII, as in Java) and a few binary properties
/// (`IsAlphabetic`, `IsLetter`, `IsDigit`, `IsUppercase`, `IsLowercase`, `IsWhite_Space`,
/// `IsIdeographic`). Scripts and blocks (`IsLatin`, `InGreek`) are not supported.
enum RegexProperties {
    /// The set named `name`, or nil when the name is unknown.
    static func set(named name: String) -> RegexCharSet? {
        if let posix = posix[name] { return posix }
        var key = name
        for prefix in ["general_category=", "gc=", "Is"] where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
            break
        }
        if let cats = categories[key] { return .categories(cats) }
        switch key.lowercased().filter({ $0 != "_" }) {
        case "alphabetic": return .property(.alphabetic)
        case "letter": return .property(.letter)
        case "digit": return .property(.digit)
        case "uppercase": return .property(.uppercase)
        case "lowercase": return .property(.lowercase)
        case "whitespace": return .property(.whiteSpace)
        case "ideographic": return .property(.ideographic)
        default: return nil
        }
    }

    private static let punct: [ClosedRange<UInt32>] = [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]
    private static let alnum: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x61...0x7A]

    /// Java's POSIX classes (ASCII only).
    private static let posix: [String: RegexCharSet] = [
        "Lower": .ranges([0x61...0x7A]), "Upper": .ranges([0x41...0x5A]), "ASCII": .ranges([0x00...0x7F]),
        "Alpha": .ranges([0x41...0x5A, 0x61...0x7A]), "Digit": .ranges([0x30...0x39]), "Alnum": .ranges(alnum),
        "Punct": .ranges(punct), "Graph": .ranges(alnum + punct), "Print": .ranges(alnum + punct + [0x20...0x20]),
        "Blank": .ranges([0x09...0x09, 0x20...0x20]), "Cntrl": .ranges([0x00...0x1F, 0x7F...0x7F]),
        "XDigit": .ranges([0x30...0x39, 0x41...0x46, 0x61...0x66]), "Space": .ranges([0x09...0x0D, 0x20...0x20]),
    ]

    /// General categories by their one- and two-letter names.
    private static let categories: [String: [Unicode.GeneralCategory]] = {
        let two: [String: Unicode.GeneralCategory] = [
            "Lu": .uppercaseLetter, "Ll": .lowercaseLetter, "Lt": .titlecaseLetter, "Lm": .modifierLetter, "Lo": .otherLetter,
            "Mn": .nonspacingMark, "Mc": .spacingMark, "Me": .enclosingMark,
            "Nd": .decimalNumber, "Nl": .letterNumber, "No": .otherNumber,
            "Pc": .connectorPunctuation, "Pd": .dashPunctuation, "Ps": .openPunctuation, "Pe": .closePunctuation,
            "Pi": .initialPunctuation, "Pf": .finalPunctuation, "Po": .otherPunctuation,
            "Sm": .mathSymbol, "Sc": .currencySymbol, "Sk": .modifierSymbol, "So": .otherSymbol,
            "Zs": .spaceSeparator, "Zl": .lineSeparator, "Zp": .paragraphSeparator,
            "Cc": .control, "Cf": .format, "Cs": .surrogate, "Co": .privateUse, "Cn": .unassigned,
        ]
        var out: [String: [Unicode.GeneralCategory]] = [:]
        for (name, cat) in two {
            out[name] = [cat]
            out[String(name.prefix(1)), default: []].append(cat)
        }
        out["LC"] = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]
        return out
    }()
}
