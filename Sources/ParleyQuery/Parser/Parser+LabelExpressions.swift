import ParleyGraph

/// Label and relationship-type expressions: `:A:B` (the colon conjunction), `:A&B`, `:A|B`,
/// `:!A`, `:%` and parentheses. `!` binds tightest, then `&`, then `|`.
extension Parser {
    /// A label expression starting at the current `:`. A relationship's types may repeat the
    /// colon after `|` (`:R|:S`, the older spelling); a node's labels may chain colons (`:A:B`)
    /// but not mix them with `|`, `&`, `!` or `%`, as in Neo4j.
    mutating func labelExpression(relationship: Bool) throws(QueryError) -> LabelExpression {
        try expectSymbol(":")
        var result = try labelDisjunction(relationship: relationship)
        guard !relationship else { return result }
        var mixed = result.conjunction == nil
        while current.isSymbol(":") && startsLabelAtom(peek()) {
            let colon = current.range
            advance()
            let next = try labelDisjunction(relationship: false)
            if mixed || next.conjunction == nil {
                throw error(.unexpectedSyntax,
                            "Mixing label expression symbols ('|', '&', '!', and '%') with colon (':') is not allowed: write :A&B instead of :A:B",
                            colon)
            }
            mixed = mixed || next.conjunction == nil
            result = .and(result, next)
        }
        return result
    }

    /// Whether `token` can begin a label expression after a `:`.
    func startsLabelAtom(_ token: Token) -> Bool {
        token.kind == .word || token.kind == .quotedName || token.isSymbol("!") || token.isSymbol("%") || token.isSymbol("(")
    }

    private mutating func labelDisjunction(relationship: Bool) throws(QueryError) -> LabelExpression {
        var e = try labelConjunction(relationship: relationship)
        while current.isSymbol("|") && !inComprehensionPredicate {
            advance()
            if relationship { _ = acceptSymbol(":") }
            e = .or(e, try labelConjunction(relationship: relationship))
        }
        return e
    }

    private mutating func labelConjunction(relationship: Bool) throws(QueryError) -> LabelExpression {
        var e = try labelNegation(relationship: relationship)
        while acceptSymbol("&") { e = .and(e, try labelNegation(relationship: relationship)) }
        return e
    }

    private mutating func labelNegation(relationship: Bool) throws(QueryError) -> LabelExpression {
        if acceptSymbol("!") { return .not(try labelNegation(relationship: relationship)) }
        if acceptSymbol("%") { return .any }
        if current.isSymbol("(") {
            let open = current
            advance()
            depth += 1
            defer { depth -= 1 }
            if depth > Parser.maxDepth { throw error(.unexpectedSyntax, "Label expression nested too deeply", open.range) }
            let saved = inComprehensionPredicate
            inComprehensionPredicate = false
            defer { inComprehensionPredicate = saved }
            let e = try labelDisjunction(relationship: relationship)
            try expectSymbol(")")
            return e
        }
        return .name(try name(relationship ? "a relationship type" : "a label name"))
    }
}
