import ParleyGraph

/// Renders an operator tree as indented text, root first (EXPLAIN), optionally with rows and
/// time per operator (PROFILE).
enum PlanPrinter {
    /// The plan of a compiled statement.
    static func render(_ statement: CompiledStatement, profile: Bool) -> String {
        var lines: [String] = []
        for (i, part) in statement.parts.enumerated() {
            if i > 0 { lines.append(statement.distinctUnion ? "Union" : "UnionAll") }
            let header = part.columns.isEmpty ? "ProduceResults" : "ProduceResults " + part.columns.joined(separator: ", ")
            lines.append(header)
            render(part.root, depth: 1, profile: profile, into: &lines)
        }
        return lines.joined(separator: "\n")
    }

    /// Plans deeper than this are not indented further; their lines carry their depth instead
    /// (`(120) Projection …`), so a long pipeline prints in linear space.
    static let maxIndent = 64

    /// Appends the lines of `root`'s tree, walking it with a stack of its own (a pipeline of
    /// thousands of WITH clauses is thousands of operators deep).
    private static func render(_ root: Operator, depth: Int, profile: Bool, into lines: inout [String]) {
        enum Item { case op(Operator, Int), perRow(Int) }
        var pending: [Item] = [.op(root, depth)]
        while let item = pending.popLast() {
            switch item {
            case .perRow(let depth):
                lines.append(indent(depth) + "(per row)")
            case .op(let op, let depth):
                var line = indent(depth) + op.name
                if !op.details.isEmpty { line += " " + op.details }
                if profile {
                    let ms = Double(op.elapsed.components.seconds) * 1000 + Double(op.elapsed.components.attoseconds) / 1e15
                    line += "  [rows=\(op.rowsProduced), time=\(formatMs(ms)) ms]"
                }
                lines.append(line)
                // Pushed in reverse: sub-plans print first, then the input.
                if let input = op.input { pending.append(.op(input, depth + 1)) }
                for sub in op.subPlans.reversed() {
                    pending.append(.op(sub, depth + 2))
                    pending.append(.perRow(depth + 1))
                }
            }
        }
    }

    /// The indentation of a line at `depth`.
    private static func indent(_ depth: Int) -> String {
        depth <= maxIndent ? String(repeating: "  ", count: depth) : String(repeating: "  ", count: maxIndent) + "(\(depth)) "
    }

    private static func formatMs(_ ms: Double) -> String {
        let hundredths = Int((ms * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
