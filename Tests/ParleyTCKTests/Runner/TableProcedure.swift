import ParleyGraph
import ParleyQuery
import ParleyValues

/// The procedure of a `there exists a procedure <signature>:` step: its table lists, per row,
/// the argument values followed by the output values; a call yields the outputs of every row
/// whose arguments equal the call's (null matches null).
enum TableProcedure {
    /// Why a step could not be turned into a procedure.
    struct Problem: Error { var message: String }

    /// Builds the procedure from the step text after `there exists a procedure ` and its table.
    static func make(step text: String, table: [[String]]) -> Result<Procedure, Problem> {
        var sig = Substring(text.dropFirst("there exists a procedure ".count))
        while sig.last == " " || sig.last == ":" { sig = sig.dropLast() }
        guard let signature = ProcedureSignature(parsing: String(sig)) else {
            return .failure(Problem(message: "unreadable procedure signature `\(sig)`"))
        }
        let inputs = signature.parameters.count, width = inputs + signature.outputs.count
        var rows: [[Value]] = []
        if width > 0 {
            guard let header = table.first, header == (signature.parameters + signature.outputs).map(\.name) else {
                return .failure(Problem(message: "procedure table header does not match the signature \(signature)"))
            }
            for cells in table.dropFirst() {
                guard cells.count == width else { return .failure(Problem(message: "procedure table row with \(cells.count) cells")) }
                var row: [Value] = []
                for cell in cells {
                    guard let parsed = try? TCKValueParser.parse(cell), let v = parsed.parameterValue else {
                        return .failure(Problem(message: "unreadable procedure table value `\(cell)`"))
                    }
                    row.append(v)
                }
                rows.append(row)
            }
        }
        let table = rows
        return .success(Procedure(signature) { args, _ in
            ProcedureRows(rows: table.filter { Array($0.prefix(inputs)) == args }.map { Array($0.dropFirst(inputs)) })
        })
    }
}
