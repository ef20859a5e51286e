/// What Tab offers: the text before the cursor to replace, and what may replace it.
public struct CompletionResult: Sendable, Equatable {
    /// The text right before the cursor that a candidate replaces (what the user typed of it).
    public var typed: String
    /// Replacement texts for `typed`, best first, without duplicates.
    public var candidates: [String]
    /// What follows a sole candidate (a closing quote, a space, `(`).
    public var suffixWhenUnique: String
    /// What to show for each candidate when several are listed.
    public var displayed: [String]

    /// Creates a result; `displayed` defaults to the candidates.
    public init(typed: String, candidates: [String], suffixWhenUnique: String = "", displayed: [String]? = nil) {
        self.typed = typed
        self.candidates = candidates
        self.suffixWhenUnique = suffixWhenUnique
        self.displayed = displayed ?? candidates
    }

    /// Nothing to offer.
    public static let none = CompletionResult(typed: "", candidates: [])

    /// How many Unicode scalars of the text before the cursor `typed` covers (what libedit deletes).
    public var replacedScalarCount: Int { typed.unicodeScalars.count }

    /// The longest prefix (in Unicode scalars) shared by every candidate.
    public var commonPrefix: String {
        guard var prefix = candidates.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for candidate in candidates.dropFirst() {
            var n = 0
            for (a, b) in zip(prefix, candidate.unicodeScalars) {
                guard a == b else { break }
                n += 1
            }
            prefix.removeSubrange(n...)
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: prefix)
        return result
    }

    /// The text that replaces `typed`: the sole candidate and its suffix, or the candidates'
    /// common prefix when it is longer than what was typed; nil to leave the line alone.
    public var replacement: String? {
        if candidates.count == 1 { return candidates[0] + suffixWhenUnique }
        let prefix = commonPrefix
        guard prefix.unicodeScalars.count > typed.unicodeScalars.count || (prefix != typed && prefix.unicodeScalars.count == typed.unicodeScalars.count && !prefix.isEmpty) else {
            return nil
        }
        return prefix
    }

    /// Whether Tab should list the candidates: whenever there are several (after inserting
    /// their common prefix).
    public var shouldList: Bool { candidates.count > 1 }
}
