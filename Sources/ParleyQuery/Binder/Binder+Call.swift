import ParleyGraph
import ParleyValues

/// Binding of CALL: resolves the procedure, checks arguments and YIELD, binds the outputs.
extension Binder {
    /// Binds `call`; returns it with the scope after it. A standalone call (the whole query)
    /// returns every output, or the yielded ones, as its result columns.
    func bindCall(_ call: ProcedureCall, scope: Scope, standalone: Bool) throws(QueryError) -> (BoundCall, Scope) {
        guard let procedure = procedures.procedure(named: call.name) else {
            let known = procedures.signatures.map(\.name)
            let hint = Parser.nearest(call.name.uppercased(), among: known.map { $0.uppercased() })
                .flatMap { n in known.first { $0.uppercased() == n } }
            throw QueryError(.compileTime, .procedure(.procedureNotFound),
                             "There is no procedure with the name `\(call.name)`", at: call.nameRange,
                             hint: hint.map { "did you mean \($0)?" } ?? (known.isEmpty ? nil : "known procedures: \(known.joined(separator: ", "))"))
        }
        let signature = procedure.signature
        let arguments = try callArguments(call, signature, scope: scope, standalone: standalone)

        // YIELD: which outputs, under which names.
        var items: [(index: Int, alias: String, range: SourceRange)] = []
        if call.yieldStar {
            if !standalone {
                throw error(.syntax(.unexpectedSyntax), "YIELD * is only allowed in a standalone procedure call", call.range)
            }
            items = signature.outputs.enumerated().map { ($0.offset, $0.element.name, call.range) }
        } else if let yields = call.yields {
            for y in yields {
                guard let i = signature.outputs.firstIndex(where: { $0.name == y.output }) else {
                    throw error(.syntax(.unknownProcedureOutput),
                                "Unknown procedure output `\(y.output)`; \(signature.name) yields \(outputList(signature))", y.range)
                }
                items.append((i, y.alias, y.range))
            }
        } else if standalone {
            items = signature.outputs.enumerated().map { ($0.offset, $0.element.name, call.range) }
        }
        var newScope = scope
        var outputs: [(index: Int, slot: Int)] = []
        var bound = BoundCall(procedure: procedure.name, signature: signature.description, arguments: arguments, outputs: [],
                              range: call.range, argumentRanges: call.arguments?.map(\.range) ?? [])
        for item in items {
            if newScope[item.alias] != nil {
                throw error(.syntax(.variableAlreadyBound), "Variable `\(item.alias)` already declared", item.range)
            }
            let slot = slots.allocate(item.alias)
            newScope.bind(item.alias, Variable(slot: slot, kind: .value))
            outputs.append((item.index, slot))
            bound.columns.append(item.alias)
            bound.columnSlots.append(slot)
        }
        bound.outputs = outputs
        if let predicate = call.predicate {
            let expression = try bind(predicate, BindingContext(scope: newScope, clause: "WHERE"))
            bound.predicate = BoundPredicate(expression: expression, text: text(predicate.range), range: predicate.range)
        }
        return (bound, newScope)
    }

    /// Binds and checks the arguments: explicit ones against the parameter count and types,
    /// implicit ones (no parentheses, standalone only) from the query parameters.
    private func callArguments(_ call: ProcedureCall, _ signature: ProcedureSignature, scope: Scope, standalone: Bool) throws(QueryError) -> [BoundExpression] {
        guard let args = call.arguments else {
            if signature.parameters.isEmpty || (!standalone && signature.requiredParameterCount == 0) { return [] }
            if !standalone {
                throw error(.syntax(.invalidArgumentPassingMode),
                            "Procedure call inside a query does not support passing arguments implicitly; write \(signature.name)(\(signature.parameters.map { "$" + $0.name }.joined(separator: ", ")))", call.range)
            }
            var bound: [BoundExpression] = []
            for p in signature.parameters {
                if parameters[p.name] == nil, p.defaultValue != nil { break }
                guard let v = parameters[p.name] else {
                    throw error(.parameterMissing(.missingParameter), "Expected parameter $\(p.name) to be provided (implicit argument of \(signature.name))", call.range)
                }
                try checkArgument(v, p, signature, call.range)
                bound.append(.constant(v))
            }
            return bound
        }
        let required = signature.requiredParameterCount, most = signature.parameters.count
        if args.count < required || args.count > most {
            let takes = required == most ? "\(most)" : "\(required) to \(most)"
            throw error(.syntax(.invalidNumberOfArguments),
                        "Procedure \(signature.name) takes \(takes) argument\(most == 1 && required == 1 ? "" : "s"), got \(args.count) (signature: \(signature))", call.range)
        }
        var bound: [BoundExpression] = []
        for (arg, p) in zip(args, signature.parameters) {
            let b = try bind(arg, BindingContext(scope: scope, clause: "CALL"))
            if case .constant(let v) = b { try checkArgument(v, p, signature, arg.range) }
            bound.append(b)
        }
        return bound
    }

    /// A compile-time InvalidArgumentType error unless `p` accepts `v`.
    private func checkArgument(_ v: Value, _ p: ProcedureField, _ signature: ProcedureSignature, _ range: SourceRange) throws(QueryError) {
        if !p.type.accepts(v) {
            throw error(.syntax(.invalidArgumentType),
                        "Type mismatch for argument `\(p.name)` of \(signature.name): expected \(p.type) but was \(v.typeName)", range)
        }
    }

    /// `a :: INTEGER?, b :: STRING?` or `nothing` for a void procedure.
    private func outputList(_ s: ProcedureSignature) -> String {
        s.outputs.isEmpty ? "nothing" : s.outputs.map(\.description).joined(separator: ", ")
    }
}
