import ParleyGraph
import ParleyValues

/// The pieces of atoms: map projections, function calls, reduce, parentheses, lists and
/// comprehensions, map literals, CASE.
extension Parser {
    /// A variable, possibly followed by a map projection `{...}`.
    mutating func afterVariable(_ name: String, _ r: SourceRange) throws(QueryError) -> Expression {
        let v = Expression(.variable(name), r)
        guard current.isSymbol("{") else { return v }
        advance()
        var items: [Expression.MapProjectionItem] = []
        if !current.isSymbol("}") {
            repeat {
                if acceptSymbol(".") {
                    if acceptSymbol("*") { items.append(.allProperties) } else { items.append(.property(try self.name("a property name"))) }
                } else {
                    let key = try self.name("a key")
                    if acceptSymbol(":") { items.append(.literal(key, try expression())) } else { items.append(.variable(key)) }
                }
            } while acceptSymbol(",")
        }
        try expectSymbol("}")
        return Expression(.mapProjection(v, items), range(from: r.start))
    }

    /// `name(DISTINCT? args)` after the name.
    mutating func functionCall(name: String, start: SourceLocation) throws(QueryError) -> Expression {
        try expectSymbol("(")
        let distinct = accept("DISTINCT")
        var args: [Expression] = []
        if name.lowercased() == "trim", !distinct, let specified = try trimSpecification() {
            args = specified
        } else if !current.isSymbol(")") {
            repeat {
                // normalize(s, NFKC): the normal form is a bare word (a string works too).
                if args.count == 1, name.lowercased() == "normalize", current.kind == .word, peek().isSymbol(")"),
                   BuiltinFunctions.Normalization.forms.contains(current.text.uppercased()) {
                    let form = advance()
                    args.append(Expression(.literal(.string(form.text.uppercased())), form.range))
                    continue
                }
                args.append(try expression())
            } while acceptSymbol(",")
        }
        try expectSymbol(")")
        return Expression(.function(name: name, distinct: distinct, args: args), range(from: start))
    }

    /// The arguments of `trim([[BOTH|LEADING|TRAILING] [character] FROM] s)` when a side or
    /// FROM is written: `[s, side]` or `[s, side, character]`; nil (nothing consumed) for a
    /// plain `trim(s)`.
    mutating func trimSpecification() throws(QueryError) -> [Expression]? {
        let sideToken = current
        var side: String?
        if ["BOTH", "LEADING", "TRAILING"].contains(current.text.uppercased()), current.kind == .word,
           !peek().isSymbol(")"), !peek().isSymbol("."), !peek().isSymbol(",") {
            side = advance().text.uppercased()
        }
        var character: Expression?
        if side == nil {
            // `trim(c FROM s)`, or a plain call: look for FROM after the first expression.
            let saved = self
            let first = try expression()
            guard accept("FROM") else {
                self = saved
                return nil
            }
            character = first
            side = "BOTH"
        } else if !accept("FROM") {
            character = try expression()
            try expect("FROM")
        }
        let source = try expression()
        var args = [source, Expression(.literal(.string(side!)), sideToken.range)]
        if let character { args.append(character) }
        return args
    }

    /// `reduce(acc = init, x IN list | body)`.
    mutating func reduceExpression() throws(QueryError) -> Expression {
        let start = advance().range.start
        try expectSymbol("(")
        let acc = try name()
        try expectSymbol("=")
        let initial = try expression()
        try expectSymbol(",")
        let v = try name()
        try expect("IN")
        let src = try expression()
        try expectSymbol("|")
        let body = try expression()
        try expectSymbol(")")
        return Expression(.reduce(accumulator: acc, initial: initial, variable: v, source: src, body: body), range(from: start))
    }

    /// Tries to parse a pattern at the current position, remembering the outcome for this
    /// position so that backtracking never parses the same text as a pattern twice. On success
    /// the cursor is after the pattern; on failure it is wherever the attempt stopped.
    mutating func speculativePattern(allowNamed: Bool) -> PatternPart? {
        let key = SpeculationKey(position: pos, allowNamed: allowNamed)
        if let known = speculativePatterns[key] {
            pos = known.end
            return known.part
        }
        let part = try? patternPart(allowNamed: allowNamed)
        speculativePatterns[key] = (part, pos)
        return part
    }

    /// `( expr )` or a pattern predicate `(a)-->(b)`.
    mutating func parenthesized() throws(QueryError) -> Expression {
        let start = current.range.start
        let saved = pos
        if let part = speculativePattern(allowNamed: false), !part.chain.isEmpty {
            return Expression(.pattern(part), range(from: start))
        }
        pos = saved
        advance()
        let outer = inComprehensionPredicate
        inComprehensionPredicate = false
        defer { inComprehensionPredicate = outer }
        let e = try expression()
        try expectSymbol(")")
        return Expression(e.kind, range(from: start))
    }

    /// A comprehension's WHERE predicate, in which `|` ends the predicate.
    private mutating func comprehensionPredicate() throws(QueryError) -> Expression {
        let outer = inComprehensionPredicate
        inComprehensionPredicate = true
        defer { inComprehensionPredicate = outer }
        return try expression()
    }

    /// `[a, b]` or `[x IN list WHERE p | e]`.
    mutating func listOrComprehension() throws(QueryError) -> Expression {
        let start = advance().range.start
        if current.isSymbol("(") || ((current.kind == .word || current.kind == .quotedName) && peek().isSymbol("=") && peek(2).isSymbol("(")) {
            let saved = pos
            if let part = speculativePattern(allowNamed: true), !part.chain.isEmpty, current.isKeyword("WHERE") || current.isSymbol("|") {
                let pred = accept("WHERE") ? try comprehensionPredicate() : nil
                try expectSymbol("|")
                let proj = try expression()
                try expectSymbol("]")
                return Expression(.patternComprehension(part, predicate: pred, projection: proj), range(from: start))
            }
            pos = saved
        }
        if (current.kind == .word || current.kind == .quotedName) && peek().isKeyword("IN") {
            let v = advance().text
            advance()
            let src = try expression()
            let pred = accept("WHERE") ? try comprehensionPredicate() : nil
            let proj = acceptSymbol("|") ? try expression() : nil
            try expectSymbol("]")
            return Expression(.listComprehension(variable: v, source: src, predicate: pred, projection: proj), range(from: start))
        }
        var items: [Expression] = []
        if !current.isSymbol("]") {
            repeat { items.append(try expression()) } while acceptSymbol(",")
        }
        try expectSymbol("]")
        return Expression(.list(items), range(from: start))
    }

    /// `{key: value, ...}`.
    mutating func mapLiteral() throws(QueryError) -> [(key: String, value: Expression)] {
        try expectSymbol("{")
        var entries: [(key: String, value: Expression)] = []
        if !current.isSymbol("}") {
            repeat {
                let key = try name("a map key")
                try expectSymbol(":")
                entries.append((key, try expression()))
            } while acceptSymbol(",")
        }
        try expectSymbol("}")
        return entries
    }

    /// `CASE [subject] WHEN ... THEN ... [ELSE ...] END`.
    mutating func caseExpression() throws(QueryError) -> Expression {
        let start = advance().range.start
        let subject = current.isKeyword("WHEN") ? nil : try expression()
        var whens: [(when: Expression, then: Expression)] = []
        while accept("WHEN") {
            let w = try expression()
            try expect("THEN")
            whens.append((w, try expression()))
        }
        if whens.isEmpty { throw unexpected(expected: "WHEN") }
        let otherwise = accept("ELSE") ? try expression() : nil
        try expect("END")
        return Expression(.caseExpr(subject: subject, whens: whens, otherwise: otherwise), range(from: start))
    }
}
