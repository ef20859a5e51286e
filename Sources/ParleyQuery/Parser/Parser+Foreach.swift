import ParleyGraph
import ParleyValues

/// `FOREACH (variable IN list | update clauses)`.
extension Parser {
    /// The rest of a FOREACH clause after its keyword: only update clauses (CREATE, MERGE, SET,
    /// REMOVE, DELETE, FOREACH) may appear in the body.
    mutating func foreachClause(_ start: SourceLocation) throws(QueryError) -> Clause {
        try expectSymbol("(")
        let variable = try name("a variable name")
        try expect("IN")
        let list = try expression()
        try expectSymbol("|")
        var body: [Clause] = []
        while !current.isSymbol(")") {
            guard let clause = try clause() else {
                throw unexpected(expected: body.isEmpty ? "an update clause (CREATE, MERGE, SET, REMOVE, DELETE, FOREACH)"
                                                        : "an update clause (CREATE, MERGE, SET, REMOVE, DELETE, FOREACH) or ')'")
            }
            guard clause.isWrite else {
                throw error(.invalidClauseComposition,
                            "Invalid use of \(clause.name) inside FOREACH: only CREATE, MERGE, SET, REMOVE, DELETE and FOREACH can be used",
                            clause.range)
            }
            body.append(clause)
        }
        if body.isEmpty { throw unexpected(expected: "an update clause (CREATE, MERGE, SET, REMOVE, DELETE, FOREACH)") }
        try expectSymbol(")")
        return .foreach(variable: variable, list: list, body: body, range: range(from: start))
    }
}
