/// Why a pattern is not a valid regular expression, and where: `offset` and `length` count
/// Unicode scalars of the pattern (`offset == pattern length` is its end).
struct RegexSyntaxError: Error, Sendable, Equatable {
    /// What was expected and what was found, e.g. `unmatched ')'`.
    var message: String
    /// The scalar offset of the offending part of the pattern.
    var offset: Int
    /// How many scalars the offending part spans (0 at the end of the pattern).
    var length: Int

    /// Creates an error.
    init(_ message: String, at offset: Int, length: Int = 1) {
        self.message = message
        self.offset = offset
        self.length = length
    }

    /// The error as one sentence naming the pattern, e.g.
    /// `Invalid regular expression: unmatched ')' at offset 1 in 'a)|(z'`.
    /// At the end of the pattern: `... at the end of '[a-'`.
    func describe(pattern: String) -> String {
        let place = offset >= pattern.unicodeScalars.count ? "at the end of" : "at offset \(offset) in"
        return "Invalid regular expression: \(message) \(place) '\(pattern)'"
    }
}
