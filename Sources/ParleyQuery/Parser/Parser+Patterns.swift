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

    /// One pattern part, optionally named and optionally wrapped in shortestPath().
    mutating func patternPart(allowNamed: Bool) throws(QueryError) -> PatternPart {
        let start = current.range.start
        var pathVariable: String?
        if allowNamed, current.kind == .word || current.kind == .quotedName, peek().isSymbol("=") {
            pathVariable = advance().text
            advance()
        }
        var shortest = PatternPart.Shortest.none
        if current.kind == .word && peek().isSymbol("(") {
            let u = current.text.uppercased()
            if u == "SHORTESTPATH" { shortest = .shortest } else if u == "ALLSHORTESTPATHS" { shortest = .allShortest }
            if shortest != .none { advance(); advance() }
        }
        var part = try chain(start)
        if shortest != .none { try expectSymbol(")") }
        part.pathVariable = pathVariable
        part.shortest = shortest
        part.range = range(from: start)
        return part
    }

    private mutating func chain(_ start: SourceLocation) throws(QueryError) -> PatternPart {
        let first = try nodePattern()
        var steps: [(relationship: RelationshipPattern, node: NodePattern)] = []
        while current.isSymbol("-") || current.isSymbol("<") {
            let rel = try relationshipPattern()
            steps.append((rel, try nodePattern()))
        }
        return PatternPart(pathVariable: nil, first: first, chain: steps, range: range(from: start))
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
    private mutating func patternPredicate() throws(QueryError) -> Expression {
        let outer = inComprehensionPredicate
        inComprehensionPredicate = false
        defer { inComprehensionPredicate = outer }
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
