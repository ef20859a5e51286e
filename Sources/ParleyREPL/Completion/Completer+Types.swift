import ParleyQuery

/// Completion of type names after `::` and `TYPED` (`x IS :: INT` → `INTEGER`), from the
/// engine's list of type names.
extension Completer {
    /// The type names for the word at the cursor, or nil when it does not follow `::` or `TYPED`.
    func completeTypeName(_ word: String, _ scan: StatementScan) -> CompletionResult? {
        if scan.wordInBackticks { return nil }
        let tokens = scan.tokens
        guard let last = tokens.last else { return nil }
        let afterColons = tokens.count >= 2 && last.isSymbol(":") && tokens[tokens.count - 2].isSymbol(":") && !last.spaceBefore
        guard afterColons || last.isKeyword("TYPED") else { return nil }
        let upper = word.uppercased()
        let matches = QueryVocabulary.typeNames.filter { $0.hasPrefix(upper) }
        let suffix = matches.count == 1 && !matches[0].hasSuffix("<") ? " " : ""
        return CompletionResult(typed: word, candidates: matches, suffixWhenUnique: suffix)
    }
}
