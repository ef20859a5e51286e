import ParleyGraph
import ParleyValues

/// Patterns: `p = (a:L {k: v})-[r:T*1..3]->(b)`.
extension Parser {
    /// A comma-separated list of pattern parts.
    mutating func patternList() throws(QueryError) -> [PatternPart] {
        var parts = [try patternPart(allowNamed: true)]
        while acceptSymbol(",") { parts.append(try patternPart(allowNamed: true)) }
        return parts
    }

    /// One pattern part, optionally named, optionally after a path selector (`SHORTEST 2`) and
    /// optionally wrapped in shortestPath().
    mutating func patternPart(allowNamed: Bool) throws(QueryError) -> PatternPart {
        let start = current.range.start
        var pathVariable: String?
        if allowNamed, current.kind == .word || current.kind == .quotedName, peek().isSymbol("=") {
            pathVariable = advance().text
            advance()
        }
        let selector = try pathSelector()
        var shortest = PatternPart.Shortest.none
        if selector == nil, current.kind == .word && peek().isSymbol("(") {
            let u = current.text.uppercased()
            if u == "SHORTESTPATH" { shortest = .shortest } else if u == "ALLSHORTESTPATHS" { shortest = .allShortest }
            if shortest != .none { advance(); advance() }
        }
        var part = try chain(start)
        if shortest != .none { try expectSymbol(")") }
        part.pathVariable = pathVariable
        part.shortest = shortest
        part.selector = selector
        part.range = range(from: start)
        return part
    }

    /// `shortestPath((a)-[*]-(b))` or `allShortestPaths(...)` where an expression stands: like a
    /// pattern comprehension collecting the paths, run per row with the ends bound;
    /// shortestPath gives the one path (null when there is none), allShortestPaths the list.
    mutating func shortestPathExpression(_ start: SourceLocation) throws(QueryError) -> Expression {
        let all = current.text.uppercased() == "ALLSHORTESTPATHS"
        var part = try patternPart(allowNamed: false)
        // A name no query can write (it has spaces), visible only inside the comprehension.
        let name = "  shortest path"
        part.pathVariable = name
        let r = range(from: start)
        let paths = Expression(.patternComprehension(part, predicate: nil, projection: Expression(.variable(name), r)), r)
        return all ? paths : Expression(.function(name: "head", distinct: false, args: [paths]), r)
    }

    /// `ANY`, `ANY k`, `ANY SHORTEST`, `SHORTEST k`, `ALL SHORTEST`, `SHORTEST k GROUPS`, `ALL`
    /// (each optionally followed by PATH or PATHS), when one stands before a path pattern.
    private mutating func pathSelector() throws(QueryError) -> PathSelector? {
        guard current.kind == .word, current.isKeyword("ANY") || current.isKeyword("ALL") || current.isKeyword("SHORTEST") else { return nil }
        // `ANY (` / `ALL (` may start a pattern only when a pattern follows (not the list predicates any(x IN …)).
        let start = current.range.start
        let word = advance().text.uppercased()
        func count() throws(QueryError) -> Int? {
            guard current.kind == .integer else { return nil }
            let t = current
            let k = try smallInt()
            if k < 1 {
                throw error(.invalidQuantifier, "A path selector needs a count of at least 1, not \(k)", t.range)
            }
            return k
        }
        var kind: PathSelector.Kind
        switch word {
        case "ANY":
            if accept("SHORTEST") { kind = .shortest(1) } else { kind = .any(try count() ?? 1) }
        case "ALL":
            kind = accept("SHORTEST") ? .allShortest : .all
        default:
            let k = try count()
            _ = accept("PATH") || accept("PATHS")
            if accept("GROUP") || accept("GROUPS") {
                return PathSelector(kind: .shortestGroups(k ?? 1), range: range(from: start))
            }
            guard let k else { throw unexpected(expected: "a number of paths (SHORTEST 1), or GROUPS") }
            kind = .shortest(k)
        }
        _ = accept("PATH") || accept("PATHS")
        if !current.isSymbol("(") { throw unexpected(expected: "a path pattern after the path selector") }
        return PathSelector(kind: kind, range: range(from: start))
    }

    private mutating func chain(_ start: SourceLocation) throws(QueryError) -> PatternPart {
        var steps: [(relationship: RelationshipPattern, node: NodePattern)] = []
        let first: NodePattern
        if current.isSymbol("(") && peek().isSymbol("(") {
            // A path that opens with a quantified path pattern: its left end is an anonymous node.
            first = NodePattern(variable: nil, labels: [], properties: nil, range: SourceRange(start: current.range.start, end: current.range.start))
        } else {
            first = try nodePattern()
        }
        while true {
            if current.isSymbol("-") || current.isSymbol("<") {
                var rel = try relationshipPattern()
                rel.quantifier = try quantifier()
                if let q = rel.quantifier, rel.length != nil {
                    throw error(.unexpectedSyntax, "A variable-length relationship (*) cannot also be quantified (write -[:R]->{1,3} or -[:R*1..3]->)", q.range)
                }
                steps.append((rel, try nodePattern()))
            } else if current.isSymbol("(") && peek().isSymbol("(") {
                let group = try quantifiedGroup()
                let here = SourceRange(start: previousEnd, end: previousEnd)
                var rel = RelationshipPattern(variable: nil, types: [], properties: nil, direction: .right, length: nil, range: group.range)
                rel.group = group
                // The node after the group: written next to it, or anonymous.
                let node = current.isSymbol("(") && !peek().isSymbol("(")
                    ? try nodePattern() : NodePattern(variable: nil, labels: [], properties: nil, range: here)
                steps.append((rel, node))
            } else if current.isSymbol("("), peek().kind == .word || peek().kind == .quotedName || peek().isSymbol(":") || peek().isSymbol(")") {
                throw error(.unexpectedSyntax, "Juxtaposed node patterns are only allowed around a quantified path pattern (write a relationship between them)",
                            current.range)
            } else {
                break
            }
        }
        return PatternPart(pathVariable: nil, first: first, chain: steps, range: range(from: start))
    }

    /// `((a)-[r]->(b) WHERE predicate){m,n}`.
    private mutating func quantifiedGroup() throws(QueryError) -> QuantifiedGroup {
        let start = current.range.start
        if inQuantifiedGroup {
            // Checked before descending: nesting is not allowed, so `((((…` never recurses deeper.
            throw error(.unexpectedSyntax, "Quantified path patterns cannot be nested (a quantified path pattern inside another)", current.range)
        }
        inQuantifiedGroup = true
        defer { inQuantifiedGroup = false }
        try expectSymbol("(")
        let pathStart = current.range.start
        if current.kind == .word && peek().isSymbol("=") {
            throw error(.unexpectedSyntax, "A path variable cannot be declared inside a quantified path pattern", current.range)
        }
        var inner = try chain(pathStart)
        inner.range = range(from: pathStart)
        let predicate = accept("WHERE") ? try patternPredicate() : nil
        try expectSymbol(")")
        guard let q = try quantifier() else {
            throw unexpected(expected: "a quantifier ({m,n}, +, *) after a parenthesized path pattern")
        }
        if inner.chain.isEmpty {
            throw error(.unexpectedSyntax, "A quantified path pattern needs at least one relationship; a single node pattern cannot be quantified", range(from: start))
        }
        for step in inner.chain where step.relationship.quantifier != nil || step.relationship.group != nil {
            throw error(.unexpectedSyntax, "Quantified path patterns cannot be nested (a quantifier inside a quantified path pattern)",
                        step.relationship.quantifier?.range ?? step.relationship.range)
        }
        return QuantifiedGroup(path: inner, predicate: predicate, quantifier: q, range: range(from: start))
    }

    /// `{m,n}`, `{m,}`, `{,n}`, `{n}`, `+` or `*` after a relationship or a parenthesized path.
    private mutating func quantifier() throws(QueryError) -> Quantifier? {
        let start = current.range.start
        if acceptSymbol("+") { return Quantifier(min: 1, max: nil, range: range(from: start)) }
        if acceptSymbol("*") { return Quantifier(min: 0, max: nil, range: range(from: start)) }
        guard current.isSymbol("{"), peek().kind == .integer || peek().isSymbol(",") else { return nil }
        advance()
        var lo: Int?, hi: Int?
        if current.kind == .integer { lo = try smallInt() }
        if acceptSymbol(",") {
            if current.kind == .integer { hi = try smallInt() }
        } else {
            hi = lo
        }
        try expectSymbol("}")
        let r = range(from: start)
        if let lo, let hi, lo > hi {
            throw error(.invalidQuantifier, "A quantifier's lower bound (\(lo)) cannot be greater than its upper bound (\(hi))", r)
        }
        if hi == 0 {
            throw error(.invalidQuantifier, "A quantifier's upper bound must be greater than 0", r)
        }
        return Quantifier(min: lo ?? 0, max: hi, range: r)
    }

    /// `(n:A:B {k: v})`.
    mutating func nodePattern() throws(QueryError) -> NodePattern {
        let start = current.range.start
        try expectSymbol("(")
        var variable: String?
        if current.kind == .word || current.kind == .quotedName { variable = advance().text }
        var labels: [String] = []
        var labelExpression: LabelExpression?
        if current.isSymbol(":") {
            let e = try self.labelExpression(relationship: false)
            if let names = e.conjunction { labels = names } else { labelExpression = e }
        }
        let props = try patternProperties()
        let predicate = accept("WHERE") ? try patternPredicate() : nil
        try expectSymbol(")")
        return NodePattern(variable: variable, labels: labels, properties: props, range: range(from: start),
                           labelExpression: labelExpression, predicate: predicate)
    }

    private mutating func patternProperties() throws(QueryError) -> Expression? {
        if current.isSymbol("{") {
            let s = current.range.start
            let entries = try mapLiteral()
            return Expression(.map(entries), range(from: s))
        }
        if current.kind == .parameter {
            let t = advance()
            return Expression(.parameter(t.text), t.range)
        }
        return nil
    }

    /// `-[r:T|U *1..2 {k: v}]->`, `<--`, `--`.
    mutating func relationshipPattern() throws(QueryError) -> RelationshipPattern {
        let start = current.range.start
        let leftArrow = acceptSymbol("<")
        try expectSymbol("-")
        var variable: String?
        var types: [String] = []
        var props: Expression?
        var length: (min: Int?, max: Int?)?
        var typeExpression: LabelExpression?
        var predicate: Expression?
        if acceptSymbol("[") {
            if current.kind == .word || current.kind == .quotedName { variable = advance().text }
            if current.isSymbol(":") {
                let e = try labelExpression(relationship: true)
                if let names = e.disjunction { types = names } else { typeExpression = e }
            }
            if acceptSymbol("*") {
                if current.isSymbol("-") {
                    throw error(.invalidRelationshipPattern, "Invalid relationship pattern: a length bound cannot be negative", current.range)
                }
                var lo: Int?, hi: Int?
                if current.kind == .integer { lo = try smallInt() }
                if acceptSymbol("..") {
                    if current.kind == .integer { hi = try smallInt() }
                } else if lo != nil {
                    hi = lo
                }
                length = (lo, hi)
            }
            if current.isSymbol("..") || (current.kind == .integer && peek().isSymbol("..")) {
                throw error(.invalidRelationshipPattern, "Invalid relationship pattern: a range needs '*' (write *1..2)", current.range)
            }
            props = try patternProperties()
            if accept("WHERE") { predicate = try patternPredicate() }
            try expectSymbol("]")
        }
        try expectSymbol("-")
        let rightArrow = acceptSymbol(">")
        // `<-->` means either direction, like `--`.
        let dir: RelationshipPattern.Direction = leftArrow == rightArrow ? .both : (leftArrow ? .left : .right)
        return RelationshipPattern(variable: variable, types: types, properties: props, direction: dir, length: length, range: range(from: start),
                                   typeExpression: typeExpression, predicate: predicate)
    }

    /// The predicate after WHERE inside a node or relationship pattern (a `|` there is a label
    /// disjunction again, even inside a comprehension's predicate).
    mutating func patternPredicate() throws(QueryError) -> Expression {
        let outer = inComprehensionPredicate, outerGroup = inQuantifiedGroup
        inComprehensionPredicate = false
        inQuantifiedGroup = false
        defer {
            inComprehensionPredicate = outer
            inQuantifiedGroup = outerGroup
        }
        return try expression()
    }

    private mutating func smallInt() throws(QueryError) -> Int {
        let t = advance()
        guard case .int(let v) = try integerLiteral(t.text, t.range), v <= Int64(Int32.max) else {
            throw error(.invalidNumberLiteral, "Invalid range bound '\(t.text)'", t.range)
        }
        return Int(v)
    }
}
