import ParleyGraph
import ParleyValues

/// Expressions: one method per precedence level, lowest first.
extension Parser {
    /// Any expression.
    mutating func expression() throws(QueryError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth {
            throw QueryError(.compileTime, .syntax(.unexpectedSyntax),
                             "Expression nested too deeply (more than \(Parser.maxDepth) levels)", at: current.range)
        }
        // Each level takes a few dozen frames; a thread with a small stack runs out before the
        // level bound does, and gets this error instead of a crash.
        guard StackGuard.hasRoom else {
            throw QueryError(.compileTime, .syntax(.unexpectedSyntax),
                             "Expression nested too deeply to parse on this thread's stack", at: current.range,
                             hint: "split the expression, or run the query on a thread with a larger stack")
        }
        let start = current
        return try bounded(try orExpression(), at: start)
    }

    mutating func orExpression() throws(QueryError) -> Expression {
        let first = try xorExpression()
        guard current.isKeyword("OR") else { return first }
        var operands = [first]
        while current.isKeyword("OR") {
            advance()
            operands.append(try xorExpression())
        }
        return Parser.balanced(.or, operands[...])
    }

    mutating func xorExpression() throws(QueryError) -> Expression {
        let first = try andExpression()
        guard current.isKeyword("XOR") else { return first }
        var operands = [first]
        while current.isKeyword("XOR") {
            advance()
            operands.append(try andExpression())
        }
        return Parser.balanced(.xor, operands[...])
    }

    mutating func andExpression() throws(QueryError) -> Expression {
        let first = try notExpression()
        guard current.isKeyword("AND") else { return first }
        var operands = [first]
        while current.isKeyword("AND") {
            advance()
            operands.append(try notExpression())
        }
        return Parser.balanced(.and, operands[...])
    }

    /// `a op b op c ...` for an associative `op` (AND, OR, XOR) as a balanced tree: a generated
    /// `WHERE` with 100,000 terms is log₂(100,000) ≈ 17 levels deep, not 100,000. Operands keep
    /// their order, so evaluation (and short-circuiting) still goes left to right.
    static func balanced(_ op: Expression.BinaryOp, _ operands: ArraySlice<Expression>) -> Expression {
        if operands.count == 1 { return operands.first! }
        let mid = operands.startIndex + operands.count / 2
        let l = balanced(op, operands[..<mid]), r = balanced(op, operands[mid...])
        return Expression(.binary(op, l, r), SourceRange(start: l.range.start, end: r.range.end))
    }

    /// `e`, or the "nested too deeply" error at `token` if `e` is taller than ``maxHeight``
    /// (a chain such as `1+1+…` grows one level per operator).
    func bounded(_ e: Expression, at token: Token) throws(QueryError) -> Expression {
        guard e.height > Parser.maxHeight else { return e }
        throw QueryError(.compileTime, .syntax(.unexpectedSyntax),
                         "Expression nested too deeply (more than \(Parser.maxHeight) levels)", at: token.range,
                         hint: "split the expression, e.g. sum a list with reduce() or compare with IN [...]")
    }

    mutating func notExpression() throws(QueryError) -> Expression {
        if current.isKeyword("NOT") {
            let start = advance().range.start
            depth += 1
            defer { depth -= 1 }
            if depth > Parser.maxDepth { throw unexpected(expected: "a shorter chain of NOT") }
            let e = try notExpression()
            return Expression(.unary(.not, e), range(from: start))
        }
        return try comparisonExpression()
    }

    /// `a = b`, `a < b <= c` (a chain becomes a conjunction of pairwise comparisons).
    mutating func comparisonExpression() throws(QueryError) -> Expression {
        let first = try predicateExpression()
        var operands = [first]
        var ops: [Expression.BinaryOp] = []
        while current.kind == .symbol, let op = Parser.comparisonOp(current.text) {
            advance()
            ops.append(op)
            operands.append(try predicateExpression())
        }
        if ops.isEmpty { return first }
        let pairs = ops.enumerated().map { i, op in
            let l = operands[i], r = operands[i + 1]
            return Expression(.binary(op, l, r), SourceRange(start: l.range.start, end: r.range.end))
        }
        return Parser.balanced(.and, pairs[...])
    }

    static func comparisonOp(_ s: String) -> Expression.BinaryOp? {
        switch s {
        case "=": return .eq
        case "<>", "!=": return .ne
        case "<": return .lt
        case "<=": return .le
        case ">": return .gt
        case ">=": return .ge
        default: return nil
        }
    }

    /// `STARTS WITH`, `ENDS WITH`, `CONTAINS`, `IN`, `=~`, `IS [NOT] NULL`, and the type
    /// predicates `IS [NOT] :: type`, `IS [NOT] TYPED type`, `:: type`.
    mutating func predicateExpression() throws(QueryError) -> Expression {
        var e = try additiveExpression()
        while true {
            let opToken = current
            let op: Expression.BinaryOp
            if current.isKeyword("STARTS") && peek().isKeyword("WITH") {
                advance(); advance(); op = .startsWith
            } else if current.isKeyword("ENDS") && peek().isKeyword("WITH") {
                advance(); advance(); op = .endsWith
            } else if current.isKeyword("CONTAINS") {
                advance(); op = .contains
            } else if current.isKeyword("IN") {
                advance(); op = .in
            } else if current.isSymbol("=~") {
                advance(); op = .regex
            } else if current.isKeyword("IS") {
                advance()
                let negated = accept("NOT")
                if acceptTypeMarker() {
                    let type = try cypherType()
                    e = try bounded(Expression(.typePredicate(e, type, negated: negated), range(from: e.range.start)), at: opToken)
                    continue
                }
                try expect("NULL")
                e = try bounded(Expression(.isNull(e, negated: negated), range(from: e.range.start)), at: opToken)
                continue
            } else if current.isSymbol("::") {
                advance()
                let type = try cypherType()
                e = try bounded(Expression(.typePredicate(e, type, negated: false), range(from: e.range.start)), at: opToken)
                continue
            } else {
                return e
            }
            let r = try additiveExpression()
            e = try bounded(Expression(.binary(op, e, r), SourceRange(start: e.range.start, end: r.range.end)), at: opToken)
        }
    }

    mutating func additiveExpression() throws(QueryError) -> Expression {
        var e = try multiplicativeExpression()
        while current.isSymbol("+") || current.isSymbol("-") {
            let opToken = advance()
            let op: Expression.BinaryOp = opToken.text == "+" ? .add : .sub
            let r = try multiplicativeExpression()
            e = try bounded(Expression(.binary(op, e, r), SourceRange(start: e.range.start, end: r.range.end)), at: opToken)
        }
        return e
    }

    mutating func multiplicativeExpression() throws(QueryError) -> Expression {
        var e = try powerExpression()
        while current.isSymbol("*") || current.isSymbol("/") || current.isSymbol("%") {
            let opToken = advance()
            let op: Expression.BinaryOp = opToken.text == "*" ? .mul : (opToken.text == "/" ? .div : .mod)
            let r = try powerExpression()
            e = try bounded(Expression(.binary(op, e, r), SourceRange(start: e.range.start, end: r.range.end)), at: opToken)
        }
        return e
    }

    mutating func powerExpression() throws(QueryError) -> Expression {
        var e = try unaryExpression()
        while current.isSymbol("^") {
            let opToken = advance()
            let r = try unaryExpression()
            e = try bounded(Expression(.binary(.pow, e, r), SourceRange(start: e.range.start, end: r.range.end)), at: opToken)
        }
        return e
    }

    mutating func unaryExpression() throws(QueryError) -> Expression {
        if current.isSymbol("-") || current.isSymbol("+") {
            let t = advance()
            if t.text == "-", current.kind == .integer {
                let lit = advance()
                let r = SourceRange(start: t.range.start, end: lit.range.end)
                let v = try integerLiteral("-" + lit.text, r)
                return try postfix(Expression(.literal(v), r))
            }
            depth += 1
            defer { depth -= 1 }
            if depth > Parser.maxDepth { throw unexpected(expected: "a shorter chain of signs") }
            let e = try unaryExpression()
            return Expression(.unary(t.text == "-" ? .minus : .plus, e), range(from: t.range.start))
        }
        return try postfix(try atom())
    }

    /// Property access, indexing, slicing and label checks after an atom.
    mutating func postfix(_ base: Expression) throws(QueryError) -> Expression {
        var e = base
        while true {
            let opToken = current
            if current.isSymbol(".") {
                advance()
                let key = try name("a property name")
                e = Expression(.property(e, key), range(from: e.range.start))
            } else if current.isSymbol("[") {
                advance()
                if acceptSymbol("..") {
                    let hi = current.isSymbol("]") ? nil : try expression()
                    try expectSymbol("]")
                    e = try bounded(Expression(.slice(e, nil, hi), range(from: e.range.start)), at: opToken)
                    continue
                }
                let idx = try expression()
                if acceptSymbol("..") {
                    let hi = current.isSymbol("]") ? nil : try expression()
                    try expectSymbol("]")
                    e = Expression(.slice(e, idx, hi), range(from: e.range.start))
                } else {
                    try expectSymbol("]")
                    e = Expression(.index(e, idx), range(from: e.range.start))
                }
            } else if current.isSymbol(":") && startsLabelAtom(peek()) {
                let labels = try labelExpression(relationship: false)
                let r = range(from: e.range.start)
                e = labels.predicate(on: e, range: r)
                e.range = r
            } else {
                return e
            }
            e = try bounded(e, at: opToken)
        }
    }

    /// Parses an integer literal's spelling (decimal, `0x` hex, `0o` octal), checking range.
    func integerLiteral(_ text: String, _ r: SourceRange) throws(QueryError) -> Value {
        var body = Substring(text)
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        var radix = 10
        if body.hasPrefix("0x") || body.hasPrefix("0X") { radix = 16; body = body.dropFirst(2) }
        else if body.hasPrefix("0o") || body.hasPrefix("0O") { radix = 8; body = body.dropFirst(2) }
        let validDigits = !body.isEmpty && body.allSatisfy { c in
            guard let v = c.hexDigitValue else { return false }
            return v < radix
        }
        guard validDigits else { throw error(.invalidNumberLiteral, "Invalid number literal '\(text)'", r) }
        guard let magnitude = UInt64(body, radix: radix) else {
            throw error(.integerOverflow, "Integer literal '\(text)' is too large for a 64-bit integer", r)
        }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
            guard magnitude <= UInt64(Int64.max) else { throw error(.integerOverflow, "Integer literal '\(text)' is too large for a 64-bit integer", r) }
            return .int(-Int64(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else { throw error(.integerOverflow, "Integer literal '\(text)' is too large for a 64-bit integer", r) }
        return .int(Int64(magnitude))
    }

    /// Literals, parameters, variables, function calls, CASE, lists, maps, parentheses.
    mutating func atom() throws(QueryError) -> Expression {
        let t = current
        let start = t.range.start
        switch t.kind {
        case .integer:
            advance()
            return Expression(.literal(try integerLiteral(t.text, t.range)), t.range)
        case .float:
            advance()
            guard let d = Double(t.text) else { throw error(.invalidNumberLiteral, "Invalid number literal '\(t.text)'", t.range) }
            if !d.isFinite { throw error(.floatingPointOverflow, "Float literal '\(t.text)' is too large", t.range) }
            return Expression(.literal(.double(d)), t.range)
        case .string:
            advance()
            return Expression(.literal(.string(t.text)), t.range)
        case .parameter:
            advance()
            return Expression(.parameter(t.text), t.range)
        case .quotedName:
            advance()
            return try afterVariable(t.text, t.range)
        case .symbol:
            if t.text == "(" { return try parenthesized() }
            if t.text == "[" { return try listOrComprehension() }
            if t.text == "{" {
                let entries = try mapLiteral()
                return Expression(.map(entries), range(from: start))
            }
            throw unexpected(expected: "an expression")
        case .end:
            throw unexpected(expected: "an expression")
        case .word:
            break
        }
        let upper = t.text.uppercased()
        switch upper {
        case "TRUE": advance(); return Expression(.literal(.bool(true)), t.range)
        case "FALSE": advance(); return Expression(.literal(.bool(false)), t.range)
        case "NULL": advance(); return Expression(.literal(.null), t.range)
        case "CASE": return try caseExpression()
        case "EXISTS" where peek().isSymbol("{"), "COUNT" where peek().isSymbol("{"), "COLLECT" where peek().isSymbol("{"):
            advance()
            let body = try subqueryBody(allowPattern: true)
            return Expression(.subquery(SubqueryExpressionKind(rawValue: upper)!, body), range(from: start))        default: break
        }
        if peek().isSymbol("(") {
            if upper == "COUNT" && peek(2).isSymbol("*") {
                advance(); advance(); advance()
                try expectSymbol(")")
                return Expression(.countStar, range(from: start))
            }
            if ["ALL", "ANY", "NONE", "SINGLE"].contains(upper), peek(2).kind == .word || peek(2).kind == .quotedName, peek(3).isKeyword("IN") {
                advance(); advance()
                let v = try name()
                try expect("IN")
                let src = try expression()
                try expect("WHERE")
                let pred = try expression()
                try expectSymbol(")")
                return Expression(.quantifier(Expression.Quantifier(rawValue: upper.lowercased())!, variable: v, source: src, predicate: pred), range(from: start))
            }
            if upper == "REDUCE" { return try reduceExpression() }
            if upper == "EXISTS" && (peek(2).isSymbol("(")) {
                // exists((n)-->()) or exists(n.prop)
                advance(); advance()
                let inner = try expression()
                try expectSymbol(")")
                return Expression(.function(name: "exists", distinct: false, args: [inner]), range(from: start))
            }
            if upper == "SHORTESTPATH" || upper == "ALLSHORTESTPATHS" { return try shortestPathExpression(start) }
            return try functionCall(name: advance().text, start: start)
        }
        // Namespaced function: a.b.c(...)
        if peek().isSymbol("."), peek(2).kind == .word {
            var look = 1
            var parts = [t.text]
            while peek(look).isSymbol("."), peek(look + 1).kind == .word {
                parts.append(peek(look + 1).text)
                look += 2
            }
            if peek(look).isSymbol("(") {
                for _ in 0..<look { advance() }
                return try functionCall(name: parts.joined(separator: "."), start: start)
            }
        }
        advance()
        return try afterVariable(t.text, t.range)
    }
}
