/// A set of Unicode scalars written in a pattern: a class `[...]`, a predefined class (`\d`,
/// `\w`, ...), a property `\p{...}`, or `.`.
///
/// Predefined classes follow Java's defaults: `\d` is `[0-9]`, `\w` is `[a-zA-Z_0-9]`, `\s` is
/// `[ \t\n\x0B\f\r]` (ASCII only); `\h` and `\v` are Java's horizontal and vertical whitespace.
indirect enum RegexCharSet: Sendable, Equatable {
    /// Scalars in any of the ranges.
    case ranges([ClosedRange<UInt32>])
    /// Scalars of any of the general categories.
    case categories([Unicode.GeneralCategory])
    /// A Unicode binary property.
    case property(RegexProperty)
    /// Scalars not in the set.
    case not(RegexCharSet)
    /// Scalars in any of the sets.
    case union([RegexCharSet])
    /// Scalars in all of the sets (`[a-z&&[^aeiou]]`).
    case intersection([RegexCharSet])

    /// Java's `\d`.
    static let digit = RegexCharSet.ranges([0x30...0x39])
    /// Java's `\w`.
    static let word = RegexCharSet.ranges([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// Java's `\s`.
    static let space = RegexCharSet.ranges([0x09...0x0D, 0x20...0x20])
    /// Java's `\h`.
    static let horizontal = RegexCharSet.ranges([0x09...0x09, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x180E...0x180E,
                                                 0x2000...0x200A, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000])
    /// Java's `\v`.
    static let vertical = RegexCharSet.ranges([0x0A...0x0D, 0x85...0x85, 0x2028...0x2029])

    /// Whether `v` is in the set.
    func contains(_ v: UInt32) -> Bool {
        switch self {
        case .ranges(let rs):
            for r in rs where r.contains(v) { return true }
            return false
        case .categories(let cs):
            guard let s = Unicode.Scalar(v) else { return false }
            return cs.contains(s.properties.generalCategory)
        case .property(let p): return Unicode.Scalar(v).map(p.holds) ?? false
        case .not(let s): return !s.contains(v)
        case .union(let ss):
            for s in ss where s.contains(v) { return true }
            return false
        case .intersection(let ss):
            for s in ss where !s.contains(v) { return false }
            return true
        }
    }

    /// Whether `v`, or a case variant of it (simple lower, upper or folded form), is in the set.
    /// Negations apply after case closing, so `(?i)[^a]` matches neither `a` nor `A`.
    func containsIgnoringCase(_ v: UInt32) -> Bool {
        switch self {
        case .not(let s): return !s.containsIgnoringCase(v)
        case .union(let ss):
            for s in ss where s.containsIgnoringCase(v) { return true }
            return false
        case .intersection(let ss):
            for s in ss where !s.containsIgnoringCase(v) { return false }
            return true
        default:
            if contains(v) { return true }
            for w in RegexCase.variants(of: v) where w != v && contains(w) { return true }
            return false
        }
    }
}

/// The Unicode binary properties `\p{Is...}` names.
enum RegexProperty: String, Sendable {
    case alphabetic, letter, digit, uppercase, lowercase, whiteSpace, ideographic

    /// Whether scalar `s` has the property.
    func holds(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        switch self {
        case .alphabetic: return p.isAlphabetic
        case .letter: return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter].contains(p.generalCategory)
        case .digit: return p.generalCategory == .decimalNumber
        case .uppercase: return p.isUppercase
        case .lowercase: return p.isLowercase
        case .whiteSpace: return p.isWhitespace
        case .ideographic: return p.isIdeographic
        }
    }
}

/// Simple (one scalar to one scalar) case mappings, for case-insensitive matching.
enum RegexCase {
    /// The case-folded form of `v`: the lowercase of its uppercase, when both map one scalar to
    /// one scalar (so `K`, `k` and the Kelvin sign fold alike, as do `Σ`, `σ` and `ς`).
    static func fold(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return (0x41...0x5A).contains(v) ? v + 0x20 : v }
        guard let s = Unicode.Scalar(v) else { return v }
        let upper = single(s.properties.uppercaseMapping) ?? s
        return (single(upper.properties.lowercaseMapping) ?? upper).value
    }

    /// `v`'s simple lowercase, uppercase and folded forms.
    static func variants(of v: UInt32) -> [UInt32] {
        if v < 0x80 {
            if (0x41...0x5A).contains(v) { return [v + 0x20] }
            if (0x61...0x7A).contains(v) { return [v - 0x20] }
            return []
        }
        guard let s = Unicode.Scalar(v) else { return [] }
        var out: [UInt32] = []
        if let l = single(s.properties.lowercaseMapping) { out.append(l.value) }
        if let u = single(s.properties.uppercaseMapping) { out.append(u.value) }
        out.append(fold(v))
        return out
    }

    /// The only scalar of `text`, or nil when it has more than one.
    private static func single(_ text: String) -> Unicode.Scalar? {
        var it = text.unicodeScalars.makeIterator()
        guard let first = it.next(), it.next() == nil else { return nil }
        return first
    }
}
