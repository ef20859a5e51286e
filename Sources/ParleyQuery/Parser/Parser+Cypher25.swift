import ParleyValues

/// Cypher 25's clauses that stand for a `WITH *` with something more: `LET`, `FILTER`, a
/// standalone `ORDER BY` / `OFFSET` / `SKIP` / `LIMIT`; and `FINISH`.
extension Parser {
    /// One of those clauses, or nil if the current token starts none of them.
    mutating func cypher25Clause(_ start: SourceLocation) throws(QueryError) -> Clause? {
        func starProjection(_ origin: Projection.Origin) -> Projection {
            var p = Projection(distinct: false, star: true, items: [], orderBy: [], skip: nil, limit: nil, range: range(from: start))
            p.origin = origin
            return p
        }
        if current.isKeyword("LET") && (peek().kind == .word || peek().kind == .quotedName) {
            advance()
            var items: [ProjectionItem] = []
            repeat {
                let name = try self.name("a variable name")
                try expectSymbol("=")
                items.append(ProjectionItem(expression: try expression(), alias: name, name: name))
            } while acceptSymbol(",")
            var p = starProjection(.let)
            p.items = items
            p.range = range(from: start)
            return .with(p, predicate: nil)
        }
        if current.isKeyword("FILTER") {
            advance()
            _ = accept("WHERE")
            let predicate = try expression()
            var p = starProjection(.filter)
            p.range = range(from: start)
            return .with(p, predicate: predicate)
        }
        if current.isKeyword("FINISH") {
            advance()
            return .finish(range: range(from: start))
        }
        if current.isKeyword("ORDER") || current.isKeyword("SKIP") || current.isKeyword("OFFSET") || current.isKeyword("LIMIT") {
            let keyword = current.isKeyword("ORDER") ? "ORDER BY" : current.text.uppercased()
            var p = starProjection(.standalone(keyword))
            try projectionTail(&p, start)
            return .with(p, predicate: nil)
        }
        return nil
    }
}
