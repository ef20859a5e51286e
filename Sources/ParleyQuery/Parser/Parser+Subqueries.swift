import ParleyGraph
import ParleyValues

/// Subquery bodies (`{ ... }` of EXISTS, COUNT, COLLECT and CALL) and the CALL subquery clause.
extension Parser {
    /// `{ query (UNION [ALL] query)* }`, or with `allowPattern`, `{ pattern [WHERE predicate] }`.
    mutating func subqueryBody(allowPattern: Bool) throws(QueryError) -> SubqueryBody {
        let start = current.range.start
        try expectSymbol("{")
        var queries: [[Clause]]
        var all: [Bool] = []
        let patternFirst = current.isSymbol("(") || ((current.kind == .word || current.kind == .quotedName) && peek().isSymbol("="))
        if allowPattern && patternFirst {
            let s = current.range.start
            let patterns = try patternList()
            let predicate = accept("WHERE") ? try expression() : nil
            queries = [[.match(optional: false, patterns: patterns, predicate: predicate, range: range(from: s))]]
        } else {
            queries = [try singleQuery()]
            while accept("UNION") {
                all.append(accept("ALL"))
                queries.append(try singleQuery())
            }
        }
        try expectSymbol("}")
        return SubqueryBody(queries: queries, unionAll: all, range: range(from: start))
    }

    /// `[OPTIONAL] CALL [(a, b) | (*)] { ... }`, with the current token `CALL` or `OPTIONAL`.
    mutating func subqueryCall() throws(QueryError) -> Clause {
        let start = current.range.start
        let optional = accept("OPTIONAL")
        try expect("CALL")
        var imports: SubqueryCall.Imports?
        if acceptSymbol("(") {
            if acceptSymbol("*") {
                imports = .all
            } else {
                var names: [(name: String, range: SourceRange)] = []
                if !current.isSymbol(")") {
                    repeat {
                        let s = current.range.start
                        let n = try name("a variable name")
                        names.append((n, range(from: s)))
                    } while acceptSymbol(",")
                }
                imports = .names(names)
            }
            try expectSymbol(")")
        }
        let body = try subqueryBody(allowPattern: false)
        return .subqueryCall(SubqueryCall(imports: imports, body: body, optional: optional, range: range(from: start)))
    }

    /// Whether the current tokens start a CALL subquery clause rather than a procedure call.
    var atSubqueryCall: Bool {
        if current.isKeyword("CALL") { return peek().isSymbol("{") || peek().isSymbol("(") }
        if current.isKeyword("OPTIONAL") && peek().isKeyword("CALL") { return true }
        return false
    }
}
