import ParleyGraph
import ParleyValues

/// Statements and clauses.
extension Parser {
    /// `[EXPLAIN|PROFILE] query (UNION [ALL] query)* [;]`.
    mutating func statement() throws(QueryError) -> Statement {
        var mode = Statement.Mode.run
        if accept("EXPLAIN") { mode = .explain } else if accept("PROFILE") { mode = .profile }
        var queries = [try singleQuery()]
        var all: [Bool] = []
        while accept("UNION") {
            all.append(accept("ALL"))
            queries.append(try singleQuery())
        }
        _ = acceptSymbol(";")
        if current.kind != .end {
            throw unexpected(expected: "a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE, MERGE, SET, REMOVE, DELETE), UNION, ';' or end of input")
        }
        return Statement(mode: mode, queries: queries, unionAll: all)
    }

    /// A sequence of clauses up to UNION, `;` or the end.
    mutating func singleQuery() throws(QueryError) -> [Clause] {
        var clauses: [Clause] = []
        while true {
            if current.kind == .end || current.isSymbol(";") || current.isSymbol("}") || current.isKeyword("UNION") { break }
            guard let c = try clause() else {
                let expected = clauses.isEmpty
                    ? "a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE, MERGE)"
                    : "a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE, MERGE, SET, REMOVE, DELETE), UNION or end of input"
                throw unexpected(expected: expected, suggest: Parser.clauseKeywords + ["WHERE", "ORDER", "SKIP", "OFFSET", "LIMIT"])
            }
            clauses.append(c)
        }
        if clauses.isEmpty { throw unexpected(expected: "a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE, MERGE)") }
        return clauses
    }

    /// One clause, or nil if the current token does not start one.
    mutating func clause() throws(QueryError) -> Clause? {
        let start = current.range.start
        if atSubqueryCall { return try subqueryCall() }
        if current.isKeyword("MATCH") || (current.isKeyword("OPTIONAL") && peek().isKeyword("MATCH")) {
            let optional = accept("OPTIONAL")
            advance()
            let patterns = try patternList()
            let predicate = accept("WHERE") ? try expression() : nil
            return .match(optional: optional, patterns: patterns, predicate: predicate, range: range(from: start))
        }
        if accept("UNWIND") {
            let e = try expression()
            try expect("AS")
            let v = try name("a variable name")
            return .unwind(e, variable: v, range: range(from: start))
        }
        if accept("WITH") {
            let p = try projection(start, isWith: true)
            let predicate = accept("WHERE") ? try expression() : nil
            return .with(p, predicate: predicate)
        }
        if accept("RETURN") { return .return(try projection(start, isWith: false)) }
        if let c = try cypher25Clause(start) { return c }
        if accept("CREATE") { return .create(try patternList(), range: range(from: start)) }
        if accept("MERGE") {
            let part = try patternPart(allowNamed: true)
            var onCreate: [SetItem] = [], onMatch: [SetItem] = []
            while accept("ON") {
                if accept("CREATE") { try expect("SET"); onCreate += try setItems() }
                else if accept("MATCH") { try expect("SET"); onMatch += try setItems() }
                else { throw unexpected(expected: "CREATE or MATCH") }
            }
            return .merge(part, onCreate: onCreate, onMatch: onMatch, range: range(from: start))
        }
        if accept("SET") { return .set(try setItems(), range: range(from: start)) }
        if accept("FOREACH") { return try foreachClause(start) }
        if accept("REMOVE") {
            var items: [RemoveItem] = []
            repeat {
                let s = current.range.start
                if (current.kind == .word || current.kind == .quotedName) && peek().isSymbol(":") {
                    let v = advance().text
                    var labels: [String] = []
                    while acceptSymbol(":") { labels.append(try name("a label name")) }
                    items.append(.labels(variable: v, labels: labels, range: range(from: s)))
                } else {
                    let target = try postfixTarget()
                    guard case .property(let base, let key) = target.kind else { throw unexpected(expected: "a property or labels to remove") }
                    items.append(.property(target: base, key: key))
                }
            } while acceptSymbol(",")
            return .remove(items, range: range(from: start))
        }
        if current.isKeyword("DELETE") || (current.isKeyword("DETACH") && peek().isKeyword("DELETE")) {
            let detach = accept("DETACH")
            advance()
            var exprs: [Expression] = []
            repeat { exprs.append(try expression()) } while acceptSymbol(",")
            return .delete(exprs, detach: detach, range: range(from: start))
        }
        if accept("CALL") {
            return .call(try procedureCall(start: start))
        }
        return nil
    }

    /// An atom with postfix operators but without label checks (a SET/REMOVE target).
    mutating func postfixTarget() throws(QueryError) -> Expression {
        let start = current.range.start
        var e: Expression
        if current.isSymbol("(") {
            advance()
            e = try expression()
            try expectSymbol(")")
        } else {
            let n = try name("a variable")
            e = Expression(.variable(n), range(from: start))
        }
        while current.isSymbol(".") {
            advance()
            let key = try name("a property name")
            e = Expression(.property(e, key), range(from: start))
        }
        return e
    }

    /// The items of SET.
    mutating func setItems() throws(QueryError) -> [SetItem] {
        var items: [SetItem] = []
        repeat {
            let s = current.range.start
            if (current.kind == .word || current.kind == .quotedName) && peek().isSymbol(":") {
                let v = advance().text
                var labels: [String] = []
                while acceptSymbol(":") { labels.append(try name("a label name")) }
                items.append(.labels(variable: v, labels: labels, range: range(from: s)))
            } else if (current.kind == .word || current.kind == .quotedName) && (peek().isSymbol("=") || peek().isSymbol("+=")) {
                let v = advance().text
                let merge = advance().text == "+="
                items.append(.properties(variable: v, value: try expression(), merge: merge, range: range(from: s)))
            } else {
                let target = try postfixTarget()
                guard case .property(let base, let key) = target.kind else { throw unexpected(expected: "a property, a variable or labels to set") }
                try expectSymbol("=")
                items.append(.property(target: base, key: key, value: try expression()))
            }
        } while acceptSymbol(",")
        return items
    }

    /// The body of RETURN / WITH: `[DISTINCT] (* | items) [ORDER BY e [ASC|DESC] [NULLS FIRST|LAST], ...]
    /// [SKIP|OFFSET e] [LIMIT e]`.
    mutating func projection(_ start: SourceLocation, isWith: Bool) throws(QueryError) -> Projection {
        let distinct = accept("DISTINCT")
        var star = false
        var items: [ProjectionItem] = []
        var unaliased: SourceRange?
        if acceptSymbol("*") {
            star = true
            if acceptSymbol(",") { items = try projectionItems(isWith: isWith, unaliased: &unaliased) }
        } else {
            items = try projectionItems(isWith: isWith, unaliased: &unaliased)
        }
        var projection = Projection(distinct: distinct, star: star, items: items, orderBy: [], skip: nil, limit: nil, range: range(from: start), unaliased: unaliased)
        try projectionTail(&projection, start)
        return projection
    }

    /// `[ORDER BY ...] [SKIP|OFFSET n] [LIMIT n]` after a projection's items (or standing alone).
    mutating func projectionTail(_ projection: inout Projection, _ start: SourceLocation) throws(QueryError) {
        var order: [SortItem] = []
        if accept("ORDER") {
            try expect("BY")
            repeat {
                let e = try expression()
                var asc = true
                if accept("DESC") || accept("DESCENDING") { asc = false } else if accept("ASC") || accept("ASCENDING") { asc = true }
                var nullsFirst: Bool?
                if current.isKeyword("NULLS") {
                    advance()
                    if accept("FIRST") { nullsFirst = true } else if accept("LAST") { nullsFirst = false } else {
                        throw unexpected(expected: "FIRST or LAST")
                    }
                }
                order.append(SortItem(expression: e, ascending: asc, nullsFirst: nullsFirst))
            } while acceptSymbol(",")
        }
        // OFFSET is a synonym of SKIP (GQL).
        let skipKeyword = current.text.uppercased()
        let skip = accept("SKIP") || accept("OFFSET") ? try expression() : nil
        let limit = accept("LIMIT") ? try expression() : nil
        projection.orderBy = order
        projection.skip = skip
        projection.limit = limit
        projection.range = range(from: start)
        if skip != nil { projection.skipKeyword = skipKeyword }
    }

    /// The items of RETURN/WITH; the first unaliased WITH expression goes to `unaliased` (the
    /// planner reports it after ORDER BY, whose errors take precedence).
    private mutating func projectionItems(isWith: Bool, unaliased: inout SourceRange?) throws(QueryError) -> [ProjectionItem] {
        var items: [ProjectionItem] = []
        repeat {
            let e = try expression()
            if accept("AS") {
                let alias = try name("an alias")
                items.append(ProjectionItem(expression: e, alias: alias, name: alias))
            } else {
                if isWith, case .variable = e.kind {} else if isWith, unaliased == nil {
                    unaliased = e.range
                }
                let n: String
                if case .variable(let v) = e.kind { n = v } else { n = text(e.range) }
                items.append(ProjectionItem(expression: e, alias: nil, name: n))
            }
        } while acceptSymbol(",")
        return items
    }
}
