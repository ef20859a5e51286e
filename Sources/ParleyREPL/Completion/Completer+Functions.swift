/// Completion of namespaced function names: `coll.so` → `coll.sort(`, `date.tru` →
/// `date.truncate(`, from the engine's function list.
extension Completer {
    /// The completion of a dotted function name at the cursor, or nil when the text before the
    /// word is not a function namespace (`coll.`, `date.`, `duration.`, ...) or names a variable.
    func completeNamespacedFunction(_ word: String, _ scan: StatementScan) -> CompletionResult? {
        if scan.wordInBackticks || scan.wordSpaceBefore { return nil }
        let tokens = scan.tokens
        var end = tokens.endIndex
        var parts: [String] = []
        var adjacent = true
        while adjacent, end >= 2, tokens[end - 1].isSymbol("."), tokens[end - 2].kind == .identifier,
              !tokens[end - 1].spaceBefore {
            parts.insert(tokens[end - 2].text, at: 0)
            adjacent = !tokens[end - 2].spaceBefore
            end -= 2
        }
        guard let first = parts.first else { return nil }
        if VariableScope(scan.tokens).variables.contains(first) { return nil }
        let prefix = parts.joined(separator: ".") + "."
        let lowerPrefix = prefix.lowercased(), lowerTyped = (prefix + word).lowercased()
        let matches = CypherVocabulary.functions.filter { $0.lowercased().hasPrefix(lowerTyped) }
        guard CypherVocabulary.functions.contains(where: { $0.lowercased().hasPrefix(lowerPrefix) }) else { return nil }
        return CompletionResult(typed: word, candidates: matches.map { String($0.dropFirst(prefix.count)) },
                                suffixWhenUnique: "(", displayed: matches)
    }
}
