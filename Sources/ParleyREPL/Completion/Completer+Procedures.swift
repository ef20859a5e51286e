import ParleyQuery

/// Completion of procedure calls: the procedure's name after `CALL` (`CALL algo.pa` →
/// `algo.pageRank(`) and the columns it yields after `YIELD`.
extension Completer {
    /// The completion of a procedure name or a `YIELD` column at the cursor, or nil when the
    /// cursor is at neither.
    func completeProcedure(_ word: String, _ scan: StatementScan) -> CompletionResult? {
        if scan.wordInBackticks { return nil }
        let tokens = scan.tokens
        // The dotted name typed so far: `algo.` + word, with no space inside.
        var end = tokens.endIndex
        var parts: [String] = []
        var adjacent = !scan.wordSpaceBefore
        while adjacent, end >= 2, tokens[end - 1].isSymbol("."), tokens[end - 2].kind == .identifier,
              !tokens[end - 1].spaceBefore {
            parts.insert(tokens[end - 2].text, at: 0)
            adjacent = !tokens[end - 2].spaceBefore
            end -= 2
        }
        if end >= 1, tokens[end - 1].isKeyword("CALL"), parts.isEmpty ? scan.wordSpaceBefore : tokens[end].spaceBefore {
            let prefix = parts.isEmpty ? "" : parts.joined(separator: ".") + "."
            return procedureNames(typed: prefix + word, dropping: prefix.count, word: word)
        }
        return yieldColumns(word, scan)
    }

    /// The procedures whose names start with `typed`, written from its last `dropping` characters.
    private func procedureNames(typed: String, dropping: Int, word: String) -> CompletionResult {
        let names = context.procedures.map(\.name)
        var matches = names.filter { $0.hasPrefix(typed) }
        if matches.isEmpty {
            let lower = typed.lowercased()
            matches = names.filter { $0.lowercased().hasPrefix(lower) }
        }
        matches.sort()
        // Once the typed text holds a whole dotted prefix, only what follows it is inserted.
        return CompletionResult(typed: word, candidates: matches.map { String($0.dropFirst(dropping)) },
                                suffixWhenUnique: "(", displayed: matches)
    }

    /// The columns of the called procedure not yet yielded, after `YIELD` or a comma of its list.
    private func yieldColumns(_ word: String, _ scan: StatementScan) -> CompletionResult? {
        let tokens = scan.tokens
        guard scan.openBrackets.isEmpty, let last = tokens.last, last.isKeyword("YIELD") || last.isSymbol(",") else { return nil }
        guard let yield = tokens.lastIndex(where: { $0.isKeyword("YIELD") }),
              let call = tokens[..<yield].lastIndex(where: { $0.isKeyword("CALL") }) else { return nil }
        // Only names, commas and `AS` between YIELD and the cursor: still the YIELD list.
        let list = tokens[(yield + 1)...]
        guard list.allSatisfy({ $0.kind == .identifier || $0.isSymbol(",") }),
              !list.contains(where: { ["WHERE", "RETURN", "WITH"].contains($0.text.uppercased()) && !$0.quoted }) else { return nil }
        var name = ""
        var i = call + 1
        while i < yield, tokens[i].kind == .identifier || tokens[i].isSymbol(".") {
            name += tokens[i].text
            i += 1
        }
        guard let signature = context.procedures.first(where: { $0.name == name })
            ?? context.procedures.first(where: { $0.name.lowercased() == name.lowercased() }) else { return nil }
        let taken = Set(list.filter { $0.kind == .identifier }.map(\.text))
        let columns = signature.outputs.map(\.name).filter { !taken.contains($0) }
        var matches = columns.filter { $0.hasPrefix(word) }
        if matches.isEmpty { matches = columns.filter { $0.lowercased().hasPrefix(word.lowercased()) } }
        return CompletionResult(typed: word, candidates: matches)
    }
}
