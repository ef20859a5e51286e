import ParleyGraph
import ParleyValues

extension Parser {
    /// Parses a CALL clause after the `CALL` keyword.
    mutating func procedureCall(start: SourceLocation) throws(QueryError) -> ProcedureCall {
        let nameStart = current.range.start
        var parts = [try name("a procedure name")]
        while acceptSymbol(".") { parts.append(try name("a procedure name")) }
        let nameRange = range(from: nameStart)
        var arguments: [Expression]?
        if acceptSymbol("(") {
            var args: [Expression] = []
            if !current.isSymbol(")") {
                repeat { args.append(try expression()) } while acceptSymbol(",")
            }
            try expectSymbol(")")
            arguments = args
        }
        var star = false
        var yields: [ProcedureCall.YieldItem]?
        var predicate: Expression?
        if accept("YIELD") {
            if acceptSymbol("*") {
                star = true
            } else {
                var items: [ProcedureCall.YieldItem] = []
                repeat {
                    let s = current.range.start
                    let output = try name("a procedure output name")
                    let alias = accept("AS") ? try name("a variable name") : output
                    items.append(.init(output: output, alias: alias, range: range(from: s)))
                } while acceptSymbol(",")
                yields = items
            }
            if accept("WHERE") { predicate = try expression() }
        }
        return ProcedureCall(name: parts.joined(separator: "."), nameRange: nameRange, arguments: arguments,
                             yieldStar: star, yields: yields, predicate: predicate, range: range(from: start))
    }
}
