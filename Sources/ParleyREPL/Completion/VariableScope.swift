/// The variables a statement binds before the cursor, with the labels and types their patterns
/// give them: `(x:Person)`, `[r:MET]`, `p = (…)`, `… AS y`, `UNWIND … AS z`, `[v IN list | …]`.
struct VariableScope {
    /// Variable names in the order they are first bound.
    private(set) var variables: [String] = []
    /// Labels written for a node variable (`(x:A:B)` → `["A", "B"]`), first pattern that gives any.
    private(set) var nodeLabels: [String: [String]] = [:]
    /// The first relationship type written for a relationship variable.
    private(set) var relationshipTypes: [String: String] = [:]

    /// Reads the bindings in `tokens`.
    init(_ tokens: [ScannedToken]) {
        var seen = Set<String>()
        func bind(_ name: String) {
            guard !name.isEmpty, seen.insert(name).inserted else { return }
            variables.append(name)
        }
        for (i, token) in tokens.enumerated() where token.kind == .identifier {
            let previous = i > 0 ? tokens[i - 1] : nil
            let next = i + 1 < tokens.count ? tokens[i + 1] : nil
            if !token.quoted && CypherVocabulary.reservedWords.contains(token.text.uppercased()) { continue }

            if let previous, previous.isSymbol("(") || previous.isSymbol("["),
               !Self.isCall(tokens, openAt: i - 1) {
                // A pattern element or a list comprehension: `(x`, `[r`, `[v IN`.
                if let next, next.kind != .symbol, !next.isKeyword("IN") { continue }
                bind(token.text)
                let labels = Self.labels(tokens, after: i)
                if previous.isSymbol("("), !labels.isEmpty, nodeLabels[token.text] == nil {
                    nodeLabels[token.text] = labels
                }
                if previous.isSymbol("["), let type = labels.first, relationshipTypes[token.text] == nil {
                    relationshipTypes[token.text] = type
                }
            } else if let previous, previous.isKeyword("AS") {
                bind(token.text)
            } else if let next, next.isSymbol("="), previous.map({ !$0.isSymbol(".") }) ?? true,
                      i + 2 < tokens.count,
                      tokens[i + 2].isSymbol("(") || tokens[i + 2].isKeyword("SHORTESTPATH") || tokens[i + 2].isKeyword("ALLSHORTESTPATHS") {
                // A path variable: `p = (…)` or `p = shortestPath(…)`.
                bind(token.text)
            }
        }
    }

    /// Whether the bracket at `index` opens a function call's arguments (a name right before it).
    private static func isCall(_ tokens: [ScannedToken], openAt index: Int) -> Bool {
        guard tokens[index].isSymbol("("), index > 0 else { return false }
        let before = tokens[index - 1]
        guard before.kind == .identifier else { return false }
        return !CypherVocabulary.reservedWords.contains(before.text.uppercased()) || before.quoted
    }

    /// The names after `:` (and `|`) that follow the variable at `index`: `x:A:B`, `r:T|U`.
    private static func labels(_ tokens: [ScannedToken], after index: Int) -> [String] {
        var labels: [String] = []
        var i = index + 1
        while i + 1 < tokens.count, tokens[i].isSymbol(":") || tokens[i].isSymbol("|"), tokens[i + 1].kind == .identifier {
            labels.append(tokens[i + 1].text)
            i += 2
        }
        return labels
    }
}
