import ParleyGraph
import ParleyValues

/// Calls a procedure once per input row and produces one row per result row, writing the
/// yielded outputs into their slots. A void procedure passes each input row through once.
final class ProcedureCallOperator: Operator {
    let procedure: Procedure
    /// The argument expressions, in parameter order.
    let arguments: [BoundExpression]
    /// (output column index, slot) for every yielded output.
    let outputs: [(index: Int, slot: Int)]
    /// Where the call is written, for runtime errors.
    let range: SourceRange
    /// Where each explicit argument is written.
    let argumentRanges: [SourceRange]
    @exclusivity(unchecked) private var results: ProcedureRows = []
    @exclusivity(unchecked) private var index = 0

    init(input: Operator, procedure: Procedure, arguments: [BoundExpression], outputs: [(index: Int, slot: Int)],
         range: SourceRange, argumentRanges: [SourceRange] = []) {
        self.procedure = procedure
        self.arguments = arguments
        self.outputs = outputs
        self.range = range
        self.argumentRanges = argumentRanges
        super.init(input: input)
    }


    override func open(_ ctx: ExecutionContext) throws(QueryError) {
        try super.open(ctx)
        results = []
        index = 0
    }

    override func next(_ ctx: ExecutionContext) throws(QueryError) -> Bool {
        while true {
            if index < results.count {
                try ctx.tick()
                for o in outputs { ctx.row[o.slot] = results.value(row: index, column: o.index) }
                index += 1
                return true
            }
            guard try input!.pull(ctx) else { return false }
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for (i, (a, field)) in zip(arguments, procedure.signature.parameters).enumerated() {
                let v = try ctx.eval(a)
                if !field.type.accepts(v) {
                    throw QueryError(.runtime, .type(.invalidArgumentType),
                                     "Type mismatch for argument `\(field.name)` of \(procedure.name): expected \(field.type) but was \(v.typeName)",
                                     at: i < argumentRanges.count ? argumentRanges[i] : range)
                }
                values.append(field.type.coerce(v))
            }
            // Arguments left out take their defaults.
            for field in procedure.signature.parameters.dropFirst(arguments.count) {
                values.append(field.defaultValue ?? .null)
            }
            var rows: ProcedureRows
            do {
                let context = ProcedureContext(graph: ctx.graph, execution: ctx, step: self,
                                               argumentRanges: argumentRanges, callRange: range)
                rows = try procedure.body(values, context)
            } catch {
                var e = error
                if e.range == nil { e.range = range }
                throw e
            }
            if procedure.isVoid { return true }
            let width = procedure.signature.outputs.count
            if let bad = rows.widthMismatch(width) {
                throw QueryError(.runtime, .procedure(.procedureCallFailed),
                                 "Procedure \(procedure.name) returned a row of \(bad) values; its signature has \(width) outputs", at: range)
            }
            results = rows
            index = 0
        }
    }
}
